package dev.junction.ui.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.templates.TemplateService;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.ui.shell.Routes;
import dev.junction.ui.workflows.designer.WorkflowDesignerView;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * What templates add to a workflow page, without the designer's page knowing it (added after each navigation to a
 * {@link WorkflowDesignerView}): the {@link TemplateUpdateBanner} when the workflow was installed from a template
 * that has a newer version (applied, the page is drawn again: the designer opens the merged version), and a "Save as
 * template" button next to the title ({@link SaveAsTemplateDialog}) for those who may change workflows.
 */
@Component
class TemplatesOnWorkflowPages implements VaadinServiceInitListener {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TemplatesOnWorkflowPages.class);

    private final TemplateService templates;
    private final WorkflowService workflows;
    private final WorkflowVersionService versions;

    TemplatesOnWorkflowPages(TemplateService templates, WorkflowService workflows, WorkflowVersionService versions) {
        this.templates = templates;
        this.workflows = workflows;
        this.versions = versions;
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
                        workflows.get(workflowId);
                    } catch (IllegalArgumentException | NotFoundException e) {
                        return; // not a workflow (the view forwards to the list itself)
                    }
                    try {
                        showUpdate(view, workflowId);
                        addSaveAs(view, workflowId);
                    } catch (RuntimeException e) {
                        // an addition must never break the designer's page: it is left out, and said so in the log
                        log.warn("Template additions left out of workflow {}'s page", workflowId, e);
                    }
                });
    }

    private void showUpdate(VerticalLayout view, UUID workflowId) {
        view.getChildren().filter(TemplateUpdateBanner.class::isInstance).toList().forEach(view::remove);
        if (templates.installation(workflowId).isEmpty()) {
            return; // not installed from a template: nothing to update (the offer would be refused as not found)
        }
        templates.updateOffer(workflowId).ifPresent(offer -> view.addComponentAtIndex(
                Math.min(1, view.getComponentCount()), new TemplateUpdateBanner(templates, workflowId, offer,
                        workflows.currentUserMayChange(), () -> view.getUI().ifPresent(ui -> ui.getPage().reload()))));
    }

    private void addSaveAs(VerticalLayout view, UUID workflowId) {
        if (!workflows.currentUserMayChange()) {
            return;
        }
        view.getChildren().filter(HorizontalLayout.class::isInstance).map(HorizontalLayout.class::cast)
                .filter(row -> row.hasClassName("workflow-designer-title")).findFirst().ifPresent(title -> {
                    title.getChildren().filter(child -> child.getElement().hasAttribute("data-save-as-template"))
                            .toList().forEach(title::remove);
                    Button saveAs = new Button("Save as template", VaadinIcon.MODAL_LIST.create(),
                            click -> new SaveAsTemplateDialog(templates, versions, workflows.get(workflowId)).open());
                    saveAs.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    saveAs.getElement().setAttribute("data-save-as-template", "");
                    saveAs.getElement().setAttribute("data-testid", "save-as-template");
                    title.add(saveAs);
                });
    }
}
