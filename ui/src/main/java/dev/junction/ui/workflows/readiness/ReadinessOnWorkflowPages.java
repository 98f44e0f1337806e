package dev.junction.ui.workflows.readiness;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.junction.ui.shell.Routes;
import dev.junction.ui.workflows.designer.DesignerComponent;
import dev.junction.ui.workflows.designer.WorkflowDesignerView;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Puts the go-live checklist ({@link ReadinessPanel}) on every workflow page, under the workflow's title, without the
 * designer's page knowing it: after each navigation to a {@link WorkflowDesignerView}, the panel of that workflow
 * replaces the one shown before, and is read again whenever the designer saves or publishes a version.
 */
@org.springframework.stereotype.Component
class ReadinessOnWorkflowPages implements VaadinServiceInitListener {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReadinessOnWorkflowPages.class);

    private final ReadinessServices services;

    ReadinessOnWorkflowPages(ReadinessServices services) {
        this.services = services;
    }

    @Override
    public void serviceInit(ServiceInitEvent init) {
        init.getSource().addUIInitListener(ui -> ui.getUI().addAfterNavigationListener(this::afterNavigation));
    }

    private void afterNavigation(AfterNavigationEvent event) {
        event.getActiveChain().stream().filter(WorkflowDesignerView.class::isInstance)
                .map(WorkflowDesignerView.class::cast).findFirst().ifPresent(view -> {
                    UUID workflowId;
                    try {
                        workflowId = UUID.fromString(event.getRouteParameters().get(Routes.WORKFLOW_ID).orElse(""));
                    } catch (IllegalArgumentException e) {
                        return;
                    }
                    try {
                        show(view, workflowId);
                    } catch (RuntimeException e) {
                        // the checklist must never break the designer's page: it is left out, and said so in the log
                        log.warn("Go-live checklist left out of workflow {}'s page", workflowId, e);
                    }
                });
    }

    private void show(VerticalLayout view, UUID workflowId) {
        view.getChildren().filter(ReadinessPanel.class::isInstance).toList().forEach(view::remove);
        // published here, the designer's version and the title's badge are stale: the page is drawn again
        ReadinessPanel panel = new ReadinessPanel(services, workflowId,
                () -> view.getUI().ifPresent(ui -> ui.getPage().reload()));
        panel.setWidthFull();
        view.addComponentAtIndex(Math.min(1, view.getComponentCount()), panel);
        // the checklist is read one round trip later, so that the designer draws first instead of waiting for it
        panel.getElement().executeJs("return 0").then(ignored -> panel.refresh());
        view.getChildren().filter(DesignerComponent.class::isInstance).map(DesignerComponent.class::cast)
                .forEach(designer -> designer.addChangeListener(panel::refresh));
    }
}
