package dev.junction.ui.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.users.UserService;
import dev.junction.backend.users.UserView;
import dev.junction.db.users.Role;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import jakarta.annotation.security.RolesAllowed;

import java.util.stream.Collectors;

/** Admins manage users: create, change display name and roles, disable / enable, reset a password. */
@Route("users")
@PageTitle("Users · Junction")
@Menu(title = "Users", order = 90, icon = "vaadin:users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {


    private final UserService users;
    private final Grid<UserView> grid = new Grid<>(UserView.class, false);

    public UsersView(UserService users) {
        this.users = users;
        setSizeFull();

        Button create = new Button("New user", VaadinIcon.PLUS.create(), click -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-user");
        HorizontalLayout toolbar = new HorizontalLayout(new H2("Users"), create);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        configureGrid();
        add(toolbar, grid);
        expand(grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("users");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        // the whole list fits a laptop's window with e-mail addresses in it: when a user was created is the user
        // name's tooltip, and a long address is cut short with its whole self as the tooltip
        grid.addColumn(UserView::username).setHeader("User name").setAutoWidth(true).setKey("username")
                .setTooltipGenerator(user -> "Created " + Times.when(user.createdAt()));
        grid.addColumn(UserView::displayName).setHeader("Display name").setAutoWidth(true).setFlexGrow(1)
                .setTooltipGenerator(UserView::displayName);
        grid.addColumn(user -> user.email() == null ? "—" : user.email()).setHeader("E-mail").setWidth("11em")
                .setFlexGrow(1).setKey("email").setTooltipGenerator(user -> user.email() == null ? "" : user.email());
        grid.addColumn(user -> user.roles().stream().map(Role::name).collect(Collectors.joining(", ")))
                .setHeader("Roles").setAutoWidth(true);
        grid.addColumn(UsersView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(user -> user.lastLoginAt() == null ? "never" : Times.when(user.lastLoginAt()))
                .setHeader("Last sign-in").setAutoWidth(true);
        // a width of its own: a component column's automatic width is measured before its buttons are drawn
        grid.addComponentColumn(this::actions).setHeader("").setTextAlign(ColumnTextAlign.END).setWidth("10em")
                .setFlexGrow(0).setKey("actions");
        grid.setEmptyStateText("No users.");
    }

    private static String status(UserView user) {
        if (!user.enabled()) {
            return "Disabled";
        }
        return user.lockedUntil() == null ? "Enabled" : "Locked until " + Times.when(user.lockedUntil());
    }


    private HorizontalLayout actions(UserView user) {
        Button edit = new Button(VaadinIcon.EDIT.create(), click -> openEditDialog(user));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        edit.setAriaLabel("Change display name or roles of " + user.username());
        edit.setTooltipText("Display name and roles");
        edit.addClassName("edit-user");
        Button password = new Button(VaadinIcon.KEY.create(), click -> openResetDialog(user));
        password.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        password.setAriaLabel("Reset the password of " + user.username());
        password.setTooltipText("Reset password");
        password.addClassName("reset-password");
        Button state = new Button(user.enabled() ? "Disable" : "Enable", click -> confirmEnabled(user));
        state.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        if (user.enabled()) {
            state.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        state.setAriaLabel((user.enabled() ? "Disable " : "Enable ") + user.username());
        state.addClassName(user.enabled() ? "disable-user" : "enable-user");
        return new HorizontalLayout(edit, password, state);
    }

    private void openCreateDialog() {
        UserDialog.forNewUser(created -> {
            UserView user = users.create(created.username(), created.displayName(), created.roles(),
                    created.password(), created.email());
            refresh();
            Notifications.success("User '" + user.username() + "' created");
        }).open();
    }

    private void openEditDialog(UserView user) {
        UserDialog.forExistingUser(user, changed -> {
            users.update(user.username(), changed.displayName(), changed.roles(), changed.email());
            refresh();
            Notifications.success("User '" + user.username() + "' saved");
        }).open();
    }

    private void openResetDialog(UserView user) {
        new ResetPasswordDialog(user.username(), password -> {
            users.resetPassword(user.username(), password);
            refresh();
            Notifications.success("Password of '" + user.username() + "' reset");
        }).open();
    }

    private void confirmEnabled(UserView user) {
        boolean enable = !user.enabled();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader((enable ? "Enable" : "Disable") + " user '" + user.username() + "'?");
        confirm.setText(enable ? "The user can sign in again." : "The user can no longer sign in or use the API.");
        confirm.setCancelable(true);
        confirm.setConfirmText(enable ? "Enable" : "Disable");
        if (!enable) {
            confirm.setConfirmButtonTheme("error primary");
        }
        confirm.addConfirmListener(confirmed -> {
            try {
                users.setEnabled(user.username(), enable);
                Notifications.success("User '" + user.username() + "' " + (enable ? "enabled" : "disabled"));
            } catch (ConflictException e) {
                Notifications.error(e.getMessage());
            }
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(users.list());
        grid.recalculateColumnWidths();
    }

}
