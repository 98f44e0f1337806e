package dev.junction.ui.alerts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import dev.junction.backend.alerts.AlertRule;
import dev.junction.backend.alerts.AlertRuleService;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;

import java.util.Map;
import java.util.stream.Collectors;

/** The alert rules: condition, scope, severity, channels; create, edit and delete (ADMIN, OPERATOR). */
class RulesPanel extends VerticalLayout {

    private final AlertRuleService rules;
    private final Grid<AlertRule> grid = new Grid<>(AlertRule.class, false);

    RulesPanel(AlertRuleService rules, boolean mayAct) {
        this.rules = rules;
        setSizeFull();
        setPadding(false);
        Button create = new Button("New rule", VaadinIcon.PLUS.create(), click -> new RuleDialog(rules, null,
                this::refresh).open());
        create.setId("new-alert-rule");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(mayAct);
        grid.setId("alert-rules");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(LitRenderer.<AlertRule>of("<span data-testid=\"alert-rule-row\" data-rule=\"${item.name}\""
                        + " data-enabled=\"${item.enabled}\">${item.name}</span>")
                        .withProperty("name", AlertRule::name).withProperty("enabled", AlertRule::enabled))
                .setHeader("Name").setWidth("8em").setFlexGrow(1).setKey("name");
        Map<String, AlertRuleService.ConditionKind> kinds = rules.kinds().stream().collect(Collectors.toMap(
                AlertRuleService.ConditionKind::kind, kind -> kind));
        grid.addColumn(rule -> condition(rule, kinds.get(rule.conditionKind())))
                .setHeader("Condition").setWidth("15em").setFlexGrow(4).setKey("condition");
        Map<String, String> workflowNames = rules.workflowChoices().stream().collect(Collectors.toMap(
                AlertRuleService.Choice::id, AlertRuleService.Choice::name, (a, b) -> a));
        grid.addColumn(rule -> scope(rule, workflowNames)).setHeader("Scope").setWidth("7em").setFlexGrow(1).setKey("scope");
        grid.addColumn(rule -> RuleDialog.severityLabel(rule.severity())).setHeader("Severity").setWidth("7em").setFlexGrow(0);
        grid.addColumn(rule -> channels(rule.channelIds().size())
                + (rule.renotifyMinutes() == null ? "" : ", again every " + rule.renotifyMinutes() + " min"))
                .setHeader("Notifies").setWidth("6em").setFlexGrow(1);
        grid.addColumn(rule -> Times.when(rule.updatedAt()) + " by " + rule.updatedBy()).setHeader("Last change")
                .setWidth("10em").setFlexGrow(0);
        grid.addColumn(LitRenderer.<AlertRule>of("""
                        <vaadin-button theme="tertiary-inline" class="edit-alert-rule" ?hidden=${!item.mayAct}
                            aria-label="Edit ${item.name}" @click=${edit}>Edit</vaadin-button>
                        <vaadin-button theme="tertiary-inline error" class="delete-alert-rule" ?hidden=${!item.mayAct}
                            aria-label="Delete ${item.name}" @click=${remove}>Delete</vaadin-button>""")
                        .withProperty("name", AlertRule::name)
                        .withProperty("mayAct", rule -> mayAct)
                        .withFunction("edit", rule -> new RuleDialog(rules, rule, this::refresh).open())
                        .withFunction("remove", this::confirmDelete))
                .setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText("No alert rules yet.");
        add(create, grid);
        expand(grid);
        refresh();
    }

    /** "A run failed · Error kind: Rate limit": the condition's title and its parameters as the form shows them. */
    private static String condition(AlertRule rule, AlertRuleService.ConditionKind kind) {
        if (kind == null) {
            return rule.conditionKind();
        }
        String parameters = dev.junction.ui.shared.SchemaForm.summary(kind.parametersSchema(), rule.parameters());
        return kind.title() + (parameters.isEmpty() ? "" : " · " + parameters);
    }

    private static String channels(int count) {
        return count == 0 ? "No channel" : count == 1 ? "1 channel" : count + " channels";
    }

    static String scope(AlertRule rule, Map<String, String> workflowNames) {
        if (rule.workflowId() != null) {
            return "workflow " + workflowNames.getOrDefault(rule.workflowId().toString(),
                    rule.workflowId().toString());
        }
        if (rule.tag() != null) {
            return "workflows tagged " + rule.tag();
        }
        if (rule.connectionId() != null) {
            return "connection " + rule.connectionId();
        }
        return "everything";
    }

    private void confirmDelete(AlertRule rule) {
        ConfirmDialog confirm = new ConfirmDialog("Delete " + rule.name() + "?",
                "The rule and its alerts are deleted.", "Delete", click -> {
                    rules.delete(rule.id());
                    Notifications.success("Deleted " + rule.name());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void refresh() {
        grid.setItems(rules.list());
    }
}
