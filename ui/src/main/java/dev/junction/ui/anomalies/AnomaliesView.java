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
import dev.junction.backend.anomalies.BusinessAmountService;
import dev.junction.backend.api.NotFoundException;
import dev.junction.engine.anomalies.AnomalySettings;
import jakarta.annotation.security.PermitAll;

import java.util.List;
import java.util.UUID;

/**
 * The anomaly flags of every workflow, or of one ({@code anomalies?workflow=<id>}): what is unusual now for the hour
 * of the week, each with its sentence, its hour-of-week baseline and a link to the runs of that window; for one
 * workflow also where its runs keep their business amount ({@link AmountSettingsForm}).
 */
@Route("anomalies")
@PageTitle("Anomalies · Junction")
@Menu(title = "Anomalies", order = 1.5, icon = "vaadin:warning")
@PermitAll
public class AnomaliesView extends VerticalLayout implements BeforeEnterObserver {

    static final String WORKFLOW_PARAMETER = "workflow";

    private final AnomalyFlagsPanel panel;
    private final BusinessAmountService amounts;
    private AmountSettingsForm amountSettings;

    public AnomaliesView(AnomalyService anomalies, BusinessAmountService amounts) {
        this.amounts = amounts;
        panel = new AnomalyFlagsPanel(anomalies).withoutTitle();
        setSizeFull();
        Paragraph how = new Paragraph("Each workflow's latest hours against the same hours of the week in its past "
                + AnomalySettings.DEFAULTS.baselineWeeks() + " weeks: runs per hour, failure rate, p95 duration and, for workflows that record amounts, order value, refund share and settlement fees. Quiet hours with a handful of runs are "
                + "never flagged for having none.");
        how.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2("Anomalies"), how, panel);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> workflow = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(WORKFLOW_PARAMETER, List.of());
        UUID workflowId = workflow.isEmpty() ? null : parse(workflow.getFirst());
        panel.show(workflowId);
        if (amountSettings != null) {
            remove(amountSettings);
            amountSettings = null;
        }
        if (workflowId != null) {
            try {
                amountSettings = new AmountSettingsForm(amounts, workflowId);
                add(amountSettings);
            } catch (NotFoundException e) {
                // the panel says there is no such workflow
            }
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
