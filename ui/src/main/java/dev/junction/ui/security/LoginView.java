package dev.junction.ui.security;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.junction.backend.security.AddressLockoutSettings;

/**
 * Sign-in page. Spring Security checks the form; a failed attempt comes back here with {@code ?error}, an attempt
 * from an address blocked after too many failed sign-ins with {@code ?blocked}.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Junction")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final AddressLockoutSettings addressLockout;

    public LoginView(AddressLockoutSettings addressLockout) {
        this.addressLockout = addressLockout;
        form.setI18n(i18n("Wrong user name or password",
                "Check both and try again. Ask an administrator if you are locked out."));
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");
        addClassName("login-view");
        add(form);
    }

    private static LoginI18n i18n(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to Junction");
        i18n.getErrorMessage().setTitle(errorTitle);
        i18n.getErrorMessage().setMessage(errorMessage);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("blocked")) {
            form.setI18n(i18n("Too many failed sign-ins", "Too many failed sign-ins came from your address, so"
                    + " sign-ins from it are refused for " + addressLockout.duration().toMinutes()
                    + " minutes. Try again later."));
        }
        form.setError(parameters.containsKey("error") || parameters.containsKey("blocked"));
    }
}
