package dev.junction.ui.mappings.editor;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.mappings.MappingService;
import dev.junction.db.mappings.StoredMapping;
import dev.junction.ui.shell.Routes;
import dev.junction.ui.shared.Notifications;
import jakarta.annotation.security.PermitAll;

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
    private final H2 name = new H2();
    private final Span version = new Span();
    private MappingEditorComponent editor;
    private UUID mappingId;

    public MappingEditorView(MappingService mappings, MappingEditorPresenters presenters) {
        this.mappings = mappings;
        this.presenters = presenters;
        setSizeFull();
        name.setId("mapping-title");
        version.setId("mapping-version");
        version.getElement().getThemeList().add("badge");
        HorizontalLayout title = new HorizontalLayout(name, version);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassName("mapping-editor-view");
        add(title);
        addAttachListener(attach -> {
            AppLayout layout = findAncestor(AppLayout.class);
            if (layout != null) {
                boolean wasOpen = layout.isDrawerOpened();
                layout.setDrawerOpened(false);
                addDetachListener(detach -> {
                    layout.setDrawerOpened(wasOpen);
                    detach.unregisterListener();
                });
            }
        });
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
            add(editor);
            expand(editor);
        } catch (IllegalArgumentException | NotFoundException e) {
            event.forwardTo("mappings");
            Notifications.warning("That mapping does not exist (any more).");
        }
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
