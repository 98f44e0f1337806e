package dev.junction.ui.runs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.junction.db.runs.RunsQuery;
import dev.junction.engine.runs.RunStatus;
import dev.junction.ui.shared.Times;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The runs list's active filters as removable chips, in one line above the grid: "Status: Dead-lettered ×",
 * "Workflow: UK orders ×", one chip per status. A chip is a button whose accessible name says the filter, its value
 * and what a click does ("Status: Failed, remove"); {@code data-testid=filter-chip}, {@code data-filter} the URL
 * parameter and {@code data-value} its value as the URL writes it. The business key has its own field in the bar
 * and a saved view its own box, so neither is a chip.
 */
final class FilterChips extends Div {

    private final Consumer<RunsQuery> open;

    /** {@code open} shows the list filtered by the query a removal leaves. */
    FilterChips(Consumer<RunsQuery> open) {
        this.open = open;
        setId("filter-chips");
        addClassName("filter-chips");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", "Active filters");
    }

    /** Shows the chips of {@code query}; {@code workflowName} names its workflow (null: not known). */
    void show(RunsQuery query, String workflowName) {
        removeAll();
        RunsQuery base = query.withView(null);
        for (RunStatus status : RunStatus.values()) {
            if (query.statuses().contains(status)) {
                Set<RunStatus> rest = EnumSet.noneOf(RunStatus.class);
                rest.addAll(query.statuses());
                rest.remove(status);
                add(chip(RunsQuery.STATUS, "Status", RunStatusNames.label(status.jsonName()), status.jsonName(),
                        base.withStatuses(rest)));
            }
        }
        if (query.workflow() != null) {
            add(chip(RunsQuery.WORKFLOW, "Workflow", workflowName == null ? query.workflow().toString() : workflowName,
                    query.workflow().toString(), base.withWorkflow(null)));
        }
        if (query.version() != null) {
            add(chip(RunsQuery.VERSION, "Version", query.version().toString(), query.version().toString(),
                    base.withVersion(null)));
        }
        if (query.trigger() != null) {
            add(chip(RunsQuery.TRIGGER, "Trigger", query.trigger(), query.trigger(), base.withTrigger(null)));
        }
        if (query.from() != null) {
            add(chip(RunsQuery.FROM, "Created from", Times.when(query.from()), query.from().toString(),
                    base.withTime(null, query.to())));
        }
        if (query.to() != null) {
            add(chip(RunsQuery.TO, "Created before", Times.when(query.to()), query.to().toString(),
                    base.withTime(query.from(), null)));
        }
        if (query.connection() != null) {
            add(chip(RunsQuery.CONNECTION, "Connection", query.connection(), query.connection(),
                    base.withConnection(null)));
        }
        if (query.errorClass() != null) {
            add(chip(RunsQuery.ERROR_CLASS, "Error class", query.errorClass(), query.errorClass(),
                    base.withErrorClass(null)));
        }
        if (query.tag() != null) {
            add(chip(RunsQuery.TAG, "Tag", query.tag(), query.tag(), base.withTag(null)));
        }
        if (query.category() != null) {
            add(chip(RunsQuery.CATEGORY, "Error kind", query.category().label(), query.category().jsonName(),
                    base.withCategory(null)));
        }
        getElement().setAttribute("data-count", Integer.toString(getComponentCount()));
    }

    private Button chip(String parameter, String filter, String shown, String value, RunsQuery withoutIt) {
        Button chip = new Button(filter + ": " + shown, VaadinIcon.CLOSE_SMALL.create(), click -> open.accept(withoutIt));
        chip.setIconAfterText(true);
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL);
        chip.addClassName("filter-chip");
        chip.setAriaLabel(filter + ": " + shown + ", remove");
        chip.setTooltipText("Remove this filter");
        chip.getElement().setAttribute("data-testid", "filter-chip");
        chip.getElement().setAttribute("data-filter", parameter);
        chip.getElement().setAttribute("data-value", value);
        return chip;
    }
}
