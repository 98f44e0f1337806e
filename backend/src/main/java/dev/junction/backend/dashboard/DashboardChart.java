package dev.junction.backend.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * One chart: {@code kind} is {@code stacked-bar}, {@code bar} or {@code line}; {@code x} the start of each time
 * bucket ({@code bucketSeconds} long); each series has one value per bucket (null: no data). {@code unit} is what
 * the values count ({@code runs}, {@code ms}, {@code hits}).
 */
public record DashboardChart(String id, String title, String kind, String unit, long bucketSeconds, List<Instant> x,
                             List<ChartSeries> series) {
}
