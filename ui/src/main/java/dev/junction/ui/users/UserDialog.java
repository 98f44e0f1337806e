package dev.junction.ui.users;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.users.PasswordPolicy;
import dev.junction.backend.users.UserService;
import dev.junction.backend.users.UserView;
import dev.junction.db.users.Role;
import dev.junction.ui.shared.FieldErrors;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks for a new user (name, display name, roles, first password) or for a user's new display name and roles.
 * The service decides what is valid; its answer is shown on the field it names, and the dialog stays open until a
 * save succeeds.
 */
class UserDialog extends Dialog {

    /** What the admin typed; {@code username} and {@code password} are null when editing. */
    record Input(String username, String displayName, Set<Role> roles, String password, String email) {
    }

    /** Saves the input; throws the service's exceptions when it is refused. */
    @FunctionalInterface
    interface Save {
        void save(Input input);
    }

    private final TextField username = new TextField("User name");
    private final TextField displayName = new TextField("Display name");
    private final TextField email = new TextField("E-mail address");
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    private final PasswordField password = new PasswordField("Password");
    private final Binder<Draft> binder = new Binder<>();
    private final FieldErrors errors = new FieldErrors();
    private final boolean creating;

    /** The form's values while it is open. */
    private static final class Draft {
        String username = "";
        String displayName = "";
        Set<Role> roles = new HashSet<>();
        String password = "";
        String email = "";
    }

    static UserDialog forNewUser(Save save) {
        return new UserDialog("New user", null, save);
    }

    static UserDialog forExistingUser(UserView user, Save save) {
        return new UserDialog("User '" + user.username() + "'", user, save);
    }

    private UserDialog(String title, UserView existing, Save save) {
        this.creating = existing == null;
        setHeaderTitle(title);
        username.setId("user-username");
        username.setRequired(true);
        username.setMaxLength(64);
        username.setHelperText("Letters, digits and . _ @ -; stored in lower case");
        displayName.setId("user-display-name");
        displayName.setRequired(true);
        displayName.setMaxLength(UserService.DISPLAY_NAME_MAX_LENGTH);
        email.setId("user-email");
        email.setHelperText("Optional: where Junction writes to the user, e.g. when an error group is assigned to"
                + " them");
        roles.setId("user-roles");
        roles.setItems(List.of(Role.values()));
        roles.setRequired(true);
        password.setId("user-password");
        password.setRequired(true);
        password.setHelperText(PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                + " characters, not containing the user name");
        binder.bind(username, draft -> draft.username, (draft, value) -> draft.username = value);
        binder.bind(displayName, draft -> draft.displayName, (draft, value) -> draft.displayName = value);
        binder.bind(email, draft -> draft.email, (draft, value) -> draft.email = value);
        binder.bind(roles, draft -> draft.roles, (draft, value) -> draft.roles = value);
        binder.bind(password, draft -> draft.password, (draft, value) -> draft.password = value);
        Draft draft = new Draft();
        FormLayout form = new FormLayout();
        if (creating) {
            form.add(username, displayName, email, roles, password);
        } else {
            draft.displayName = existing.displayName();
            draft.roles = Set.copyOf(existing.roles());
            draft.email = existing.email() == null ? "" : existing.email();
            form.add(displayName, email, roles);
        }
        binder.readBean(draft);
        errors.on("username", "User name", username).on("displayName", "Display name", displayName)
                .on("email", "E-mail address", email)
                .on("roles", "Roles", roles).on("password", "Password", password)
                .otherwise("Display name", displayName);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        setWidth("30em");

        Button saveButton = new Button(creating ? "Create" : "Save", click -> {
            errors.clear();
            Draft typed = new Draft();
            binder.writeBeanAsDraft(typed, true);
            try {
                save.save(new Input(creating ? typed.username : null, typed.displayName, Set.copyOf(typed.roles),
                        creating ? typed.password : null, typed.email == null ? "" : typed.email));
                close();
            } catch (InvalidInputException e) {
                errors.show(e);
            } catch (ConflictException e) {
                errors.show(e);
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.addClickShortcut(Key.ENTER);
        saveButton.setId("save-user");
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, saveButton);
        (creating ? username : displayName).focus();
    }
}
