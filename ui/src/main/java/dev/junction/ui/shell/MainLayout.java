package dev.junction.ui.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every view: the product name, side navigation with only the views the user's role may open,
 * the user's name and a way to log out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        Span title = new Span("Junction");
        title.addClassName("app-title");

        Span user = new Span(authentication.getPrincipalName().orElse(""));
        user.addClassName("current-user");
        Button logout = new Button("Log out", new Icon("vaadin", "sign-out"), click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, user, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.addClassName("app-header");
        addToNavbar(header);

        SideNav navigation = new SideNav();
        navigation.setId("navigation");
        MenuConfiguration.getMenuEntries().forEach(entry -> navigation.addItem(item(entry)));
        addToDrawer(navigation);
        setPrimarySection(Section.DRAWER);
    }

    private static SideNavItem item(MenuEntry entry) {
        SideNavItem item = new SideNavItem(entry.title(), entry.path());
        if (entry.icon() != null && entry.icon().contains(":")) {
            String[] icon = entry.icon().split(":", 2);
            item.setPrefixComponent(new Icon(icon[0], icon[1]));
        }
        return item;
    }
}
