package dev.junction.ui.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.users.Role;
import jakarta.annotation.security.PermitAll;

/**
 * The root path, where sign-in lands: forwards to each role's home. An OPERATOR watches runs, so lands on the
 * dashboard; the others (who build workflows, or read them) on the workflows. Both views stay one click away in the
 * menu for everyone.
 */
@Route("")
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    static final String OPERATOR_HOME = "dashboard";
    static final String HOME = "workflows";

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(home());
    }

    /** The home of the signed-in user: the dashboard for an OPERATOR (who is not also ADMIN or DESIGNER). */
    static String home() {
        boolean operator = CurrentUser.hasAnyRole(Role.OPERATOR) && !CurrentUser.hasAnyRole(Role.ADMIN, Role.DESIGNER);
        return operator ? OPERATOR_HOME : HOME;
    }
}
