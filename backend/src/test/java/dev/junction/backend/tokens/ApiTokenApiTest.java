package dev.junction.backend.tokens;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.tokens.ApiTokenRepository;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserAccount;
import dev.junction.db.users.UserRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal API tokens over real HTTP against the real database: create (shown once), use as a bearer token with the
 * owner's role, list (last use, prefix, never the token), revoke; expiry, disabled owners, bad input, other people's
 * tokens, webhook secrets, and that no table holds a token in clear.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiTokenApiTest {

    /** User names of this test only: the test context (and its database) is shared with other test classes. */
    private static final String DORA = "tokens-dora";
    private static final String VICKY = "tokens-vicky";
    private static final String ERIN = "tokens-erin";
    private static final String PASSWORD = "token-test-password-1";
    private static final String INVALID = "The API token is not valid.";
    private static final String WEBHOOK_WORKFLOW = """
            {"schemaVersion": 1,
             "trigger": {"kind": "webhook", "config": {}},
             "nodes": [{"id": "shape", "type": "script", "name": "Shape",
                        "config": {"code": "return 1;"}, "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"}]}""";

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ApiTokenRepository tokenRepository;
    @Autowired
    DSLContext db;

    private ApiClient admin;
    private ApiClient dora;
    private ApiClient vicky;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        dora = user(DORA, Role.DESIGNER);
        vicky = user(VICKY, Role.VIEWER);
    }

    private ApiClient user(String name, Role role) {
        if (users.findByUsername(name).isEmpty()) {
            users.insert(name, name, passwords.encode(PASSWORD), Set.of(role));
        }
        return ApiClient.anonymous(port).as(name, PASSWORD);
    }

    private ApiClient bearer(String token) {
        return new ApiClient(HttpClient.newHttpClient(), "http://localhost:" + port, "Bearer " + token);
    }

    private JsonNode create(ApiClient owner, String body) {
        HttpResponse<String> created = owner.post("/api/v1/tokens", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RunsApi.read(created.body());
    }

    private JsonNode create(ApiClient owner) {
        return create(owner, "{\"name\": \"token " + UUID.randomUUID() + "\"}");
    }

    private static JsonNode listed(ApiClient client, String path, String id) {
        HttpResponse<String> list = client.get(path);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode token : RunsApi.read(list.body())) {
            if (token.get("id").asString().equals(id)) {
                return token;
            }
        }
        return null;
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Bearer").contains("invalid_token"));
        assertThat(RunsApi.read(response.body()).get("detail").asString()).startsWith(INVALID);
    }

    private static void assertProblemNames(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(RunsApi.read(response.body()).get("errors").get(0).get("field").asString()).as(response.body())
                .isEqualTo(field);
    }

    @Test
    void aTokenIsShownOnceUsedAsItsOwnerListedWithoutItselfAndStopsWhenRevoked() {
        String name = "CI pipeline " + UUID.randomUUID();
        HttpResponse<String> response = dora.post("/api/v1/tokens", "{\"name\": \"" + name + "\", \"expiresInDays\": 30}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value ->
                assertThat(value).contains("no-store"));
        JsonNode created = RunsApi.read(response.body());
        String id = created.get("id").asString();
        String token = created.get("token").asString();
        assertThat(token).matches("jn_[A-Za-z0-9_-]{43}");
        assertThat(created.get("prefix").asString()).isEqualTo(token.substring(3, 11));
        assertThat(created.get("name").asString()).isEqualTo(name);
        assertThat(OffsetDateTime.parse(created.get("expiresAt").asString()))
                .isBetween(OffsetDateTime.now().plusDays(29), OffsetDateTime.now().plusDays(31));
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(value ->
                assertThat(value).endsWith("/api/v1/tokens/" + id));

        ApiClient withToken = bearer(token);
        HttpResponse<String> workflows = withToken.get("/api/v1/workflows");
        assertThat(workflows.statusCode()).as(workflows.body()).isEqualTo(200);
        HttpResponse<String> made = withToken.post("/api/v1/workflows", "{\"name\": \"By token " + UUID.randomUUID()
                + "\"}");
        assertThat(made.statusCode()).as("a designer's token may do what a designer may").isEqualTo(201);
        assertThat(RunsApi.read(made.body()).get("createdBy").asString()).isEqualTo(DORA);
        assertThat(withToken.post("/api/v1/connections", "{}").statusCode()).as("but not more").isEqualTo(403);

        JsonNode listedToken = listed(dora, "/api/v1/tokens", id);
        assertThat(listedToken).isNotNull();
        assertThat(listedToken.get("name").asString()).isEqualTo(name);
        assertThat(listedToken.get("prefix").asString()).isEqualTo(token.substring(3, 11));
        assertThat(listedToken.get("owner").asString()).isEqualTo(DORA);
        assertThat(listedToken.get("state").asString()).isEqualTo("active");
        assertThat(listedToken.get("lastUsedAt").isNull()).as(listedToken.toString()).isFalse();
        assertThat(listedToken.has("token")).isFalse();
        String lastUsed = listedToken.get("lastUsedAt").asString();
        HttpResponse<String> list = withToken.get("/api/v1/tokens");
        assertThat(list.statusCode()).as("a token may list its owner's tokens").isEqualTo(200);
        assertThat(list.body()).doesNotContain(token).doesNotContain(ApiTokenFormat.hash(token))
                .doesNotContain(token.substring(3));
        assertThat(listed(dora, "/api/v1/tokens", id).get("lastUsedAt").asString())
                .as("last use is written at most once a minute").isEqualTo(lastUsed);

        assertThat(dora.delete("/api/v1/tokens/" + id).statusCode()).isEqualTo(204);
        assertRefused(withToken.get("/api/v1/workflows"));
        assertThat(dora.delete("/api/v1/tokens/" + id).statusCode()).as("revoking again changes nothing")
                .isEqualTo(204);
        JsonNode revoked = listed(dora, "/api/v1/tokens", id);
        assertThat(revoked.get("state").asString()).isEqualTo("revoked");
        assertThat(revoked.get("revokedAt").isNull()).isFalse();

        List<String> audit = db.fetch("select action || ' ' || actor || ' ' || details::text from audit_log"
                + " where entity_type = 'api_token' and entity_id = ? order by id", id).getValues(0, String.class);
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0)).startsWith("token.created " + DORA).contains(name);
        assertThat(audit.get(1)).startsWith("token.revoked " + DORA).contains(name);
        assertThat(String.join("\n", audit)).doesNotContain(token.substring(3)).doesNotContain(ApiTokenFormat.hash(token));
    }

    @Test
    void aViewersTokenCannotDoWhatAViewerCannot() {
        String token = create(vicky).get("token").asString();

        assertThat(bearer(token).get("/api/v1/workflows").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = bearer(token).post("/api/v1/workflows", "{\"name\": \"Viewer's\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(vicky.post("/api/v1/workflows", "{\"name\": \"Viewer's\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void expiredUnknownAndMalformedTokensAreRefusedAlikeAndNeverFail() {
        UserAccount owner = users.findByUsername(DORA).orElseThrow();
        String expired = ApiTokenFormat.newToken();
        tokenRepository.insert(owner.id(), "expired " + UUID.randomUUID(), ApiTokenFormat.hash(expired),
                ApiTokenFormat.prefix(expired), OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));

        assertRefused(bearer(expired).get("/api/v1/workflows"));
        assertRefused(bearer(ApiTokenFormat.newToken()).get("/api/v1/workflows"));
        assertRefused(bearer("").get("/api/v1/workflows"));
        assertRefused(bearer("jn_short").get("/api/v1/workflows"));
        assertRefused(bearer("jn_" + "x".repeat(4_000)).get("/api/v1/workflows"));
        assertRefused(bearer("jn_" + "\u00e9".repeat(43)).get("/api/v1/workflows"));
        assertThat(RunsApi.read(bearer(expired).get("/api/v1/workflows").body()).get("detail").asString())
                .as("the answer does not say why")
                .isEqualTo(RunsApi.read(bearer(ApiTokenFormat.newToken()).get("/api/v1/workflows").body())
                        .get("detail").asString());
        assertThat(listed(dora, "/api/v1/tokens", tokenRepository.findByHash(ApiTokenFormat.hash(expired))
                .orElseThrow().id().toString()).get("state").asString()).isEqualTo("expired");
    }

    @Test
    void aDisabledUsersTokenIsRefused() {
        ApiClient erin = user(ERIN, Role.OPERATOR);
        String token = create(erin).get("token").asString();
        assertThat(bearer(token).get("/api/v1/workflows").statusCode()).isEqualTo(200);

        db.execute("update users set enabled = false where username = ?", ERIN);
        try {
            assertRefused(bearer(token).get("/api/v1/workflows"));
        } finally {
            db.execute("update users set enabled = true where username = ?", ERIN);
        }
        assertThat(bearer(token).get("/api/v1/workflows").statusCode()).as("enabled again").isEqualTo(200);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndCreatesNothing() {
        int before = RunsApi.read(dora.get("/api/v1/tokens").body()).size();
        String taken = "Taken " + UUID.randomUUID();
        create(dora, "{\"name\": \"" + taken + "\"}");

        assertProblemNames(dora.post("/api/v1/tokens", "{\"name\": \"  \"}"), 400, "name");
        assertProblemNames(dora.post("/api/v1/tokens", "{}"), 400, "name");
        assertProblemNames(dora.post("/api/v1/tokens", "{\"name\": \"" + "n".repeat(81) + "\"}"), 400, "name");
        assertProblemNames(dora.post("/api/v1/tokens", "{\"name\": \"" + taken.toUpperCase() + "\"}"), 409, "name");
        assertProblemNames(dora.post("/api/v1/tokens", "{\"name\": \"past\", \"expiresAt\": \""
                + OffsetDateTime.now(ZoneOffset.UTC).minusDays(1) + "\"}"), 400, "expiresAt");
        assertProblemNames(dora.post("/api/v1/tokens", "{\"name\": \"far\", \"expiresAt\": \""
                + OffsetDateTime.now(ZoneOffset.UTC).plusDays(366) + "\"}"), 400, "expiresAt");
        assertProblemNames(dora.post("/api/v1/tokens", "{\"name\": \"odd\", \"expiresAt\": \"next week\"}"), 400,
                "expiresAt");
        assertProblemNames(dora.post("/api/v1/tokens", "{\"name\": \"zero\", \"expiresInDays\": 0}"), 400,
                "expiresInDays");
        assertProblemNames(dora.post("/api/v1/tokens", "{\"name\": \"long\", \"expiresInDays\": 366}"), 400,
                "expiresInDays");
        assertProblemNames(dora.post("/api/v1/tokens", "{\"name\": \"both\", \"expiresInDays\": 3, \"expiresAt\": \""
                + OffsetDateTime.now(ZoneOffset.UTC).plusDays(3) + "\"}"), 400, "expiresAt");
        assertProblemNames(dora.post("/api/v1/tokens", "{\"name\": \"x\", \"scopes\": []}"), 400, "scopes");
        assertThat(RunsApi.read(dora.get("/api/v1/tokens").body()).size()).isEqualTo(before + 1);

        JsonNode inAYear = create(dora, "{\"name\": \"year " + UUID.randomUUID() + "\", \"expiresAt\": \""
                + OffsetDateTime.now(ZoneOffset.UTC).plusDays(364) + "\"}");
        assertThat(inAYear.get("expiresAt").isNull()).isFalse();
        assertThat(create(dora).get("expiresAt").isNull()).as("no expiry asked, none set").isTrue();
    }

    @Test
    void onlyTheOwnerOrAnAdminSeesAndRevokesAToken() {
        JsonNode created = create(dora);
        String id = created.get("id").asString();
        String token = created.get("token").asString();

        assertThat(vicky.delete("/api/v1/tokens/" + id).statusCode()).isEqualTo(404);
        assertThat(vicky.get("/api/v1/tokens?user=" + DORA).statusCode()).isEqualTo(403);
        assertThat(listed(vicky, "/api/v1/tokens", id)).isNull();
        assertThat(bearer(token).get("/api/v1/workflows").statusCode()).as("still in force").isEqualTo(200);

        assertThat(listed(admin, "/api/v1/tokens?user=" + DORA, id)).isNotNull();
        assertThat(admin.get("/api/v1/tokens?user=nobody").statusCode()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/tokens/" + id).statusCode()).isEqualTo(204);
        assertRefused(bearer(token).get("/api/v1/workflows"));
        assertThat(db.fetchValue("select actor from audit_log where action = 'token.revoked' and entity_id = ?", id))
                .isEqualTo("admin");
        assertThat(admin.delete("/api/v1/tokens/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void aTokenCannotCreateTokens() {
        String token = create(dora).get("token").asString();

        HttpResponse<String> refused = bearer(token).post("/api/v1/tokens", "{\"name\": \"longer-lived\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(RunsApi.read(refused.body()).get("detail").asString()).contains("password");
    }

    @Test
    void theDatabaseHoldsNoTokenInClear() {
        String token = create(dora).get("token").asString();
        bearer(token).get("/api/v1/workflows");
        String randomPart = token.substring(3);

        List<String> tables = db.fetch("select table_name from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE'").getValues(0, String.class);
        assertThat(tables).contains("api_tokens", "audit_log");
        for (String table : tables) {
            Integer hits = db.fetchOne("select count(*)::int from \"" + table + "\" t where t::text like ?",
                    "%" + randomPart.substring(0, 20) + "%").get(0, Integer.class);
            assertThat(hits).as(table).isZero();
        }
        assertThat(db.fetchOne("select count(*)::int from api_tokens where token_hash = ?", ApiTokenFormat.hash(token))
                .get(0, Integer.class)).isEqualTo(1);
    }

    @Test
    void webhookSecretsAreNotApiTokensAndApiTokensOpenNoWebhook() throws Exception {
        RunsApi runs = new RunsApi(admin);
        String workflow = runs.published("Token-guarded hook " + UUID.randomUUID(), WEBHOOK_WORKFLOW);
        String url = RunsApi.read(admin.get("/api/v1/workflows/" + workflow + "/webhook").body()).get("url").asString();
        String secret = url.substring(url.lastIndexOf('/') + 1);

        assertRefused(bearer(secret).get("/api/v1/workflows"));
        assertRefused(bearer(workflow + "/" + secret).get("/api/v1/workflows"));

        String token = create(admin).get("token").asString();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> hook = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hooks/"
                        + workflow + "/" + token)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hook.statusCode()).isEqualTo(404);
        HttpResponse<String> hookWithBearer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/hooks/" + workflow + "/not-the-secret")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hookWithBearer.statusCode()).as("a token in the header opens no webhook either").isEqualTo(404);
        assertThat(RunsApi.read(admin.get("/api/v1/runs?workflowId=" + workflow).body()).get("items")).isEmpty();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theReasonOfARefusalGoesToTheDebugLogWithoutTheToken(CapturedOutput output) {
        JsonNode created = create(dora);
        String token = created.get("token").asString();
        dora.delete("/api/v1/tokens/" + created.get("id").asString());
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel(ApiTokenService.class.getName(), LogLevel.DEBUG);
        try {
            assertRefused(bearer(token).get("/api/v1/workflows"));
        } finally {
            logging.setLogLevel(ApiTokenService.class.getName(), null);
        }

        assertThat(output.getOut()).contains("API token " + created.get("id").asString() + " of " + DORA + " was revoked")
                .doesNotContain(token.substring(3));
    }
}
