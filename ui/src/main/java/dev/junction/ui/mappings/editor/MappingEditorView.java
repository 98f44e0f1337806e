package dev.junction.ui.mappings.editor;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.mappings.MappingService;
import dev.junction.db.mappings.StoredMapping;
import dev.junction.ui.shell.Routes;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.RoomForAnEditor;
import jakarta.annotation.security.PermitAll;

import java.util.Optional;
import java.util.UUID;

/**
 * One stored mapping in the editor: its name and version above the two trees ({@link MappingEditorComponent}). Every
 * role may open it and preview; designers and admins change, save and publish.
 */
@Route(Routes.MAPPING)
@PermitAll
public class MappingEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final MappingService mappings;
    private final MappingEditorPresenters presenters;
    private final NodeContexts nodeContexts;
    private final H2 name = new H2();
    private final HorizontalLayout title;
    /** Which workflow's map node the editor was opened from, when it was (query {@code ?workflow=…&node=…}). */
    private Anchor nodeContext;
    private final Span version = new Span();
    private MappingEditorComponent editor;
    private UUID mappingId;

    public MappingEditorView(MappingService mappings, MappingEditorPresenters presenters, NodeContexts nodeContexts) {
        this.mappings = mappings;
        this.presenters = presenters;
        this.nodeContexts = nodeContexts;
        setSizeFull();
        name.setId("mapping-title");
        version.setId("mapping-version");
        version.getElement().getThemeList().add("badge");
        title = new HorizontalLayout(name, version);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassName("mapping-editor-view");
        add(title);
        RoomForAnEditor.closeDrawerWhileAttached(this);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            UUID id = UUID.fromString(event.getRouteParameters().get(Routes.MAPPING_ID).orElse(""));
            MappingEditorPresenter presenter = presenters.forMapping(id);
            mappingId = id;
            showMapping();
            if (editor != null) {
                remove(editor);
            }
            editor = new MappingEditorComponent(presenter);
            editor.setId("mapping-editor");
            editor.setSizeFull();
            editor.addChangeListener(this::showMapping);
            showNodeContext(event.getLocation().getQueryParameters());
            add(editor);
            expand(editor);
        } catch (IllegalArgumentException | NotFoundException e) {
            event.forwardTo("mappings");
            Notifications.warning("That mapping does not exist (any more).");
        }
    }

    /**
     * Opened from a workflow's map node ({@code ?workflow=<id>&node=<nodeId>}): hands the editor the node's context
     * (schemas around it, its recent inputs) and shows a badge naming the workflow and node, linking back to it. A
     * workflow that does not exist (any more) is ignored.
     */
    private void showNodeContext(QueryParameters query) {
        if (nodeContext != null) {
            title.remove(nodeContext);
            nodeContext = null;
        }
        Optional<String> workflow = query.getSingleParameter("workflow");
        Optional<String> node = query.getSingleParameter("node");
        if (workflow.isEmpty() || node.isEmpty() || node.get().isBlank()) {
            return;
        }
        MapperContract.NodeContext context;
        try {
            context = nodeContexts.of(UUID.fromString(workflow.get()), node.get());
        } catch (IllegalArgumentException | NotFoundException e) {
            return;
        }
        editor.setContext(context);
        nodeContext = new Anchor(Routes.workflow(UUID.fromString(context.workflowId())), "From workflow '"
                + context.workflowName() + "' · node " + context.nodeId());
        // a whole page load: the designer's React state is kept per page, and re-entering it by the client-side
        // router after the mapping editor has been shown broke it (React error 185, maximum update depth)
        nodeContext.getElement().setAttribute("router-ignore", true);
        nodeContext.getElement().setAttribute("data-testid", "node-context");
        nodeContext.getElement().setAttribute("data-workflow", context.workflowId());
        nodeContext.getElement().setAttribute("data-node", context.nodeId());
        nodeContext.getElement().setAttribute("data-source-schema", Boolean.toString(context.sourceSchema() != null));
        nodeContext.getElement().setAttribute("data-target-schema", Boolean.toString(context.targetSchema() != null));
        nodeContext.getElement().setAttribute("data-samples", Integer.toString(context.samples().size()));
        nodeContext.getElement().getThemeList().add("badge contrast");
        title.add(nodeContext);
    }

    private void showMapping() {
        StoredMapping mapping = mappings.get(mappingId);
        name.setText(mapping.name());
        version.setText("Version " + mapping.latestVersion() + (mapping.publishedVersion() == null
                ? " · not published" : " · published: version " + mapping.publishedVersion()));
    }

    @Override
    public String getPageTitle() {
        return name.getText() + " · Junction";
    }
}
