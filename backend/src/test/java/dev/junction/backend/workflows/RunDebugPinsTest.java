package dev.junction.backend.workflows;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Debug in editor" ({@code POST /api/v1/runs/{id}/debug-pins}): a failed run's trigger payload and its steps'
 * outputs become the workflow's pinned samples, redacted as the run page shows them; the failed step (no output) gets
 * none; a newer version is named; viewers and operators are refused and nothing is pinned.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunDebugPinsTest {

    static final String DEFINITION = """
            {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "login", "type": "script", "name": "Log in", "position": {"x": 200, "y": 0},
                "config": {"code": "return {user: trigger.user, apiKey: 'k-' + trigger.user, card: '4111 1111 1111 1111'};"}},
               {"id": "guard", "type": "script", "name": "Guard", "position": {"x": 400, "y": 0},
                "config": {"code": "throw new Error('boom');"}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "login"},
                       {"from": "login", "fromPort": "out", "to": "guard"}]}""";

    @LocalServerPort
    int port;
    @Autowired
    WorkflowSampleService samples;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    private RunsApi api;

    @BeforeEach
    void signIn() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("dana",
                null, List.of(new SimpleGrantedAuthority("ROLE_DESIGNER"))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFailedRunsDataIsPinnedRedactedOnTheTriggerAndTheStepsThatHadOutput() {
        String workflow = api.published("Debug pins " + UUID.randomUUID(), DEFINITION);
        String runId = api.start(workflow, "{\"user\": \"ann\", \"password\": \"hunter2\"}");
        assertThat(api.finished(runId).get("run").get("status").asString()).isIn("failed", "dead_lettered");

        HttpResponse<String> answer = api.admin().post("/api/v1/runs/" + runId + "/debug-pins", null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode pinned = RunsApi.read(answer.body());
        assertThat(pinned.get("workflowId").asString()).isEqualTo(workflow);
        assertThat(pinned.get("runVersion").asInt()).isEqualTo(2);
        assertThat(pinned.get("latestVersion").asInt()).isEqualTo(2);
        assertThat(pinned.get("pinned")).extracting(JsonNode::asString).containsExactly("trigger", "login");
        assertThat(pinned.get("redactions").asInt()).isEqualTo(3);
        Map<String, Map<String, Object>> stored = samples.samples(UUID.fromString(workflow));
        assertThat(stored).containsOnlyKeys("trigger", "login");
        assertThat(stored.get("trigger").get("out"))
                .isEqualTo(Map.of("user", "ann", "password", "[redacted: secret field]"));
        assertThat(stored.get("login").get("out")).isEqualTo(Map.of("user", "ann",
                "apiKey", "[redacted: secret field]", "card", "[redacted: card number …1111]"));
    }

    @Test
    void aRunOfAnOlderVersionSaysTheEditorShowsTheLatestAndSkipsNodesItNoLongerHas() {
        String workflow = api.published("Debug pins older " + UUID.randomUUID(), DEFINITION);
        String runId = api.start(workflow, "{\"user\": \"bob\"}");
        api.finished(runId);
        String renamed = """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "signin", "type": "script", "name": "Sign in", "position": {"x": 200, "y": 0},
                            "config": {"code": "return {user: trigger.user};"}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "signin"}]}""";
        HttpResponse<String> saved = api.admin().post("/api/v1/workflows/" + workflow + "/versions",
                "{\"baseVersion\": 2, \"definition\": " + renamed + "}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);

        JsonNode pinned = RunsApi.read(api.admin().post("/api/v1/runs/" + runId + "/debug-pins", null).body());

        assertThat(pinned.get("latestVersion").asInt()).isEqualTo(3);
        assertThat(pinned.get("pinned")).extracting(JsonNode::asString).containsExactly("trigger");
        assertThat(pinned.get("skipped").get("login").asString()).isEqualTo("not in version 3");
    }

    @Test
    void viewersAndOperatorsMayNotPinARunsData() {
        String workflow = api.published("Debug pins refused " + UUID.randomUUID(), DEFINITION);
        String runId = api.start(workflow, "{\"user\": \"cy\"}");
        api.finished(runId);
        for (Role role : List.of(Role.VIEWER, Role.OPERATOR)) {
            String name = "debug-pins-" + role.name().toLowerCase();
            if (users.findByUsername(name).isEmpty()) {
                users.insert(name, "Debug " + role, passwords.encode("debug-pins-password"), Set.of(role));
            }
            HttpResponse<String> refused = ApiClient.anonymous(port).as(name, "debug-pins-password")
                    .post("/api/v1/runs/" + runId + "/debug-pins", null);
            assertThat(refused.statusCode()).as(role + ": " + refused.body()).isEqualTo(403);
        }
        assertThat(samples.samples(UUID.fromString(workflow))).isEmpty();
        assertThat(api.admin().post("/api/v1/runs/" + UUID.randomUUID() + "/debug-pins", null).statusCode())
                .isEqualTo(404);
    }
}
