package dev.junction.ui.anomalies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.junction.backend.anomalies.BaselineView;
import dev.junction.backend.dashboard.ChartSeries;
import dev.junction.backend.dashboard.DashboardChart;
import dev.junction.engine.anomalies.AnomalyMetric;
import dev.junction.engine.anomalies.AnomalySettings;
import dev.junction.engine.anomalies.HourOfWeekBaseline;
import dev.junction.ui.charts.Chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The hour-of-week baseline of a flagged metric ({@code data-testid=anomaly-baseline}, {@code data-metric},
 * {@code data-hours} 168, {@code data-flagged-hours}: how many of them lie in the flag's window,
 * {@code data-first-flagged}: the index of the first): for each of the latest 168 hours, the usual band and median
 * of that hour of the week in the baseline weeks and what the hour gave, with the flagged hours as a series of their
 * own — drawn by the generic chart.
 */
class BaselineDialog extends Dialog {

    BaselineDialog(BaselineView view) {
        HourOfWeekBaseline baseline = view.baseline();
        AnomalyMetric metric = baseline.metric();
        setHeaderTitle(view.workflowName() + ": " + metric.label() + " by hour of the week");
        Div body = new Div();
        body.getElement().setAttribute("data-testid", "anomaly-baseline");
        body.getElement().setAttribute("data-metric", metric.jsonName());
        body.getElement().setAttribute("data-hours", String.valueOf(baseline.hourStarts().size()));
        int flagged = 0;
        int first = -1;
        for (int i = 0; i < baseline.hourStarts().size(); i++) {
            if (view.flagged(i)) {
                flagged++;
                first = first < 0 ? i : first;
            }
        }
        body.getElement().setAttribute("data-flagged-hours", String.valueOf(flagged));
        body.getElement().setAttribute("data-first-flagged", String.valueOf(first));
        Paragraph how = new Paragraph("The last 168 hours against the same hour of the week in the "
                + AnomalySettings.DEFAULTS.baselineWeeks() + " weeks before: the median and the usual band (hour by"
                + " hour; a flag judges windows of 2 hours or more, so its band is narrower than these)."
                + (view.flag() == null ? "" : " Flagged: " + view.flag().sentence() + "."));
        how.getStyle().set("color", "var(--lumo-secondary-text-color)").set("max-width", "60em");
        Chart chart = new Chart(chart(view));
        chart.setWidth("min(1100px, 85vw)");
        chart.setHeight("320px");
        body.add(how, chart);
        add(body);
        Button close = new Button("Close", event -> close());
        getFooter().add(close);
    }

    /** The baseline as a line chart of hourly buckets: usual low, median, usual high, actual, flagged hours. */
    static DashboardChart chart(BaselineView view) {
        HourOfWeekBaseline baseline = view.baseline();
        AnomalyMetric metric = baseline.metric();
        double scale = switch (metric) {
            case FAILURE_RATE, REFUND_SHARE, SETTLEMENT_FEES -> 100;
            default -> 1;
        };
        String unit = switch (metric) {
            case VOLUME -> "runs";
            case P95_DURATION -> "ms";
            case FAILURE_RATE, REFUND_SHARE, SETTLEMENT_FEES -> "percent";
            case ORDER_VALUE -> baseline.currency() == null || baseline.currency().isEmpty() ? "amount"
                    : "money:" + baseline.currency();
        };
        List<Double> flagged = new ArrayList<>();
        for (int i = 0; i < baseline.actual().length; i++) {
            flagged.add(view.flagged(i) ? value(baseline.actual()[i], scale) : null);
        }
        return new DashboardChart("anomaly-baseline", metric.label().substring(0, 1).toUpperCase()
                + metric.label().substring(1) + " by hour of the week", "line", unit, 3600, baseline.hourStarts(),
                List.of(new ChartSeries("usual low", "contrast", values(baseline.low(), scale), null),
                        new ChartSeries("median", "neutral", values(baseline.median(), scale), null),
                        new ChartSeries("usual high", "contrast", values(baseline.high(), scale), null),
                        new ChartSeries("actual", "success", values(baseline.actual(), scale), null),
                        new ChartSeries("flagged", "error", flagged, null)));
    }

    private static List<Double> values(double[] values, double scale) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value(value, scale));
        }
        return list;
    }

    private static Double value(double value, double scale) {
        return Double.isNaN(value) ? null : value * scale;
    }
}
