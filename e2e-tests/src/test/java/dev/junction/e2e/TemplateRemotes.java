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

    /** The Dataverse sales orders numbered {@code orderNumber}, with their lines' products. */
    JsonNode salesOrders(String orderNumber) {
        String token = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base("dataverse") + "/"
                        + DataverseSimulator.TENANT_ID + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("grant_type", "client_credentials", "client_id", DataverseSimulator.CLIENT_ID,
                        "client_secret", DataverseSimulator.CLIENT_SECRET, "scope", base("dataverse") + "/.default")))
                .body()).get("access_token").asString();
        String query = "$filter=" + URLEncoder.encode("ordernumber eq '" + orderNumber + "'", StandardCharsets.UTF_8)
                .replace("+", "%20") + "&$expand=order_details($expand=productid($select=productnumber))";
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(base("dataverse")
                        + "/api/data/v9.2/salesorders?" + query))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return JSON.readTree(found.body()).get("value");
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
