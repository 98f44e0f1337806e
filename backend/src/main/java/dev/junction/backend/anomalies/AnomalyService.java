package dev.junction.backend.anomalies;

import dev.junction.backend.api.NotFoundException;
import dev.junction.db.rollups.AmountRow;
import dev.junction.db.rollups.RollupRow;
import dev.junction.db.rollups.RunRollups;
import dev.junction.db.runs.RunsQuery;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.engine.anomalies.AnomalyDetector;
import dev.junction.engine.anomalies.AnomalyFlag;
import dev.junction.engine.anomalies.AnomalyMetric;
import dev.junction.engine.anomalies.AnomalySettings;
import dev.junction.engine.anomalies.HourOfWeekBaseline;
import dev.junction.engine.runs.RunStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The anomaly flags of workflows now: each workflow's latest complete hours against the same hours of its previous
 * weeks ({@link AnomalyDetector}), read from the hourly rollups — only the hours the detector compares (the latest two
 * days and the same two days of each baseline week; run counts, durations and business amounts), never the runs. Flags are cached per hour and settings for
 * {@link #CACHE_FOR} at most (hours already past change only by runs that end late); the flags the alert rules need
 * are computed ahead on a thread of their own ({@link AnomalyFlagsAhead}), not in an evaluation cycle.
 */
@Service
public class AnomalyService {

    /** How long computed flags are reused within their hour. */
    static final Duration CACHE_FOR = Duration.ofMinutes(1);
    private static final int HOURS_PER_WEEK = 168;

    private final RunRollups rollups;
    private final WorkflowRepository workflows;
    private final Clock clock;
    private final Map<CacheKey, Cached> cache = new ConcurrentHashMap<>();
    /** Held while flags are computed: two threads needing the same flags compute them once. */
    private final Object computing = new Object();

    private record CacheKey(UUID workflowId, AnomalySettings settings, Instant hour) {
    }

    private record Cached(Instant computedAt, List<WorkflowAnomaly> flags) {
    }

    AnomalyService(RunRollups rollups, WorkflowRepository workflows, Clock clock) {
        this.rollups = rollups;
        this.workflows = workflows;
        this.clock = clock;
    }

    /** The flags now of one workflow, or of all ({@code workflowId} null), with the tuned default settings. */
    @PreAuthorize("isAuthenticated()")
    public List<WorkflowAnomaly> current(UUID workflowId) {
        if (workflowId != null && workflows.find(workflowId).isEmpty()) {
            throw new NotFoundException("No workflow " + workflowId);
        }
        return flags(workflowId, AnomalySettings.DEFAULTS, EnumSet.allOf(AnomalyMetric.class), clock.instant());
    }

    /**
     * The flags at {@code now} of one workflow or all, judged with {@code settings}, of the given metrics (the alert
     * condition calls this on the evaluator's thread: no user is signed in there).
     */
    public List<WorkflowAnomaly> flags(UUID workflowId, AnomalySettings settings, EnumSet<AnomalyMetric> metrics,
                                       Instant now) {
        CacheKey key = new CacheKey(workflowId, settings, now.truncatedTo(ChronoUnit.HOURS));
        Cached cached = fresh(key, now);
        if (cached == null) {
            synchronized (computing) {
                // another thread (the alert evaluator, or the flags computed ahead) may have computed them meanwhile
                cached = fresh(key, now);
                if (cached == null) {
                    cached = computeAndKeep(key, now);
                }
            }
        }
        return cached.flags().stream().filter(flag -> metrics.contains(AnomalyMetric.fromJson(flag.metric())))
                .toList();
    }

    /**
     * Computes the flags of every workflow with these settings at {@code now} and keeps them for the next
     * {@link #CACHE_FOR} — ahead of the alert evaluation cycles that read them ({@link AnomalyFlagsAhead}), so that
     * a cycle finds them computed instead of computing them itself. Answers how many flags there are.
     */
    public int computeAhead(AnomalySettings settings, Instant now) {
        synchronized (computing) {
            return computeAndKeep(new CacheKey(null, settings, now.truncatedTo(ChronoUnit.HOURS)), now).flags()
                    .size();
        }
    }

    private Cached fresh(CacheKey key, Instant now) {
        Cached cached = cache.get(key);
        return cached == null || cached.computedAt().plus(CACHE_FOR).isBefore(now) ? null : cached;
    }

    private Cached computeAndKeep(CacheKey key, Instant now) {
        cache.keySet().removeIf(old -> !old.hour().equals(key.hour()));
        Cached cached = new Cached(now, compute(key.workflowId(), key.settings(), key.hour()));
        cache.put(key, cached);
        return cached;
    }

    private List<WorkflowAnomaly> compute(UUID workflowId, AnomalySettings settings, Instant hour) {
        int recentHours = 2 * settings.driftHours();
        int hours = settings.baselineWeeks() * HOURS_PER_WEEK + recentHours;
        Instant start = hour.minus(Duration.ofHours(hours));
        List<RollupRow> rows = new ArrayList<>();
        Map<UUID, List<AmountRow>> amounts = new LinkedHashMap<>();
        // the latest hours and the same hours of each baseline week, oldest first: nothing else is compared
        for (int week = settings.baselineWeeks(); week >= 0; week--) {
            Instant to = hour.minus(Duration.ofHours((long) week * HOURS_PER_WEEK));
            Instant from = to.minus(Duration.ofHours(recentHours));
            read(workflowId, from, to, rows, amounts);
        }
        // the workflows of those rows in one read (not one per workflow)
        Set<UUID> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.workflowId()));
        Map<UUID, Workflow> known = ids.isEmpty() ? Map.of() : workflows.findAll(ids);
        Map<UUID, RollupHistory> histories = new LinkedHashMap<>();
        for (RollupRow row : rows) {
            Workflow workflow = known.get(row.workflowId());
            if (workflow != null) {
                histories.computeIfAbsent(workflow.id(),
                        id -> new RollupHistory(start, hours, workflow.createdAt().toInstant())).add(row);
            }
        }
        amounts.forEach((id, amountRows) -> {
            if (histories.containsKey(id)) {
                histories.get(id).addAmounts(amountRows);
            }
        });
        AnomalyDetector detector = new AnomalyDetector(settings);
        List<WorkflowAnomaly> flags = new ArrayList<>();
        histories.forEach((id, history) -> {
            Workflow workflow = known.get(id);
            for (AnomalyFlag flag : detector.detect(workflow.name(), history,
                    EnumSet.allOf(AnomalyMetric.class))) {
                flags.add(new WorkflowAnomaly(id, workflow.name(), flag.metric().jsonName(),
                        flag.kind().jsonName(), flag.direction().jsonName(), flag.severity().jsonName(),
                        flag.windowHours(), flag.from(), flag.to(), flag.observed(), flag.usualLow(),
                        flag.usualHigh(), flag.sentence(), runsLink(id, flag)));
            }
        });
        flags.sort(Comparator.comparing(WorkflowAnomaly::severity).thenComparing(WorkflowAnomaly::workflowName)
                .thenComparing(WorkflowAnomaly::metric));
        return List.copyOf(flags);
    }

    /** Reads the rollup and amount rows of [from, to) (of one workflow, or of all: null). */
    private void read(UUID workflowId, Instant from, Instant to, List<RollupRow> rows,
                      Map<UUID, List<AmountRow>> amounts) {
        rows.addAll(rollups.hours(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), workflowId));
        for (AmountRow row : rollups.amountHours(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC),
                workflowId)) {
            amounts.computeIfAbsent(row.workflowId(), id -> new ArrayList<>()).add(row);
        }
    }

    /**
     * The hour-of-week baseline of one workflow's metric over the latest 168 complete hours (the baseline weeks before
     * them read whole from the rollups: one workflow, on demand), with the hours of its current flag, if any.
     */
    @PreAuthorize("isAuthenticated()")
    public BaselineView baseline(UUID workflowId, AnomalyMetric metric) {
        Workflow workflow = workflows.find(workflowId).orElseThrow(() -> new NotFoundException(
                "No workflow " + workflowId));
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        AnomalySettings settings = AnomalySettings.DEFAULTS;
        int hours = (settings.baselineWeeks() + 1) * HOURS_PER_WEEK;
        Instant start = hour.minus(Duration.ofHours(hours));
        List<RollupRow> rows = new ArrayList<>();
        Map<UUID, List<AmountRow>> amounts = new LinkedHashMap<>();
        read(workflowId, start, hour, rows, amounts);
        RollupHistory history = new RollupHistory(start, hours, workflow.createdAt().toInstant());
        rows.forEach(history::add);
        history.addAmounts(amounts.getOrDefault(workflowId, List.of()));
        HourOfWeekBaseline baseline = HourOfWeekBaseline.of(history, metric, hours, settings);
        Optional<WorkflowAnomaly> flag = current(workflowId).stream()
                .filter(found -> found.metric().equals(metric.jsonName())).findFirst();
        return new BaselineView(workflowId, workflow.name(), baseline, flag.orElse(null));
    }

    /** The runs list of the flag's workflow and window (OPS.md's runs URL; failed runs for a failure rate). */
    private static String runsLink(UUID workflowId, AnomalyFlag flag) {
        RunsQuery query = RunsQuery.ofWorkflow(workflowId).withTime(flag.from(), flag.to());
        return (flag.metric() == AnomalyMetric.FAILURE_RATE
                ? query.withStatuses(Set.of(RunStatus.FAILED, RunStatus.DEAD_LETTERED)) : query).toPath();
    }
}
