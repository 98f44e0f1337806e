package dev.junction.ui.templates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.catalog.CatalogService;
import dev.junction.backend.connections.ConnectionService;
import dev.junction.backend.connections.ConnectionView;
import dev.junction.backend.mappings.MappingPreviewService;
import dev.junction.backend.runs.RunService;
import dev.junction.backend.templates.DraftInput;
import dev.junction.backend.templates.InstallDraft;
import dev.junction.backend.templates.InstallRequest;
import dev.junction.backend.templates.InstallResult;
import dev.junction.backend.templates.Template;
import dev.junction.backend.templates.TemplateDetail;
import dev.junction.backend.templates.TemplateService;
import dev.junction.db.runs.RunDetail;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shell.Routes;
import dev.junction.ui.workflows.readiness.ReadinessChecklist;
import dev.junction.ui.workflows.readiness.ReadinessServices;
import jakarta.annotation.security.RolesAllowed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sets a template up as a working workflow, step by step ({@link WizardStep}): a connection per requirement (an
 * existing one, a new one made here with "Test connection", or the sandbox one) → parameters → the mappings it
 * installs, previewed on the template's sample → install, and a test run on the chosen connections
 * ({@code [data-testid=wizard-test-run][data-status=…]}) → go live: the checklist, the default alert rule attached,
 * publish. Every step is kept in the user's draft ({@link TemplateService#updateDraft}), so leaving and coming back
 * reopens the wizard at its step with its choices ({@code ?draft=<id>} names the draft; without it, the user's latest
 * draft of this template is resumed).
 */
@Route(Routes.TEMPLATE_SETUP)
@PageTitle("Set up a template · Junction")
@RolesAllowed({"ADMIN", "DESIGNER"})
public class TemplateWizardView extends VerticalLayout implements BeforeEnterObserver {

    static final String DRAFT_PARAMETER = "draft";
    private static final String WORKFLOWS = "workflows";
    private static final Set<String> FINISHED = Set.of("succeeded", "failed", "dead_lettered", "cancelled");

    private final TemplateService templates;
    private final ConnectionService connections;
    private final CatalogService catalog;
    private final MappingPreviewService mappingPreviews;
    private final RunService runs;
    private final ReadinessServices readiness;
    private final ConnectorNames connectorNames;

    private TemplateDetail detail;
    private InstallDraft draft;
    private WizardStep step = WizardStep.CONNECTIONS;
    private final Map<String, String> chosenConnections = new LinkedHashMap<>();
    private final Map<String, Object> chosenParameters = new LinkedHashMap<>();
    private String workflowName;
    private UUID workflowId;
    private int workflowVersion = 1;
    private UUID testRun;
    private String testStatus;
    /** The test input as the user last left it (the template's sample until changed). */
    private TestInputField testInput;
    private Registration polling;

    private final HorizontalLayout stepper = new HorizontalLayout();
    private final VerticalLayout body = new VerticalLayout();
    private final HorizontalLayout footer = new HorizontalLayout();

    public TemplateWizardView(TemplateService templates, ConnectionService connections, CatalogService catalog,
                              MappingPreviewService mappingPreviews, RunService runs, ReadinessServices readiness,
                              ConnectorNames connectorNames) {
        this.templates = templates;
        this.connections = connections;
        this.catalog = catalog;
        this.mappingPreviews = mappingPreviews;
        this.runs = runs;
        this.readiness = readiness;
        this.connectorNames = connectorNames;
        setWidthFull();
        getElement().setAttribute("data-testid", "template-wizard");
        stepper.getElement().setAttribute("data-testid", "wizard-steps");
        stepper.getStyle().set("flex-wrap", "wrap");
        body.setPadding(false);
        footer.setWidthFull();
        footer.setJustifyContentMode(FlexComponent.JustifyContentMode.END);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String templateId = event.getRouteParameters().get(Routes.TEMPLATE_ID).orElse("");
        try {
            draft = event.getLocation().getQueryParameters().getSingleParameter(DRAFT_PARAMETER)
                    .flatMap(TemplateWizardView::uuid).map(templates::getDraft)
                    .filter(found -> found.templateId().equals(templateId))
                    .orElseGet(() -> templates.myDrafts().stream().filter(found -> found.templateId().equals(templateId))
                            .findFirst().orElseGet(() -> templates.createDraft(new DraftInput(templateId, null,
                                    WizardStep.CONNECTIONS.key, null, Map.of(), Map.of(), null))));
            detail = templates.get(templateId, draft.templateVersion());
        } catch (NotFoundException | InvalidInputException e) {
            event.forwardTo(TemplatesView.class);
            Notifications.warning("There is no template '" + templateId + "' to set up.");
            return;
        }
        Template template = detail.template();
        template.requirements().forEach(requirement -> chosenConnections.put(requirement.key(),
                draft.connections() != null && draft.connections().containsKey(requirement.key())
                        ? draft.connections().get(requirement.key()) : sandboxOf(requirement.connector())));
        template.parameters().forEach(parameter -> chosenParameters.put(parameter.key(),
                draft.parameters() != null && draft.parameters().containsKey(parameter.key())
                        ? draft.parameters().get(parameter.key()) : parameter.defaultValue()));
        workflowName = draft.workflowName() != null ? draft.workflowName() : template.name();
        workflowId = draft.workflowId();
        step = WizardStep.of(draft.step());
        if (workflowId == null && step.ordinal() > WizardStep.REVIEW.ordinal()) {
            step = WizardStep.REVIEW;
        }
        if (workflowId != null && step.ordinal() < WizardStep.TEST.ordinal()) {
            step = WizardStep.TEST;
        }
        if (workflowId != null) {
            workflowVersion = Math.max(1, readiness.workflowVersion(workflowId));
        }
        removeAll();
        H2 title = new H2("Set up: " + template.name());
        title.setId("wizard-title");
        add(title, stepper, body, footer);
        UI.getCurrent().getPage().getHistory().replaceState(null, new Location(Routes.templateSetup(templateId),
                QueryParameters.simple(Map.of(DRAFT_PARAMETER, draft.id().toString()))));
        show();
    }

    private static java.util.Optional<UUID> uuid(String text) {
        try {
            return java.util.Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The sandbox connection of a connector (null when the installation has none). */
    private String sandboxOf(String connectorId) {
        return connectionsOf(connectorId).stream().filter(view -> "sandbox".equals(view.environment()))
                .map(ConnectionView::id).findFirst().orElse(null);
    }

    private List<ConnectionView> connectionsOf(String connectorId) {
        return connections.list().stream().filter(view -> view.connectorId().equals(connectorId)).toList();
    }

    private void show() {
        getElement().setAttribute("data-step", step.key);
        stepper.removeAll();
        for (WizardStep each : WizardStep.values()) {
            Span label = new Span((each.ordinal() + 1) + ". " + each.title);
            label.getElement().setAttribute("data-testid", "wizard-step");
            label.getElement().setAttribute("data-step", each.key);
            label.getElement().setAttribute("data-current", Boolean.toString(each == step));
            label.getElement().getThemeList().add(each == step ? "badge primary" : each.ordinal() < step.ordinal()
                    ? "badge success" : "badge contrast");
            stepper.add(label);
        }
        body.removeAll();
        footer.removeAll();
        switch (step) {
            case CONNECTIONS -> showConnections();
            case PARAMETERS -> showParameters();
            case REVIEW -> showReview();
            case TEST -> showTest();
            case PUBLISH -> showPublish();
        }
    }

    /** Moves to {@code next} and keeps the choices and the step in the draft. */
    private void go(WizardStep next) {
        step = next;
        keep();
        show();
    }

    /** Keeps the step and the choices so far in the draft (each choice is kept as it is made). */
    private void keep() {
        try {
            draft = templates.updateDraft(draft.id(), new DraftInput(null, null, step.key, workflowName,
                    Map.copyOf(withoutNulls(chosenConnections)), new LinkedHashMap<>(withoutNullValues(chosenParameters)),
                    null));
        } catch (InvalidInputException | ConflictException e) {
            Notifications.error(e.getMessage());
        }
    }

    /** Keeps the test input in the draft as it is edited, when it is a JSON object (the field says what is wrong). */
    private void keepTestInput() {
        testInput.input().ifPresent(input -> {
            try {
                draft = templates.updateDraft(draft.id(), new DraftInput(null, null, null, null, null, null,
                        new LinkedHashMap<>(input)));
            } catch (InvalidInputException | ConflictException e) {
                Notifications.error(e.getMessage());
            }
        });
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private static Map<String, Object> withoutNullValues(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private Button next(String text, Runnable action) {
        Button next = new Button(text, VaadinIcon.ARROW_RIGHT.create(), click -> action.run());
        next.setIconAfterText(true);
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setId("wizard-next");
        return next;
    }

    private Button back() {
        Button back = new Button("Back", click -> go(step.previous()));
        back.setId("wizard-back");
        return back;
    }

    // ---- 1. connections

    private void showConnections() {
        body.add(new Paragraph("Choose a connection for each thing this workflow talks to. The sandbox connections"
                + " work at once, without credentials; swap in your own when you go live."));
        for (Template.Requirement requirement : detail.template().requirements()) {
            Select<String> choice = new Select<>();
            choice.setLabel(requirement.label() + " (" + connectorNames.name(requirement.connector()) + ")");
            choice.setHelperText(requirement.why());
            choice.setWidth("28em");
            choice.getElement().setAttribute("data-testid", "requirement-connection");
            choice.getElement().setAttribute("data-key", requirement.key());
            Map<String, String> labels = new LinkedHashMap<>();
            connectionsOf(requirement.connector()).stream()
                    .sorted(java.util.Comparator.comparing(view -> "sandbox".equals(view.environment()) ? 0 : 1))
                    .forEach(view -> labels.put(view.id(), view.name() + ("sandbox".equals(view.environment())
                            ? " (sandbox)" : " · " + view.environment())));
            choice.setItems(labels.keySet());
            choice.setItemLabelGenerator(id -> labels.getOrDefault(id, id));
            choice.setValue(chosenConnections.get(requirement.key()));
            choice.addValueChangeListener(change -> {
                chosenConnections.put(requirement.key(), change.getValue());
                keep();
            });
            HorizontalLayout row = new HorizontalLayout(choice);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            if (readiness.mayTestConnections()) {
                Button create = new Button("New connection…", VaadinIcon.PLUS.create(), click ->
                        connections.connector(requirement.connector()).ifPresent(connector ->
                                new NewConnectionDialog(connections, connector, id -> {
                                    chosenConnections.put(requirement.key(), id);
                                    keep();
                                    show();
                                }).open()));
                create.getElement().setAttribute("data-testid", "requirement-new-connection");
                create.getElement().setAttribute("data-key", requirement.key());
                row.add(create);
            }
            body.add(row);
        }
        if (detail.template().requirements().isEmpty()) {
            body.add(new Paragraph("This template needs no connection."));
        }
        footer.add(next("Next", () -> {
            List<String> missing = detail.template().requirements().stream()
                    .filter(requirement -> chosenConnections.get(requirement.key()) == null)
                    .map(Template.Requirement::label).toList();
            if (!missing.isEmpty()) {
                Notifications.error("Choose a connection for: " + String.join(", ", missing));
                return;
            }
            go(WizardStep.PARAMETERS);
        }));
    }

    // ---- 2. parameters

    private void showParameters() {
        TextField name = new TextField("Workflow name");
        name.setValue(workflowName == null ? "" : workflowName);
        name.setWidth("28em");
        name.setId("wizard-workflow-name");
        name.addValueChangeListener(change -> {
            workflowName = change.getValue();
            keep();
        });
        body.add(name);
        for (Template.Parameter parameter : detail.template().parameters()) {
            body.add(ParameterField.of(parameter, chosenParameters.get(parameter.key()),
                    value -> {
                        chosenParameters.put(parameter.key(), value);
                        keep();
                    }));
        }
        footer.add(back(), next("Next", () -> go(WizardStep.REVIEW)));
    }

    // ---- 3. review

    private void showReview() {
        Template template = detail.template();
        body.add(new Paragraph("The workflow below is installed as a draft with these mappings"
                + (template.lookupTables().isEmpty() ? "" : " and lookup tables")
                + ". Each mapping is shown on the template's sample; you can change them later in the mapping editor."));
        TemplateCanvas canvas = new TemplateCanvas(detail.previewDefinition(), catalog.catalog());
        canvas.setHeight("320px");
        Div frame = new Div(canvas);
        frame.setWidthFull();
        frame.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("overflow", "hidden");
        body.add(frame);
        for (Template.TemplateMapping mapping : template.mappings()) {
            Div review = new Div(new H3(mapping.name()));
            review.getElement().setAttribute("data-testid", "wizard-mapping");
            review.getElement().setAttribute("data-key", mapping.key());
            MappingPreviewService.Answer answer = mappingPreviews.preview(mapping.definition(), template.sampleInput(),
                    template.lookupTables().stream().map(Template.TemplateLookupTable::unsaved).toList());
            if (answer.compiled() && answer.problems().isEmpty()) {
                review.getElement().setAttribute("data-ok", "true");
                Pre output = new Pre(PayloadJson.write(answer.output()));
                output.getStyle().set("max-height", "12em").set("overflow", "auto");
                review.add(new Span("Output on the sample:"), output);
            } else {
                review.getElement().setAttribute("data-ok", "false");
                review.add(new Span("On the sample: " + answer.problems().stream()
                        .map(problem -> (problem.path().isEmpty() ? "" : problem.path() + ": ") + problem.message())
                        .reduce((a, b) -> a + "; " + b).orElse("does not compile")));
            }
            body.add(review);
        }
        template.lookupTables().forEach(table -> body.add(new Paragraph("Lookup table: " + table.name()
                + " (" + table.entries().size() + " entries)")));
        footer.add(back(), next("Install", this::install));
    }

    private void install() {
        try {
            InstallResult result = templates.install(new InstallRequest(detail.template().id(),
                    detail.template().version(), workflowName, withoutNulls(chosenConnections),
                    withoutNullValues(chosenParameters), draft.id()));
            workflowId = result.workflowId();
            workflowVersion = result.workflowVersion();
            workflowName = result.workflowName();
            Notifications.success("Workflow '" + result.workflowName() + "' installed as a draft");
        } catch (InvalidInputException | ConflictException e) {
            Notifications.error("Not installed: " + e.getMessage());
            return;
        }
        go(WizardStep.TEST);
    }

    // ---- 4. test run

    private void showTest() {
        body.add(new Paragraph("Run the workflow once on the template's sample (or your changes to it), through the"
                + " connections you chose."));
        if (testInput == null) {
            testInput = new TestInputField(detail.template().freshSampleInput(), draft.testInput());
            testInput.addValueChangeListener(change -> keepTestInput());
        }
        Button resetInput = new Button("Use the template's sample", VaadinIcon.ROTATE_LEFT.create(),
                click -> testInput.resetToSample());
        resetInput.setId("wizard-test-input-reset");
        resetInput.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        testInput.setReadOnly(testStatus != null && !FINISHED.contains(testStatus));
        body.add(testInput, resetInput);
        Span status = new Span(testStatus == null ? "Not run yet" : "Test run: " + testStatus.replace('_', ' '));
        status.getElement().setAttribute("data-testid", "wizard-test-run");
        status.getElement().setAttribute("data-status", testStatus == null ? "none" : testStatus);
        status.getElement().getThemeList().add("badge " + ("succeeded".equals(testStatus) ? "success"
                : testStatus != null && FINISHED.contains(testStatus) ? "error" : "contrast"));
        Button run = new Button(testRun == null ? "Run test" : "Run again", VaadinIcon.PLAY.create(),
                click -> startTest());
        run.setId("wizard-run-test");
        run.setEnabled(testStatus == null || FINISHED.contains(testStatus));
        HorizontalLayout row = new HorizontalLayout(run, status);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        body.add(row);
        if (testRun != null && testStatus != null && FINISHED.contains(testStatus)) {
            RunDetail detail = runs.get(testRun);
            if (!"succeeded".equals(testStatus) && detail.run().errorMessage() != null) {
                body.add(new Paragraph("Failed at " + detail.run().failedNodeId() + ": " + detail.run().errorMessage()));
            }
            if (detail.output() != null && detail.output().value() != null) {
                Pre output = new Pre(TestInputField.pretty(detail.output().value()));
                output.getElement().setAttribute("data-testid", "wizard-test-output");
                output.getStyle().set("max-height", "14em").set("overflow", "auto").set("white-space", "pre-wrap")
                        .set("overflow-wrap", "anywhere").set("width", "100%").set("box-sizing", "border-box");
                body.add(new Span("Output:"), output);
            }
            body.add(Routes.link("Open the run", Routes.run(testRun)));
        }
        Button next = next("Next", () -> go(WizardStep.PUBLISH));
        next.setEnabled("succeeded".equals(testStatus));
        footer.add(next);
    }

    private void startTest() {
        java.util.Optional<Map<String, Object>> input = testInput.input();
        if (input.isEmpty()) {
            return; // the field says what is wrong; nothing is run
        }
        try {
            testRun = templates.testRun(workflowId, input.get());
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            Notifications.error("Test not started: " + e.getMessage());
            return;
        }
        testStatus = "queued";
        UI ui = UI.getCurrent();
        if (polling == null) {
            ui.setPollInterval(500);
            polling = ui.addPollListener(poll -> {
                testStatus = runs.get(testRun).run().status().toLowerCase(Locale.ROOT);
                if (FINISHED.contains(testStatus)) {
                    stopPolling(ui);
                }
                show();
            });
        }
        show();
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        super.onDetach(detach);
        stopPolling(detach.getUI());
    }

    // ---- 5. go live

    private void showPublish() {
        body.add(new Paragraph("Going live publishes the workflow: its trigger starts. The checklist says what is"
                + " still open; what can be done here is done when you publish."));
        ReadinessChecklist checklist = new ReadinessChecklist();
        checklist.show(readiness.checklist(workflowId));
        Checkbox alertRule = new Checkbox("Attach the default alert rule (tell me when a run fails)", true);
        alertRule.setId("wizard-alert-rule");
        alertRule.setEnabled(readiness.mayAttachAlertRules());
        Checkbox owner = new Checkbox("I answer for this workflow (owner)", true);
        owner.setId("wizard-owner");
        body.add(checklist, alertRule, owner);
        Button publish = new Button("Publish", VaadinIcon.ROCKET.create(), click -> publish(checklist,
                alertRule.getValue() && alertRule.isEnabled(), owner.getValue()));
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.setId("wizard-publish");
        footer.add(publish);
    }

    private void publish(ReadinessChecklist checklist, boolean attachAlertRule, boolean takeOwnership) {
        try {
            readiness.completeForGoLive(workflowId, attachAlertRule, takeOwnership);
            checklist.show(readiness.checklist(workflowId));
            if (!checklist.ready()) {
                Notifications.error("Not published: complete the checklist first ("
                        + checklist.items().stream().filter(item -> item.required() && !item.done())
                        .map(item -> item.label()).reduce((a, b) -> a + ", " + b).orElse("") + ")");
                return;
            }
            readiness.publishLatest(workflowId);
        } catch (InvalidInputException | ConflictException e) {
            Notifications.error("Not published: " + e.getMessage());
            return;
        }
        Notifications.success("'" + workflowName + "' is live");
        getUI().ifPresent(ui -> ui.navigate(WORKFLOWS));
    }

    /** The body's components (for a look in tests of the view). */
    List<Component> shown() {
        return body.getChildren().toList();
    }
}
