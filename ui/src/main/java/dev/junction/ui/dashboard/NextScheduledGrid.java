package dev.junction.ui.dashboard;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.junction.backend.dashboard.ScheduledFiring;
import dev.junction.ui.shared.Times;
import dev.junction.ui.shell.Routes;

import java.util.List;

/** The dashboard's "Next scheduled" table: the next firings of schedule and polling triggers, soonest first. */
final class NextScheduledGrid extends Grid<ScheduledFiring> {

    NextScheduledGrid() {
        super(ScheduledFiring.class, false);
        setId("next-scheduled");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addComponentColumn(firing -> Routes.link(firing.workflowName(), Routes.workflow(firing.workflowId())))
                .setHeader("Workflow").setFlexGrow(2);
        addColumn(firing -> firing.scheduleText() != null ? firing.scheduleText() : firing.schedule())
                .setHeader("Schedule").setFlexGrow(2).setTooltipGenerator(ScheduledFiring::schedule);
        addColumn(firing -> Times.when(firing.nextFireAt())).setHeader("Next").setWidth("12em").setFlexGrow(0);
        setEmptyStateText("No schedule or polling trigger is due.");
    }

    void show(List<ScheduledFiring> firings) {
        setItems(firings);
        getElement().setAttribute("data-count", Integer.toString(firings.size()));
    }
}
