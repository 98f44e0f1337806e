package dev.junction.backend.sandbox;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulators inside the app under {@code /sandbox/…}: reached without login, their controls too, and the
 * sandbox connections point at the app itself; no standalone sandbox port unless asked for.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxMountTest {

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void aRequestThroughTheMountReachesTheSimulatorWithoutLoginOrSession() {
        ApiClient anonymous = ApiClient.anonymous(port);

        HttpResponse<String> unauthorised = anonymous.get("/sandbox/opayo/api/v1/transactions/NO-SUCH");
        HttpResponse<String> lwa = anonymous.send("POST", "/sandbox/amazon/auth/o2/token",
                "grant_type=refresh_token&refresh_token=nope&client_id=nope&client_secret=nope",
                "application/x-www-form-urlencoded");
        HttpResponse<String> unknown = anonymous.get("/sandbox/nowhere/x");
        HttpResponse<String> listing = anonymous.get("/sandbox/");

        assertThat(unauthorised.statusCode()).as(unauthorised.body()).isEqualTo(401);
        assertThat(unauthorised.body()).contains("\"code\":1001").contains("Authentication value missing");
        assertThat(unauthorised.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(lwa.statusCode()).as(lwa.body()).isEqualTo(401);
        assertThat(lwa.body()).contains("invalid_client");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no sandbox simulator");
        // links are answered with the address the client used
        assertThat(listing.body()).contains("http://localhost:" + port + "/sandbox/dataverse");
    }

    @Test
    void theControlsWorkThroughTheMount() {
        ApiClient anonymous = ApiClient.anonymous(port);
        anonymous.post("/sandbox/opayo/_sandbox/reset", null);

        HttpResponse<String> profile = anonymous.send("PUT", "/sandbox/opayo/_sandbox/faults/profile",
                "{\"rate5xx\": 1, \"operations\": [\"getTransaction\"], \"seed\": 1}", "application/json");
        HttpResponse<String> failed = anonymous.get("/sandbox/opayo/api/v1/transactions/NO-SUCH");
        HttpResponse<String> counters = anonymous.get("/sandbox/opayo/_sandbox/counters");
        HttpResponse<String> badProfile = anonymous.send("PUT", "/sandbox/opayo/_sandbox/faults/profile",
                "{\"rate429\": -1}", "application/json");
        anonymous.delete("/sandbox/opayo/_sandbox/faults/profile");

        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        assertThat(failed.statusCode()).isEqualTo(503);
        JsonNode seen = RunsApi.read(counters.body());
        assertThat(seen.get("requests").get("getTransaction").asLong()).isEqualTo(1);
        assertThat(seen.get("faultsInjected").asLong()).isEqualTo(1);
        assertThat(badProfile.statusCode()).isEqualTo(400);
        assertThat(badProfile.body()).contains("rate429");
    }

    @Test
    void theSandboxConnectionsPointAtTheAppAndNoStandalonePortIsOpened() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        String app = "http://127.0.0.1:" + port + "/sandbox";

        JsonNode amazon = RunsApi.read(admin.get("/api/v1/connections/amazon-sp-api-sandbox").body());
        JsonNode dataverse = RunsApi.read(admin.get("/api/v1/connections/dataverse-sandbox").body());
        JsonNode opayo = RunsApi.read(admin.get("/api/v1/connections/opayo-pi-sandbox").body());

        assertThat(amazon.get("settings").get("endpoint").asString()).isEqualTo(app + "/amazon");
        assertThat(amazon.get("settings").get("lwaTokenUrl").asString()).isEqualTo(app + "/amazon/auth/o2/token");
        assertThat(dataverse.get("settings").get("organizationUrl").asString()).isEqualTo(app + "/dataverse");
        assertThat(opayo.get("settings").get("reportingUrl").asString())
                .isEqualTo(app + "/opayo/access/access.htm");
        assertThat(context.getBeansOfType(dev.junction.connectors.sandbox.SandboxServer.class)).isEmpty();
    }
}
