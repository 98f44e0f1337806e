package dev.junction.ui.account;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.tokens.ApiTokenService;
import dev.junction.backend.users.OwnAccountService;
import jakarta.annotation.security.PermitAll;

/**
 * Every signed-in user's own account: their e-mail address, change their password, and create, list and revoke
 * their API tokens.
 */
@Route("account")
@PageTitle("My account · Junction")
@Menu(title = "My account", order = 1000, icon = "vaadin:user")
@PermitAll
public class AccountView extends VerticalLayout {

    public AccountView(OwnAccountService account, ApiTokenService tokens) {
        setSizeFull();
        ApiTokensSection tokenList = new ApiTokensSection(tokens);
        String email = account.email();
        Paragraph address = new Paragraph(email == null
                ? "E-mail address: none. Junction e-mails you nothing (e.g. when an error group is assigned to you)"
                + " until you ask an administrator to set one."
                : "E-mail address: " + email + ". To change it, ask an administrator.");
        address.setId("account-email");
        address.getElement().setAttribute("data-email", email == null ? "" : email);
        add(new H2("My account"), address, new ChangePasswordForm(account), tokenList);
        expand(tokenList);
    }
}
