package dev.junction.ui.users;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.users.PasswordPolicy;

import java.util.function.Consumer;

/** Asks an admin for a user's new password; the policy's answer is shown on the field. */
class ResetPasswordDialog extends Dialog {

    private final PasswordField password = new PasswordField("New password");

    ResetPasswordDialog(String username, Consumer<String> reset) {
        setHeaderTitle("Reset the password of '" + username + "'");
        password.setId("reset-password-value");
        password.setRequired(true);
        password.setWidthFull();
        password.setHelperText(PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                + " characters, not containing the user name. A reset also lifts a sign-in lock.");
        add(password);
        setWidth("28em");

        Button save = new Button("Reset password", click -> {
            password.setInvalid(false);
            try {
                reset.accept(password.getValue());
                close();
            } catch (InvalidInputException e) {
                password.setErrorMessage(e.problems().stream().map(p -> "Password " + p.message())
                        .reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
                password.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.setId("save-password");
        getFooter().add(new Button("Cancel", click -> close()), save);
        password.focus();
    }
}
