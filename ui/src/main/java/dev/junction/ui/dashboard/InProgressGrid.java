package dev.junction.ui.dashboard;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import dev.junction.backend.dashboard.InProgressRun;
import dev.junction.ui.shared.Times;
import dev.junction.ui.shell.Routes;

import java.util.List;

/** The dashboard's "In progress" table: runs not yet ended, each a link to the run, its workflow a link too. */
final class InProgressGrid extends Grid<InProgressRun> {

    InProgressGrid() {
        super(InProgressRun.class, false);
        setId("in-progress");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addComponentColumn(run -> Routes.link(run.workflowName(), Routes.workflow(run.workflowId())))
                .setHeader("Workflow").setFlexGrow(2);
        addComponentColumn(run -> {
            Span status = new Span(run.status());
            status.getElement().setAttribute("theme", "badge" + ("waiting".equals(run.status()) ? " contrast" : ""));
            status.getElement().setAttribute("data-status", run.status());
            return status;
        }).setHeader("Status").setWidth("7.5em").setFlexGrow(0);
        addColumn(InProgressRun::businessKey).setHeader("Business key").setFlexGrow(1);
        addComponentColumn(run -> Routes.link(Times.when(run.startedAt() != null ? run.startedAt() : run.createdAt()),
                Routes.run(run.runId()))).setHeader("Since").setWidth("12em").setFlexGrow(0);
        setEmptyStateText("Nothing running.");
        setAllRowsVisible(false);
    }

    void show(List<InProgressRun> runs) {
        setItems(runs);
        getElement().setAttribute("data-count", Integer.toString(runs.size()));
    }
}
