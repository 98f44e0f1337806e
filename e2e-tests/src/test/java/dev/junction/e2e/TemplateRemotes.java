package dev.junction.e2e;

import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.dataverse.sandbox.DataverseSimulator;
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
 * published sandbox credentials (as a person checking the remote systems would), and the simulators' controls (as
 * admin): what the template browser tests check after a workflow ran.
 */
record TemplateRemotes(int port) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private String base(String simulator) {
        return "http://127.0.0.1:" + port + "/sandbox/" + simulator;
    }

    /** Places an order in the SP-API simulator (its control API, as admin); answers the order. */
    JsonNode placeAmazonOrder(String status, String sku, int quantity) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + BrowserTest.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> placed = send(HttpRequest.newBuilder(URI.create(base("amazon") + "/_simulator/orders"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"marketplaceId\": \"" + SpApiSimulator.MARKETPLACE_UK
                        + "\", \"status\": \"" + status + "\", \"items\": [{\"sku\": \"" + sku + "\", \"quantity\": "
                        + quantity + "}]}")));
        assertThat(placed.statusCode()).as(placed.body()).isBetween(200, 201);
        return JSON.readTree(placed.body());
    }

    /**
     * The Dataverse sales orders numbered {@code orderNumber}, as the templates' polls read them: with their lines'
     * products and their currency.
     */
    JsonNode salesOrders(String orderNumber) {
        String query = "$filter=" + URLEncoder.encode("ordernumber eq '" + orderNumber + "'", StandardCharsets.UTF_8)
                .replace("+", "%20") + "&$expand=" + URLEncoder.encode("order_details($expand=productid($select="
                + "productid,name,productnumber)),transactioncurrencyid($select=transactioncurrencyid,isocurrencycode)",
                StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> found = dataverse("GET", "salesorders?" + query, null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return JSON.readTree(found.body()).get("value");
    }

    /** The journal lines the Dataverse simulator holds for one settlement ({@code jnc_journallines}). */
    JsonNode journalLines(String settlementId) {
        HttpResponse<String> found = dataverse("GET", "jnc_journallines?$filter=" + URLEncoder.encode(
                "jnc_journal eq '" + settlementId + "'", StandardCharsets.UTF_8).replace("+", "%20"), null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return JSON.readTree(found.body()).get("value");
    }

    /**
     * A new Dataverse sales order with one line of seeded product number {@code product} (1: GF-BENCH-150 …),
     * submitted (state 1, status 3); answers it as the poll reads it.
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
        JsonNode orders = salesOrders(orderNumber);
        assertThat(orders).hasSize(1);
        return orders.get(0);
    }

    /** The MCF fulfillment order (each read moves a sandbox order one step on). */
    HttpResponse<String> fulfillmentOrder(String sellerFulfillmentOrderId) {
        String token = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base("amazon") + "/auth/o2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("grant_type", "refresh_token", "refresh_token", SpApiSimulator.REFRESH_TOKEN,
                        "client_id", SpApiSimulator.CLIENT_ID, "client_secret", SpApiSimulator.CLIENT_SECRET)))
                .body()).get("access_token").asString();
        return send(HttpRequest.newBuilder(URI.create(base("amazon") + "/fba/outbound/2020-07-01/fulfillmentOrders/"
                + sellerFulfillmentOrderId)).header("x-amz-access-token", token).GET());
    }

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
