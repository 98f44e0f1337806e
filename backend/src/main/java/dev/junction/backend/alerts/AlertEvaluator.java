package dev.junction.backend.alerts;

import dev.junction.backend.database.DatabaseOutage;
import dev.junction.engine.json.PayloadJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates the due alert rules every {@code interval} on this node — every node does. Each rule is claimed in a
 * transaction of its own ({@code select … for update skip locked} on a due {@code alert_rules} row): its condition is
 * evaluated, the findings applied (alerts and outbox rows, {@link FindingsApplier}), what the condition remembers
 * saved and the rule's next evaluation set {@code interval} later — all committed together, or (a crash, an error)
 * nothing, and the rule is due again. A rule held by one node is skipped by the others, so each due rule is
 * evaluated once per cycle, and all state is in the database: a restarted node simply carries on.
 */
public class AlertEvaluator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final AlertRuleStore rules;
    private final AlertConditions conditions;
    private final FindingsApplier applier;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration interval;
    private final boolean scheduled;
    private ScheduledExecutorService executor;

    AlertEvaluator(AlertRuleStore rules, AlertConditions conditions, FindingsApplier applier,
                   TransactionTemplate transactions, Clock clock, Duration interval, boolean scheduled) {
        this.rules = rules;
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
        int evaluated = 0;
        while (true) {
            AlertRule[] claimed = new AlertRule[1];
            try {
                transactions.executeWithoutResult(status -> rules.claimDue(at).ifPresent(rule -> {
                    claimed[0] = rule;
                    evaluate(rule, at);
                }));
            } catch (RuntimeException e) {
                if (DatabaseOutage.isCause(e) || claimed[0] == null) {
                    throw e;
                }
                // a rule whose evaluation fails waits one interval (its error logged) instead of blocking the rest
                log.warn("Alert rule {} not evaluated", claimed[0].name(), e);
                transactions.executeWithoutResult(status -> rules.postpone(claimed[0].id(), at.plus(interval)));
                continue;
            }
            if (claimed[0] == null) {
                return evaluated;
            }
            evaluated++;
        }
    }

    @SuppressWarnings("unchecked")
    private void evaluate(AlertRule rule, OffsetDateTime now) {
        AlertCondition condition = conditions.find(rule.conditionKind()).orElseThrow(() ->
                new IllegalStateException("no alert condition of kind " + rule.conditionKind()));
        String stateJson = rules.evaluationState(rule.id());
        Map<String, Object> state = stateJson == null ? Map.of() : (Map<String, Object>) PayloadJson.read(stateJson);
        AlertEvaluation evaluation = condition instanceof StatefulAlertCondition stateful
                ? stateful.evaluate(rule.scope(), rule.parameters(), new AlertMemory(rule.updatedAt().toInstant(),
                state), now.toInstant())
                : new AlertEvaluation(condition.evaluate(rule.scope(), rule.parameters(), now.toInstant()), Map.of(),
                null);
        applier.apply(rule, evaluation, now);
        rules.evaluated(rule.id(), now.plus(interval),
                evaluation.state() == null ? null : PayloadJson.write(evaluation.state()));
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
            if (DatabaseOutage.isCause(e)) {
                log.debug("Alert rules not evaluated: the database is unavailable");
            } else {
                log.warn("Alert rules not evaluated", e);
            }
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
