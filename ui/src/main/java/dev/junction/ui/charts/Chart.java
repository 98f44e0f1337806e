package dev.junction.ui.charts;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.react.ReactAdapterComponent;
import com.vaadin.flow.router.Location;
import dev.junction.backend.dashboard.ChartSeries;
import dev.junction.backend.dashboard.DashboardChart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One chart ({@code charts/junction-chart.tsx}, drawn with ECharts): a {@link DashboardChart} sent as the
 * {@code chart} state. The server computes every number; the browser only draws. A click on a bar of a series with a
 * link comes back through {@link #open(int, int)}: the chart opens the series' link narrowed to the bucket clicked
 * ({@code from}/{@code to}, ISO-8601 instants).
 */
@Tag("junction-chart")
@JsModule("./charts/junction-chart.tsx")
@NpmPackage(value = "echarts", version = "6.1.0")
public class Chart extends ReactAdapterComponent implements HasSize {

    private DashboardChart chart;
    private Consumer<String> navigator = path -> getUI().ifPresent(ui -> {
        Location location = new Location(path);
        ui.navigate(location.getPath(), location.getQueryParameters());
    });

    public Chart(DashboardChart chart) {
        show(chart);
    }

    /** Draws {@code chart} instead of what was drawn (auto-refresh keeps the component). */
    public void show(DashboardChart chart) {
        this.chart = chart;
        getElement().setAttribute("data-chart", chart.id());
        setState("chart", ChartState.of(chart));
    }

    public DashboardChart chart() {
        return chart;
    }

    /** Where a click goes (the router by default); for tests of the link. */
    void navigateWith(Consumer<String> navigator) {
        this.navigator = navigator;
    }

    /** A click on bucket {@code bucket} of series {@code series}: opens its link narrowed to that bucket. */
    @ClientCallable
    public void open(int series, int bucket) {
        linkOf(chart, series, bucket).ifPresent(navigator);
    }

    /**
     * The path a click on bucket {@code bucket} of series {@code series} opens: the series' link with the bucket's
     * {@code from} (inclusive) and {@code to} (exclusive); empty for a series without a link or indexes out of range.
     */
    public static Optional<String> linkOf(DashboardChart chart, int series, int bucket) {
        if (series < 0 || series >= chart.series().size() || bucket < 0 || bucket >= chart.x().size()) {
            return Optional.empty();
        }
        String link = chart.series().get(series).link();
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        Instant from = chart.x().get(bucket);
        Instant to = from.plusSeconds(chart.bucketSeconds());
        return Optional.of(link + (link.contains("?") ? "&" : "?") + "from=" + from + "&to=" + to);
    }

    /** The {@code chart} state: {@code charts/contract.ts} ChartData (bucket starts as epoch milliseconds). */
    record ChartState(String id, String title, String kind, String unit, long bucketSeconds, List<Long> x,
                      List<SeriesState> series) {

        static ChartState of(DashboardChart chart) {
            return new ChartState(chart.id(), chart.title(), chart.kind(), chart.unit(), chart.bucketSeconds(),
                    chart.x().stream().map(Instant::toEpochMilli).toList(),
                    chart.series().stream().map(SeriesState::of).toList());
        }
    }

    record SeriesState(String name, String tone, List<Double> values, boolean clickable) {

        static SeriesState of(ChartSeries series) {
            return new SeriesState(series.name(), series.tone(), series.values(),
                    series.link() != null && !series.link().isBlank());
        }
    }
}
