package dev.junction.ui.workflows.readiness;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.templates.Readiness;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.ui.shared.Notifications;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A workflow's go-live checklist with what completes its items — "Test connections", "Attach alert
 * rule", "Make me the owner" ({@code [data-testid=checklist-action][data-key=…]}) — whether it gates publish and why
 * ({@code [data-testid=checklist-gate][data-gated=…]}: installed from a template, uses a production connection, or
 * "Sandbox only: not gating publish"), and a Publish button ({@code [data-testid=checklist-publish]}) enabled only
 * while every required item is done — or, for a workflow the checklist does not gate, while it has no problems.
 * Shown on every workflow page.
 */
public class ReadinessPanel extends VerticalLayout {

    private final ReadinessServices services;
    private final UUID workflowId;
    private final Runnable published;
    private final Runnable changed;
    private final ReadinessChecklist checklist = new ReadinessChecklist();
    private final Span gate = new Span();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Button publish = new Button("Publish", VaadinIcon.ROCKET.create());

    /**
     * The panel of {@code workflowId}, empty until {@link #refresh()}; {@code published} runs after a publish,
     * {@code changed} after an action here changed the checklist.
     */
    public ReadinessPanel(ReadinessServices services, UUID workflowId, Runnable published, Runnable changed) {
        this.services = services;
        this.workflowId = workflowId;
        this.published = published;
        this.changed = changed;
        setPadding(false);
        setSpacing(false);
        getElement().setAttribute("data-testid", "readiness-panel");
        addClassName("readiness-panel");
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.getStyle().set("flex-wrap", "wrap");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        publish.getElement().setAttribute("data-testid", "checklist-publish");
        publish.addClickListener(click -> publish());
        publish.setVisible(services.mayChange());
        publish.setEnabled(false);
        gate.getElement().setAttribute("data-testid", "checklist-gate");
        gate.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("max-width", "20em").set("text-align", "right");
        HorizontalLayout row = new HorizontalLayout(checklist, gate, publish);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setWidthFull();
        row.expand(checklist);
        add(row, actions);
    }

    /** Reads the checklist of the latest version again and shows it, with the actions for its open items. */
    public void refresh() {
        Readiness readiness;
        try {
            readiness = services.readiness(workflowId);
        } catch (NotFoundException e) {
            setVisible(false);
            return;
        }
        show(readiness);
    }

    /**
     * Shows the checklist of {@code saved}, the version the designer has just saved (as the save read and validated
     * it: not read again); null: {@link #refresh()}.
     */
    public void show(StoredDefinition saved) {
        if (saved == null) {
            refresh();
        } else {
            show(services.readiness(saved));
        }
    }

    private void show(Readiness readiness) {
        setVisible(true);
        checklist.show(ReadinessServices.checklist(readiness));
        boolean noProblems = checklist.items().stream()
                .noneMatch(item -> "no-problems".equals(item.key()) && !item.done());
        boolean mayPublish = readiness.gated() ? checklist.ready() : noProblems;
        publish.setEnabled(mayPublish);
        publish.setTooltipText(mayPublish ? "Publish the latest version: its trigger goes live"
                : readiness.gated() ? "Complete the required items of the checklist first"
                : "Fix the workflow's problems first");
        gate.setText(readiness.gate());
        gate.getElement().setAttribute("data-gated", Boolean.toString(readiness.gated()));
        getElement().setAttribute("data-gated", Boolean.toString(readiness.gated()));
        actions.removeAll();
        checklist.items().stream().filter(item -> !item.done()).forEach(item -> action(item.key()));
    }

    private void action(String key) {
        Button button = switch (key) {
            case "connections-tested" -> services.mayTestConnections()
                    ? new Button("Test connections", VaadinIcon.CONNECT.create(), click -> testConnections()) : null;
            case "alert-rule" -> services.mayAttachAlertRules()
                    ? new Button("Attach alert rule", VaadinIcon.BELL.create(), click -> attachAlertRule()) : null;
            case "owner" -> services.mayChange()
                    ? new Button("Make me the owner", VaadinIcon.USER.create(), click -> takeOwnership()) : null;
            default -> null;
        };
        if (button != null) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            button.getElement().setAttribute("data-testid", "checklist-action");
            button.getElement().setAttribute("data-key", key);
            actions.add(button);
        }
    }

    private void testConnections() {
        Map<String, ConnectionCheck> checks = services.testConnections(workflowId);
        String failed = checks.entrySet().stream().filter(check -> !check.getValue().ok())
                .map(check -> check.getKey() + " (" + check.getValue().message() + ")").collect(Collectors.joining(", "));
        if (failed.isEmpty()) {
            Notifications.success(checks.size() == 1 ? "The connection works" : "All " + checks.size() + " connections work");
        } else {
            Notifications.error("Connection test failed: " + failed);
        }
        refresh();
        changed.run();
    }

    private void attachAlertRule() {
        try {
            services.attachDefaultAlertRule(workflowId);
            Notifications.success("Alert rule attached: you hear of a failed run");
        } catch (InvalidInputException e) {
            Notifications.error("Alert rule not attached: " + e.getMessage());
        }
        refresh();
        changed.run();
    }

    private void takeOwnership() {
        try {
            services.takeOwnership(workflowId);
        } catch (InvalidInputException e) {
            Notifications.error("Owner not set: " + e.getMessage());
        }
        refresh();
        changed.run();
    }

    private void publish() {
        try {
            services.publishLatest(workflowId);
        } catch (InvalidInputException | ConflictException e) {
            Notifications.error("Not published: " + e.getMessage());
            refresh();
            return;
        }
        Notifications.success("Published: the trigger is live");
        refresh();
        published.run();
    }
}
