package dev.junction.backend.sandbox;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.connectors.sandbox.SandboxControls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulators inside the app under {@code /sandbox/…}: their APIs reached without login, their controls changed
 * only by an ADMIN or with the sandbox control token, latency bounded; the sandbox connections point at the app
 * itself; no standalone sandbox port unless asked for.
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
    void theControlsWorkThroughTheMountForAnAdmin() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        ApiClient anonymous = ApiClient.anonymous(port);
        admin.post("/sandbox/opayo/_sandbox/reset", null);

        HttpResponse<String> profile = admin.send("PUT", "/sandbox/opayo/_sandbox/faults/profile",
                "{\"rate5xx\": 1, \"operations\": [\"getTransaction\"], \"seed\": 1}", "application/json");
        HttpResponse<String> failed = anonymous.get("/sandbox/opayo/api/v1/transactions/NO-SUCH");
        HttpResponse<String> counters = anonymous.get("/sandbox/opayo/_sandbox/counters");
        HttpResponse<String> badProfile = admin.send("PUT", "/sandbox/opayo/_sandbox/faults/profile",
                "{\"rate429\": -1}", "application/json");
        admin.delete("/sandbox/opayo/_sandbox/faults/profile");

        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        assertThat(failed.statusCode()).isEqualTo(503);
        JsonNode seen = RunsApi.read(counters.body());
        assertThat(seen.get("requests").get("getTransaction").asLong()).isEqualTo(1);
        assertThat(seen.get("faultsInjected").asLong()).isEqualTo(1);
        assertThat(badProfile.statusCode()).isEqualTo(400);
        assertThat(badProfile.body()).contains("rate429");
    }

    @Test
    void everyControlIsUnderTheOnePrefixAndTheOldPathsAreNotServed() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        ApiClient anonymous = ApiClient.anonymous(port);
        String order = "{\"items\": [{\"sku\": \"JN-MUG-001\", \"quantity\": 1}]}";

        HttpResponse<String> oldOrders = admin.post("/sandbox/amazon/_simulator/orders", order);
        HttpResponse<String> oldScenario = admin.get("/sandbox/amazon/_simulator/reconciliation-scenario");
        HttpResponse<String> oldBatches = anonymous.post("/sandbox/opayo/sandbox/batches", null);
        HttpResponse<String> oldNotification = anonymous.post("/sandbox/opayo/sandbox/server-notifications", "{}");
        // served at the new paths (answers that change nothing in the simulators other tests share)
        HttpResponse<String> orders = admin.get("/sandbox/amazon/_sandbox/orders");
        HttpResponse<String> notification = admin.post("/sandbox/opayo/_sandbox/server-notifications", "{}");

        for (HttpResponse<String> old : List.of(oldOrders, oldScenario, oldBatches, oldNotification)) {
            assertThat(old.statusCode()).as(old.request().uri() + ": " + old.body()).isEqualTo(404);
        }
        assertThat(orders.statusCode()).as(orders.body()).isEqualTo(405);
        assertThat(orders.body()).contains("simulator controls take POST");
        assertThat(notification.statusCode()).as(notification.body()).isEqualTo(400);
        assertThat(notification.body()).contains("transactionId").contains("notificationUrl");
    }

    @Test
    void changingTheSandboxNeedsAnAdminOrTheControlToken() throws Exception {
        ApiClient anonymous = ApiClient.anonymous(port);
        // a user that does not exist (a wrong admin password would count towards the admin's lockout)
        ApiClient unknownUser = ApiClient.anonymous(port).as("no-such-user", "not-a-password");
        String latency = "{\"latencyMillis\": 5}";

        for (String[] control : new String[][] {{"PUT", "/sandbox/shop/_sandbox/faults/profile", latency},
                {"POST", "/sandbox/opayo/_sandbox/faults", "{\"operation\": \"getTransaction\"}"},
                {"DELETE", "/sandbox/dataverse/_sandbox/counters", null},
                {"POST", "/sandbox/amazon/_sandbox/reset", null},
                {"POST", "/sandbox/amazon/_sandbox/tokens/expire", "{}"},
                {"POST", "/sandbox/opayo/_sandbox/server-notifications", "{}"},
                {"POST", "/sandbox/opayo/%5Fsandbox/reset", null}}) {
            HttpResponse<String> refused = anonymous.send(control[0], control[1], control[2], "application/json");
            assertThat(refused.statusCode()).as(control[1] + ": " + refused.body()).isEqualTo(401);
        }
        assertThat(unknownUser.send("PUT", "/sandbox/shop/_sandbox/faults/profile", latency, "application/json")
                .statusCode()).isEqualTo(401);
        HttpResponse<String> wrongToken = withToken("PUT", "/sandbox/shop/_sandbox/faults/profile", latency,
                "not-the-sandbox-control-token");
        HttpResponse<String> byToken = withToken("PUT", "/sandbox/shop/_sandbox/faults/profile", latency,
                "test-sandbox-control-token");
        HttpResponse<String> read = anonymous.get("/sandbox/shop/_sandbox/faults/profile");
        HttpResponse<String> tooSlow = withToken("PUT", "/sandbox/shop/_sandbox/faults/profile",
                "{\"latencyMillis\": 45000}", "test-sandbox-control-token");
        HttpResponse<String> tooLongADelay = withToken("POST", "/sandbox/shop/_sandbox/faults",
                "{\"operation\": \"listOrders\", \"delayMillis\": 3600000}", "test-sandbox-control-token");
        withToken("DELETE", "/sandbox/shop/_sandbox/faults/profile", null, "test-sandbox-control-token");

        assertThat(wrongToken.statusCode()).as(wrongToken.body()).isEqualTo(401);
        assertThat(byToken.statusCode()).as(byToken.body()).isEqualTo(200);
        assertThat(read.statusCode()).as("reading is open").isEqualTo(200);
        assertThat(read.body()).contains("\"latencyMillis\":5");
        assertThat(tooSlow.statusCode()).isEqualTo(400);
        assertThat(tooSlow.body()).contains("latencyMillis").contains("10000");
        assertThat(tooLongADelay.statusCode()).isEqualTo(400);
        assertThat(tooLongADelay.body()).contains("delayMillis");
    }

    private HttpResponse<String> withToken(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(SandboxControls.TOKEN_HEADER, token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
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
