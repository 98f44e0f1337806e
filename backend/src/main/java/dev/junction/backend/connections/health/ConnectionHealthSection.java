package dev.junction.backend.connections.health;

import dev.junction.backend.dashboard.ChartSeries;
import dev.junction.backend.dashboard.DashboardChart;
import dev.junction.backend.dashboard.DashboardRange;
import dev.junction.backend.dashboard.DashboardSection;
import dev.junction.backend.dashboard.DashboardTile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's connection part: the tile {@code degraded-connections} (connections throttled, failing or failing
 * to authenticate now; no previous value is kept) and the chart {@code rate-limit-hits} (limiter waits and remote
 * 429s per bucket, stacked by connection). Connections are shared by workflows, so neither is narrowed to the
 * dashboard's workflow.
 */
@Component
@Order(100)
class ConnectionHealthSection implements DashboardSection {

    private final ConnectionHealthService health;

    ConnectionHealthSection(ConnectionHealthService health) {
        this.health = health;
    }

    @Override
    public List<DashboardTile> tiles(DashboardRange range) {
        long degraded = health.healthNow().stream().filter(ConnectionHealth::degraded).count();
        return List.of(new DashboardTile("degraded-connections", "Degraded connections", (double) degraded,
                Long.toString(degraded), null, null, degraded > 0 ? "bad" : "neutral", "connections"));
    }

    @Override
    public List<DashboardChart> charts(DashboardRange range, long bucketSeconds, int buckets) {
        List<ChartSeries> series = new ArrayList<>();
        for (Map.Entry<String, long[]> connection : health.rateLimitHits(range.from(), range.to(), bucketSeconds,
                buckets).entrySet()) {
            List<Double> values = new ArrayList<>();
            for (long hits : connection.getValue()) {
                values.add((double) hits);
            }
            series.add(new ChartSeries(connection.getKey(), "warning", values,
                    "runs?category=rate_limit&connection=" + connection.getKey()));
        }
        List<Instant> x = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            x.add(range.from().plusSeconds(bucketSeconds * i));
        }
        return List.of(new DashboardChart("rate-limit-hits", "Rate-limit hits by connection", "stacked-bar", "hits",
                bucketSeconds, x, series));
    }
}
