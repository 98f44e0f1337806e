package dev.junction.ui.alerts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import dev.junction.backend.alerts.AlertRuleService;
import dev.junction.backend.alerts.AlertRuleService.Choice;
import dev.junction.backend.alerts.MaintenanceWindow;
import dev.junction.backend.alerts.MaintenanceWindowService;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.ui.shared.FieldErrors;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Maintenance windows not yet ended: while one is open, alerts of its scope notify nobody. */
class MaintenancePanel extends VerticalLayout {

    private static final String EVERYTHING = "Everything";
    private static final String WORKFLOW = "A workflow";
    private static final String CONNECTION = "A connection";

    private final MaintenanceWindowService windows;
    private final Grid<MaintenanceWindow> grid = new Grid<>(MaintenanceWindow.class, false);
    private final RadioButtonGroup<String> scope = new RadioButtonGroup<>("Covers");
    private final ComboBox<Choice> workflow = new ComboBox<>("Workflow");
    private final ComboBox<Choice> connection = new ComboBox<>("Connection");
    private final DateTimePicker startsAt = new DateTimePicker("Starts");
    private final DateTimePicker endsAt = new DateTimePicker("Ends");
    private final TextField reason = new TextField("Reason");
    private final Div formError = new Div();
    private final FieldErrors errors = new FieldErrors();

    MaintenancePanel(MaintenanceWindowService windows, AlertRuleService rules, boolean mayAct) {
        this.windows = windows;
        setSizeFull();
        setPadding(false);
        Map<String, String> workflowNames = rules.workflowChoices().stream()
                .collect(Collectors.toMap(Choice::id, Choice::name, (a, b) -> a));

        scope.setId("window-scope");
        scope.setItems(EVERYTHING, WORKFLOW, CONNECTION);
        scope.addValueChangeListener(change -> {
            workflow.setVisible(WORKFLOW.equals(change.getValue()));
            connection.setVisible(CONNECTION.equals(change.getValue()));
        });
        scope.setValue(EVERYTHING);
        workflow.setId("window-workflow");
        workflow.setItems(rules.workflowChoices());
        workflow.setItemLabelGenerator(Choice::name);
        connection.setId("window-connection");
        connection.setItems(rules.connectionChoices());
        connection.setItemLabelGenerator(Choice::name);
        startsAt.setId("window-starts");
        endsAt.setId("window-ends");
        LocalDateTime now = LocalDateTime.now(Times.zone()).truncatedTo(ChronoUnit.MINUTES);
        startsAt.setValue(now);
        endsAt.setValue(now.plusHours(1));
        reason.setId("window-reason");
        formError.addClassName("form-error");
        Button create = new Button("Add window", click -> create());
        create.setId("window-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(scope, workflow, connection, startsAt, endsAt, reason, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        form.setVisible(mayAct);
        errors.on("workflowId", "Workflow", workflow).on("connectionId", "Connection", connection)
                .on("startsAt", "Starts", startsAt).on("endsAt", "Ends", endsAt).on("reason", "Reason", reason)
                .otherwise(formError::setText);

        grid.setId("maintenance-windows");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(LitRenderer.<MaintenanceWindow>of("<span data-testid=\"maintenance-window-row\""
                        + " data-window=\"${item.id}\">${item.scope}</span>")
                        .withProperty("id", window -> window.id().toString())
                        .withProperty("scope", window -> window.workflowId() != null
                                ? "workflow " + workflowNames.getOrDefault(window.workflowId().toString(),
                                window.workflowId().toString())
                                : window.connectionId() != null ? "connection " + window.connectionId()
                                : "everything"))
                .setHeader("Covers").setFlexGrow(2);
        grid.addColumn(window -> Times.when(window.startsAt()) + " – " + Times.when(window.endsAt()))
                .setHeader("When").setFlexGrow(2);
        grid.addColumn(MaintenanceWindow::reason).setHeader("Reason").setFlexGrow(2);
        grid.addColumn(window -> window.createdBy()).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<MaintenanceWindow>of("""
                        <vaadin-button theme="tertiary-inline error" class="delete-window" ?hidden=${!item.mayAct}
                            aria-label="Delete window" @click=${remove}>Delete</vaadin-button>""")
                        .withProperty("mayAct", window -> mayAct)
                        .withFunction("remove", window -> {
                            windows.delete(window.id());
                            refresh();
                        }))
                .setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No maintenance windows planned.");
        add(form, formError, grid);
        expand(grid);
        refresh();
    }

    private void create() {
        errors.clear();
        formError.setText("");
        try {
            windows.create(WORKFLOW.equals(scope.getValue()) && workflow.getValue() != null
                            ? UUID.fromString(workflow.getValue().id()) : null,
                    CONNECTION.equals(scope.getValue()) && connection.getValue() != null
                            ? connection.getValue().id() : null,
                    at(startsAt.getValue()), at(endsAt.getValue()), reason.getValue());
            Notifications.success("Maintenance window added");
            refresh();
        } catch (InvalidInputException refusal) {
            errors.show(refusal);
        }
    }

    private static OffsetDateTime at(LocalDateTime local) {
        return local == null ? null : local.atZone(Times.zone()).toOffsetDateTime().withOffsetSameInstant(
                ZoneOffset.UTC);
    }

    private void refresh() {
        grid.setItems(windows.list(false));
    }
}
