package dev.junction.backend.connections;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings of an HTTP connection that every call would refuse are refused when the connection is saved, naming the
 * setting: the connector's own check of its settings runs at save, not first at the first call.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpConnectionSettingsApiTest {

    @LocalServerPort
    int port;
    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
    }

    private HttpResponse<String> save(String id, String settings) {
        return admin.post("/api/v1/connections", """
                {"id": "%s", "name": "HTTP %s", "connectorId": "http", "environment": "sandbox", "settings": %s}"""
                .formatted(id, id, settings));
    }

    private static String id() {
        return "http-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void refused(String settings, String field, String words) {
        String id = id();
        HttpResponse<String> response = save(id, settings);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = RunsApi.read(response.body());
        assertThat(problem.get("errors").findValues("field").stream().map(JsonNode::asString)).as(response.body())
                .contains(field);
        assertThat(problem.get("detail").asString()).contains(words);
        assertThat(admin.get("/api/v1/connections/" + id).statusCode()).as("nothing was saved").isEqualTo(404);
    }

    @Test
    void aSettingOfAnotherAuthenticationKindIsNeitherRequiredNorChecked() {
        // tokenUrl depends on authKind oauth2ClientCredentials (x-dependsOn): with none it is not a URL to check
        String id = id();
        HttpResponse<String> saved = save(id, "{\"baseUrl\": \"http://localhost/api\", \"authKind\": \"none\","
                + " \"tokenUrl\": \"not a url\"}");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        refused("{\"baseUrl\": \"http://localhost/api\", \"authKind\": \"oauth2ClientCredentials\","
                + " \"tokenUrl\": \"not a url\", \"clientId\": \"c\"}", "settings.tokenUrl", "http or https URL");
    }

    @Test
    void settingsEveryCallWouldRefuseAreRefusedAtSaveNamingTheSetting() {
        refused("{\"baseUrl\": \"https://user:pass@localhost/api\"}", "settings.baseUrl", "user name or password");
        refused("{\"baseUrl\": \"http://localhost/api\", \"defaultHeaders\": \"Host: elsewhere\"}",
                "settings.defaultHeaders", "Host");
        refused("{\"baseUrl\": \"http://localhost/api\", \"defaultHeaders\": \"Content-Length: 5\"}",
                "settings.defaultHeaders", "Content-Length");
        refused("{\"baseUrl\": \"http://localhost/api\", \"defaultHeaders\": \"X-Tenant: a\\rX-Injected: 1\"}",
                "settings.defaultHeaders", "line break");
        refused("{\"baseUrl\": \"http://localhost/api\", \"idempotencyKeyHeader\": \"Transfer-Encoding\"}",
                "settings.idempotencyKeyHeader", "Transfer-Encoding");
        refused("{\"baseUrl\": \"http://localhost/api\", \"authKind\": \"oauth2ClientCredentials\","
                + " \"tokenUrl\": \"https://id:secret@localhost/token\", \"clientId\": \"c\"}",
                "settings.tokenUrl", "user name or password");
        refused("{\"baseUrl\": \"http://localhost/api\", \"authKind\": \"basic\"}", "settings.username", "required");
        // a refused choice names the allowed values as the form shows them: words, then the value
        refused("{\"baseUrl\": \"http://localhost/api\", \"authKind\": \"kerberos\"}", "settings.authKind",
                "must be one of [No authentication (none), User name and password (HTTP Basic) (basic),");
    }

    @Test
    void goodSettingsAreSavedAndAPutIsCheckedAlike() {
        String id = id();
        HttpResponse<String> saved = save(id, "{\"baseUrl\": \"http://localhost/api\","
                + " \"defaultHeaders\": \"X-Tenant: acme\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);

        HttpResponse<String> changed = admin.send("PUT", "/api/v1/connections/" + id, """
                {"name": "HTTP %s", "environment": "sandbox",
                 "settings": {"baseUrl": "http://localhost/api", "defaultHeaders": "Host: elsewhere"}}"""
                .formatted(id));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(400);
        assertThat(changed.body()).contains("settings.defaultHeaders");
    }
}
