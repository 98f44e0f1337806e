package dev.junction.backend.runs;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.engine.runs.RunStore;
import dev.junction.engine.runs.RunWorker;
import dev.junction.engine.runs.StepInterpreter;
import dev.junction.engine.runs.TransitionPlanner;
import dev.junction.engine.runs.WorkflowSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wait-until node against the Amazon SP-API sandbox over real HTTP, run by the real worker pool: a Multi-Channel
 * Fulfillment order is created, then polled with getFulfillmentOrder until it ships (the simulator moves an order one
 * status on per read: Planning, Processing, Complete); and the wait between polls lives in the database, so a worker
 * that was not there for the first poll carries it on.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WaitUntilRunTest {

    @LocalServerPort
    int port;
    @Autowired
    WorkerPool pool;
    @Autowired
    RunStore store;
    @Autowired
    WorkflowSource workflows;
    @Autowired
    StepInterpreter interpreter;
    @Autowired
    TransitionPlanner planner;
    @Autowired
    DSLContext db;

    private RunsApi api;

    @BeforeEach
    void setUp() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
    }

    private static final String SHIP_AND_WAIT = """
            {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "ship", "type": "connector", "name": "Ship", "position": {"x": 200, "y": 0},
                "config": {"connection": "amazon-sp-api-sandbox", "operation": "createFulfillmentOrder",
                           "input": {"sellerFulfillmentOrderId": "{{ trigger.orderId }}",
                                     "displayableOrderId": "{{ trigger.orderId }}",
                                     "displayableOrderDate": "2026-11-30T10:15:00Z",
                                     "displayableOrderComment": "Thank you for your order",
                                     "shippingSpeedCategory": "Standard",
                                     "destinationAddress": {"name": "Ada Lovelace", "addressLine1": "1 Analytical Row",
                                                            "city": "London", "postalCode": "EC1A 1BB",
                                                            "countryCode": "GB"},
                                     "items": [{"sellerSku": "JN-MUG-001", "sellerFulfillmentOrderItemId": "line-1",
                                                "quantity": 1}]}}},
               {"id": "shipped", "type": "waitUntil", "name": "Shipped", "position": {"x": 400, "y": 0},
                "config": {"connection": "amazon-sp-api-sandbox", "operation": "getFulfillmentOrder",
                           "input": {"sellerFulfillmentOrderId": "{{ nodes.ship.sellerFulfillmentOrderId }}"},
                           "condition": "{{ output.fulfillmentOrder.fulfillmentOrderStatus == 'Complete' }}",
                           "interval": "PT1S", "timeout": "PT10M"}},
               {"id": "tell", "type": "notify", "name": "Tell", "position": {"x": 600, "y": 0},
                "config": {"channel": "log",
                           "message": "{{ nodes.shipped.fulfillmentOrder.sellerFulfillmentOrderId }} shipped"}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "ship"},
                       {"from": "ship", "fromPort": "out", "to": "shipped"},
                       {"from": "shipped", "fromPort": "out", "to": "tell"}]}""";

    private static List<JsonNode> steps(JsonNode run, String nodeId) {
        List<JsonNode> steps = new ArrayList<>();
        run.get("steps").forEach(step -> {
            if (step.get("nodeId").asString().equals(nodeId)) {
                steps.add(step);
            }
        });
        return steps;
    }

    private static String orderId() {
        return "WAIT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aWaitUntilPollsTheFulfillmentOrderUntilItShipsAndGoesOnWithTheLastPollsOutput() {
        String workflow = api.published("Wait for FBA " + UUID.randomUUID(), SHIP_AND_WAIT);
        String order = orderId();

        JsonNode run = api.finished(api.start(workflow, "{\"orderId\": \"" + order + "\"}"));

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        List<JsonNode> polls = steps(run, "shipped");
        assertThat(polls).extracting(step -> step.get("status").asString())
                .containsExactly("waiting", "waiting", "succeeded");
        assertThat(polls.get(0).get("input").get("value").get("lastOutput").get("fulfillmentOrder")
                .get("fulfillmentOrderStatus").asString()).isEqualTo("Planning");
        assertThat(polls.get(1).get("input").get("value").get("deadline").asString()).as("one deadline, from the"
                + " first poll").isEqualTo(polls.get(0).get("input").get("value").get("deadline").asString());
        assertThat(polls.getLast().get("output").get("value").get("fulfillmentOrder").get("fulfillmentOrderStatus")
                .asString()).isEqualTo("Complete");
        assertThat(steps(run, "tell").getFirst().get("input").get("value").get("message").asString())
                .isEqualTo(order + " shipped");
    }

    @Test
    void theWaitBetweenPollsIsStoredSoAnotherWorkerCarriesItOnAfterTheFirstOneStopped() {
        String workflow = api.published("Durable wait " + UUID.randomUUID(), SHIP_AND_WAIT);
        pool.stop();
        String runId;
        try {
            runId = api.start(workflow, "{\"orderId\": \"" + orderId() + "\"}");
            // a worker of a process that then goes away: it creates the order and makes the first poll
            RunWorker first = new RunWorker(store, workflows, interpreter, planner, Clock.systemUTC(),
                    "gone-" + UUID.randomUUID(), Duration.ofSeconds(30));
            Record waiting = null;
            for (int i = 0; i < 100 && waiting == null; i++) {
                first.runOne();
                waiting = db.fetchOptional("""
                        select kind, resume_value ->> 'deadline' as deadline, resume_value ->> 'polls' as polls,
                               due_at > now() as later, lease_owner
                        from step_tasks where run_id = ?::uuid and node_id = 'shipped'""", runId).orElse(null);
            }
            assertThat(waiting).as("the wait-until's task is in the database").isNotNull();
            assertThat(waiting.get("kind", String.class)).isEqualTo("resume");
            assertThat(waiting.get("polls", String.class)).isEqualTo("1");
            assertThat(waiting.get("deadline", String.class)).isNotBlank();
            assertThat(waiting.get("lease_owner", String.class)).as("no worker holds it while it waits").isNull();
            assertThat(api.detail(runId).get("run").get("status").asString()).isEqualTo("waiting");
        } finally {
            pool.start();
        }

        JsonNode run = api.finished(runId);

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        List<JsonNode> polls = steps(run, "shipped");
        assertThat(polls).hasSize(3);
        assertThat(polls.getLast().get("output").get("value").get("fulfillmentOrder").get("fulfillmentOrderStatus")
                .asString()).isEqualTo("Complete");
        assertThat(db.fetchValue("select worker_id from steps where run_id = ?::uuid and node_id = 'shipped'"
                + " order by id desc limit 1", runId)).as("polled on by the restarted pool").asString()
                .doesNotStartWith("gone-");
    }
}
