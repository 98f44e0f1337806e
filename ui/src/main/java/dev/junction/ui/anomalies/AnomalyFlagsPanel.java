package dev.junction.ui.anomalies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.junction.backend.anomalies.AnomalyService;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.anomalies.WorkflowAnomaly;
import dev.junction.engine.anomalies.AnomalyMetric;
import dev.junction.ui.shared.Times;

import java.util.List;
import java.util.UUID;

/**
 * The anomaly flags now, one row per flag ({@code data-testid=anomaly-flag}, {@code data-workflow},
 * {@code data-metric}, {@code data-kind}, {@code data-severity}): its sentence ("orders polled: 0 runs in the last 2
 * h, usually 35–50"), since when, a button that opens the metric's hour-of-week baseline ({@link BaselineDialog}),
 * and a link to the runs list of that workflow and window. The dashboard includes it;
 * the Anomalies view shows it whole. {@link #show} (re)reads the flags of one workflow or of all.
 */
public class AnomalyFlagsPanel extends VerticalLayout {

    private final AnomalyService anomalies;
    private final Div rows = new Div();
    private final H3 title = new H3("Anomalies");

    public AnomalyFlagsPanel(AnomalyService anomalies) {
        this.anomalies = anomalies;
        setPadding(false);
        setSpacing(false);
        getElement().setAttribute("data-testid", "anomaly-flags");
        rows.setWidthFull();
        add(title, rows);
    }

    /** Leaves out the panel's own heading (for a page that has one). */
    public AnomalyFlagsPanel withoutTitle() {
        title.setVisible(false);
        return this;
    }

    /** Shows the flags of workflow {@code workflowId}, or of every workflow when it is null. */
    public void show(UUID workflowId) {
        rows.removeAll();
        List<WorkflowAnomaly> flags;
        try {
            flags = anomalies.current(workflowId);
        } catch (NotFoundException e) {
            getElement().setAttribute("data-count", "0");
            rows.add(new Paragraph("There is no such workflow (it may have been deleted)."));
            return;
        }
        getElement().setAttribute("data-count", String.valueOf(flags.size()));
        if (flags.isEmpty()) {
            Paragraph none = new Paragraph(workflowId == null
                    ? "Nothing unusual: every workflow is within its usual range for the hour of the week."
                    : "Nothing unusual: this workflow is within its usual range for the hour of the week.");
            none.getElement().setAttribute("data-testid", "anomaly-none");
            rows.add(none);
            return;
        }
        flags.forEach(flag -> rows.add(row(flag)));
    }

    private HorizontalLayout row(WorkflowAnomaly flag) {
        Span severity = new Span(flag.severity());
        severity.getElement().getThemeList().add("badge " + ("critical".equals(flag.severity()) ? "error" : "contrast"));
        Span sentence = new Span(flag.sentence());
        sentence.getElement().setAttribute("data-testid", "anomaly-sentence");
        Span since = new Span(Times.when(flag.from()) + " – " + Times.when(flag.to()));
        since.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Anchor runs = new Anchor(flag.runsLink(), "Runs");
        runs.getElement().setAttribute("data-testid", "anomaly-runs-link");
        runs.getElement().setAttribute("aria-label", "Runs of " + flag.workflowName() + " in this window");
        Button baseline = new Button("Baseline", event -> new BaselineDialog(anomalies.baseline(flag.workflowId(),
                AnomalyMetric.fromJson(flag.metric()))).open());
        baseline.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        baseline.getElement().setAttribute("data-testid", "anomaly-baseline-open");
        baseline.getElement().setAttribute("aria-label", "Baseline of " + flag.workflowName() + "'s "
                + AnomalyMetric.fromJson(flag.metric()).label() + " by hour of the week");
        HorizontalLayout row = new HorizontalLayout(severity, sentence, since, baseline, runs);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWidthFull();
        row.expand(sentence);
        row.getElement().setAttribute("data-testid", "anomaly-flag");
        row.getElement().setAttribute("data-workflow", flag.workflowId().toString());
        row.getElement().setAttribute("data-metric", flag.metric());
        row.getElement().setAttribute("data-kind", flag.kind());
        row.getElement().setAttribute("data-severity", flag.severity());
        return row;
    }
}
