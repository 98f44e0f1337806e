package dev.junction.backend.alerts;

import dev.junction.backend.database.DatabaseOutage;
import dev.junction.engine.json.PayloadJson;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates the due alert rules every {@code interval} on this node — every node does. Rules are claimed in batches
 * of up to {@link #BATCH}, each batch in a transaction of its own ({@code select … for update skip locked} on due
 * {@code alert_rules} rows): their conditions are evaluated, the findings applied (alerts and outbox rows,
 * {@link FindingsApplier}), what each condition remembers saved and each rule's next evaluation set {@code interval}
 * later — all committed together, or (a crash, an error) nothing, and the rules are due again. A rule held by one node
 * is skipped by the others, so each due rule is evaluated once per cycle, and all state is in the database: a
 * restarted node simply carries on. What every rule of a batch needs besides its condition — its state, its open
 * alerts, the open maintenance windows (once per cycle) — is read in one statement for all of them; the alert
 * changes of all of them (fired, found again, resolved, their audit entries and outbox rows) are written in a few
 * set-based statements ({@link AlertWriter}), and their next evaluations in one. What the conditions read from runs and rollups is read once per cycle
 * for all rules of a kind ({@link CycleReads}), each rule taking its scope's part.
 *
 * <p>A rule whose evaluation fails waits one interval (its error logged) instead of blocking the rest: a failure that
 * left the database transaction usable postpones just that rule; one that did not (an SQL error) rolls the batch back
 * and its rules are evaluated again one per transaction, the failing one postponed.
 */
public class AlertEvaluator implements SmartLifecycle {

    /** How many rules one transaction claims and evaluates at most. */
    static final int BATCH = 25;

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final AlertRuleStore rules;
    private final AlertStore alerts;
    private final AlertConditions conditions;
    private final FindingsApplier applier;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration interval;
    private final boolean scheduled;
    private ScheduledExecutorService executor;

    AlertEvaluator(AlertRuleStore rules, AlertStore alerts, AlertConditions conditions, FindingsApplier applier,
                   TransactionTemplate transactions, Clock clock, Duration interval, boolean scheduled) {
        this.rules = rules;
        this.alerts = alerts;
        this.conditions = conditions;
        this.applier = applier;
        this.transactions = transactions;
        this.clock = clock;
        this.interval = interval;
        this.scheduled = scheduled;
    }

    /** Evaluates every rule due at {@code now} that no other node holds; answers how many this node evaluated. */
    public int evaluateDue(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        List<MaintenanceWindow> windows = alerts.openWindows(at);
        CycleReads reads = new CycleReads();
        int evaluated = 0;
        while (true) {
            List<UUID> claimed = new ArrayList<>();
            try {
                transactions.executeWithoutResult(status -> evaluateBatch(at, windows, reads, claimed));
            } catch (RuntimeException e) {
                if (DatabaseOutage.isCause(e) || claimed.isEmpty()) {
                    throw e;
                }
                // the batch is rolled back: its rules one by one, so that only the failing one waits
                for (UUID id : claimed) {
                    evaluated += evaluateAlone(id, at, reads) ? 1 : 0;
                }
                continue;
            }
            evaluated += claimed.size();
            if (claimed.size() < BATCH) {
                // fewer than a batch were due (or free of other nodes' locks): nothing is left for this cycle, and
                // no transaction is spent finding that out
                return evaluated;
            }
        }
    }

    /** Claims a batch of due rules and evaluates them in the current transaction; their ids go to {@code claimed}. */
    private void evaluateBatch(OffsetDateTime at, List<MaintenanceWindow> windows, CycleReads reads,
                               List<UUID> claimed) {
        List<AlertRuleStore.Claimed> batch = rules.claimDue(at, BATCH);
        batch.forEach(rule -> claimed.add(rule.rule().id()));
        if (batch.isEmpty()) {
            return;
        }
        Map<UUID, Map<String, Alert>> open = alerts.openOfRulesLocked(claimed);
        List<AlertRuleStore.Evaluated> done = new ArrayList<>();
        AlertWrites writes = new AlertWrites();
        for (AlertRuleStore.Claimed rule : batch) {
            AlertEvaluation evaluation;
            try {
                evaluation = evaluation(rule.rule(), rule.stateJson(), at, reads);
            } catch (DataAccessException | org.springframework.dao.DataAccessException e) {
                throw e; // the transaction is unusable: the whole batch again, one rule at a time
            } catch (RuntimeException e) {
                log.warn("Alert rule {} not evaluated", rule.rule().name(), e);
                done.add(new AlertRuleStore.Evaluated(rule.rule().id(), at.plus(interval), rule.stateJson()));
                continue;
            }
            applier.apply(rule.rule(), evaluation, at, open.get(rule.rule().id()), windows, writes);
            done.add(new AlertRuleStore.Evaluated(rule.rule().id(), at.plus(interval),
                    evaluation.state() == null ? null : PayloadJson.write(evaluation.state())));
        }
        applier.write(writes, at);
        rules.evaluated(done);
    }

    /**
     * Evaluates one rule (if still due and held by no other node) in a transaction of its own; a failure postpones
     * it. Answers whether this node took the rule.
     */
    private boolean evaluateAlone(UUID ruleId, OffsetDateTime at, CycleReads reads) {
        boolean[] taken = new boolean[1];
        try {
            transactions.executeWithoutResult(status -> rules.claimDue(ruleId, at).ifPresent(rule -> {
                taken[0] = true;
                AlertEvaluation evaluation = evaluation(rule.rule(), rule.stateJson(), at, reads);
                applier.apply(rule.rule(), evaluation, at);
                rules.evaluated(List.of(new AlertRuleStore.Evaluated(ruleId, at.plus(interval),
                        evaluation.state() == null ? null : PayloadJson.write(evaluation.state()))));
            }));
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e) || !taken[0]) {
                throw e;
            }
            log.warn("Alert rule {} not evaluated", ruleId, e);
            transactions.executeWithoutResult(status -> rules.postpone(ruleId, at.plus(interval)));
        }
        return taken[0];
    }

    @SuppressWarnings("unchecked")
    private AlertEvaluation evaluation(AlertRule rule, String stateJson, OffsetDateTime now, CycleReads reads) {
        AlertCondition condition = conditions.find(rule.conditionKind()).orElseThrow(() ->
                new IllegalStateException("no alert condition of kind " + rule.conditionKind()));
        Map<String, Object> state = stateJson == null ? Map.of() : (Map<String, Object>) PayloadJson.read(stateJson);
        return condition instanceof StatefulAlertCondition stateful
                ? stateful.evaluate(rule.scope(), rule.parameters(), new AlertMemory(rule.updatedAt().toInstant(),
                state), now.toInstant(), reads)
                : new AlertEvaluation(condition.evaluate(rule.scope(), rule.parameters(), now.toInstant(), reads),
                Map.of(), null);
    }

    @Override
    public synchronized void start() {
        if (!scheduled) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("alert-evaluator").daemon()
                .factory());
        executor.scheduleWithFixedDelay(this::evaluateQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void evaluateQuietly() {
        try {
            evaluateDue(clock.instant());
        } catch (RuntimeException e) {
            DatabaseOutage.log(log, "Alert rules not evaluated", e);
        }
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
