package dev.junction.backend.reconciliation;

import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.alerts.AlertEvaluator;
import dev.junction.backend.alerts.AlertFixtures;
import dev.junction.backend.runs.RunsApi;
import dev.junction.backend.ApiClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.junction.backend.reconciliation.ReconciliationApiTest.AMAZON;
import static dev.junction.backend.reconciliation.ReconciliationApiTest.OPAYO;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opayo's fraud and anomaly hints, and discrepancies nobody resolved, are available to alert rules (issue 19): a
 * {@code reconciliation_findings} rule fires on the sandbox settlement's latest reconciliation, once per settlement,
 * naming the hints by kind or the open discrepancies, with a link to the reconciliation; a rule scoped to a connection
 * the settlement does not use stays quiet; the alert resolves itself when the condition no longer holds (here: the
 * rule asks for more than there are). The settlement's resolutions are shared with other tests, so this test counts
 * what is open rather than resolving anything.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReconciliationAlertTest {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    AlertEvaluator evaluator;

    @Test
    void fraudHintsAndOpenDiscrepanciesFireAlertRulesThatResolveWhenTheyNoLongerHold() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        JsonNode scenario = ReconciliationApiTest.scenario(admin);
        String settlementId = scenario.get("settlementId").asString();
        json(admin.post(ReconciliationApiTest.BASE + "/settlements/fetch",
                "{\"amazonConnection\": \"" + AMAZON + "\"}"), 200);
        JsonNode run = json(admin.post(ReconciliationApiTest.BASE, """
                {"amazonConnection": "%s", "settlementId": "%s", "opayoConnection": "%s"}"""
                .formatted(AMAZON, settlementId, OPAYO)), 201);
        String runId = run.get("id").asString();
        int hints = run.get("fraudHints").size();
        int open = json(admin.get(ReconciliationApiTest.BASE + "/" + runId), 200).get("openDiscrepancies").asInt();
        assertThat(hints).as("the scenario injects fraud hints").isPositive();
        assertThat(open).as("the scenario injects discrepancies").isPositive();

        String name = "Reconciliation " + UUID.randomUUID();
        UUID hintRule = rule(admin, name + " hints", "fraud_hints", 1, AMAZON);
        UUID openRule = rule(admin, name + " open", "open_discrepancies", 1, OPAYO);
        UUID elsewhere = rule(admin, name + " elsewhere", "open_discrepancies", 1, "http-sandbox");
        evaluate(hintRule, openRule, elsewhere);

        JsonNode hintAlert = alertOf(admin, hintRule, settlementId);
        assertThat(hintAlert.get("state").asString()).isEqualTo("firing");
        assertThat(hintAlert.get("summary").asString()).startsWith("Settlement " + settlementId)
                .contains(hints + (hints == 1 ? " fraud or anomaly hint" : " fraud or anomaly hints"));
        assertThat(hintAlert.get("details").get("hints").asInt()).isEqualTo(hints);
        assertThat(hintAlert.get("link").asString()).isEqualTo("reconciliation/" + runId);
        JsonNode openAlert = alertOf(admin, openRule, settlementId);
        assertThat(openAlert.get("details").get("openDiscrepancies").asInt()).isEqualTo(open);
        assertThat(openAlert.get("summary").asString()).contains("not resolved yet");
        assertThat(RunsApi.read(admin.get("/api/v1/alerts?rule=" + elsewhere).body()))
                .as("a connection the settlement does not use").isEmpty();

        HttpResponse<String> raised = admin.send("PUT", "/api/v1/alert-rules/" + openRule, body(name + " open",
                "open_discrepancies", open + 1, OPAYO));
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
        evaluate(openRule);
        assertThat(alertOf(admin, openRule, settlementId).get("state").asString())
                .as("fewer open discrepancies than the rule asks for: the condition cleared").isEqualTo("resolved");

        HttpResponse<String> unknown = admin.post("/api/v1/alert-rules", body(name + " bad", "everything", 1, AMAZON));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("finding").contains("Discrepancies not resolved yet (open_discrepancies)");
    }

    private UUID rule(ApiClient admin, String name, String finding, int minimum, String connection) {
        return UUID.fromString(json(admin.post("/api/v1/alert-rules", body(name, finding, minimum, connection)), 201)
                .get("id").asString());
    }

    private static String body(String name, String finding, int minimum, String connection) {
        return """
                {"name": "%s", "conditionKind": "reconciliation_findings",
                 "parameters": {"finding": "%s", "minimum": %d}, "connectionId": "%s", "severity": "warning"}"""
                .formatted(name, finding, minimum, connection);
    }

    private void evaluate(UUID... rules) {
        AlertFixtures fixtures = new AlertFixtures(db);
        for (UUID rule : rules) {
            fixtures.due(rule);
        }
        evaluator.evaluateDue(Instant.now());
    }

    /** The rule's alert about the settlement (other settlements of the same connections may have alerts too). */
    private static JsonNode alertOf(ApiClient admin, UUID rule, String settlementId) {
        List<JsonNode> found = new ArrayList<>();
        RunsApi.read(admin.get("/api/v1/alerts?rule=" + rule).body()).forEach(alert -> {
            if (settlementId.equals(alert.get("details").get("settlementId").asString())) {
                found.add(alert);
            }
        });
        assertThat(found).as("one alert for settlement " + settlementId).hasSize(1);
        return found.getFirst();
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return RunsApi.read(response.body());
    }
}
