package dev.junction.ui.workflows.readiness;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import java.util.List;

/**
 * A workflow's go-live checklist: one chip per item ({@code [data-testid=checklist-item][data-key=…][data-done=…]
 * [data-required=…]}), a tick or a circle, the hint as tooltip. {@link #ready()} is whether every required item is done
 * (Publish is enabled only then). The component shows items; the rules that decide them live in the backend.
 */
public class ReadinessChecklist extends Div {

    private final HorizontalLayout items = new HorizontalLayout();
    private List<ChecklistItem> shown = List.of();

    public ReadinessChecklist() {
        getElement().setAttribute("data-testid", "readiness-checklist");
        addClassName("readiness-checklist");
        Span title = new Span("Go-live checklist");
        title.getStyle().set("font-weight", "600").set("margin-right", "var(--lumo-space-s)");
        items.setSpacing(false);
        items.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        items.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout row = new HorizontalLayout(title, items);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setPadding(false);
        add(row);
    }

    /** Shows {@code checklist} in place of what was shown. */
    public void show(List<ChecklistItem> checklist) {
        shown = List.copyOf(checklist);
        items.removeAll();
        shown.forEach(item -> items.add(chip(item)));
        getElement().setAttribute("data-ready", Boolean.toString(ready()));
    }

    /** Whether every required item is done. */
    public boolean ready() {
        return shown.stream().allMatch(item -> item.done() || !item.required());
    }

    public List<ChecklistItem> items() {
        return shown;
    }

    private static Span chip(ChecklistItem item) {
        Span chip = new Span((item.done() ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.CIRCLE_THIN).create(),
                new Span(item.label() + (item.required() ? "" : " (optional)")));
        chip.getElement().setAttribute("data-testid", "checklist-item");
        chip.getElement().setAttribute("data-key", item.key());
        chip.getElement().setAttribute("data-done", Boolean.toString(item.done()));
        chip.getElement().setAttribute("data-required", Boolean.toString(item.required()));
        chip.getElement().getThemeList().add("badge");
        chip.getElement().getThemeList().add(item.done() ? "success" : item.required() ? "error" : "contrast");
        if (!item.done() && item.hint() != null) {
            chip.getElement().setAttribute("title", item.hint());
        }
        chip.getChildren().findFirst().ifPresent(icon -> icon.getElement().getStyle().set("width", "var(--lumo-icon-size-s)")
                .set("height", "var(--lumo-icon-size-s)").set("padding", "0 4px 0 0"));
        return chip;
    }
}
