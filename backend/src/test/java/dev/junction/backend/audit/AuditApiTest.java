package dev.junction.backend.audit;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.audit.AuditEntry;
import dev.junction.db.audit.AuditLogRepository;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/audit} and its export over real HTTP against a fresh embedded PostgreSQL. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditApiTest {

    private static final String DESIGNER_PASSWORD = "designer-password-1";
    private static final String VIEWER_PASSWORD = "viewer-password-1";

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AuditLogRepository auditLog;

    private ApiClient anonymous;
    private ApiClient admin;

    @BeforeEach
    void setUp() {
        anonymous = ApiClient.anonymous(port);
        admin = anonymous.as("admin", "test-admin-password");
        // names of their own: the test classes share one application context and its database
        if (users.findByUsername("audit-designer").isEmpty()) {
            users.insert("audit-designer", "Designer", passwords.encode(DESIGNER_PASSWORD), Set.of(Role.DESIGNER));
        }
        if (users.findByUsername("audit-viewer").isEmpty()) {
            users.insert("audit-viewer", "Viewer", passwords.encode(VIEWER_PASSWORD), Set.of(Role.VIEWER));
        }
    }

    /** Five entries about one new thing, oldest first: actors carol/dave, kinds connection./token. */
    private List<AuditEntry> fiveEntries(String entityId) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(auditLog.append(i % 2 == 0 ? "carol" : "dave", i < 3 ? "connection.updated" : "token.created",
                    i < 3 ? "connection" : "token", entityId, "{\"i\": " + i + "}"));
        }
        return entries;
    }

    private JsonNode page(String query) {
        HttpResponse<String> response = admin.get("/api/v1/audit?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunsApi.read(response.body());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aChangeMadeOverRestIsInTheLogWithItsDetails() {
        HttpResponse<String> created = admin.post("/api/v1/workflows", "{\"name\": \"Audited " + UUID.randomUUID()
                + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = RunsApi.read(created.body()).get("id").asString();

        JsonNode page = page("action=workflow.&entityType=workflow&entityId=" + id + "&actor=ADMIN");

        assertThat(page.get("items")).hasSize(1);
        JsonNode entry = page.get("items").get(0);
        assertThat(entry.get("action").asString()).isEqualTo("workflow.created");
        assertThat(entry.get("actor").asString()).isEqualTo("admin");
        assertThat(entry.get("details").isObject()).as(entry.toString()).isTrue();
        assertThat(entry.get("details").get("name").asString()).startsWith("Audited ");
        assertThat(OffsetDateTime.parse(entry.get("occurredAt").asString())).isBefore(OffsetDateTime.now().plusMinutes(1));
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void filtersByUserKindEntityAndTimeAndPagesNewestFirst() {
        String thing = "thing-" + UUID.randomUUID();
        List<AuditEntry> entries = fiveEntries(thing);

        JsonNode first = page("entityId=" + thing + "&limit=2");
        assertThat(ids(first)).containsExactly(entries.get(4).id(), entries.get(3).id());
        JsonNode second = page("entityId=" + thing + "&limit=2&before=" + first.get("next").asLong());
        assertThat(ids(second)).containsExactly(entries.get(2).id(), entries.get(1).id());
        JsonNode last = page("entityId=" + thing + "&limit=2&before=" + second.get("next").asLong());
        assertThat(ids(last)).containsExactly(entries.get(0).id());
        assertThat(last.get("next").isNull()).isTrue();

        assertThat(ids(page("entityId=" + thing + "&actor=Carol"))).as("user, in any case")
                .containsExactly(entries.get(4).id(), entries.get(2).id(), entries.get(0).id());
        assertThat(ids(page("entityId=" + thing + "&action=connection."))).as("kind")
                .containsExactly(entries.get(2).id(), entries.get(1).id(), entries.get(0).id());
        assertThat(ids(page("entityId=" + thing + "&action=token.created&entityType=token")))
                .containsExactly(entries.get(4).id(), entries.get(3).id());
        assertThat(ids(page("entityId=" + thing + "&entityType=workflow"))).isEmpty();

        OffsetDateTime at = entries.getFirst().occurredAt().withOffsetSameInstant(ZoneOffset.UTC);
        assertThat(ids(page("entityId=" + thing + "&from=" + encoded(at.toString())))).hasSize(5);
        assertThat(ids(page("entityId=" + thing + "&to=" + encoded(at.toString())))).as("to is exclusive").isEmpty();
        assertThat(ids(page("entityId=" + thing + "&from=" + at.toLocalDate() + "&to="
                + at.toLocalDate().plusDays(1)))).as("whole days").hasSize(5);
    }

    @Test
    void theCsvExportHasAHeaderQuotesAsRfc4180AndDefusesFormulas() {
        String thing = "csv-" + UUID.randomUUID();
        AuditEntry plain = auditLog.append("carol", "connection.created", "connection", thing, "{\"name\": \"Shop\"}");
        AuditEntry tricky = auditLog.append("=HYPERLINK(\"http://evil\")", "login.failed", "user", thing,
                "{\"note\": \"a, \\\"quoted\\\"\\nline\"}");

        HttpResponse<String> export = admin.get("/api/v1/audit/export?format=csv&entityId=" + thing);

        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").matches(".*filename=\"junction-audit-\\d{8}-\\d{6}\\.csv\""));
        assertThat(export.headers().firstValue("Junction-Export-Truncated")).contains("false");
        String[] lines = export.body().split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("id,occurred_at,actor,action,entity_type,entity_id,details");
        assertThat(lines[1]).isEqualTo(tricky.id() + "," + tricky.occurredAt().toInstant() + ","
                + "\"'=HYPERLINK(\"\"http://evil\"\")\",login.failed,user," + thing + ","
                + "\"{\"\"note\"\": \"\"a, \\\"\"quoted\\\"\"\\nline\"\"}\"");
        assertThat(lines[2]).isEqualTo(plain.id() + "," + plain.occurredAt().toInstant()
                + ",carol,connection.created,connection," + thing + ",\"{\"\"name\"\": \"\"Shop\"\"}\"");
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).as("the file ends with a line break").isEmpty();

        HttpResponse<String> cut = admin.get("/api/v1/audit/export?entityId=" + thing + "&limit=1");
        assertThat(cut.headers().firstValue("Junction-Export-Truncated")).contains("true");
        assertThat(cut.body().split("\r\n")).as("CSV is the default format").hasSize(2);
        HttpResponse<String> rest = admin.get("/api/v1/audit/export?entityId=" + thing + "&before=" + tricky.id());
        assertThat(rest.body().split("\r\n")).hasSize(2);
        assertThat(rest.headers().firstValue("Junction-Export-Truncated")).contains("false");
    }

    @Test
    void theJsonExportIsAnArrayOfEntriesWithTheirDetailsAndIsItselfAudited() {
        String thing = "json-" + UUID.randomUUID();
        List<AuditEntry> entries = fiveEntries(thing);

        HttpResponse<String> export = admin.get("/api/v1/audit/export?format=JSON&action=token.&entityId=" + thing);

        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains(".json"));
        JsonNode array = RunsApi.read(export.body());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        assertThat(array.get(0).get("id").asLong()).isEqualTo(entries.get(4).id());
        assertThat(array.get(0).get("details").get("i").asInt()).isEqualTo(4);
        assertThat(array.get(1).get("actor").asString()).isEqualTo("dave");
        assertThat(array.get(1).get("entityType").asString()).isEqualTo("token");
        assertThat(array.get(1).get("occurredAt").asString()).isEqualTo(entries.get(3).occurredAt().toInstant()
                .toString());

        JsonNode recorded = page("action=audit.exported&limit=200");
        assertThat(recorded.get("items").findValues("details").stream().map(JsonNode::toString))
                .anySatisfy(details -> assertThat(details).contains("\"format\":\"json\"").contains(thing)
                        .contains("\"entries\":2"));
    }

    @Test
    void onlyAdminsMayReadOrExportTheLog() {
        for (ApiClient other : List.of(anonymous.as("audit-designer", DESIGNER_PASSWORD),
                anonymous.as("audit-viewer", VIEWER_PASSWORD))) {
            HttpResponse<String> list = other.get("/api/v1/audit");
            assertThat(list.statusCode()).as(list.body()).isEqualTo(403);
            assertThat(list.body()).contains("Your role does not allow this.");
            HttpResponse<String> export = other.get("/api/v1/audit/export?format=json");
            assertThat(export.statusCode()).as(export.body()).isEqualTo(403);
            assertThat(export.body()).doesNotContain("\"actor\"");
        }
        assertThat(anonymous.get("/api/v1/audit").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/audit/export").statusCode()).isEqualTo(401);
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        assertBadRequest("/api/v1/audit?from=yesterday", "from", "ISO 8601");
        assertBadRequest("/api/v1/audit?from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z", "to", "after from");
        assertBadRequest("/api/v1/audit?limit=0", "limit", "from 1 to 200");
        assertBadRequest("/api/v1/audit?limit=201", "limit", "from 1 to 200");
        assertBadRequest("/api/v1/audit?limit=many", "limit", "whole number");
        assertBadRequest("/api/v1/audit?before=abc", "before", "id of an audit entry");
        assertBadRequest("/api/v1/audit/export?format=xml", "format", "csv or json");
        assertBadRequest("/api/v1/audit/export?format=csv&to=soon", "to", "ISO 8601");
        assertBadRequest("/api/v1/audit/export?limit=100001", "limit", "from 1 to 100000");

        JsonNode all = RunsApi.read(admin.get("/api/v1/audit/export?format=pdf&from=now&limit=0&before=-1").body());
        assertThat(all.get("errors").findValues("field").stream().map(JsonNode::asString))
                .as("every bad parameter at once").containsExactly("format", "from", "before", "limit");
    }

    private void assertBadRequest(String path, String field, String expectation) {
        HttpResponse<String> response = admin.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
        JsonNode problem = RunsApi.read(response.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).as(path).contains(expectation);
        assertThat(response.headers().firstValue("Content-Disposition")).as("no download").isEmpty();
    }
}
