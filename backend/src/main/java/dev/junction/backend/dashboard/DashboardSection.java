package dev.junction.backend.dashboard;

import java.util.List;

/**
 * Tiles and charts another feature adds to the dashboard (connection health, open alerts): every bean of this type
 * is asked for its part of each dashboard, after the run tiles and charts, in bean order.
 */
public interface DashboardSection {

    /** The section's tiles for {@code range}. */
    List<DashboardTile> tiles(DashboardRange range);

    /** The section's charts for {@code range}, cut into {@code buckets} buckets of {@code bucketSeconds}. */
    default List<DashboardChart> charts(DashboardRange range, long bucketSeconds, int buckets) {
        return List.of();
    }
}
