package dev.junction.ui.charts;

import dev.junction.backend.dashboard.ChartSeries;
import dev.junction.backend.dashboard.DashboardChart;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A click on a bar opens the series' link narrowed to the bucket clicked, and nothing for a series without one. */
class ChartLinkTest {

    private static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");

    private static final DashboardChart CHART = new DashboardChart("runs-by-status", "Runs by status", "stacked-bar",
            "runs", 3600, List.of(NINE, NINE.plusSeconds(3600)), List.of(
            new ChartSeries("Succeeded", "success", List.of(5.0, 7.0), "runs?status=succeeded&workflow=w"),
            new ChartSeries("Failed", "error", List.of(1.0, 0.0), "runs?status=dead_lettered,failed"),
            new ChartSeries("Other", "neutral", Arrays.asList(null, 2.0), null)));

    @Test
    void aBarOpensItsSeriesLinkWithTheBucketsFromAndTo() {
        assertThat(Chart.linkOf(CHART, 1, 1)).contains(
                "runs?status=dead_lettered,failed&from=2026-12-07T10:00:00Z&to=2026-12-07T11:00:00Z");
        assertThat(Chart.linkOf(CHART, 0, 0)).contains(
                "runs?status=succeeded&workflow=w&from=2026-12-07T09:00:00Z&to=2026-12-07T10:00:00Z");
    }

    @Test
    void aSeriesWithoutALinkOrAnIndexOutOfRangeOpensNothing() {
        assertThat(Chart.linkOf(CHART, 2, 1)).isEmpty();
        assertThat(Chart.linkOf(CHART, 3, 0)).isEmpty();
        assertThat(Chart.linkOf(CHART, 0, 2)).isEmpty();
        assertThat(Chart.linkOf(CHART, -1, 0)).isEmpty();
    }

    @Test
    void theStateSaysWhichSeriesAreClickableAndCarriesBucketStartsAsEpochMillis() {
        Chart.ChartState state = Chart.ChartState.of(CHART);
        assertThat(state.x()).containsExactly(NINE.toEpochMilli(), NINE.plusSeconds(3600).toEpochMilli());
        assertThat(state.series()).extracting(Chart.SeriesState::clickable).containsExactly(true, true, false);
        assertThat(state.series().get(2).values()).containsExactly(null, 2.0);
    }
}
