package dev.junction.e2e;

import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.sandbox.client.SandboxClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sandbox simulators the app serves under {@code /sandbox} hold, and their controls (as admin): the shared
 * {@link SandboxClient} (which knows the paths, the control prefix and the sandbox credentials), read as JSON trees
 * with the status the template browser tests expect after a workflow ran.
 */
record TemplateRemotes(int port) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SandboxClient sandbox() {
        return SandboxClient.asUser("http://127.0.0.1:" + port + "/sandbox", "admin", BrowserTest.ADMIN_PASSWORD);
    }

    private static JsonNode json(HttpResponse<String> answer, int from, int to) {
        assertThat(answer.statusCode()).as(answer.body()).isBetween(from, to);
        return JSON.readTree(answer.body());
    }

    /** Places an order in the SP-API simulator (its control API, as admin); answers the order. */
    JsonNode placeAmazonOrder(String status, String sku, int quantity) {
        return json(sandbox().placeAmazonOrder(SpApiSimulator.MARKETPLACE_UK, status, sku, quantity), 200, 201);
    }

    /**
     * The Dataverse sales orders numbered {@code orderNumber}, as the templates' polls read them: with their lines'
     * products and their currency.
     */
    JsonNode salesOrders(String orderNumber) {
        return json(sandbox().salesOrders(orderNumber), 200, 200).get("value");
    }

    /** The journal lines the Dataverse simulator holds for one settlement ({@code jnc_journallines}). */
    JsonNode journalLines(String settlementId) {
        return json(sandbox().dataverse("GET", "jnc_journallines?$filter=" + URLEncoder.encode(
                "jnc_journal eq '" + settlementId + "'", StandardCharsets.UTF_8).replace("+", "%20"), null), 200, 200)
                .get("value");
    }

    /**
     * A new Dataverse sales order with one line of seeded product number {@code product} (1: GF-BENCH-150 …),
     * submitted (state 1, status 3); answers it as the poll reads it.
     */
    JsonNode submittedSalesOrder(String orderNumber, int product, String email) {
        sandbox().submitSalesOrder(orderNumber, product, email);
        JsonNode orders = salesOrders(orderNumber);
        assertThat(orders).hasSize(1);
        return orders.get(0);
    }

    /** The MCF fulfillment order (each read moves a sandbox order one step on). */
    HttpResponse<String> fulfillmentOrder(String sellerFulfillmentOrderId) {
        return sandbox().amazonFulfillmentOrder(sellerFulfillmentOrderId);
    }

    /** A new order in the sandbox shop, as the shop's own API creates one (its id is the shop's: {@code ord-…}). */
    JsonNode createShopOrder(String customer) {
        return json(sandbox().createShopOrder(customer), 201, 201);
    }

    JsonNode shopOrder(String id) {
        return json(sandbox().shopOrder(id), 200, 200);
    }

    /** Which sandbox seller holds a fulfillment order, its marketplace and status (read without moving it on). */
    JsonNode fulfillmentOrderHolder(String sellerFulfillmentOrderId) {
        return json(sandbox().amazonFulfillmentOrderHolder(sellerFulfillmentOrderId), 200, 200);
    }

    /** A GET of the Opayo Pi API ({@code path} after {@code /api/v1}) with the sandbox integration key. */
    JsonNode opayo(String path) {
        return json(sandbox().opayo(path), 200, 200);
    }
}
