package dev.junction.ui.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.templates.InstallResult;
import dev.junction.backend.templates.TemplateService;
import dev.junction.backend.templates.UpdateOffer;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.shared.Notifications;

import java.util.UUID;

/**
 * On a workflow installed from a template, when a newer template version exists: a banner
 * ({@code [data-testid=template-update]}) and a dialog with the three-way merge's counts ("1 upstream change, 1 local
 * change, 0 conflicts"), each conflict by node and field with a choice — keep mine (the default) or take the
 * template's ({@code [data-testid=template-update-conflict]}, {@code data-key}, {@code data-choice}) — and Apply: the
 * merged definition, with the template's value where it was chosen, becomes the workflow's new version.
 */
class TemplateUpdateBanner extends Div {

    private final TemplateService templates;
    private final UUID workflowId;
    private final Runnable applied;

    TemplateUpdateBanner(TemplateService templates, UUID workflowId, UpdateOffer offer, boolean mayApply,
                         Runnable applied) {
        this.templates = templates;
        this.workflowId = workflowId;
        this.applied = applied;
        getElement().setAttribute("data-testid", "template-update");
        getElement().setAttribute("data-version", Integer.toString(offer.availableVersion()));
        getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("background", "var(--lumo-primary-color-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        Span text = new Span("Template '" + offer.templateId() + "' has a new version " + offer.availableVersion()
                + " (this workflow has version " + offer.installedVersion() + "): " + offer.summary() + ".");
        HorizontalLayout row = new HorizontalLayout(VaadinIcon.REFRESH.create(), text);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        if (mayApply) {
            Button review = new Button("Review update", click -> openDialog());
            review.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            review.getElement().setAttribute("data-testid", "template-update-review");
            row.add(review);
        }
        add(row);
    }

    private void openDialog() {
        UpdateOffer offer = templates.updateOffer(workflowId).orElse(null);
        if (offer == null) {
            Notifications.warning("The workflow is up to date with its template now.");
            setVisible(false);
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Update to template version " + offer.availableVersion());
        dialog.getElement().setAttribute("data-testid", "template-update-dialog");
        Paragraph summary = new Paragraph(offer.summary());
        summary.getElement().setAttribute("data-testid", "template-update-summary");
        summary.getStyle().set("font-weight", "600");
        dialog.add(summary, new Paragraph("Template changes are merged into the workflow's latest version (" +
                offer.workflowVersion() + "); your own changes are kept. Applying saves a new version, not published."));
        java.util.Map<String, String> choices = new java.util.LinkedHashMap<>();
        if (!offer.conflicts().isEmpty()) {
            dialog.add(new Paragraph("Changed on both sides — choose for each: keep yours, or take the template's."));
            Div conflicts = new Div();
            conflicts.getElement().setAttribute("data-testid", "template-update-conflicts");
            for (UpdateOffer.UpdateConflict conflict : offer.conflicts()) {
                choices.put(conflict.key(), "mine");
                String field = (conflict.nodeId() == null ? "Trigger" : "Step " + conflict.nodeId()) + " · "
                        + (conflict.label() != null ? conflict.label() : String.join(".", conflict.path()));
                RadioButtonGroup<String> choice = new RadioButtonGroup<>(field);
                choice.setItems("mine", "theirs");
                choice.setItemLabelGenerator(value -> "mine".equals(value)
                        ? "Keep mine: " + PayloadJson.write(conflict.local())
                        : "Take theirs: " + PayloadJson.write(conflict.upstream()));
                choice.setValue("mine");
                choice.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                Div row = new Div(choice);
                row.getElement().setAttribute("data-testid", "template-update-conflict");
                row.getElement().setAttribute("data-key", conflict.key());
                row.getElement().setAttribute("data-choice", "mine");
                choice.addValueChangeListener(changed -> {
                    String value = changed.getValue() == null ? "mine" : changed.getValue();
                    choices.put(conflict.key(), value);
                    row.getElement().setAttribute("data-choice", value);
                });
                conflicts.add(row);
            }
            dialog.add(conflicts);
        }
        dialog.setWidth("48em");
        Button apply = new Button("Apply", click -> {
            try {
                InstallResult result = templates.applyUpdate(workflowId, offer.availableVersion(), false,
                        choices);
                Notifications.success("Updated to template version " + result.templateVersion() + ": workflow version "
                        + result.workflowVersion() + " saved");
                dialog.close();
                applied.run();
            } catch (InvalidInputException | ConflictException e) {
                Notifications.error("Not updated: " + e.getMessage());
            }
        });
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.getElement().setAttribute("data-testid", "template-update-apply");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), apply);
        dialog.open();
    }
}
