package dev.junction.ui.alerts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.LitRenderer;
import dev.junction.backend.alerts.Alert;
import dev.junction.backend.alerts.AlertService;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The alerts, newest first: state, rule, summary, occurrences, who acted; each row carries
 * {@code data-testid=alert-row}, {@code data-state} (FIRING, ACKNOWLEDGED, RESOLVED) and {@code data-count}.
 */
class AlertsPanel extends VerticalLayout {

    private static final String OPEN = "Open";
    private static final String ALL = "All";

    private final AlertService alerts;
    private final boolean mayAct;
    private final Grid<Alert> grid = new Grid<>(Alert.class, false);
    private final Select<String> shown = new Select<>();

    AlertsPanel(AlertService alerts, boolean mayAct) {
        this.alerts = alerts;
        this.mayAct = mayAct;
        setSizeFull();
        setPadding(false);
        shown.setLabel("Show");
        shown.setId("alert-state-filter");
        shown.setItems(OPEN, "Firing", "Acknowledged", "Resolved", ALL);
        shown.setValue(OPEN);
        shown.addValueChangeListener(change -> refresh());
        Button reload = new Button("Refresh", click -> refresh());
        reload.setId("alerts-refresh");
        HorizontalLayout toolbar = new HorizontalLayout(shown, reload);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureGrid();
        add(toolbar, grid);
        expand(grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("alerts");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(LitRenderer.<Alert>of("""
                        <div data-testid="alert-row" data-state="${item.state}" data-count="${item.count}"
                             data-alert="${item.id}" data-rule="${item.rule}">
                          <span class="alert-state" data-state="${item.state}">${item.state}</span>
                          <span class="alert-severity">${item.severity}</span>
                          <span class="alert-rule">${item.rule}</span>
                          <div class="alert-summary">${item.summary}</div>
                          <div class="alert-actor secondary-line" data-testid="alert-actor">${item.actor}</div>
                        </div>""")
                        .withProperty("state", alert -> alert.state().toUpperCase(Locale.ROOT))
                        .withProperty("count", Alert::occurrences)
                        .withProperty("id", alert -> alert.id().toString())
                        .withProperty("rule", Alert::ruleName)
                        .withProperty("severity", Alert::severity)
                        .withProperty("summary", Alert::summary)
                        .withProperty("actor", AlertsPanel::actor))
                .setHeader("Alert").setFlexGrow(4).setKey("alert");
        grid.addColumn(LitRenderer.<Alert>of("<span class=\"alert-count\" data-count=\"${item.count}\">"
                        + "${item.count}×</span>").withProperty("count", Alert::occurrences))
                .setHeader("Count").setAutoWidth(true).setFlexGrow(0).setKey("count");
        grid.addColumn(alert -> Times.when(alert.firstSeenAt()) + " – " + Times.when(alert.lastSeenAt()))
                .setHeader("First – last seen").setWidth("15em").setFlexGrow(0).setKey("seen");
        grid.addColumn(LitRenderer.<Alert>of("""
                        <a href="${item.link}" class="alert-link" ?hidden=${!item.link}>Open</a>
                        <vaadin-button theme="tertiary-inline" class="acknowledge-alert" ?hidden=${!item.open}
                            ?disabled=${!item.firing} aria-label="Acknowledge ${item.rule}" @click=${acknowledge}>Acknowledge</vaadin-button>
                        <vaadin-button theme="tertiary-inline" class="snooze-alert" ?hidden=${!item.open}
                            aria-label="Snooze ${item.rule}" @click=${snooze}>Snooze</vaadin-button>
                        <vaadin-button theme="tertiary-inline" class="resolve-alert" ?hidden=${!item.open}
                            aria-label="Resolve ${item.rule}" @click=${resolve}>Resolve</vaadin-button>""")
                        .withProperty("link", alert -> alert.link() == null ? "" : alert.link())
                        .withProperty("rule", Alert::ruleName)
                        .withProperty("open", alert -> mayAct && !alert.state().equals("resolved"))
                        .withProperty("firing", alert -> alert.state().equals("firing"))
                        .withFunction("acknowledge", alert -> act(() -> alerts.acknowledge(alert.id()),
                                "Acknowledged"))
                        .withFunction("snooze", this::openSnooze)
                        .withFunction("resolve", this::openResolve))
                .setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true).setKey("actions");
        grid.setEmptyStateText("No alerts.");
    }

    /** Who did what to the alert last: resolved, snoozed, acknowledged (in that order of precedence). */
    static String actor(Alert alert) {
        if (alert.state().equals("resolved")) {
            return alert.resolvedBy() == null ? "resolved when the condition cleared"
                    : "resolved by " + alert.resolvedBy()
                    + (alert.resolutionNote() == null ? "" : ": " + alert.resolutionNote());
        }
        StringBuilder actor = new StringBuilder();
        if (alert.acknowledgedBy() != null) {
            actor.append("acknowledged by ").append(alert.acknowledgedBy()).append(' ')
                    .append(Times.when(alert.acknowledgedAt()));
        }
        if (alert.snoozedUntil() != null && alert.snoozedBy() != null) {
            actor.append(actor.isEmpty() ? "" : "; ").append("snoozed by ").append(alert.snoozedBy())
                    .append(" until ").append(Times.when(alert.snoozedUntil()));
        }
        if (alert.maintenanceWindowId() != null) {
            actor.append(actor.isEmpty() ? "" : "; ").append("in a maintenance window");
        }
        return actor.toString();
    }

    void refresh() {
        List<String> states = switch (shown.getValue()) {
            case OPEN -> List.of("firing", "acknowledged");
            case ALL -> null;
            default -> List.of(shown.getValue().toLowerCase(Locale.ROOT));
        };
        grid.setItems(alerts.list(states, null, null, null, 500));
    }

    private void act(Supplier<Alert> action, String done) {
        try {
            action.get();
            Notifications.success(done);
        } catch (ConflictException | InvalidInputException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void openSnooze(Alert alert) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Snooze: " + alert.ruleName());
        dialog.setId("snooze-dialog");
        Button hour = new Button("1 hour", click -> {
            dialog.close();
            act(() -> alerts.snoozeFor(alert.id(), 60), "Snoozed for 1 hour");
        });
        hour.setId("snooze-1h");
        Button fourHours = new Button("4 hours", click -> {
            dialog.close();
            act(() -> alerts.snoozeFor(alert.id(), 240), "Snoozed for 4 hours");
        });
        fourHours.setId("snooze-4h");
        DateTimePicker until = new DateTimePicker("Until");
        until.setId("snooze-until");
        Button untilButton = new Button("Snooze until", click -> {
            if (until.getValue() == null) {
                until.setInvalid(true);
                until.setErrorMessage("Until must be a time");
                return;
            }
            dialog.close();
            act(() -> alerts.snooze(alert.id(), until.getValue().atZone(Times.zone()).toOffsetDateTime()
                    .withOffsetSameInstant(ZoneOffset.UTC)), "Snoozed");
        });
        untilButton.setId("snooze-until-confirm");
        Button unsnooze = new Button("Unsnooze", click -> {
            dialog.close();
            act(() -> alerts.unsnooze(alert.id()), "Unsnoozed");
        });
        unsnooze.setVisible(alert.snoozedUntil() != null);
        hour.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(new HorizontalLayout(hour, fourHours), new HorizontalLayout(until, untilButton),
                unsnooze));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()));
        dialog.open();
    }

    private void openResolve(Alert alert) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Resolve: " + alert.ruleName());
        dialog.setId("resolve-dialog");
        TextArea note = new TextArea("Note");
        note.setId("resolve-note");
        note.setWidthFull();
        note.setMaxLength(2000);
        Button resolve = new Button("Resolve", click -> {
            dialog.close();
            act(() -> alerts.resolve(alert.id(), note.getValue()), "Resolved");
        });
        resolve.setId("resolve-confirm");
        resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(note);
        dialog.setWidth("32em");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), resolve);
        dialog.open();
    }
}
