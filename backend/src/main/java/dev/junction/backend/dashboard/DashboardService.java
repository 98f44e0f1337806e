package dev.junction.backend.dashboard;

import dev.junction.backend.triggers.NextFirings;
import dev.junction.db.rollups.DurationBuckets;
import dev.junction.db.rollups.RollupRow;
import dev.junction.db.rollups.RunRollups;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Computes the ops dashboard for a range ({@link DashboardPeriod}) and, optionally, one workflow. The period's
 * numbers come from the rollups ({@link RunRollups}, at most one fold interval behind the runs), never from scanning
 * runs: the daily rows for the whole UTC days of a span when nothing it is summed by splits a day (the previous
 * period, which is one total; the 30d range's daily buckets), the hourly rows for the rest — the same numbers as from
 * hourly rows alone, from far fewer rows. Only the dead-letter queue (an index count), the runs in progress (the
 * newest 20) and the next firings (Quartz) are read as they are now. See docs/dashboard.md.
 */
@Service
public class DashboardService {

    static final int IN_PROGRESS_LIMIT = 20;
    static final int NEXT_SCHEDULED_LIMIT = 20;

    private final DSLContext db;
    private final RunRollups rollups;
    private final NextFirings firings;
    private final ObjectProvider<DashboardSection> sections;
    private final Clock clock;

    DashboardService(DSLContext db, RunRollups rollups, NextFirings firings,
                     ObjectProvider<DashboardSection> sections, Clock clock) {
        this.db = db;
        this.rollups = rollups;
        this.firings = firings;
        this.sections = sections;
        this.clock = clock;
    }

    /** The dashboard of range {@code rangeName} (blank: 24h) now, of one workflow or all ({@code workflowId} null). */
    @PreAuthorize("isAuthenticated()")
    public Dashboard dashboard(String rangeName, UUID workflowId) {
        return dashboard(rangeName, workflowId, clock.instant());
    }

    /**
     * The dashboard as it reads at {@code now}, without the caller check (tests and benchmarks; views and the REST
     * API call {@link #dashboard(String, UUID)}).
     */
    public Dashboard dashboard(String rangeName, UUID workflowId, Instant now) {
        return dashboard(rangeName, workflowId, now, true);
    }

    /**
     * The dashboard at {@code now}, read from the daily rollups where they fit ({@code fromDailyRollups}) or from the
     * hourly rollups alone (what tests compare it with: the numbers must be the same).
     */
    Dashboard dashboard(String rangeName, UUID workflowId, Instant now, boolean fromDailyRollups) {
        DashboardPeriod period = DashboardPeriod.named(rangeName);
        Instant to = period.to(now);
        Instant from = to.minus(period.length());
        Instant previousFrom = from.minus(period.length());
        DashboardRange range = new DashboardRange(period.rangeName(), from, to, previousFrom, workflowId);

        List<RollupRow> currentRows = fromDailyRollups && period.bucketsAreDays()
                ? rollups.covering(utc(from), utc(to), workflowId) : rollups.hours(utc(from), utc(to), workflowId);
        List<RollupRow> previousRows = fromDailyRollups ? rollups.covering(utc(previousFrom), utc(from), workflowId)
                : rollups.hours(utc(previousFrom), utc(from), workflowId);
        RollupSums current = new RollupSums(from, period.bucket(), period.buckets()).add(currentRows);
        RollupSums previous = new RollupSums(previousFrom, period.length(), 1).add(previousRows);

        List<DashboardTile> tiles = new ArrayList<>(runTiles(range, current, previous));
        tiles.addAll(deadLetterTiles(range, now));
        List<DashboardChart> charts = new ArrayList<>(List.of(DashboardCharts.runsByStatus(current, workflowId),
                DashboardCharts.duration(current), DashboardCharts.failuresByCategory(current, workflowId)));
        sections.orderedStream().forEach(section -> {
            tiles.addAll(section.tiles(range));
            charts.addAll(section.charts(range, period.bucket().toSeconds(), period.buckets()));
        });
        return new Dashboard(now, range, List.copyOf(tiles), List.copyOf(charts), inProgress(workflowId),
                nextScheduled(workflowId));
    }

    private static List<DashboardTile> runTiles(DashboardRange range, RollupSums current, RollupSums previous) {
        UUID workflow = range.workflowId();
        String allRuns = RunsLinks.runs(null, null, range.from(), range.to(), workflow);
        String failedRuns = RunsLinks.runs(RunsLinks.FAILED, null, range.from(), range.to(), workflow);
        double runs = current.runs;
        double previousRuns = previous.runs;
        double failed = current.failed;
        double previousFailed = previous.failed;
        Double rate = current.failureRate();
        Double previousRate = previous.failureRate();
        Double p95 = DurationBuckets.percentile(current.durations, 0.95);
        Double previousP95 = DurationBuckets.percentile(previous.durations, 0.95);
        return List.of(
                new DashboardTile("runs", "Runs", runs, DashboardTexts.count(runs), previousRuns,
                        DashboardTexts.relativeChange(runs, previousRuns), "neutral", allRuns),
                new DashboardTile("failed", "Failed", failed, DashboardTexts.count(failed), previousFailed,
                        DashboardTexts.countChange(failed, previousFailed),
                        DashboardTexts.moreIsBad(DashboardTexts.countChange(failed, previousFailed)), failedRuns),
                new DashboardTile("failure-rate", "Failure rate", rate,
                        rate == null ? "–" : DashboardTexts.percent(rate), previousRate,
                        DashboardTexts.pointChange(rate, previousRate),
                        DashboardTexts.moreIsBad(DashboardTexts.pointChange(rate, previousRate)),
                        failedRuns),
                new DashboardTile("p95-duration", "p95 duration", rounded(p95),
                        p95 == null ? "–" : DashboardTexts.duration(p95), rounded(previousP95),
                        DashboardTexts.relativeChange(rounded(p95), rounded(previousP95)),
                        DashboardTexts.moreIsBad(DashboardTexts.relativeChange(rounded(p95), rounded(previousP95))),
                        allRuns));
    }

    /**
     * The dead-letter queue now and at the start of the period (runs dead-lettered now that had already ended then;
     * runs replayed since are not known), and the age of its oldest run now and at the start of the period.
     */
    private List<DashboardTile> deadLetterTiles(DashboardRange range, Instant now) {
        UUID workflow = range.workflowId();
        String ofWorkflow = workflow == null ? "" : " and workflow_id = ?";
        Object[] now_ = workflow == null ? new Object[0] : new Object[]{workflow};
        Object[] then = workflow == null ? new Object[]{utc(range.from())}
                : new Object[]{utc(range.from()), workflow};
        Record dlq = db.fetchOne("select count(*) as size, min(created_at) as oldest from runs"
                + " where status = 'dead_lettered'" + ofWorkflow, now_);
        Record dlqThen = db.fetchOne("select count(*) as size, min(created_at) as oldest from runs"
                + " where status = 'dead_lettered' and finished_at < ?::timestamptz" + ofWorkflow, then);
        double size = dlq.get("size", Long.class);
        double sizeThen = dlqThen.get("size", Long.class);
        Double age = age(dlq.get("oldest", OffsetDateTime.class), now);
        Double ageThen = age(dlqThen.get("oldest", OffsetDateTime.class), range.from());
        String deadLetters = RunsLinks.runs("dead_lettered", null, null, null, workflow);
        return List.of(
                new DashboardTile("dlq", "Dead-letter queue", size, DashboardTexts.count(size), sizeThen,
                        DashboardTexts.countChange(size, sizeThen),
                        DashboardTexts.moreIsBad(DashboardTexts.countChange(size, sizeThen)),
                        deadLetters),
                new DashboardTile("oldest-failure-age", "Oldest unresolved failure", age,
                        age == null ? "–" : DashboardTexts.duration(age), ageThen,
                        DashboardTexts.durationChange(age, ageThen),
                        DashboardTexts.moreIsBad(DashboardTexts.durationChange(age, ageThen)),
                        deadLetters));
    }

    private static Double age(OffsetDateTime oldest, Instant at) {
        return oldest == null ? null : (double) Math.max(0, Duration.between(oldest.toInstant(), at).toMillis());
    }

    /** The newest runs not yet ended (queued, running, waiting), without payloads. */
    private List<InProgressRun> inProgress(UUID workflowId) {
        String ofWorkflow = workflowId == null ? "" : " and r.workflow_id = ?";
        StringBuilder sql = new StringBuilder("select * from (");
        List<Object> bindings = new ArrayList<>();
        // one index range per status (runs_status_created_idx), newest first, merged
        List<String> statuses = List.of("queued", "running", "waiting");
        for (String status : statuses) {
            if (!status.equals(statuses.getFirst())) {
                sql.append(" union all ");
            }
            sql.append("(select r.id, r.workflow_id, w.name, r.status, r.trigger_kind, r.business_key, r.created_at,"
                    + " r.started_at from runs r join workflows w on w.id = r.workflow_id where r.status = ?")
                    .append(ofWorkflow).append(" order by r.created_at desc, r.id desc limit ")
                    .append(IN_PROGRESS_LIMIT).append(")");
            bindings.add(status);
            if (workflowId != null) {
                bindings.add(workflowId);
            }
        }
        sql.append(") newest order by created_at desc, id desc limit ").append(IN_PROGRESS_LIMIT);
        return db.fetch(sql.toString(), bindings.toArray()).map(row -> new InProgressRun(
                row.get("id", UUID.class), row.get("workflow_id", UUID.class), row.get("name", String.class),
                row.get("status", String.class), row.get("trigger_kind", String.class),
                row.get("business_key", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("started_at", OffsetDateTime.class) == null ? null
                        : row.get("started_at", OffsetDateTime.class).toInstant()));
    }

    private List<ScheduledFiring> nextScheduled(UUID workflowId) {
        List<NextFirings.Firing> next = firings.next(workflowId, NEXT_SCHEDULED_LIMIT);
        if (next.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        db.fetch("select id, name from workflows where id = any(?::uuid[])",
                        (Object) next.stream().map(NextFirings.Firing::workflowId).toArray(UUID[]::new))
                .forEach(row -> names.put(row.get("id", UUID.class), row.get("name", String.class)));
        return next.stream().filter(firing -> names.containsKey(firing.workflowId()))
                .map(firing -> new ScheduledFiring(firing.workflowId(), names.get(firing.workflowId()),
                        firing.triggerKind(), firing.cron(), scheduleText(firing), firing.nextFireAt()))
                .toList();
    }

    private static String scheduleText(NextFirings.Firing firing) {
        return "cron " + firing.cron() + " (" + firing.timeZone() + ")";
    }

    private static Double rounded(Double millis) {
        return millis == null ? null : (double) Math.round(millis);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
