package dev.junction.backend.alerts.conditions;

import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.alerts.AlertConditions;
import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.alerts.CycleReads;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kinds that read connections, settlements and anomaly flags read once per cycle for all their rules too:
 * twelve rules, each scoped to a workflow of its own (whose published version uses a connection of its own), make no
 * more statements in one cycle than one rule alone — and each finds exactly what it finds alone. Before, every
 * connection rule read the connections, their health and its scope's connections again (about eight statements per
 * rule), and every anomaly rule read the rollups for its workflow.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.alerts.evaluator.enabled=false", "junction.workers.enabled=false"})
class BatchedConnectionReadsTest {

    private static final int RULES = 12;

    @Autowired
    DSLContext db;
    @Autowired
    AlertConditions conditions;

    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Test
    void connectionSettlementAndAnomalyKindsReadOncePerCycle() {
        ConditionFixtures fixtures = new ConditionFixtures(db);
        String prefix = "b" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> workflows = new ArrayList<>();
        for (int i = 0; i < RULES; i++) {
            String connection = prefix + "-" + i;
            UUID workflow = fixtures.workflow("Batched connections " + connection);
            workflows.add(workflow);
            db.execute("insert into connections (id, name, connector_id, environment, created_by, updated_by)"
                    + " values (?, ?, 'http', 'sandbox', 'test', 'test')", connection, "Connection " + connection);
            db.execute("""
                    insert into workflow_versions (workflow_id, version, definition, created_by)
                    values (?, 1, jsonb_build_object('nodes', jsonb_build_array(jsonb_build_object('id', 'send',
                            'type', 'http', 'settings', jsonb_build_object('connection', ?::text)))), 'test')""",
                    workflow, connection);
            db.execute("update workflows set latest_version = 1, published_version = 1 where id = ?", workflow);
            boolean bad = i % 2 == 0; // the even workflows' connections fail, are saturated, and mismatch
            db.execute("""
                    insert into connection_health (connection_id, last_success_at, last_failure_at,
                                                   last_failure_class, last_failure_message)
                    values (?, now() - interval '10 minutes', case when ? then now() - interval '1 minute' end,
                            case when ? then 'AuthenticationException' end, 'refused')""", connection, bad, bad);
            db.execute("""
                    insert into connection_usage_hours (connection_id, hour, calls, limiter_waits, remote_throttles)
                    values (?, date_trunc('hour', now()), 100, ?, 0)""", connection, bad ? 80 : 1);
            long settlement = db.fetchSingle("""
                    insert into reconciliation_settlements (amazon_connection_id, settlement_id, currency, line_count,
                                                            document, fetched_by)
                    values (?, 'S-1', 'GBP', 1, '{}'::jsonb, 'test') returning id""", connection).get(0, Long.class);
            UUID run = UUID.randomUUID();
            db.execute("""
                    insert into reconciliation_runs (id, settlement_ref, opayo_connection_id, status, summary,
                                                     discrepancy_count, started_by)
                    values (?, ?, 'opayo-elsewhere', 'discrepancies', '{}'::jsonb, ?, 'test')""", run, settlement,
                    bad ? 1 : 0);
            if (bad) {
                db.execute("insert into reconciliation_discrepancies (run_id, item_no, kind, fingerprint, message)"
                        + " values (?, 1, 'missing_transaction', 'order-1', 'not in Opayo')", run);
            }
        }
        Instant now = Instant.now();
        ExecuteListenerProvider[] providers = db.configuration().executeListenerProviders();
        ExecuteListenerProvider[] counting = Arrays.copyOf(providers, providers.length + 1);
        counting[providers.length] = new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext context) {
                statements.add(context.sql());
            }
        });
        db.configuration().set(counting);
        try {
            assertBatched("connection_auth_failing", Map.of(), workflows, now, true);
            assertBatched("rate_limit_saturation", Map.of("budgetPercent", 90, "hitsPerHour", 50), workflows, now,
                    true);
            assertBatched("reconciliation_findings", Map.of("finding", "open_discrepancies", "minimum", 1),
                    workflows, now, true);
            assertBatched("anomaly", Map.of("metric", "any"), workflows, now, false);
        } finally {
            db.configuration().set(providers);
        }
    }

    private void assertBatched(String kind, Map<String, Object> parameters, List<UUID> workflows, Instant now,
                               boolean evenFind) {
        var condition = conditions.find(kind).orElseThrow();
        List<List<String>> alone = new ArrayList<>();
        int oneRule = -1;
        for (UUID workflow : workflows) {
            statements.clear();
            alone.add(fingerprints(condition.evaluate(new AlertScope(workflow, null, null), parameters, now,
                    new CycleReads())));
            oneRule = Math.max(oneRule, statements.size());
        }
        statements.clear();
        CycleReads cycle = new CycleReads();
        List<List<String>> together = new ArrayList<>();
        for (UUID workflow : workflows) {
            together.add(fingerprints(condition.evaluate(new AlertScope(workflow, null, null), parameters, now,
                    cycle)));
        }
        assertThat(together).as(kind).isEqualTo(alone);
        assertThat(statements).as(kind + ": statements of %d rules in one cycle", RULES)
                .hasSizeLessThanOrEqualTo(Math.max(oneRule, 1));
        if (evenFind) {
            for (int i = 0; i < workflows.size(); i++) {
                assertThat(together.get(i)).as(kind + " of workflow " + i).hasSize(i % 2 == 0 ? 1 : 0);
            }
        }
    }

    private static List<String> fingerprints(List<AlertFinding> findings) {
        return findings.stream().map(AlertFinding::fingerprint).sorted().toList();
    }
}
