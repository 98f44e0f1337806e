package dev.junction.backend.templates;

import dev.junction.backend.ApiClient;
import dev.junction.connectors.sandbox.client.SandboxClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sandbox simulators the app serves under {@code /sandbox} hold, and their controls (as the admin): the
 * shared {@link SandboxClient} (which knows the paths, the control prefix and the sandbox credentials), read as JSON
 * trees with the status each template test expects.
 */
record SandboxRemotes(int port, ApiClient admin) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SandboxClient sandbox() {
        return SandboxClient.withAuthorization("http://127.0.0.1:" + port + "/sandbox", admin.authorization());
    }

    private static JsonNode json(HttpResponse<String> answer, int from, int to) {
        assertThat(answer.statusCode()).as(answer.body()).isBetween(from, to);
        return JSON.readTree(answer.body());
    }

    // Amazon SP-API

    JsonNode placeAmazonOrder(String marketplaceId, String status, String sku, int quantity) {
        return json(sandbox().placeAmazonOrder(marketplaceId, status, sku, quantity), 200, 201);
    }

    /** The fulfillment order (each read moves a sandbox order one step on: read once it is finished). */
    HttpResponse<String> fulfillmentOrder(String sellerFulfillmentOrderId) {
        return sandbox().amazonFulfillmentOrder(sellerFulfillmentOrderId);
    }

    /** Which sandbox seller account holds a fulfillment order, in which marketplace (read without moving it on). */
    JsonNode fulfillmentOrderHolder(String sellerFulfillmentOrderId) {
        return json(sandbox().amazonFulfillmentOrderHolder(sellerFulfillmentOrderId), 200, 200);
    }

    JsonNode counters(String simulator) {
        return json(sandbox().counters(simulator), 200, 200);
    }

    // Dataverse

    /**
     * A new sales order with one line of the seeded product {@code productNumber} (1: GF-BENCH-150 … 5:
     * GF-CUSHION-GRY by its seed position), submitted (state 1, status 3); answers it as the poll reads it.
     */
    JsonNode submittedSalesOrder(String orderNumber, int product, String email) {
        sandbox().submitSalesOrder(orderNumber, product, email);
        return salesOrder(orderNumber);
    }

    JsonNode salesOrder(String orderNumber) {
        JsonNode orders = json(sandbox().salesOrders(orderNumber), 200, 200).get("value");
        assertThat(orders).as("sales orders numbered " + orderNumber).hasSize(1);
        return orders.get(0);
    }

    JsonNode contacts(String email) {
        return json(sandbox().contacts(email), 200, 200).get("value");
    }

    // Opayo

    JsonNode opayo(String path) {
        return json(sandbox().opayo(path), 200, 200);
    }

    /** Sends the Opayo Server notification of a transaction to a URL (the simulator signs it); answers the reply. */
    String opayoNotification(String transactionId, String notificationUrl) {
        return json(sandbox().opayoNotification(transactionId, notificationUrl), 200, 200).get("reply").asString();
    }

    // the shop

    JsonNode createShopOrder(String customer) {
        return json(sandbox().createShopOrder(customer), 201, 201);
    }

    JsonNode shopOrder(String id) {
        return json(sandbox().shopOrder(id), 200, 200);
    }
}
