package dev.junction.backend.alerts;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.connections.health.ConnectionHealthService;
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
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules over REST, evaluated with an explicit time (the node's own evaluator is off), and the alert lifecycle:
 * dedup with occurrences, acknowledge, snooze, renotify, auto-resolve, manual resolve and reopen, maintenance windows.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.alerts.evaluator.enabled=false", "junction.workers.enabled=false"})
class AlertLifecycleApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    AlertEvaluator evaluator;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ConnectionHealthService health;

    private ApiClient admin;
    private ApiClient operator;
    private ApiClient viewer;
    private AlertFixtures fixtures;
    private Instant base;

    @BeforeEach
    void setUp() {
        ApiClient anonymous = ApiClient.anonymous(port);
        admin = anonymous.as("admin", "test-admin-password");
        for (Role role : List.of(Role.OPERATOR, Role.VIEWER)) {
            String name = "alerts-" + role.name().toLowerCase();
            if (users.findByUsername(name).isEmpty()) {
                users.insert(name, "Alerts " + role, passwords.encode("alerts-password-1"), Set.of(role));
            }
        }
        operator = anonymous.as("alerts-operator", "alerts-password-1");
        viewer = anonymous.as("alerts-viewer", "alerts-password-1");
        fixtures = new AlertFixtures(db);
        // the test's own time line, after the rules it creates (a rule watches from its creation on)
        base = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    private UUID rule(String body) {
        HttpResponse<String> created = operator.post("/api/v1/alert-rules", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(read(created.body()).get("id").asString());
    }

    private JsonNode alertsOf(UUID ruleId) {
        return read(viewer.get("/api/v1/alerts?rule=" + ruleId).body());
    }

    /** Evaluates these rules (and any other rule due) at {@code now}. */
    private void evaluate(Instant now, UUID... ruleIds) {
        for (UUID ruleId : ruleIds) {
            fixtures.due(ruleId);
        }
        evaluator.evaluateDue(now);
    }

    private void evaluate(UUID ruleId, Instant now) {
        evaluate(now, ruleId);
    }

    @Test
    void fiveIdenticalFailuresAreOneAlertWithFiveOccurrencesAndOneNotificationPerChannel() {
        UUID workflow = fixtures.workflow("Five failures " + UUID.randomUUID());
        UUID hook = fixtures.channel("hook " + UUID.randomUUID());
        UUID mail = fixtures.channel("mail " + UUID.randomUUID());
        UUID rule = rule("""
                {"name": "Five %s", "conditionKind": "run_failed", "parameters": {"quietMinutes": 0},
                 "workflowId": "%s", "severity": "critical", "channelIds": ["%s", "%s"],
                 "messageTemplate": "{{summary}} {{link}}"}""".formatted(UUID.randomUUID(), workflow, hook, mail));

        for (int i = 0; i < 3; i++) {
            fixtures.failed(workflow, base.plusSeconds(i));
        }
        evaluate(rule, base.plusSeconds(10));
        for (int i = 0; i < 2; i++) {
            fixtures.failed(workflow, base.plusSeconds(20 + i));
        }
        evaluate(rule, base.plusSeconds(30));
        evaluate(rule, base.plusSeconds(40));

        JsonNode alerts = alertsOf(rule);
        assertThat(alerts.size()).isEqualTo(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("state").asString()).isEqualTo("firing");
        assertThat(alert.get("occurrences").asInt()).isEqualTo(5);
        assertThat(alert.get("link").asString()).startsWith("runs?workflow=" + workflow);
        UUID alertId = UUID.fromString(alert.get("id").asString());
        assertThat(fixtures.notifications(alertId)).containsExactlyInAnyOrder("firing " + hook, "firing " + mail);
        JsonNode message = read(db.fetchValue("select message::text from alert_notifications where alert_id = ?"
                + " order by id limit 1", alertId).toString());
        assertThat(message.propertyNames()).containsExactlyInAnyOrder("alertId", "ruleId", "ruleName", "severity", "state",
                "reason", "summary", "link", "occurrences", "firstSeenAt", "lastSeenAt", "template", "details");
        assertThat(message.get("occurrences").asInt()).isEqualTo(3);
        assertThat(message.get("template").asString()).isEqualTo("{{summary}} {{link}}");
        assertThat(message.get("details").get("runId").asString()).isNotBlank();

        // a later success of the workflow clears the condition: resolved, and a resolved notification per channel
        fixtures.succeeded(workflow, base.plusSeconds(50));
        evaluate(rule, base.plusSeconds(60));
        assertThat(alertsOf(rule).get(0).get("state").asString()).isEqualTo("resolved");
        assertThat(fixtures.notifications(alertId)).containsExactlyInAnyOrder("firing " + hook, "firing " + mail,
                "resolved " + hook, "resolved " + mail);

        // failing again after that: a new alert
        fixtures.failed(workflow, base.plusSeconds(70));
        evaluate(rule, base.plusSeconds(80));
        JsonNode again = alertsOf(rule);
        assertThat(again.size()).isEqualTo(2);
        assertThat(again.get(0).get("state").asString()).isEqualTo("firing");
        assertThat(again.get(0).get("occurrences").asInt()).isEqualTo(1);
        assertThat(again.get(0).get("link").asString()).startsWith("runs/");
    }

    @Test
    void acknowledgedAlertsDoNotRenotifySnoozedOnesWaitAndResolvedByHandOnesReopenOnANewFailure() {
        UUID workflow = fixtures.workflow("Lifecycle " + UUID.randomUUID());
        UUID hook = fixtures.channel("hook " + UUID.randomUUID());
        UUID rule = rule("""
                {"name": "Lifecycle %s", "conditionKind": "run_failed", "workflowId": "%s",
                 "channelIds": ["%s"], "renotifyMinutes": 30, "parameters": {"quietMinutes": 600}}"""
                .formatted(UUID.randomUUID(), workflow, hook));
        fixtures.failed(workflow, base);
        evaluate(rule, base.plusSeconds(5));
        UUID alertId = UUID.fromString(alertsOf(rule).get(0).get("id").asString());
        assertThat(fixtures.notifications(alertId)).containsExactly("firing " + hook);

        // still firing after the renotify interval: notified again, once
        evaluate(rule, base.plus(Duration.ofMinutes(20)));
        assertThat(fixtures.notifications(alertId)).hasSize(1);
        evaluate(rule, base.plus(Duration.ofMinutes(31)));
        assertThat(fixtures.notifications(alertId)).containsExactly("firing " + hook, "renotify " + hook);

        // snoozed for an hour (from now): a new failure and the renotify interval notify nobody
        HttpResponse<String> snoozed = operator.post("/api/v1/alerts/" + alertId + "/snooze", "{\"minutes\": 60}");
        assertThat(snoozed.statusCode()).as(snoozed.body()).isEqualTo(200);
        assertThat(read(snoozed.body()).get("snoozedBy").asString()).isEqualTo("alerts-operator");
        fixtures.failed(workflow, base.plus(Duration.ofMinutes(40)));
        evaluate(rule, base.plus(Duration.ofMinutes(50)));
        evaluate(rule, base.plus(Duration.ofMinutes(58)));
        assertThat(fixtures.notifications(alertId)).hasSize(2);
        assertThat(alertsOf(rule).get(0).get("occurrences").asInt()).isEqualTo(2);
        // the snooze over: renotified
        evaluate(rule, base.plus(Duration.ofMinutes(125)));
        assertThat(fixtures.notifications(alertId)).containsExactly("firing " + hook, "renotify " + hook,
                "renotify " + hook);

        // (in the app's time the hour has not passed: unsnoozed by hand)
        HttpResponse<String> unsnoozed = operator.post("/api/v1/alerts/" + alertId + "/unsnooze", null);
        assertThat(unsnoozed.statusCode()).as(unsnoozed.body()).isEqualTo(200);
        assertThat(read(unsnoozed.body()).get("snoozedUntil").isNull()).isTrue();

        // acknowledged: never renotified, and who did it is on the alert
        HttpResponse<String> acknowledged = operator.post("/api/v1/alerts/" + alertId + "/acknowledge", null);
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        assertThat(read(acknowledged.body()).get("state").asString()).isEqualTo("acknowledged");
        assertThat(read(acknowledged.body()).get("acknowledgedBy").asString()).isEqualTo("alerts-operator");
        evaluate(rule, base.plus(Duration.ofMinutes(200)));
        assertThat(fixtures.notifications(alertId)).hasSize(3);

        // a viewer may read but not act
        assertThat(viewer.post("/api/v1/alerts/" + alertId + "/resolve", "{\"note\": \"x\"}").statusCode())
                .isEqualTo(403);
        // resolved by hand with a note: a resolved notification; the condition still holding opens no new alert...
        HttpResponse<String> resolved = operator.post("/api/v1/alerts/" + alertId + "/resolve",
                "{\"note\": \"fixed the remote's credentials\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(read(resolved.body()).get("resolvedBy").asString()).isEqualTo("alerts-operator");
        assertThat(read(resolved.body()).get("resolutionNote").asString()).isEqualTo("fixed the remote's credentials");
        assertThat(fixtures.notifications(alertId)).endsWith("resolved " + hook);
        evaluate(rule, base.plus(Duration.ofMinutes(210)));
        assertThat(alertsOf(rule).size()).isEqualTo(1);
        // ...but a new failure does
        fixtures.failed(workflow, base.plus(Duration.ofMinutes(215)));
        evaluate(rule, base.plus(Duration.ofMinutes(216)));
        JsonNode alerts = alertsOf(rule);
        assertThat(alerts.size()).isEqualTo(2);
        assertThat(alerts.get(0).get("state").asString()).isEqualTo("firing");
        assertThat(read(viewer.get("/api/v1/alerts?rule=" + rule + "&state=resolved").body()).size()).isEqualTo(1);

        // every action is in the audit log
        List<String> actions = db.fetch("select action || ' ' || actor from audit_log where entity_id = ?"
                + " order by id", alertId.toString()).map(row -> row.get(0, String.class));
        assertThat(actions).containsExactly("alert.fired system", "alert.snoozed alerts-operator",
                "alert.unsnoozed alerts-operator", "alert.acknowledged alerts-operator", "alert.resolved alerts-operator");
    }

    @Test
    void aMaintenanceWindowRecordsAlertsButNotifiesNobodyUntilItEnds() {
        UUID workflow = fixtures.workflow("Maintained " + UUID.randomUUID());
        UUID hook = fixtures.channel("hook " + UUID.randomUUID());
        UUID rule = rule("""
                {"name": "Maintained %s", "conditionKind": "run_failed", "workflowId": "%s",
                 "channelIds": ["%s"], "parameters": {"quietMinutes": 30}}""".formatted(UUID.randomUUID(), workflow,
                hook));
        HttpResponse<String> window = operator.post("/api/v1/maintenance-windows", """
                {"workflowId": "%s", "startsAt": "%s", "endsAt": "%s", "reason": "remote upgrade"}"""
                .formatted(workflow, base.minusSeconds(60), base.plus(Duration.ofMinutes(10))));
        assertThat(window.statusCode()).as(window.body()).isEqualTo(201);
        String windowId = read(window.body()).get("id").asString();

        fixtures.failed(workflow, base);
        evaluate(rule, base.plusSeconds(5));
        JsonNode alert = alertsOf(rule).get(0);
        assertThat(alert.get("state").asString()).isEqualTo("firing");
        assertThat(alert.get("maintenanceWindowId").asString()).isEqualTo(windowId);
        UUID alertId = UUID.fromString(alert.get("id").asString());
        assertThat(fixtures.notifications(alertId)).isEmpty();

        // the window over and the alert still firing: it notifies now
        evaluate(rule, base.plus(Duration.ofMinutes(11)));
        assertThat(fixtures.notifications(alertId)).containsExactly("firing " + hook);
        // the quiet period passes: resolved by itself
        evaluate(rule, base.plus(Duration.ofMinutes(31)));
        assertThat(alertsOf(rule).get(0).get("state").asString()).isEqualTo("resolved");
        assertThat(fixtures.notifications(alertId)).containsExactly("firing " + hook, "resolved " + hook);
    }

    @Test
    void levelConditionsFireAndClear() {
        UUID workflow = fixtures.workflow("Levels " + UUID.randomUUID());
        UUID rate = rule("""
                {"name": "Rate %s", "conditionKind": "failure_rate", "workflowId": "%s",
                 "parameters": {"thresholdPercent": 20, "windowMinutes": 60, "minRuns": 5}}"""
                .formatted(UUID.randomUUID(), workflow));
        UUID dlq = rule("""
                {"name": "DLQ %s", "conditionKind": "dlq_depth", "workflowId": "%s", "parameters": {"threshold": 2}}"""
                .formatted(UUID.randomUUID(), workflow));
        for (int i = 0; i < 7; i++) {
            fixtures.succeeded(workflow, base.plusSeconds(i));
        }
        for (int i = 0; i < 3; i++) {
            fixtures.failed(workflow, base.plusSeconds(10 + i));
        }
        evaluate(base.plusSeconds(30), rate, dlq);
        JsonNode rateAlert = alertsOf(rate).get(0);
        assertThat(rateAlert.get("summary").asString()).contains("30.0 % of 10 runs failed");
        assertThat(rateAlert.get("details").get("failureRate").asDouble()).isEqualTo(30.0);
        assertThat(alertsOf(dlq).get(0).get("details").get("depth").asInt()).isEqualTo(3);
        assertThat(openAlertsTile(workflow).get("value").asInt()).isEqualTo(2);
        assertThat(openAlertsTile(workflow).get("link").asString()).isEqualTo("alerts");

        // an hour later the window holds none of those runs: the rate alert resolves; the queue is still deep
        evaluate(base.plus(Duration.ofMinutes(61)), rate, dlq);
        assertThat(alertsOf(rate).get(0).get("state").asString()).isEqualTo("resolved");
        assertThat(alertsOf(dlq).get(0).get("state").asString()).isEqualTo("firing");
        assertThat(alertsOf(dlq).get(0).get("occurrences").asInt()).isEqualTo(2);
        assertThat(openAlertsTile(workflow).get("value").asInt()).isEqualTo(1);
    }

    /** The dashboard's open-alerts tile, narrowed to one workflow. */
    private JsonNode openAlertsTile(UUID workflow) {
        JsonNode dashboard = read(viewer.get("/api/v1/dashboard?workflow=" + workflow).body());
        for (JsonNode tile : dashboard.get("tiles")) {
            if (tile.get("id").asString().equals("open-alerts")) {
                return tile;
            }
        }
        throw new AssertionError("no open-alerts tile in " + dashboard);
    }

    @Test
    void aConnectionFailingToAuthenticateFiresUntilItsNextSuccess() {
        String connection = health.healthNow().getFirst().connectionId();
        UUID rule = rule("""
                {"name": "Auth %s", "conditionKind": "connection_auth_failing", "connectionId": "%s"}"""
                .formatted(UUID.randomUUID(), connection));
        UUID saturation = rule("""
                {"name": "Saturated %s", "conditionKind": "rate_limit_saturation", "connectionId": "%s",
                 "parameters": {"hitsPerHour": 3}}""".formatted(UUID.randomUUID(), connection));
        db.execute("""
                insert into connection_health (connection_id, last_success_at, last_failure_at, last_failure_class,
                                               last_failure_message)
                values (?, now() - interval '1 hour', now(), 'AuthenticationFailed', 'the token was refused')
                on conflict (connection_id) do update set last_success_at = excluded.last_success_at,
                    last_failure_at = excluded.last_failure_at, last_failure_class = excluded.last_failure_class,
                    last_failure_message = excluded.last_failure_message""", connection);
        db.execute("""
                insert into connection_usage_hours (connection_id, hour, limiter_waits, remote_throttles)
                values (?, date_trunc('hour', now()), 2, 2)
                on conflict (connection_id, hour) do update set limiter_waits = 2, remote_throttles = 2""",
                connection);
        evaluate(base, rule, saturation);
        JsonNode alert = alertsOf(rule).get(0);
        assertThat(alert.get("state").asString()).isEqualTo("firing");
        assertThat(alert.get("summary").asString()).contains("fails to authenticate: the token was refused");
        assertThat(alertsOf(saturation).get(0).get("details").get("rateLimitHitsLastHour").asInt()).isEqualTo(4);

        db.execute("update connection_health set last_success_at = now() + interval '1 second' where connection_id = ?",
                connection);
        db.execute("delete from connection_usage_hours where connection_id = ?", connection);
        evaluate(base.plusSeconds(10), rule, saturation);
        assertThat(alertsOf(rule).get(0).get("state").asString()).isEqualTo("resolved");
        assertThat(alertsOf(saturation).get(0).get("state").asString()).isEqualTo("resolved");
    }

    @Test
    void noSuccessFiresForAPublishedScheduleWithoutSuccesses() {
        UUID workflow = fixtures.workflow("Scheduled " + UUID.randomUUID());
        db.execute("""
                insert into workflow_versions (workflow_id, version, definition, created_by)
                values (?, 1, '{"schemaVersion": 1, "trigger": {"kind": "schedule", "config": {"cron": "0 * * * * ?"}},
                                "nodes": [], "edges": []}'::jsonb, 'test')""", workflow);
        db.execute("update workflows set latest_version = 1, published_version = 1 where id = ?", workflow);
        UUID rule = rule("""
                {"name": "Absent %s", "conditionKind": "no_success", "workflowId": "%s",
                 "parameters": {"minutes": 60, "expectation": "trigger"}}""".formatted(UUID.randomUUID(), workflow));
        fixtures.succeeded(workflow, base);
        evaluate(rule, base.plus(Duration.ofMinutes(30)));
        assertThat(alertsOf(rule).size()).isZero();
        evaluate(rule, base.plus(Duration.ofMinutes(61)));
        assertThat(alertsOf(rule).get(0).get("summary").asString())
                .contains("no successful run in the last 60 minutes");
        fixtures.succeeded(workflow, base.plus(Duration.ofMinutes(62)));
        evaluate(rule, base.plus(Duration.ofMinutes(63)));
        assertThat(alertsOf(rule).get(0).get("state").asString()).isEqualTo("resolved");
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        HttpResponse<String> badParameter = operator.post("/api/v1/alert-rules", """
                {"name": "Bad %s", "conditionKind": "failure_rate", "parameters": {"thresholdPercent": 140}}"""
                .formatted(UUID.randomUUID()));
        assertThat(badParameter.statusCode()).isEqualTo(400);
        assertThat(badParameter.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(badParameter.body()).contains("parameters.thresholdPercent").contains("100");

        HttpResponse<String> missing = operator.post("/api/v1/alert-rules", """
                {"name": "Bad %s", "conditionKind": "failure_rate", "parameters": {"windowMinutes": "ten"}}"""
                .formatted(UUID.randomUUID()));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("parameters.thresholdPercent").contains("parameters.windowMinutes");

        HttpResponse<String> unknownKind = operator.post("/api/v1/alert-rules", """
                {"name": "Bad %s", "conditionKind": "cpu_hot"}""".formatted(UUID.randomUUID()));
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(unknownKind.body()).contains("conditionKind").contains("run_failed");

        HttpResponse<String> unknownChannel = operator.post("/api/v1/alert-rules", """
                {"name": "Bad %s", "conditionKind": "run_failed", "channelIds": ["%s"], "severity": "loud"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID()));
        assertThat(unknownChannel.statusCode()).isEqualTo(400);
        assertThat(unknownChannel.body()).contains("channelIds[0]").contains("severity");

        HttpResponse<String> badTemplate = operator.post("/api/v1/alert-rules", """
                {"name": "Bad %s", "conditionKind": "run_failed", "messageTemplate": "{{summery}} {{link}}"}"""
                .formatted(UUID.randomUUID()));
        assertThat(badTemplate.statusCode()).isEqualTo(400);
        assertThat(badTemplate.body()).contains("messageTemplate").contains("summery");

        assertThat(viewer.post("/api/v1/alert-rules", "{\"name\": \"x\", \"conditionKind\": \"run_failed\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void rulesAreListedChangedAndDeletedWithAnAuditTrail() {
        String name = "Crud " + UUID.randomUUID();
        UUID rule = rule("""
                {"name": "%s", "conditionKind": "dlq_depth", "parameters": {"threshold": 10}}""".formatted(name));
        assertThat(viewer.get("/api/v1/alert-rules/" + rule).statusCode()).isEqualTo(200);
        assertThat(read(viewer.get("/api/v1/alert-conditions").body()).findValuesAsString("kind"))
                .contains("run_failed", "failure_rate", "no_success", "duration_over", "dlq_depth",
                        "connection_auth_failing", "rate_limit_saturation");

        HttpResponse<String> changed = admin.send("PUT", "/api/v1/alert-rules/" + rule, """
                {"name": "%s", "conditionKind": "dlq_depth", "parameters": {"threshold": 20}, "enabled": false,
                 "renotifyMinutes": 60}""".formatted(name));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(read(changed.body()).get("parameters").get("threshold").asInt()).isEqualTo(20);
        assertThat(read(changed.body()).get("enabled").asBoolean()).isFalse();

        HttpResponse<String> clash = operator.post("/api/v1/alert-rules", """
                {"name": "%s", "conditionKind": "dlq_depth", "parameters": {"threshold": 1}}"""
                .formatted(name.toUpperCase()));
        assertThat(clash.statusCode()).isEqualTo(409);

        assertThat(operator.delete("/api/v1/alert-rules/" + rule).statusCode()).isEqualTo(204);
        assertThat(viewer.get("/api/v1/alert-rules/" + rule).statusCode()).isEqualTo(404);
        List<String> actions = db.fetch("select action from audit_log where entity_id = ? order by id",
                rule.toString()).map(row -> row.get(0, String.class));
        assertThat(actions).containsExactly("alert-rule.created", "alert-rule.updated", "alert-rule.deleted");
    }

    private static JsonNode read(String body) {
        return JSON.readTree(body);
    }
}
