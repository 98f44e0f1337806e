package dev.junction.backend.api;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal of the machine-facing paths is a problem detail with the right status: unknown paths (404), known
 * paths with another method (405) or body type (415), addresses the firewall refuses (400), methods the webhook
 * servlet does not take, fields an endpoint does not know, values of the wrong JSON type, periods that end before
 * they start, malformed JSON (with line and column). The app here has a stand-in for the UI (as in the shipped
 * app): a chain that sends everyone else to the login page, and a page for every path nothing else takes.
 */
@SpringBootTest(classes = {BackendTestApplication.class, ApiErrorAnswersTest.UiStandIn.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiErrorAnswersTest {

    /** What the Vaadin UI does to the paths the backend's chains do not take: a login, and its page everywhere. */
    @TestConfiguration(proxyBeanMethods = false)
    static class UiStandIn {

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        SecurityFilterChain uiStandInSecurity(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(login -> login.loginPage("/login").permitAll())
                    .build();
        }

        @Bean
        SimpleUrlHandlerMapping uiStandInPages() {
            HttpRequestHandler page = (request, response) -> {
                response.setContentType("text/html");
                response.getOutputStream().write("<html>the app</html>".getBytes(StandardCharsets.UTF_8));
            };
            return new SimpleUrlHandlerMapping(Map.of("/**", page), Ordered.LOWEST_PRECEDENCE - 1);
        }
    }

    @LocalServerPort
    int port;
    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = RunsApi.read(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("tools.jackson")
                .doesNotContain("java.lang");
        return problem;
    }

    private static String detail(HttpResponse<String> response, int status) {
        return problem(response, status).get("detail").asString();
    }

    private static String fieldsOf(JsonNode problem) {
        return problem.get("errors").findValues("field").stream().map(JsonNode::asString).toList().toString();
    }

    @Test
    void anUnknownPathUnderTheApiIs404WhateverTheMethod() {
        assertThat(detail(admin.get("/api/v1/nothing-here"), 404)).contains("/api/v1/nothing-here");
        assertThat(detail(admin.post("/api/v1/nothing-here", "{}"), 404)).contains("/api/v1/nothing-here");
        problem(admin.delete("/api/v1/workflows/" + UUID.randomUUID() + "/no/such/thing"), 404);
        problem(admin.send("PUT", "/api/v2/workflows", "{}"), 404);
        assertThat(ApiClient.anonymous(port).get("/api/v1/nothing-here").statusCode())
                .as("who is not signed in learns nothing about paths").isEqualTo(401);
    }

    @Test
    void aKnownPathWithAnotherMethodIs405NamingTheAllowedOnes() {
        HttpResponse<String> delete = admin.delete("/api/v1/workflows");
        assertThat(detail(delete, 405)).contains("DELETE").contains("/api/v1/workflows").contains("GET, POST");
        assertThat(delete.headers().firstValue("Allow")).hasValueSatisfying(allow ->
                assertThat(allow).contains("GET").contains("POST"));
        assertThat(detail(admin.send("PUT", "/api/v1/mappings", "{}"), 405)).contains("PUT");
    }

    @Test
    void aBodyOfAnotherTypeIs415NamingTheTypeToSend() {
        assertThat(detail(admin.send("POST", "/api/v1/workflows", "name=x", "text/plain"), 415))
                .contains("text/plain").contains("application/json");
        assertThat(detail(admin.send("POST", "/api/v1/mappings", "{}", "application/xml"), 415))
                .contains("application/json");
    }

    @Test
    void anAddressTheFirewallRefusesIs400NotARedirect() {
        assertThat(detail(admin.get("/api/v1//workflows"), 400)).contains("refused");
        assertThat(detail(admin.get("/api/v1/workflows/%2e%2e/users"), 400)).contains("refused");
        problem(ApiClient.anonymous(port).post("/hooks/x;y/z", "{}"), 400);
    }

    @Test
    void methodsTheWebhookDoesNotTakeAre405ProblemsNotARedirect() {
        ApiClient sender = ApiClient.anonymous(port);
        String hook = "/hooks/" + UUID.randomUUID() + "/secret-webhook-token";
        for (String method : new String[] {"PATCH", "TRACE", "GET", "PUT", "DELETE"}) {
            HttpResponse<String> answer = sender.send(method, hook, method.equals("TRACE") ? null : "{}");
            assertThat(detail(answer, 405)).as(method).doesNotContain("secret-webhook-token");
            assertThat(answer.headers().firstValue("Allow")).as(method)
                    .hasValueSatisfying(allow -> assertThat(allow).contains("POST").doesNotContain("GET")
                            .doesNotContain("PUT").doesNotContain("DELETE"));
        }
        problem(admin.send("PATCH", hook, "{}"), 405);
    }

    @Test
    void fieldsAnEndpointDoesNotKnowAreRefusedByName() {
        String table = "t-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(fieldsOf(problem(admin.post("/api/v1/lookup-tables",
                "{\"name\": \"" + table + "\", \"colour\": 1}"), 400))).contains("colour");
        assertThat(admin.get("/api/v1/lookup-tables/" + table).statusCode()).as("nothing was made").isEqualTo(404);
        assertThat(admin.post("/api/v1/lookup-tables", "{\"name\": \"" + table + "\"}").statusCode()).isEqualTo(201);
        assertThat(fieldsOf(problem(admin.send("PUT", "/api/v1/lookup-tables/" + table,
                "{\"description\": \"d\", \"mising\": \"error\"}"), 400))).contains("mising");
        assertThat(fieldsOf(problem(admin.send("PUT", "/api/v1/lookup-tables/" + table + "/entries/k",
                "{\"value\": 1, \"note\": \"x\"}"), 400))).contains("note");

        assertThat(fieldsOf(problem(admin.post("/api/v1/mappings/preview",
                "{\"mapping\": {}, \"sample\": {}, \"samples\": []}"), 400))).contains("samples");
        assertThat(fieldsOf(problem(admin.post("/api/v1/mappings/suggestions",
                "{\"source\": \"sp-api/Order\", \"target\": \"canonical/Order\", \"limit\": 3}"), 400)))
                .contains("limit");
        assertThat(fieldsOf(problem(admin.post("/api/v1/mappings",
                "{\"name\": \"m\", \"definition\": {}, \"published\": true}"), 400))).contains("published");
        assertThat(fieldsOf(problem(admin.post("/api/v1/mappings/" + UUID.randomUUID() + "/versions",
                "{\"baseVersion\": 1, \"definition\": {}, \"note\": \"x\"}"), 400))).contains("note");
        assertThat(fieldsOf(problem(admin.post("/api/v1/mappings/sample",
                "{\"connection\": \"c\", \"operation\": \"o\", \"limit\": 1}"), 400))).contains("limit");
        assertThat(fieldsOf(problem(admin.post("/api/v1/currency-rates",
                "{\"from\": \"EUR\", \"to\": \"GBP\", \"rate\": 0.86, \"effectiveFrom\": \"2026-01-01\","
                        + " \"until\": \"2027-01-01\"}"), 400))).contains("until");
    }

    @Test
    void aConnectionsIdCannotBeChangedByAPut() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/v1/connections", """
                {"id": "%s", "name": "Echo %s", "connectorId": "vault-echo", "environment": "sandbox",
                 "settings": {"greeting": "hi"}, "secrets": {"apiKey": "some-key-1"}}""".formatted(id, id))
                .statusCode()).isEqualTo(201);
        assertThat(fieldsOf(problem(admin.send("PUT", "/api/v1/connections/" + id, """
                {"id": "another-id", "name": "Echo %s", "environment": "sandbox", "settings": {"greeting": "hi"}}"""
                .formatted(id)), 400))).contains("id");
    }

    @Test
    void numbersBooleansAndTextAreNotConvertedIntoEachOther() {
        assertThat(fieldsOf(problem(admin.post("/api/v1/dead-letters/replay", "{\"limit\": \"5\"}"), 400)))
                .contains("limit");
        admin.post("/api/v1/users", """
                {"username": "tess", "displayName": "Tess", "roles": ["VIEWER"], "password": "long enough password"}""");
        assertThat(fieldsOf(problem(admin.send("PUT", "/api/v1/users/tess/enabled", "{\"enabled\": 123}"), 400)))
                .contains("enabled");
        assertThat(fieldsOf(problem(admin.send("PUT", "/api/v1/users/tess/enabled", "{\"enabled\": \"false\"}"),
                400))).contains("enabled");
        assertThat(fieldsOf(problem(admin.post("/api/v1/workflows", "{\"name\": 5}"), 400))).contains("name");

        assertThat(fieldsOf(problem(admin.get("/api/v1/runs?limit=0x10"), 400))).contains("limit");
        assertThat(fieldsOf(problem(admin.get("/api/v1/dead-letters?limit=%2310"), 400))).contains("limit");
        assertThat(admin.get("/api/v1/runs?limit=16").statusCode()).isEqualTo(200);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefusedNamingBothEnds() {
        String period = "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z";
        assertThat(fieldsOf(problem(admin.get("/api/v1/runs?" + period), 400))).contains("from").contains("to");
        assertThat(fieldsOf(problem(admin.get("/api/v1/dead-letters?" + period), 400))).contains("from")
                .contains("to");
        assertThat(fieldsOf(problem(admin.post("/api/v1/dead-letters/replay",
                "{\"from\": \"2026-02-01T00:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\"}"), 400)))
                .contains("from").contains("to");
    }

    @Test
    void malformedJsonNamesLineAndColumnAndWhatWasExpected() {
        String broken = "{\n  \"name\" \"x\"\n}";
        for (String path : new String[] {"/api/v1/workflows", "/api/v1/mappings", "/api/v1/lookup-tables",
                "/api/v1/mappings/preview", "/api/v1/connections"}) {
            String detail = detail(admin.post(path, broken), 400);
            assertThat(detail).as(path).contains("line 2, column").contains("expecting a colon")
                    .doesNotContain("code ").doesNotContain("Source").doesNotContain("`");
        }
        assertThat(detail(admin.post("/api/v1/workflows", "{\"name\": \"x\""), 400)).contains("line 1")
                .contains("end-of-input").doesNotContain("Source").doesNotContain("REDACTED");
    }
}
