package dev.junction.ui.anomalies;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.anomalies.AnomalyService;
import dev.junction.engine.anomalies.AnomalySettings;
import jakarta.annotation.security.PermitAll;

import java.util.List;
import java.util.UUID;

/**
 * The anomaly flags of every workflow, or of one ({@code anomalies?workflow=<id>}): what is unusual now for the hour
 * of the week, each with its sentence and a link to the runs of that window.
 */
@Route("anomalies")
@PageTitle("Anomalies · Junction")
@Menu(title = "Anomalies", order = 1.5, icon = "vaadin:warning")
@PermitAll
public class AnomaliesView extends VerticalLayout implements BeforeEnterObserver {

    static final String WORKFLOW_PARAMETER = "workflow";

    private final AnomalyFlagsPanel panel;

    public AnomaliesView(AnomalyService anomalies) {
        panel = new AnomalyFlagsPanel(anomalies).withoutTitle();
        setSizeFull();
        Paragraph how = new Paragraph("Each workflow's latest hours against the same hours of the week in its past "
                + AnomalySettings.DEFAULTS.baselineWeeks() + " weeks: runs per hour, failure rate and p95 duration. Quiet hours with a handful of runs are "
                + "never flagged for having none.");
        how.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2("Anomalies"), how, panel);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> workflow = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(WORKFLOW_PARAMETER, List.of());
        panel.show(workflow.isEmpty() ? null : parse(workflow.getFirst()));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
