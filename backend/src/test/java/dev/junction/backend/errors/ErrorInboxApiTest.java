package dev.junction.backend.errors;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.audit.AuditLogRepository;
import dev.junction.db.runs.RunLineage;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The error inbox over the REST API, with runs that really fail in the engine. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorInboxApiTest {

    /** Manual trigger (business key trigger.orderId) → a script that refuses when trigger.fail is true. */
    private static final String DEFINITION = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {"businessKey": "trigger.orderId"}},
             "nodes": [{"id": "check", "type": "script", "name": "check", "position": {"x": 0, "y": 0},
                        "config": {"code": "if (trigger.fail === true) { throw new Error('order ' + trigger.orderId + ' refused: amount ' + trigger.amount); } return {ok: true};"}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "check"}]}""";

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AuditLogRepository auditLog;
    @Autowired
    RunLineage lineage;
    @Autowired
    DSLContext db;

    private RunsApi api;
    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        api = new RunsApi(admin);
    }

    @Test
    void failuresOfOneKindMakeOneGroupThatPeopleAssignTagAndResolveWithEveryActionAudited() {
        String workflow = api.published("Inbox triage " + UUID.randomUUID(), DEFINITION);
        List<String> failed = failures(workflow, 3);
        String ops = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        users.insert(ops, "Ops", passwords.encode("ops-password-123"), Set.of(Role.OPERATOR));
        users.setEmail(ops, ops + "@shop.test");
        ApiClient asOps = ApiClient.anonymous(port).as(ops, "ops-password-123");

        JsonNode group = onlyGroup(workflow);
        String id = group.get("id").asString();
        assertThat(group.get("failures").asInt()).isEqualTo(3);
        assertThat(group.get("affectedKeys").asInt()).isEqualTo(3);
        assertThat(group.get("category").asString()).isEqualTo("validation");
        assertThat(group.get("nodeId").asString()).isEqualTo("check");
        assertThat(group.get("messageTemplate").asString()).contains("order <id> refused: amount <n>");
        JsonNode detail = RunsApi.read(admin.get("/api/v1/errors/groups/" + id).body());
        assertThat(detail.get("businessKeys")).hasSize(3);
        JsonNode runs = RunsApi.read(admin.get("/api/v1/errors/groups/" + id + "/runs?limit=2").body());
        assertThat(runs.get("items")).hasSize(2);
        assertThat(runs.get("items").get(0).has("input")).as("no payloads in a group's runs").isFalse();
        assertThat(failed).contains(runs.get("items").get(0).get("runId").asString());

        var unknown = admin.send("PUT", "/api/v1/errors/groups/" + id + "/assignee", "{\"assignee\": \"nobody-x\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("assignee").contains("there is no user 'nobody-x'");
        var assigned = admin.send("PUT", "/api/v1/errors/groups/" + id + "/assignee",
                "{\"assignee\": \"" + ops + "\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        // this installation has no SMTP server: the group is assigned all the same, and the answer says why the
        // assignee was not e-mailed
        JsonNode told = RunsApi.read(assigned.body());
        assertThat(told.get("assignee").asString()).isEqualTo(ops);
        assertThat(told.get("assigneeEmail").get("outcome").asString()).isEqualTo("not_sent");
        assertThat(told.get("assigneeEmail").get("reason").asString()).contains("JUNCTION_SMTP_HOST");
        JsonNode mine = RunsApi.read(asOps.get("/api/v1/errors/groups?assignee=me&workflow=" + workflow).body());
        assertThat(mine.get("items")).extracting(item -> item.get("id").asString()).containsExactly(id);

        var badTag = asOps.send("PUT", "/api/v1/errors/groups/" + id + "/tags", "{\"tags\": [\"<script>\"]}");
        assertThat(badTag.statusCode()).isEqualTo(400);
        assertThat(badTag.body()).contains("tags");
        assertThat(asOps.send("PUT", "/api/v1/errors/groups/" + id + "/tags", "{\"tags\": [\"p1\", \"opayo\"]}")
                .statusCode()).isEqualTo(200);
        var noNote = asOps.post("/api/v1/errors/groups/" + id + "/resolve", "{\"note\": \" \"}");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("note");
        var resolved = asOps.post("/api/v1/errors/groups/" + id + "/resolve", "{\"note\": \"amounts fixed upstream\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        JsonNode after = RunsApi.read(resolved.body());
        assertThat(after.get("state").asString()).isEqualTo("resolved");
        assertThat(after.get("resolvedBy").asString()).isEqualTo(ops);
        assertThat(after.get("tags")).extracting(JsonNode::asString).containsExactly("p1", "opayo");
        assertThat(RunsApi.read(admin.get("/api/v1/errors/groups?state=open&workflow=" + workflow).body())
                .get("items")).isEmpty();
        assertThat(asOps.post("/api/v1/errors/groups/" + id + "/reopen", "").statusCode()).isEqualTo(200);

        assertThat(auditLog.forEntity(ErrorGroupService.ENTITY, id, 10))
                .extracting(entry -> entry.actor() + " " + entry.action())
                .containsExactly(ops + " error_group.reopened", ops + " error_group.resolved",
                        ops + " error_group.tagged", "admin error_group.assignee_not_notified",
                        "admin error_group.assigned");
        assertThat(admin.get("/api/v1/errors/groups?category=sideways").body()).contains("category");
    }

    @Test
    void retryingAGroupCountsFirstThenReplaysItsRunsSpacedOutToTheRateLimit() {
        String workflow = api.published("Inbox retry " + UUID.randomUUID(), DEFINITION);
        failures(workflow, 5);
        String id = onlyGroup(workflow).get("id").asString();

        var dryRun = admin.post("/api/v1/errors/groups/" + id + "/retry", "{\"dryRun\": true, \"mode\": \"start\"}");
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        assertThat(RunsApi.read(dryRun.body()).get("replayable").asInt()).isEqualTo(5);
        assertThat(onlyGroup(workflow).get("pendingRetries").asInt()).as("a dry run replays nothing").isZero();
        var tooFast = admin.post("/api/v1/errors/groups/" + id + "/retry", "{\"ratePerSecond\": 0}");
        assertThat(tooFast.statusCode()).isEqualTo(400);
        assertThat(tooFast.body()).contains("ratePerSecond");

        var retried = admin.post("/api/v1/errors/groups/" + id + "/retry",
                "{\"mode\": \"start\", \"ratePerSecond\": 2}");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        JsonNode replay = RunsApi.read(retried.body()).get("replay");
        assertThat(replay.get("replayed")).hasSize(5);
        assertThat(replay.get("ratePerSecond").asInt()).isEqualTo(2);
        assertThat(Duration.between(OffsetDateTime.parse(replay.get("firstDueAt").asString()),
                OffsetDateTime.parse(replay.get("lastDueAt").asString())))
                .as("five replays at two a second: the last is due two seconds after the first")
                .isEqualTo(Duration.ofSeconds(2));
        List<OffsetDateTime> dues = db.fetch("select due_at from step_tasks where run_id = any(?::uuid[])"
                        + " order by due_at", (Object) replay.get("replayed").valueStream().map(JsonNode::asString)
                        .toArray(String[]::new))
                .map(row -> row.get(0, OffsetDateTime.class));
        for (int i = 1; i < dues.size(); i++) {
            assertThat(Duration.between(dues.get(i - 1), dues.get(i))).as("queued replays are half a second apart")
                    .isEqualTo(Duration.ofMillis(500));
        }
        assertThat(auditLog.forEntity(ErrorGroupService.ENTITY, id, 10))
                .extracting(entry -> entry.action()).containsExactly("error_group.retried");
    }

    @Test
    void anEditedRetryIsANewRunLinkedToItsOriginalAndItsSuccessResolvesTheGroup() {
        String name = "Inbox edit " + UUID.randomUUID();
        String workflow = api.published(name, DEFINITION);
        String original = failures(workflow, 1).getFirst();

        var bad = admin.post("/api/v1/errors/runs/" + original + "/retry", "{\"input\": null}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("input");
        var retried = admin.post("/api/v1/errors/runs/" + original + "/retry",
                "{\"input\": {\"orderId\": \"ORD-edited\", \"amount\": 5, \"fail\": false}}");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        String retry = RunsApi.read(retried.body()).get("id").asString();
        assertThat(retry).isNotEqualTo(original);
        JsonNode done = api.finished(retry);
        assertThat(done.get("run").get("status").asString()).isEqualTo("succeeded");
        assertThat(done.get("run").get("workflowName").asString()).as("runs keep the columns the queries expect")
                .isEqualTo(name);
        assertThat(done.get("input").get("value").get("orderId").asString()).isEqualTo("ORD-edited");
        assertThat(lineage.replayOf(UUID.fromString(retry)))
                .contains(UUID.fromString(original));

        JsonNode group = onlyGroup(workflow);
        assertThat(group.get("state").asString()).as("the original's failure is resolved by its edited retry")
                .isEqualTo("resolved");
        var notFailed = admin.post("/api/v1/errors/runs/" + retry + "/retry", "{\"input\": {}}");
        assertThat(notFailed.statusCode()).isEqualTo(409);
    }

    private List<String> failures(String workflow, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.start(workflow, "{\"orderId\": \"ORD-" + (1000 + i) + "\", \"amount\": " + (10 + i)
                    + ", \"fail\": true}"));
        }
        ids.forEach(id -> assertThat(api.finished(id).get("run").get("status").asString())
                .isIn("dead_lettered", "failed"));
        return ids;
    }

    private JsonNode onlyGroup(String workflow) {
        JsonNode list = RunsApi.read(admin.get("/api/v1/errors/groups?workflow=" + workflow).body());
        assertThat(list.get("items")).hasSize(1);
        return list.get("items").get(0);
    }
}
