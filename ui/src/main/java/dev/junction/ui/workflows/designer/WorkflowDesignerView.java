package dev.junction.ui.workflows.designer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.runs.RunService;
import dev.junction.backend.triggers.WebhookTokens;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowFile;
import dev.junction.backend.workflows.WorkflowFiles;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.db.workflows.Workflow;
import dev.junction.engine.definition.TriggerKind;
import dev.junction.ui.runs.RunPermissions;
import dev.junction.ui.runs.RunsView;
import dev.junction.ui.runs.StartRunDialog;
import dev.junction.ui.shell.Routes;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.RoomForAnEditor;
import dev.junction.ui.workflows.WebhookAddress;
import dev.junction.ui.workflows.WebhookPanel;
import dev.junction.ui.workflows.WorkflowsView;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One workflow in the designer: its name, description and version above the designer (the graph of the latest
 * version, edited, validated, saved and published in the browser; see {@link DesignerComponent}), an export of the
 * workflow as a file, a way to start a run of the published version by hand and to see the workflow's runs, and,
 * when a webhook triggers the published version, its URL.
 */
@Route(Routes.WORKFLOW)
@PermitAll
public class WorkflowDesignerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** {@code ?run=<runId>}: open with that run drawn over the canvas. */
    public static final String RUN_PARAMETER = "run";

    private final WorkflowService workflows;
    private final WorkflowVersionService versions;
    private final DesignerPresenters presenters;
    private final H2 name = new H2();
    private final Span version = new Span();
    private final Paragraph description = new Paragraph();
    private final Paragraph debugging = new Paragraph();
    private final RunService runs;
    private DesignerComponent designer;

    private final Anchor export = new Anchor();
    private final Button run = new Button("Run…", VaadinIcon.PLAY.create());
    private final RouterLink runsLink = new RouterLink("Runs", RunsView.class);
    private final WebhookPanel webhook;
    private final HorizontalLayout title;
    private final ObjectProvider<WorkflowPageAddition> additions;
    private final List<Component> added = new ArrayList<>();
    private UUID workflowId;

    public WorkflowDesignerView(WorkflowService workflows, WorkflowVersionService versions, WorkflowFiles files,
                                RunService runs, WebhookTokens tokens, WebhookAddress address,
                                DesignerPresenters presenters, ObjectProvider<WorkflowPageAddition> additions) {
        this.additions = additions;
        this.runs = runs;
        this.workflows = workflows;
        this.versions = versions;
        this.presenters = presenters;
        this.webhook = new WebhookPanel(tokens, address);
        export.setText("Export");
        export.setId("export-workflow");
        export.setHref(event -> {
            WorkflowFile file = files.export(workflowId, null);
            event.setFileName(files.fileName(file));
            event.setContentType("application/json");
            event.getOutputStream().write(files.toJson(file));
        });
        export.setDownload(true);
        setSizeFull();
        name.setId("workflow-title");
        description.addClassName("workflow-description");
        version.setId("workflow-version");
        version.getElement().getThemeList().add("badge");
        run.setId("run-workflow");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setVisible(RunPermissions.mayOperate());
        run.addClickListener(click -> new StartRunDialog(workflowId, name.getText(), runs,
                runId -> getUI().ifPresent(ui -> ui.navigate(Routes.run(runId))))
                .open());
        runsLink.setId("workflow-runs");
        title = new HorizontalLayout(name, version, run, runsLink, export);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        title.addClassName("workflow-designer-title");
        webhook.setVisible(false);
        debugging.setId("debug-banner");
        debugging.addClassName("debug-banner");
        debugging.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("padding",
                "var(--lumo-space-s) var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("margin", "0");
        debugging.setVisible(false);
        addClassName("workflow-designer-view");
        add(title, description, debugging, webhook);
        RoomForAnEditor.closeDrawerWhileAttached(this);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            UUID id = UUID.fromString(event.getRouteParameters().get(Routes.WORKFLOW_ID).orElse(""));
            DesignerPresenter presenter = presenters.forWorkflow(id);
            workflowId = id;
            showWorkflow();
            if (designer != null) {
                remove(designer);
            }
            designer = new DesignerComponent(presenter);
            designer.setId("workflow-designer");
            designer.setSizeFull();
            designer.addChangeListener(saved -> showWorkflow());
            add(designer);
            expand(designer);
            addFeatures();
            debugging.setVisible(false);
            boolean debug = event.getLocation().getQueryParameters()
                    .getSingleParameter(dev.junction.ui.runs.DebugInEditor.DEBUG_PARAMETER).isPresent();
            event.getLocation().getQueryParameters().getSingleParameter(RUN_PARAMETER).ifPresent(run -> {
                try {
                    designer.showRun(UUID.fromString(run));
                    if (debug) {
                        showDebugging(UUID.fromString(run));
                    }
                } catch (IllegalArgumentException | NotFoundException e) {
                    Notifications.warning("That run is not a run of this workflow.");
                }
            });
        } catch (IllegalArgumentException | NotFoundException e) {
            event.forwardTo(WorkflowsView.class);
            Notifications.warning("That workflow does not exist (any more).");
        }
    }

    /**
     * "Debug in editor" brought us here: says whose data is pinned, and that the canvas shows the latest version when
     * the run ran another.
     */
    private void showDebugging(UUID runId) {
        dev.junction.db.runs.RunSummary run = runs.get(runId).run();
        int latest = workflows.get(workflowId).latestVersion();
        debugging.setText("Debugging run " + runId.toString().substring(0, 8) + " ("
                + dev.junction.ui.runs.RunStatusNames.label(run.status()).toLowerCase(java.util.Locale.ROOT)
                + ", version " + run.workflowVersion() + "): its trigger payload and step outputs are pinned, redacted"
                + " as on the run page; expressions, \"Run this step\" and test runs use them."
                + (run.workflowVersion() == latest ? ""
                : " The editor shows the latest version, " + latest + ", not version " + run.workflowVersion()
                        + " that the run ran."));
        debugging.getElement().setAttribute("data-run", runId.toString());
        debugging.getElement().setAttribute("data-run-version", String.valueOf(run.workflowVersion()));
        debugging.getElement().setAttribute("data-shown-version", String.valueOf(latest));
        debugging.setVisible(true);
    }

    /** What other features add to the page ({@link WorkflowPageAddition}): under the title and next to it. */
    private void addFeatures() {
        added.forEach(component -> component.getParent().ifPresent(parent -> parent.getElement()
                .removeChild(component.getElement())));
        added.clear();
        DesignerComponent shown = designer;
        WorkflowPageAddition.WorkflowPage page = new WorkflowPageAddition.WorkflowPage(workflowId,
                () -> getUI().ifPresent(ui -> ui.getPage().reload()), shown::refreshPublishGate, shown::whenDrawn);
        int under = 1;
        for (WorkflowPageAddition addition : additions.orderedStream().toList()) {
            WorkflowPageAddition.Parts parts = addition.partsFor(page);
            for (Component component : parts.underTitle()) {
                addComponentAtIndex(under++, component);
                added.add(component);
            }
            parts.titleActions().forEach(action -> {
                title.add(action);
                added.add(action);
            });
            if (parts.onDesignerChange() != null) {
                designer.addChangeListener(parts.onDesignerChange());
            }
        }
    }

    private void showWorkflow() {
        Workflow workflow = workflows.get(workflowId);
        name.setText(workflow.name());
        description.setText(workflow.description());
        description.setVisible(workflow.description() != null && !workflow.description().isBlank());
        version.setText("Version " + workflow.latestVersion() + (workflow.publishedVersion() == null
                ? " · not published" : " · published: version " + workflow.publishedVersion()));
        showRunControls(workflow);
    }
    private void showRunControls(Workflow workflow) {
        boolean published = workflow.publishedVersion() != null;
        run.setEnabled(published);
        run.setTooltipText(published ? "Start a run of version " + workflow.publishedVersion() + " by hand"
                : "Publish a version to run it");
        runsLink.setQueryParameters(RunsView.forWorkflow(workflow.id()));
        boolean webhookTriggered = published && workflows.currentUserMayChange()
                && versions.get(workflow.id(), workflow.publishedVersion()).definition().trigger().kind()
                == TriggerKind.WEBHOOK;
        webhook.setVisible(webhookTriggered);
        if (webhookTriggered) {
            webhook.show(workflow.id());
        }
    }

    @Override
    public String getPageTitle() {
        return name.getText() + " · Junction";
    }
}
