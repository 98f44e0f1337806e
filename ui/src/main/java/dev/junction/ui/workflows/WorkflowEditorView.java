package dev.junction.ui.workflows;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.backend.workflows.WorkflowFile;
import dev.junction.backend.workflows.WorkflowFiles;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.db.workflows.Workflow;
import dev.junction.engine.definition.DefinitionProblem;
import dev.junction.ui.canvas.WorkflowCanvas;
import jakarta.annotation.security.PermitAll;

import java.util.List;
import java.util.UUID;

/**
 * One workflow: its name, description, version, the graph of its latest version (read-only for now), the
 * problems that keep that version from being published (also marked on the nodes they concern), and an export of
 * the workflow as a file.
 */
@Route("workflows/:id")
@PermitAll
public class WorkflowEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkflowService workflows;
    private final WorkflowVersionService versions;
    private final H2 name = new H2();
    private final Span version = new Span();
    private final Paragraph description = new Paragraph();
    private final WorkflowCanvas canvas = new WorkflowCanvas();
    private final UnorderedList problems = new UnorderedList();
    private final Span problemsTitle = new Span();
    private final Div problemsPanel = new Div(problemsTitle, problems);

    private final Anchor export = new Anchor();
    private UUID workflowId;

    public WorkflowEditorView(WorkflowService workflows, WorkflowVersionService versions, WorkflowFiles files) {
        this.workflows = workflows;
        this.versions = versions;
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
        description.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
        canvas.setSizeFull();
        canvas.setId("workflow-canvas");
        version.setId("workflow-version");
        version.getElement().getThemeList().add("badge");
        HorizontalLayout title = new HorizontalLayout(name, version, export);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        problemsPanel.setId("workflow-problems");
        problemsPanel.getStyle().set("color", "var(--lumo-error-text-color)").set("max-height", "10em")
                .set("overflow", "auto");
        problemsTitle.getStyle().set("font-weight", "600");
        add(title, description, problemsPanel, canvas);
        expand(canvas);
    }

    static RouteParameters parameters(UUID id) {
        return new RouteParameters("id", id.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            UUID id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            Workflow workflow = workflows.get(id);
            workflowId = id;
            name.setText(workflow.name());
            description.setText(workflow.description());
            version.setText("Version " + workflow.latestVersion() + (workflow.publishedVersion() == null
                    ? " · not published" : " · published: version " + workflow.publishedVersion()));
            StoredDefinition latest = versions.latest(id);
            canvas.show(latest.definition(), latest.problems());
            showProblems(latest.problems());
        } catch (IllegalArgumentException | NotFoundException e) {
            event.forwardTo(WorkflowsView.class);
            Notification.show("That workflow does not exist (any more).", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        }
    }

    private void showProblems(List<DefinitionProblem> found) {
        problemsPanel.setVisible(!found.isEmpty());
        problemsTitle.setText(found.size() == 1 ? "1 problem keeps this version from being published:"
                : found.size() + " problems keep this version from being published:");
        problems.removeAll();
        found.forEach(problem -> problems.add(new ListItem((problem.nodeId() == null ? "" : problem.nodeId() + " — ")
                + problem.path() + ": " + problem.message())));
    }

    @Override
    public String getPageTitle() {
        return name.getText() + " · Junction";
    }
}
