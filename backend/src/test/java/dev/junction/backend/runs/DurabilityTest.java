package dev.junction.backend.runs;

import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.testconnector.TestShop;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.db.workflows.WorkflowVersionRepository;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.connectors.ConnectorInvoker;
import dev.junction.engine.expressions.ExpressionRuntime;
import dev.junction.engine.runs.ClaimedTask;
import dev.junction.engine.runs.LookupTables;
import dev.junction.engine.runs.Mappings;
import dev.junction.engine.runs.Notifier;
import dev.junction.engine.runs.NewRun;
import dev.junction.engine.runs.RunStore;
import dev.junction.engine.runs.RunWorker;
import dev.junction.engine.runs.StepInterpreter;
import dev.junction.engine.runs.StepResult;
import dev.junction.engine.runs.Transition;
import dev.junction.engine.runs.TransitionPlanner;
import dev.junction.engine.runs.WorkflowSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.junction.db.schema.Tables.RUNS;
import static dev.junction.db.schema.Tables.STEPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;

/**
 * Durability against one real database, with this context's own worker pool switched off so that the tests decide
 * which workers run: a worker dying mid-step, and two worker pools sharing the work of 2,000 runs.
 */
@SpringBootTest(classes = BackendTestApplication.class, properties = "junction.workers.enabled=false")
class DurabilityTest {

    private static final String ORDER_FLOW = """
            {"schemaVersion": 1, "trigger": {"kind": "webhook"},
             "nodes": [
               {"id": "send", "type": "connector", "name": "Send",
                "config": {"connection": "test-shop", "operation": "createOrder", "input": {"sku": "{{ trigger.sku }}"}},
                "position": {"x": 0, "y": 0}},
               {"id": "confirm", "type": "map", "name": "Confirm",
                "config": {"rules": [{"target": "orderId", "expression": "nodes.send.orderId"}]},
                "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "send"},
                       {"from": "send", "fromPort": "out", "to": "confirm"}]}""";

    /** A flow whose pure step (a map) and connector call are one worker turn, committed together. */
    private static final String MAP_THEN_ORDER = """
            {"schemaVersion": 1, "trigger": {"kind": "webhook"},
             "nodes": [
               {"id": "shape", "type": "map", "name": "Shape",
                "config": {"rules": [{"target": "sku", "expression": "trigger.sku"}]},
                "position": {"x": 0, "y": 0}},
               {"id": "send", "type": "connector", "name": "Send",
                "config": {"connection": "test-shop", "operation": "createOrder",
                           "input": {"sku": "{{ nodes.shape.sku }}"}},
                "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"},
                       {"from": "shape", "fromPort": "out", "to": "send"}]}""";

    @Autowired
    RunStore store;
    @Autowired
    ExpressionRuntime expressions;
    @Autowired
    LookupTables lookups;
    @Autowired
    Mappings mappings;
    @Autowired
    Notifier notifier;
    @Autowired
    WorkflowSource workflows;
    @Autowired
    StepInterpreter interpreter;
    @Autowired
    TransitionPlanner planner;
    @Autowired
    TestShop shop;
    @Autowired
    WorkflowRepository workflowRepository;
    @Autowired
    WorkflowVersionRepository versions;
    @Autowired
    DSLContext db;
    @Autowired
    dev.junction.db.runs.RunControl runControl;

    private UUID publishedOrderFlow() {
        return published(ORDER_FLOW);
    }

    private UUID published(String flow) {
        UUID id = workflowRepository.insert("Durable " + UUID.randomUUID(), "", "test").orElseThrow().id();
        int version = versions.append(id, 0, flow, "", "test").orElseThrow().version();
        versions.publish(id, version, "test");
        return id;
    }

    private WorkerPool pool(String name, int size, Duration lease) {
        return new WorkerPool(store, size, index -> new RunWorker(store, workflows, interpreter, planner,
                Clock.systemUTC(), name + "/" + index, lease), Duration.ofMillis(10), Duration.ofSeconds(10), name + "/handed");
    }

    private List<UUID> start(UUID workflowId, int count) {
        WorkflowDefinition definition = workflows.published(workflowId).orElseThrow().definition();
        List<UUID> ids = new ArrayList<>();
        for (int batch = 0; batch < count; batch += 250) {
            List<NewRun> runs = new ArrayList<>();
            for (int i = batch; i < Math.min(count, batch + 250); i++) {
                runs.add(new NewRun(workflowId, 1, "webhook", "order-" + i, Map.of("sku", "SKU-" + i),
                        definition.firstNodes()));
            }
            ids.addAll(store.start(runs));
        }
        return ids;
    }

    private int unfinished(UUID workflowId) {
        return db.fetchCount(RUNS, RUNS.WORKFLOW_ID.eq(workflowId), RUNS.STATUS.notIn("succeeded", "failed",
                "dead_lettered", "cancelled"));
    }

    private void awaitFinished(UUID workflowId) {
        for (int i = 0; i < 12_000 && unfinished(workflowId) > 0; i++) {
            RunsApi.sleep(10);
        }
    }

    @Test
    void aStepWhoseWorkerDiedRunsAgainElsewhereWithTheSameIdempotencyKey() {
        UUID workflow = publishedOrderFlow();
        UUID runId = start(workflow, 1).getFirst();

        // a worker claims the connector step with a short lease, makes the remote call, and dies before committing
        ClaimedTask doomed = store.claim("doomed-worker", Duration.ofSeconds(1)).orElseThrow();
        WorkflowDefinition definition = workflows.published(workflow).orElseThrow().definition();
        var node = definition.nodes().getFirst();
        StepResult sideEffect = interpreter.run(definition, node, doomed, store.load(doomed));
        assertThat(sideEffect).isInstanceOf(StepResult.Done.class);
        String key = runId + ":send";
        assertThat(shop.callsOf(key)).isEqualTo(1);

        runSurvivor(workflow);

        assertThat(db.select(RUNS.STATUS).from(RUNS).where(RUNS.ID.eq(runId)).fetchOne(RUNS.STATUS))
                .isEqualTo("succeeded");
        assertThat(shop.callsOf(key)).as("the step ran again after the lease expired").isEqualTo(2);
        assertThat(shop.markedCalls.stream().filter(call -> call.startsWith(key)))
                .as("the re-claimed step is marked as a possible repeat, so the connector looks up before sending")
                .containsExactly(key, key + " (possible repeat)");
        assertThat(shop.orders).containsKey(key);
        var steps = db.selectFrom(STEPS).where(STEPS.RUN_ID.eq(runId), STEPS.NODE_ID.eq("send")).fetch();
        assertThat(steps).hasSize(1);
        assertThat(steps.getFirst().getIdempotencyKey()).isEqualTo(key);
        assertThat(steps.getFirst().getWorkerId()).startsWith("survivor/");

        // the dead worker's late completion is refused and changes nothing
        Transition late = planner.plan(definition, node, doomed, sideEffect, Instant.now());
        assertThat(store.complete(doomed, late, null).accepted()).isFalse();
        assertThat(db.fetchCount(STEPS, STEPS.RUN_ID.eq(runId))).isEqualTo(2);
    }

    /** The process dying: thrown past everything that catches exceptions, as nothing runs after a crash. */
    private static final class ProcessDied extends Error {
    }

    /**
     * A worker whose process dies when its step calls the shop: before the call, or right after it (before anything
     * is committed). Its lease is short, so that another worker may take the task soon.
     */
    private RunWorker doomedWorker(boolean afterTheCall) {
        ConnectorInvoker dying = call -> {
            if (afterTheCall) {
                shop.invoke(call);
            }
            throw new ProcessDied();
        };
        StepInterpreter doomed = new StepInterpreter(expressions, dying, store, workflows, lookups, mappings,
                notifier, Clock.systemUTC());
        return new RunWorker(store, workflows, doomed, planner, Clock.systemUTC(), "doomed-worker",
                Duration.ofSeconds(1));
    }

    private void runSurvivor(UUID workflow) {
        WorkerPool survivor = pool("survivor", 2, Duration.ofSeconds(30));
        survivor.start();
        try {
            awaitFinished(workflow);
        } finally {
            survivor.stop();
        }
    }

    @Test
    void aWorkerDyingBetweenAPureStepAndTheConnectorCallLeavesNothingCommittedAndTheRunCallsOnce() {
        UUID workflow = published(MAP_THEN_ORDER);
        UUID runId = start(workflow, 1).getFirst();

        assertThatThrownBy(doomedWorker(false)::runOne).isInstanceOf(ProcessDied.class);
        assertThat(db.fetchCount(STEPS, STEPS.RUN_ID.eq(runId))).as("the map's step waits for its turn's commit")
                .isZero();

        runSurvivor(workflow);

        assertThat(db.select(RUNS.STATUS).from(RUNS).where(RUNS.ID.eq(runId)).fetchOne(RUNS.STATUS))
                .isEqualTo("succeeded");
        String key = runId + ":send";
        assertThat(shop.callsOf(key)).isEqualTo(1);
        assertThat(db.select(STEPS.NODE_ID, STEPS.WORKER_ID).from(STEPS).where(STEPS.RUN_ID.eq(runId))
                .orderBy(STEPS.ID).fetch(row -> row.value1() + " by " + row.value2().replaceAll("/\\d+$", "")))
                .containsExactly("shape by survivor", "send by survivor");
        assertThat(db.fetch("select distinct xmin::text from steps where run_id = ?", runId))
                .as("the map's and the connector's step records were committed in one transaction").hasSize(1);
    }

    @Test
    void aWorkerDyingAfterTheConnectorCallOfATurnLeavesOneOrderPerIdempotencyKey() {
        UUID workflow = published(MAP_THEN_ORDER);
        UUID runId = start(workflow, 1).getFirst();
        String key = runId + ":send";

        assertThatThrownBy(doomedWorker(true)::runOne).isInstanceOf(ProcessDied.class);
        assertThat(shop.callsOf(key)).isEqualTo(1);
        Object firstOrder = shop.orders.get(key).get("orderId");
        assertThat(db.fetchCount(STEPS, STEPS.RUN_ID.eq(runId))).isZero();

        runSurvivor(workflow);

        assertThat(db.select(RUNS.STATUS).from(RUNS).where(RUNS.ID.eq(runId)).fetchOne(RUNS.STATUS))
                .isEqualTo("succeeded");
        assertThat(shop.callsOf(key)).as("the whole turn ran again, with the same key").isEqualTo(2);
        assertThat(shop.markedCalls.stream().filter(call -> call.startsWith(key)))
                .as("the connector step of a turn that began on a re-claimed task is a possible repeat")
                .containsExactly(key, key + " (possible repeat)");
        var send = db.selectFrom(STEPS).where(STEPS.RUN_ID.eq(runId), STEPS.NODE_ID.eq("send")).fetchSingle();
        assertThat(send.getIdempotencyKey()).isEqualTo(key);
        assertThat(send.getOutput().data()).as("the shop made the order once and answered it again")
                .contains(String.valueOf(firstOrder));
        assertThat(db.fetchCount(STEPS, STEPS.RUN_ID.eq(runId), STEPS.NODE_ID.eq("shape"))).isEqualTo(1);
    }

    @Test
    void aStoppingNodeGivesBackTheTasksItHoldsForOthersToTakeAtOnce() {
        UUID workflow = publishedOrderFlow();
        UUID runId = start(workflow, 1).getFirst();
        ClaimedTask held = store.claim("leaving-node/0", Duration.ofMinutes(10)).orElseThrow();
        assertThat(held.runId()).isEqualTo(runId);
        assertThat(store.claim("other-node/0", Duration.ofMinutes(10))).as("leased: nobody else gets it").isEmpty();

        assertThat(store.release(List.of("leaving-node/0"))).isEqualTo(1);

        ClaimedTask taken = store.claim("other-node/0", Duration.ofMinutes(10)).orElseThrow();
        assertThat(taken.id()).isEqualTo(held.id());
        assertThat(store.complete(held, planner.cannotRun(held, "late", Instant.now()), null).accepted())
                .as("the node that gave it back cannot complete it any more").isFalse();
        runControl.cancel(runId);
    }

    @Test
    void twoWorkerPoolsOnOneDatabaseCompleteEveryOneOf2000RunsExactlyOnce() {
        UUID workflow = publishedOrderFlow();
        List<UUID> runs = start(workflow, 2_000);
        WorkerPool east = pool("east", 3, Duration.ofSeconds(60));
        WorkerPool west = pool("west", 3, Duration.ofSeconds(60));
        east.start();
        west.start();
        try {
            awaitFinished(workflow);
        } finally {
            east.stop();
            west.stop();
        }

        assertThat(db.fetchCount(RUNS, RUNS.WORKFLOW_ID.eq(workflow), RUNS.STATUS.eq("succeeded"))).isEqualTo(2_000);
        var perNode = db.select(STEPS.NODE_ID, count(), countDistinct(STEPS.RUN_ID))
                .from(STEPS).join(RUNS).on(RUNS.ID.eq(STEPS.RUN_ID))
                .where(RUNS.WORKFLOW_ID.eq(workflow))
                .groupBy(STEPS.NODE_ID).fetchMap(STEPS.NODE_ID);
        assertThat(perNode.get("send").value2()).as("one step record per run and node").isEqualTo(2_000);
        assertThat(perNode.get("send").value3()).isEqualTo(2_000);
        assertThat(perNode.get("confirm").value2()).isEqualTo(2_000);
        assertThat(runs).allSatisfy(run -> assertThat(shop.callsOf(run + ":send")).isEqualTo(1));
        var workers = db.selectDistinct(STEPS.WORKER_ID).from(STEPS).join(RUNS).on(RUNS.ID.eq(STEPS.RUN_ID))
                .where(RUNS.WORKFLOW_ID.eq(workflow)).fetch(STEPS.WORKER_ID);
        assertThat(workers).as("both pools did work").anyMatch(id -> id.startsWith("east/"))
                .anyMatch(id -> id.startsWith("west/"));
    }

    @Test
    void runsHandedToAPoolAndQueuedOnesBothFinishAndAHandedTaskOfADeadNodeIsTakenAfterItsLease() {
        UUID workflow = publishedOrderFlow();
        WorkflowDefinition definition = workflows.published(workflow).orElseThrow().definition();
        // a node died right after committing a run handed to its pool: the task is leased, its memory is gone
        NewRun orphanRun = new NewRun(workflow, 1, "webhook", "orphan", Map.of("sku", "SKU-orphan"),
                definition.firstNodes());
        ClaimedTask orphan = store.startLeased(orphanRun, "gone/handed", Duration.ofSeconds(1));
        assertThat(store.claim("other/0", Duration.ofSeconds(30))).as("leased: not in the queue yet").isEmpty();

        List<UUID> queued = start(workflow, 200);
        WorkerPool pool = pool("handy", 2, Duration.ofSeconds(60));
        pool.start();
        List<UUID> handed = new ArrayList<>();
        int overflow = 0;
        try {
            for (int i = 0; i < 200; i++) {
                NewRun run = new NewRun(workflow, 1, "webhook", "handed-" + i, Map.of("sku", "SKU-h" + i),
                        definition.firstNodes());
                var place = pool.reserveHandOff();
                if (place.isEmpty()) {
                    overflow++;
                    handed.addAll(store.start(List.of(run)));
                    pool.wake();
                    continue;
                }
                ClaimedTask task = store.startLeased(run, place.get().owner(), Duration.ofSeconds(60));
                place.get().hand(task, store.load(task));
                handed.add(task.runId());
            }
            awaitFinished(workflow);
        } finally {
            pool.stop();
        }

        assertThat(overflow).as("some runs found a free place").isLessThan(200);
        assertThat(db.fetchCount(RUNS, RUNS.WORKFLOW_ID.eq(workflow), RUNS.STATUS.eq("succeeded"))).isEqualTo(401);
        assertThat(queued).allSatisfy(run -> assertThat(shop.callsOf(run + ":send")).isEqualTo(1));
        assertThat(handed).allSatisfy(run -> assertThat(shop.callsOf(run + ":send")).isEqualTo(1));
        assertThat(shop.callsOf(orphan.runId() + ":send")).as("taken once its lease expired").isEqualTo(1);
        assertThat(db.selectDistinct(STEPS.WORKER_ID).from(STEPS).join(RUNS).on(RUNS.ID.eq(STEPS.RUN_ID))
                .where(RUNS.WORKFLOW_ID.eq(workflow)).fetch(STEPS.WORKER_ID))
                .as("handed tasks and claimed ones were both taken").contains("handy/handed").anyMatch(id ->
                        id.startsWith("handy/") && !id.equals("handy/handed"));
    }
}
