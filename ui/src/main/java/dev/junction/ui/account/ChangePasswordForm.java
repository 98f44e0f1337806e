package dev.junction.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.users.OwnAccountService;
import dev.junction.backend.users.PasswordPolicy;
import dev.junction.ui.shared.FieldErrors;
import dev.junction.ui.shared.Notifications;

import java.util.List;

/**
 * Changes the signed-in user's password: the current one, the new one and the new one again. That the two new ones
 * match is checked here; everything else (the current password, the policy) by {@link OwnAccountService}, whose
 * problems are shown on the field they name.
 */
class ChangePasswordForm extends VerticalLayout {

    private final OwnAccountService account;
    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField replacement = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("New password again");
    private final FieldErrors errors = new FieldErrors().on("current", "Current password", current)
            .on("new", "New password", replacement).on("repeat", "New password again", repeat)
            .otherwise("New password", replacement);

    ChangePasswordForm(OwnAccountService account) {
        this.account = account;
        setPadding(false);
        current.setId("account-current-password");
        replacement.setId("account-new-password");
        repeat.setId("account-repeat-password");
        List.of(current, replacement, repeat).forEach(field -> field.setRequired(true));
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        replacement.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        replacement.setHelperText(PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                + " characters, not containing your user name");

        FormLayout form = new FormLayout(current, replacement, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        form.setWidthFull();

        Button change = new Button("Change password", click -> change());
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.setId("change-password");
        add(new H3("Password"), form, change);
    }

    private void change() {
        errors.clear();
        if (!replacement.getValue().equals(repeat.getValue())) {
            errors.showSentence("repeat", "Does not match the new password");
            return;
        }
        try {
            account.changePassword(current.getValue(), replacement.getValue());
        } catch (InvalidInputException e) {
            errors.show(e);
            return;
        }
        List.of(current, replacement, repeat).forEach(field -> {
            field.clear();
            field.setInvalid(false); // clearing a required field would show it as wrong
        });
        Notifications.success("Your password was changed; sign in with the new one from now on.");
    }
}
