package dev.junction.connectors.sandbox;

import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.dataverse.sandbox.DataverseSimulator;
import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.opayo.sandbox.SandboxCards;
import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault profile and the counters of the simulators, over real HTTP as a person trying a workflow (or a client
 * that does not keep to the rules) would use them.
 */
class SandboxFaultsAndCountersTest {

    private static final SpApiSimulator AMAZON = new SpApiSimulator();
    private static final OpayoSimulator OPAYO = new OpayoSimulator();
    private static final DataverseSimulator DATAVERSE = new DataverseSimulator();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SandboxServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(0, List.of(AMAZON, OPAYO, DATAVERSE));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() throws Exception {
        for (Simulator simulator : server.simulators()) {
            assertThat(send(simulator, "POST", "/_sandbox/reset", "").statusCode()).isEqualTo(204);
        }
    }

    private static HttpResponse<String> send(Simulator simulator, String method, String path, String body)
            throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.url(simulator) + path))
                .header(SandboxControls.TOKEN_HEADER, server.controlToken()), method, body);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String method, String body)
            throws Exception {
        return HTTP.send(request.method(method, body == null || body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void controlsThatChangeStateNeedTheTokenAndLatencyIsBounded() throws Exception {
        String profile = "{\"latencyMillis\": 5}";
        for (String[] control : new String[][] {{"PUT", "/_sandbox/faults/profile", profile},
                {"POST", "/_sandbox/faults", "{\"operation\": \"getOrder\"}"}, {"DELETE", "/_sandbox/counters", ""},
                {"POST", "/_sandbox/reset", ""}, {"POST", "/_sandbox/tokens/expire", "{}"}}) {
            HttpResponse<String> none = send(HttpRequest.newBuilder(URI.create(server.url(AMAZON) + control[1])),
                    control[0], control[2]);
            HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(server.url(AMAZON) + control[1]))
                    .header(SandboxControls.TOKEN_HEADER, "x" + server.controlToken()), control[0], control[2]);
            assertThat(none.statusCode()).as(control[1] + " " + none.body()).isEqualTo(401);
            assertThat(none.body()).contains(SandboxControls.TOKEN_HEADER);
            assertThat(wrong.statusCode()).as(control[1]).isEqualTo(401);
        }
        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(server.url(AMAZON)
                + "/_sandbox/counters")), "GET", null);
        HttpResponse<String> tooSlow = send(AMAZON, "PUT", "/_sandbox/faults/profile", "{\"latencyMillis\": 10001}");
        HttpResponse<String> tooLongJitter = send(AMAZON, "PUT", "/_sandbox/faults/profile",
                "{\"latencyJitterMillis\": 3600000}");
        HttpResponse<String> tooLongHeld = send(AMAZON, "PUT", "/_sandbox/faults/profile",
                "{\"timeoutMillis\": 120001}");
        HttpResponse<String> tooLongADelay = send(AMAZON, "POST", "/_sandbox/faults",
                "{\"operation\": \"getOrder\", \"delayMillis\": 10001}");
        HttpResponse<String> longest = send(AMAZON, "PUT", "/_sandbox/faults/profile",
                "{\"latencyMillis\": 10000, \"operations\": [\"none\"]}");

        assertThat(read.statusCode()).as("reading is open").isEqualTo(200);
        assertThat(tooSlow.statusCode()).isEqualTo(400);
        assertThat(tooSlow.body()).contains("latencyMillis").contains("10000");
        assertThat(tooLongJitter.statusCode()).isEqualTo(400);
        assertThat(tooLongJitter.body()).contains("latencyJitterMillis");
        assertThat(tooLongHeld.statusCode()).isEqualTo(400);
        assertThat(tooLongHeld.body()).contains("timeoutMillis").contains("120000");
        assertThat(tooLongADelay.statusCode()).isEqualTo(400);
        assertThat(tooLongADelay.body()).contains("delayMillis");
        assertThat(longest.statusCode()).isEqualTo(200);
    }

    private static Map<?, ?> json(HttpResponse<String> response) {
        return (Map<?, ?>) PayloadJson.read(response.body());
    }

    /** Statuses of {@code count} unauthenticated getOrder calls (403 when no fault is drawn). */
    private static List<Integer> getOrderStatuses(int count) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(send(AMAZON, "GET", "/orders/v0/orders/902-3159896-1390916", null).statusCode());
        }
        return statuses;
    }

    @Test
    void aSeededProfileAnswersAboutItsShareOf429sInTheApisOwnEnvelopeAndTheSameOnesEveryTime() throws Exception {
        String profile = "{\"rate429\": 0.1, \"seed\": 42}";
        assertThat(send(AMAZON, "PUT", "/_sandbox/faults/profile", profile).statusCode()).isEqualTo(200);

        List<Integer> first = getOrderStatuses(200);
        send(AMAZON, "PUT", "/_sandbox/faults/profile", profile);
        List<Integer> second = getOrderStatuses(200);
        HttpResponse<String> throttled;
        int untilThrottled = 0;
        do {
            untilThrottled++;
            throttled = send(AMAZON, "GET", "/orders/v0/orders/902-3159896-1390916", null);
        } while (throttled.statusCode() != 429);

        long tooMany = first.stream().filter(status -> status == 429).count();
        assertThat(tooMany).isBetween(10L, 32L);
        assertThat(first).containsOnly(429, 403);
        assertThat(second).isEqualTo(first);
        assertThat(((Map<?, ?>) ((List<?>) json(throttled).get("errors")).getFirst()).get("code"))
                .isEqualTo("QuotaExceeded");
        Map<?, ?> counters = json(send(AMAZON, "GET", "/_sandbox/counters", null));
        assertThat(((Map<?, ?>) counters.get("requests")).get("getOrder")).isEqualTo(400L + untilThrottled);
        assertThat(counters.get("faultsInjected")).isEqualTo(2 * tooMany + 1);
        assertThat(counters.get("rateLimitViolations")).isEqualTo(0L);
    }

    @Test
    void latencyIsAddedAndA5xxShareAnswersInTheApisEnvelope() throws Exception {
        send(OPAYO, "PUT", "/_sandbox/faults/profile", "{\"latencyMillis\": 150, \"latencyJitterMillis\": 20}");
        long started = System.nanoTime();
        HttpResponse<String> slow = send(OPAYO, "GET", "/api/v1/transactions/NO-SUCH", null);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        send(OPAYO, "PUT", "/_sandbox/faults/profile", "{\"rate5xx\": 1, \"status5xx\": 502}");
        HttpResponse<String> failed = send(OPAYO, "GET", "/api/v1/transactions/NO-SUCH", null);

        assertThat(tookMillis).isGreaterThanOrEqualTo(150);
        assertThat(slow.statusCode()).isEqualTo(401);
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(json(failed).get("code")).isEqualTo(502L);
        assertThat(OPAYO.counters().faultsInjected()).isEqualTo(1);
        assertThat(OPAYO.counters().requests("getTransaction")).isEqualTo(2);
    }

    @Test
    void aTimeoutHoldsTheAnswerAndTheProfileKeepsToItsOperations() throws Exception {
        send(AMAZON, "PUT", "/_sandbox/faults/profile",
                "{\"timeoutRate\": 1, \"timeoutMillis\": 2000, \"operations\": [\"getOrder\"]}");

        HttpResponse<String> other = send(AMAZON, "GET", "/orders/v0/orders/902-3159896-1390916/orderItems", null);
        Exception timeout = null;
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(server.url(AMAZON) + "/orders/v0/orders/902-3159896-1390916"))
                    .timeout(Duration.ofMillis(300)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            timeout = e;
        }

        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(timeout).isNotNull();
        assertThat(json(send(AMAZON, "GET", "/_sandbox/faults/profile", null)).get("operations"))
                .isEqualTo(List.of("getOrder"));
        assertThat(send(AMAZON, "DELETE", "/_sandbox/faults/profile", null).statusCode()).isEqualTo(204);
        assertThat(send(AMAZON, "GET", "/_sandbox/faults/profile", null).statusCode()).isEqualTo(404);
        assertThat(send(AMAZON, "GET", "/orders/v0/orders/902-3159896-1390916", null).statusCode()).isEqualTo(403);
    }

    @Test
    void aBadProfileIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        send(OPAYO, "PUT", "/_sandbox/faults/profile", "{\"rate429\": 0.2}");

        HttpResponse<String> tooHigh = send(OPAYO, "PUT", "/_sandbox/faults/profile", "{\"rate5xx\": 1.5}");
        HttpResponse<String> unknown = send(OPAYO, "PUT", "/_sandbox/faults/profile", "{\"rate500\": 0.5}");

        assertThat(tooHigh.statusCode()).isEqualTo(400);
        assertThat(tooHigh.body()).contains("rate5xx").contains("from 0 to 1");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("rate500");
        assertThat(OPAYO.faults().profile().orElseThrow().rate429()).isEqualTo(0.2);
    }

    @Test
    void aClientIgnoringTheSpApiRateLimitIsCounted() throws Exception {
        String token = amazonToken();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            statuses.add(send(HttpRequest.newBuilder(URI.create(server.url(AMAZON)
                    + "/orders/v0/orders?MarketplaceIds=" + SpApiSimulator.MARKETPLACE_US
                    + "&CreatedAfter=2020-01-01T00:00:00Z")).header("x-amz-access-token", token), "GET", null)
                    .statusCode());
        }

        long refused = statuses.stream().filter(status -> status == 429).count();
        assertThat(refused).isGreaterThanOrEqualTo(3);
        Map<?, ?> counters = json(send(AMAZON, "GET", "/_sandbox/counters", null));
        assertThat(counters.get("rateLimitViolations")).isEqualTo(refused);
        assertThat(counters.get("requests")).isEqualTo(Map.of("getOrders", 24L, "token", 1L));
        assertThat(counters.get("faultsInjected")).isEqualTo(0L);
    }

    @Test
    void aDataverseCallerOverTheServiceProtectionLimitIsCounted() throws Exception {
        DATAVERSE.limitRequests(3, Duration.ofMinutes(5));
        String token = dataverseToken();

        int refused = 0;
        for (int i = 0; i < 5; i++) {
            refused += send(HttpRequest.newBuilder(URI.create(server.url(DATAVERSE) + "/api/data/v9.2/WhoAmI"))
                    .header("Authorization", "Bearer " + token), "GET", null).statusCode() == 429 ? 1 : 0;
        }

        assertThat(refused).isEqualTo(2);
        assertThat(DATAVERSE.counters().rateLimitViolations()).isEqualTo(2);
        assertThat(DATAVERSE.counters().requests("GET WhoAmI")).isEqualTo(5);
    }

    @Test
    void anOpayoClientSendingTheSameVendorTxCodeTwiceIsCountedAsADuplicateSideEffect() throws Exception {
        HttpResponse<String> first = opayoPayment("dup-order-1");
        HttpResponse<String> again = opayoPayment("dup-order-1");
        HttpResponse<String> other = opayoPayment("dup-order-2");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("4001");
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(json(send(OPAYO, "GET", "/_sandbox/counters", null)).get("duplicateSideEffects")).isEqualTo(1L);
        assertThat(OPAYO.transactionsWithVendorTxCode("dup-order-1")).isEqualTo(1);

        assertThat(send(OPAYO, "POST", "/_sandbox/reset", null).statusCode()).isEqualTo(204);
        assertThat(json(send(OPAYO, "GET", "/_sandbox/counters", null))).isEqualTo(Map.of("requests", Map.of(),
                "rateLimitViolations", 0L, "duplicateSideEffects", 0L, "faultsInjected", 0L));
    }

    @Test
    void anAmazonClientCreatingTheSameFulfillmentOrderTwiceIsCounted() throws Exception {
        String token = amazonToken();
        String order = """
                {"sellerFulfillmentOrderId": "DUP-1", "displayableOrderId": "DUP-1",
                 "displayableOrderDate": "2026-01-05T10:00:00Z", "displayableOrderComment": "Thanks",
                 "shippingSpeedCategory": "Standard",
                 "destinationAddress": {"name": "Ada", "addressLine1": "1 Row", "city": "London",
                                        "postalCode": "N1 1AA", "countryCode": "GB"},
                 "items": [{"sellerSku": "JN-MUG-001", "sellerFulfillmentOrderItemId": "l1", "quantity": 1}]}""";
        HttpRequest.Builder create = HttpRequest.newBuilder(URI.create(server.url(AMAZON)
                + "/fba/outbound/2020-07-01/fulfillmentOrders")).header("x-amz-access-token", token)
                .header("Content-Type", "application/json");

        HttpResponse<String> first = send(create, "POST", order);
        HttpResponse<String> again = send(create, "POST", order);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(AMAZON.counters().duplicateSideEffects()).isEqualTo(1);
        assertThat(AMAZON.fulfillmentOrderCount()).isEqualTo(1);
    }

    @Test
    void aDataverseClientCreatingASecondContactWithTheSameEmailIsCounted() throws Exception {
        String token = dataverseToken();
        HttpRequest.Builder create = HttpRequest.newBuilder(URI.create(server.url(DATAVERSE)
                + "/api/data/v9.2/contacts")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");

        HttpResponse<String> first = send(create, "POST", "{\"firstname\": \"Ada\", \"lastname\": \"Lovelace\","
                + " \"emailaddress1\": \"ada.dup@example.com\"}");
        HttpResponse<String> second = send(create, "POST", "{\"firstname\": \"Ada\", \"lastname\": \"Lovelace\","
                + " \"emailaddress1\": \"ADA.DUP@example.com\"}");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(204);
        assertThat(second.statusCode()).isEqualTo(204);
        assertThat(DATAVERSE.counters().duplicateSideEffects()).isEqualTo(1);
    }

    @Test
    void anAnswerDroppedAfterTheSideEffectLeavesTheSideEffectDone() throws Exception {
        send(OPAYO, "PUT", "/_sandbox/faults/profile", "{\"dropAfterSideEffectRate\": 1}");

        HttpResponse<String> lost = opayoPayment("dropped-1");

        assertThat(lost.statusCode()).isEqualTo(500);
        assertThat(OPAYO.transactionsWithVendorTxCode("dropped-1")).isEqualTo(1);
        assertThat(OPAYO.counters().faultsInjected()).isEqualTo(1);
        assertThat(OPAYO.counters().duplicateSideEffects()).isZero();
    }

    private static String amazonToken() throws Exception {
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(server.url(AMAZON) + "/auth/o2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded"), "POST",
                "grant_type=refresh_token&refresh_token=" + encode(SpApiSimulator.REFRESH_TOKEN)
                        + "&client_id=" + encode(SpApiSimulator.CLIENT_ID)
                        + "&client_secret=" + encode(SpApiSimulator.CLIENT_SECRET));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return (String) json(token).get("access_token");
    }

    private static String dataverseToken() throws Exception {
        String base = server.url(DATAVERSE);
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(base + "/"
                        + DataverseSimulator.TENANT_ID + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded"), "POST",
                "grant_type=client_credentials&client_id=" + DataverseSimulator.CLIENT_ID
                        + "&client_secret=" + encode(DataverseSimulator.CLIENT_SECRET)
                        + "&scope=" + encode(base + "/.default"));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return (String) json(token).get("access_token");
    }

    /** A payment of an authorised sandbox card straight over HTTP: session key, card identifier, transaction. */
    private static HttpResponse<String> opayoPayment(String vendorTxCode) throws Exception {
        String api = server.url(OPAYO) + "/api/v1";
        String basic = "Basic " + Base64.getEncoder().encodeToString((OpayoSimulator.INTEGRATION_KEY + ":"
                + OpayoSimulator.INTEGRATION_PASSWORD).getBytes(StandardCharsets.UTF_8));
        Map<?, ?> key = json(send(HttpRequest.newBuilder(URI.create(api + "/merchant-session-keys"))
                .header("Authorization", basic), "POST", "{\"vendorName\": \"" + OpayoSimulator.VENDOR_NAME + "\"}"));
        String sessionKey = (String) key.get("merchantSessionKey");
        Map<?, ?> card = json(send(HttpRequest.newBuilder(URI.create(api + "/card-identifiers"))
                .header("Authorization", "Bearer " + sessionKey), "POST", "{\"cardDetails\": {\"cardholderName\":"
                + " \"Ada Lovelace\", \"cardNumber\": \"" + SandboxCards.AUTHORISED + "\", \"expiryDate\": \"1230\","
                + " \"securityCode\": \"123\"}}"));
        return send(HttpRequest.newBuilder(URI.create(api + "/transactions")).header("Authorization", basic), "POST",
                """
                {"transactionType": "Payment", "vendorTxCode": "%s", "amount": 1000, "currency": "GBP",
                 "description": "Order", "customerFirstName": "Ada", "customerLastName": "Lovelace",
                 "billingAddress": {"address1": "1 Row", "city": "London", "postalCode": "N1 1AA", "country": "GB"},
                 "paymentMethod": {"card": {"merchantSessionKey": "%s", "cardIdentifier": "%s"}}}"""
                        .formatted(vendorTxCode, sessionKey, card.get("cardIdentifier")));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
