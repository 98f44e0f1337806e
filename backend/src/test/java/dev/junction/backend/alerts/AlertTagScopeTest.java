package dev.junction.backend.alerts;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule scoped by tag watches the workflows whose {@code tags} carry it: a failure of a tagged workflow fires it, the
 * same failure of an untagged one (even one writing {@code #tag} in its description, the convention before V35) does
 * not. The rule's tag is kept lower-case, and a tag that cannot be one is a 400 naming {@code tag}.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.alerts.evaluator.enabled=false", "junction.workers.enabled=false"})
class AlertTagScopeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    AlertEvaluator evaluator;

    @Test
    void aTagScopedRuleFiresForTheTaggedWorkflowOnly() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        AlertFixtures fixtures = new AlertFixtures(db);
        String tag = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        UUID tagged = fixtures.workflow("Tagged " + UUID.randomUUID());
        UUID untagged = fixtures.workflow("Untagged " + UUID.randomUUID());
        HttpResponse<String> patched = admin.patch("/api/v1/workflows/" + tagged,
                "{\"tags\": [\"" + tag.toUpperCase() + "\"]}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/workflows/" + untagged, "{\"description\": \"watch #" + tag + "\"}")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> refused = admin.post("/api/v1/alert-rules", rule(tag + " x", "a b"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"tag\"").contains("'a b' is not");

        HttpResponse<String> created = admin.post("/api/v1/alert-rules", rule(tag, " " + tag.toUpperCase() + " "));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode rule = JSON.readTree(created.body());
        assertThat(rule.get("tag").asString()).isEqualTo(tag);
        UUID ruleId = UUID.fromString(rule.get("id").asString());

        Instant base = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        fixtures.failed(tagged, base);
        fixtures.failed(untagged, base.plusSeconds(1));
        fixtures.due(ruleId);
        evaluator.evaluateDue(base.plusSeconds(10));

        JsonNode alerts = JSON.readTree(admin.get("/api/v1/alerts?rule=" + ruleId).body());
        List<String> workflows = new ArrayList<>();
        alerts.forEach(alert -> workflows.add(alert.get("details").get("workflowId").asString()));
        assertThat(workflows).containsExactly(tagged.toString());
    }

    private static String rule(String name, String tag) {
        return """
                {"name": "Tag %s", "conditionKind": "run_failed", "parameters": {"quietMinutes": 0},
                 "tag": "%s", "severity": "warning"}""".formatted(name, tag);
    }
}
