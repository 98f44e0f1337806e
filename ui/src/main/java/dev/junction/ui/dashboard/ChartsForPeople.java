package dev.junction.ui.dashboard;

import dev.junction.backend.dashboard.ChartSeries;
import dev.junction.backend.dashboard.DashboardChart;
import dev.junction.ui.runs.RunStatusNames;

import java.util.List;
import java.util.Map;

/**
 * Names the dashboard's series for the people reading the legends: the statuses of {@code runs-by-status} as the
 * runs list names them ("Dead-lettered", not {@code dead_lettered}) and coloured as its badges are (succeeded
 * green, dead-lettered red, failed a darker red, cancelled grey), the percentiles of {@code duration} with what
 * they mean. Only names and tones change: each series keeps its link, which uses the API's names.
 */
final class ChartsForPeople {

    static final String RUNS_BY_STATUS = "runs-by-status";
    static final String DURATION = "duration";
    private static final Map<String, String> PERCENTILES = Map.of("p50", "p50 (median)", "p95", "p95 (slowest 5 %)");

    private ChartsForPeople() {
    }

    static DashboardChart named(DashboardChart chart) {
        List<ChartSeries> series = switch (chart.id()) {
            case RUNS_BY_STATUS -> chart.series().stream().map(one -> new ChartSeries(
                    RunStatusNames.label(one.name()), statusTone(one.name()), one.values(), one.link())).toList();
            case DURATION -> chart.series().stream().map(one -> new ChartSeries(
                    PERCENTILES.getOrDefault(one.name(), one.name()), one.tone(), one.values(), one.link())).toList();
            default -> chart.series();
        };
        return new DashboardChart(chart.id(), chart.title(), chart.kind(), chart.unit(), chart.bucketSeconds(),
                chart.x(), series);
    }

    /** The badge's tone; failed is the darker red so that it stays apart from dead-lettered in one stack. */
    static String statusTone(String status) {
        return "failed".equals(status) ? "error-dark" : RunStatusNames.tone(status);
    }
}
