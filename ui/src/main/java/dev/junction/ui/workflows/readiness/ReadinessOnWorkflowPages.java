package dev.junction.ui.workflows.readiness;

import dev.junction.ui.workflows.designer.WorkflowPageAddition;
import org.springframework.core.annotation.Order;

import java.util.List;

/**
 * Puts the go-live checklist ({@link ReadinessPanel}) on every workflow page, under the workflow's title, composed by
 * the page ({@link WorkflowPageAddition}); the checklist is drawn again whenever the designer saves (of the version
 * the save hands over, not read again) or publishes a version, and publishing from it draws the page again (the designer's version and the title's badge are stale then);
 * completing an item tells the designer, whose Publish button the checklist may gate.
 */
@org.springframework.stereotype.Component
@Order(2)
class ReadinessOnWorkflowPages implements WorkflowPageAddition {

    private final ReadinessServices services;

    ReadinessOnWorkflowPages(ReadinessServices services) {
        this.services = services;
    }

    @Override
    public Parts partsFor(WorkflowPage page) {
        ReadinessPanel panel = new ReadinessPanel(services, page.workflowId(), page.reload(), page.checklistChanged());
        panel.setWidthFull();
        // the checklist is read once the designer has drawn the workflow, so that neither waits for the other: read
        // one round trip after the page, its answer arrived in the middle of the designer's first drawing
        page.whenDrawn().accept(panel::refresh);
        return new Parts(List.of(panel), List.of(), panel::show);
    }
}
