package dev.junction.backend.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Everything the ops dashboard shows for one range, computed by the server (charts only draw it): the tiles with
 * their deltas against the previous period of the same length, the charts' series, the runs in progress and the
 * next scheduled firings.
 */
public record Dashboard(Instant generatedAt, DashboardRange range, List<DashboardTile> tiles,
                        List<DashboardChart> charts, List<InProgressRun> inProgress,
                        List<ScheduledFiring> nextScheduled) {
}
