package dev.junction.ui.errors;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import dev.junction.backend.security.CurrentUser;
import dev.junction.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in user sees on a view their role may not open (Vaadin's default is a bare "Could not navigate"):
 * that it is a matter of their role, which roles they have, and a way back — inside the usual frame, so the side
 * navigation shows what they may open. Answered with 403.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Not allowed · Junction")
@PermitAll
public class NotAllowedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        ErrorPage.fill(this, "not-allowed", "Not allowed",
                "Signed in as " + CurrentUser.name() + " (" + String.join(", ", CurrentUser.roleNames())
                        + "), you may not open '" + event.getLocation().getPath() + "'. The side navigation lists"
                        + " what you may open; ask an administrator if you need this page.");
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
