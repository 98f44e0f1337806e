package dev.junction.backend.templates;

import dev.junction.backend.ApiClient;
import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.dataverse.sandbox.DataverseSimulator;
import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.rest.sandbox.ShopSimulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sandbox simulators the app serves under {@code /sandbox} hold, read over their own APIs with their
 * published sandbox credentials (as a person checking the remote systems would), plus the simulator controls.
 */
record SandboxRemotes(int port, ApiClient admin) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    String base(String simulator) {
        return "http://127.0.0.1:" + port + "/sandbox/" + simulator;
    }

    // Amazon SP-API

    JsonNode placeAmazonOrder(String marketplaceId, String status, String sku, int quantity) {
        HttpResponse<String> placed = admin.post("/sandbox/amazon/_simulator/orders", "{\"marketplaceId\": \""
                + marketplaceId + "\", \"status\": \"" + status + "\", \"items\": [{\"sku\": \"" + sku
                + "\", \"quantity\": " + quantity + "}]}");
        assertThat(placed.statusCode()).as(placed.body()).isBetween(200, 201);
        return JSON.readTree(placed.body());
    }

    /** The fulfillment order (each read moves a sandbox order one step on: read once it is finished). */
    HttpResponse<String> fulfillmentOrder(String sellerFulfillmentOrderId) {
        String token = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base("amazon") + "/auth/o2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("grant_type", "refresh_token", "refresh_token", SpApiSimulator.REFRESH_TOKEN,
                        "client_id", SpApiSimulator.CLIENT_ID, "client_secret", SpApiSimulator.CLIENT_SECRET)))
                .body()).get("access_token").asString();
        return send(HttpRequest.newBuilder(URI.create(base("amazon") + "/fba/outbound/2020-07-01/fulfillmentOrders/"
                + sellerFulfillmentOrderId)).header("x-amz-access-token", token).GET());
    }

    JsonNode counters(String simulator) {
        HttpResponse<String> counters = admin.get("/sandbox/" + simulator + "/_sandbox/counters");
        assertThat(counters.statusCode()).as(counters.body()).isEqualTo(200);
        return JSON.readTree(counters.body());
    }

    // Dataverse

    private String dataverseToken() {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base("dataverse") + "/"
                        + DataverseSimulator.TENANT_ID + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("grant_type", "client_credentials", "client_id", DataverseSimulator.CLIENT_ID,
                        "client_secret", DataverseSimulator.CLIENT_SECRET, "scope", base("dataverse") + "/.default")))
                .body()).get("access_token").asString();
    }

    private HttpResponse<String> dataverse(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base("dataverse") + "/api/data/v9.2/" + path))
                .header("Authorization", "Bearer " + dataverseToken()).header("Accept", "application/json")
                .header("Prefer", "return=representation");
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request);
    }

    /**
     * A new sales order with one line of the seeded product {@code productNumber} (1: GF-BENCH-150 … 5:
     * GF-CUSHION-GRY by its seed position), submitted (state 1, status 3); answers it as the poll reads it.
     */
    JsonNode submittedSalesOrder(String orderNumber, int product, String email) {
        String productId = String.format("9a1b2c3d-%04d-ef11-8a69-000d3a4b2c11", product);
        HttpResponse<String> created = dataverse("POST", "salesorders", "{\"name\": \"Template test " + orderNumber
                + "\", \"ordernumber\": \"" + orderNumber + "\", \"emailaddress\": \"" + email + "\","
                + " \"shipto_name\": \"Brightwater Café\", \"shipto_line1\": \"Ashton Road\","
                + " \"shipto_city\": \"Bristol\", \"shipto_postalcode\": \"bs3 2ea\","
                + " \"shipto_country\": \"United Kingdom\","
                + " \"customerid_account@odata.bind\": \"/accounts(1c9e2a44-3c8d-ef11-8a69-000d3a4b2c12)\","
                + " \"transactioncurrencyid@odata.bind\": \"/transactioncurrencies(a3b5c8d0-1f2e-ef11-8a69-000d3a4b2c11)\","
                + " \"order_details\": [{\"productid@odata.bind\": \"/products(" + productId + ")\","
                + " \"uomid@odata.bind\": \"/uoms(b4c6d9e1-2a3f-ef11-8a69-000d3a4b2c11)\", \"quantity\": 1,"
                + " \"priceperunit\": 100}]}");
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 204);
        String id = JSON.readTree(created.body()).get("salesorderid").asString();
        HttpResponse<String> submitted = dataverse("PATCH", "salesorders(" + id + ")",
                "{\"statecode\": 1, \"statuscode\": 3}");
        assertThat(submitted.statusCode()).as(submitted.body()).isBetween(200, 204);
        return salesOrder(orderNumber);
    }

    JsonNode salesOrder(String orderNumber) {
        String query = "$filter=" + URLEncoder.encode("ordernumber eq '" + orderNumber + "'", StandardCharsets.UTF_8)
                .replace("+", "%20") + "&$expand=" + URLEncoder.encode("order_details($expand=productid($select="
                + "productid,name,productnumber)),transactioncurrencyid($select=transactioncurrencyid,isocurrencycode)",
                StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> found = dataverse("GET", "salesorders?" + query, null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode orders = JSON.readTree(found.body()).get("value");
        assertThat(orders).as("sales orders numbered " + orderNumber).hasSize(1);
        return orders.get(0);
    }

    JsonNode contacts(String email) {
        HttpResponse<String> found = dataverse("GET", "contacts?$filter=" + URLEncoder.encode("emailaddress1 eq '"
                + email + "'", StandardCharsets.UTF_8).replace("+", "%20"), null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return JSON.readTree(found.body()).get("value");
    }

    // Opayo

    JsonNode opayo(String path) {
        String basic = Base64.getEncoder().encodeToString((OpayoSimulator.INTEGRATION_KEY + ":"
                + OpayoSimulator.INTEGRATION_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base("opayo") + "/api/v1" + path))
                .header("Authorization", "Basic " + basic).GET());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Sends the Opayo Server notification of a transaction to a URL (the simulator signs it); answers the reply. */
    String opayoNotification(String transactionId, String notificationUrl) {
        HttpResponse<String> sent = admin.post("/sandbox/opayo/sandbox/server-notifications", "{\"transactionId\": \""
                + transactionId + "\", \"notificationUrl\": \"" + notificationUrl + "\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        return JSON.readTree(sent.body()).get("reply").asString();
    }

    // the shop

    JsonNode createShopOrder(String customer) {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base("shop") + "/orders"))
                .header("X-API-Key", ShopSimulator.API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customer\": \"" + customer + "\", \"items\": [{\"sku\":"
                        + " \"JN-MUG-001\", \"quantity\": 2}], \"total\": 2598}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    JsonNode shopOrder(String id) {
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(base("shop") + "/orders/" + id))
                .header("X-API-Key", ShopSimulator.API_KEY).GET());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return JSON.readTree(found.body());
    }

    private static HttpRequest.BodyPublisher form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(form.toString());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
