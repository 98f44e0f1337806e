package dev.junction.ui.templates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.junction.backend.templates.TemplateService;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.ui.workflows.designer.WorkflowPageAddition;
import org.springframework.core.annotation.Order;

import java.util.List;
import java.util.UUID;

/**
 * What templates add to a workflow's page, composed by the page ({@link WorkflowPageAddition}): the
 * {@link TemplateUpdateBanner} when the workflow was installed from a template that has a newer version (applied, the
 * page is drawn again: the designer opens the merged version), and a "Save as template" button next to the title
 * ({@link SaveAsTemplateDialog}) for those who may change workflows.
 */
@org.springframework.stereotype.Component
@Order(1)
class TemplatesOnWorkflowPages implements WorkflowPageAddition {

    private final TemplateService templates;
    private final WorkflowService workflows;
    private final WorkflowVersionService versions;

    TemplatesOnWorkflowPages(TemplateService templates, WorkflowService workflows, WorkflowVersionService versions) {
        this.templates = templates;
        this.workflows = workflows;
        this.versions = versions;
    }

    @Override
    public Parts partsFor(WorkflowPage page) {
        UUID workflowId = page.workflowId();
        boolean mayChange = workflows.currentUserMayChange();
        // not installed from a template: nothing to update (the offer would be refused as not found)
        List<Component> banner = templates.installation(workflowId).isEmpty() ? List.of()
                : templates.updateOffer(workflowId).<List<Component>>map(offer -> List.of(new TemplateUpdateBanner(
                        templates, workflowId, offer, mayChange, page.reload()))).orElse(List.of());
        return new Parts(banner, mayChange ? List.of(saveAs(workflowId)) : List.of(), null);
    }

    private Button saveAs(UUID workflowId) {
        Button saveAs = new Button("Save as template", VaadinIcon.MODAL_LIST.create(),
                click -> new SaveAsTemplateDialog(templates, versions, workflows.get(workflowId)).open());
        saveAs.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        saveAs.getElement().setAttribute("data-testid", "save-as-template");
        return saveAs;
    }
}
