package dev.junction.ui.workflows.readiness;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.templates.Readiness;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.ui.shared.Notifications;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A workflow's go-live checklist with what completes its items — "Test connections", "Attach alert
 * rule", "Make me the owner" ({@code [data-testid=checklist-action][data-key=…]}) — and a Publish button
 * ({@code [data-testid=checklist-publish]}) enabled only while every required item is done. Shown on every workflow
 * page and as the setup wizard's last step.
 */
public class ReadinessPanel extends VerticalLayout {

    private final ReadinessServices services;
    private final UUID workflowId;
    private final Runnable published;
    private final ReadinessChecklist checklist = new ReadinessChecklist();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Button publish = new Button("Publish", VaadinIcon.ROCKET.create());

    /** The panel of {@code workflowId}, empty until {@link #refresh()}; {@code published} runs after a publish. */
    public ReadinessPanel(ReadinessServices services, UUID workflowId, Runnable published) {
        this.services = services;
        this.workflowId = workflowId;
        this.published = published;
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
        HorizontalLayout row = new HorizontalLayout(checklist, publish);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setWidthFull();
        row.expand(checklist);
        add(row, actions);
    }

    /** Reads the checklist again and shows it, with the actions for its open items. */
    public void refresh() {
        Readiness readiness;
        try {
            readiness = services.readiness(workflowId);
        } catch (NotFoundException e) {
            setVisible(false);
            return;
        }
        checklist.show(services.checklist(workflowId));
        publish.setEnabled(checklist.ready());
        publish.setTooltipText(checklist.ready() ? "Publish the latest version: its trigger goes live"
                : "Complete the required items of the checklist first");
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
    }

    private void attachAlertRule() {
        try {
            services.attachDefaultAlertRule(workflowId);
            Notifications.success("Alert rule attached: you hear of a failed run");
        } catch (InvalidInputException e) {
            Notifications.error("Alert rule not attached: " + e.getMessage());
        }
        refresh();
    }

    private void takeOwnership() {
        try {
            services.takeOwnership(workflowId);
        } catch (InvalidInputException e) {
            Notifications.error("Owner not set: " + e.getMessage());
        }
        refresh();
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
