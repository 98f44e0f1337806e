package dev.junction.ui.alerts;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.alerts.AlertRuleService;
import dev.junction.backend.alerts.AlertService;
import dev.junction.backend.alerts.MaintenanceWindowService;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.users.Role;
import jakarta.annotation.security.PermitAll;

/**
 * Alerts: the alerts of the rules (acknowledge, snooze, resolve), the rules themselves (their parameters rendered from
 * each condition kind's schema) and maintenance windows. Every user reads; ADMIN and OPERATOR act.
 */
@Route("alerts")
@PageTitle("Alerts · Junction")
@Menu(title = "Alerts", order = 7, icon = "vaadin:bell")
@PermitAll
public class AlertsView extends VerticalLayout {

    public AlertsView(AlertService alerts, AlertRuleService rules, MaintenanceWindowService windows) {
        setSizeFull();
        boolean mayAct = CurrentUser.hasAnyRole(Role.ADMIN, Role.OPERATOR);
        TabSheet tabs = new TabSheet();
        tabs.setId("alert-tabs");
        tabs.setSizeFull();
        tabs.add("Alerts", new AlertsPanel(alerts, mayAct));
        tabs.add("Rules", new RulesPanel(rules, mayAct));
        tabs.add("Maintenance windows", new MaintenancePanel(windows, rules, mayAct));
        add(new H2("Alerts"), tabs);
        expand(tabs);
    }
}
