package dev.junction.backend.anomalies;

import dev.junction.backend.database.DatabaseOutage;
import dev.junction.engine.anomalies.AnomalySettings;
import dev.junction.engine.json.PayloadJson;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Computes the anomaly flags the enabled {@code anomaly} alert rules need — every workflow's, once per distinct
 * settings (sensitivity, minimum hours) — on a thread of its own, ahead of the alert evaluation cycles: when the node
 * starts, every half {@link AnomalyService#CACHE_FOR} and as each hour turns (a new hour's flags compare the hour that
 * just ended). A cycle thus finds them computed and fresh instead of spending the few hundred milliseconds of reading
 * nine two-day windows of rollups for every workflow itself; should it need flags being computed at that moment, it
 * waits for them rather than computing them twice. Runs where the alert evaluator runs
 * ({@code junction.alerts.evaluator.enabled}); tests that drive the evaluator with their own time compute the flags
 * in the cycle, as before.
 */
@Component
public class AnomalyFlagsAhead implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnomalyFlagsAhead.class);

    private final AnomalyService anomalies;
    private final DSLContext db;
    private final Clock clock;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    AnomalyFlagsAhead(AnomalyService anomalies, DSLContext db, Clock clock,
                      @Value("${junction.alerts.evaluator.enabled:true}") boolean enabled) {
        this.anomalies = anomalies;
        this.db = db;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** The settings of the enabled anomaly rules, each once. */
    @SuppressWarnings("unchecked")
    Set<AnomalySettings> settingsInUse() {
        Set<AnomalySettings> settings = new LinkedHashSet<>();
        db.fetch("select distinct parameters::text from alert_rules where enabled and condition_kind = ?",
                AnomalyCondition.KIND).forEach(row -> settings.add(AnomalyCondition.settings(
                (Map<String, Object>) PayloadJson.read(row.get(0, String.class)))));
        return settings;
    }

    /** Computes the flags of every settings in use at {@code now}; answers how many settings. */
    public int computeAt(Instant now) {
        Set<AnomalySettings> settings = settingsInUse();
        settings.forEach(each -> anomalies.computeAhead(each, now));
        return settings.size();
    }

    private void computeAndScheduleNext() {
        try {
            computeAt(clock.instant());
        } catch (RuntimeException e) {
            DatabaseOutage.log(log, "Anomaly flags not computed ahead", e);
        }
        scheduleNext();
    }

    private synchronized void scheduleNext() {
        if (executor == null) {
            return;
        }
        Instant now = clock.instant();
        Instant nextHour = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        long delay = Math.min(AnomalyService.CACHE_FOR.toMillis() / 2,
                Math.max(0, Duration.between(now, nextHour).toMillis()) + 1_000); // a second into the new hour
        executor.schedule(this::computeAndScheduleNext, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("anomaly-flags-ahead")
                .daemon().factory());
        executor.execute(this::computeAndScheduleNext);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
