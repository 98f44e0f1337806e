package dev.junction.connectors.sandbox.client;

import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.dataverse.sandbox.DataverseSimulator;
import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.rest.sandbox.ShopSimulator;
import dev.junction.connectors.sandbox.SandboxControls;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.engine.json.PayloadJson;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A client of the simulators an app serves under {@code /sandbox} (or a {@link SandboxServer} serves at its root):
 * their controls, under the one control prefix {@value SandboxControls#PREFIX}, with the credentials that may
 * change the sandbox (an ADMIN's {@code Authorization}, or the sandbox control token), and their own APIs with the
 * simulators' published sandbox credentials — what a person checking the remote systems would do. The one place
 * the tests of every module (backend, browser) learn the simulators' paths, credentials and bodies from. A tool for
 * tests and people, not for the product: it calls the sandbox directly (no outbound address policy), so point it
 * at a sandbox only.
 */
public final class SandboxClient {

    /** An answer's body as JSON (plain maps and lists). */
    public static Object json(HttpResponse<String> answer) {
        return PayloadJson.read(answer.body());
    }

    /** An answer's body, when its status is one of {@code expected}; else throws naming the status and the body. */
    public static String expect(HttpResponse<String> answer, int... expected) {
        for (int status : expected) {
            if (status == answer.statusCode()) {
                return answer.body();
            }
        }
        throw new IllegalStateException(answer.request().method() + " " + answer.request().uri() + " answered "
                + answer.statusCode() + ": " + answer.body());
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String sandboxUrl;
    private final String controlHeader;
    private final String controlCredentials;

    private SandboxClient(String sandboxUrl, String controlHeader, String controlCredentials) {
        this.sandboxUrl = sandboxUrl.endsWith("/") ? sandboxUrl.substring(0, sandboxUrl.length() - 1) : sandboxUrl;
        this.controlHeader = controlHeader;
        this.controlCredentials = controlCredentials;
    }

    /**
     * The simulators under {@code sandboxUrl} (e.g. {@code http://127.0.0.1:8080/sandbox}), their controls called
     * with this {@code Authorization} header value (e.g. an ADMIN's {@code Basic …}).
     */
    public static SandboxClient withAuthorization(String sandboxUrl, String authorization) {
        return new SandboxClient(sandboxUrl, "Authorization", authorization);
    }

    /** The same, with an ADMIN's user name and password (HTTP Basic). */
    public static SandboxClient asUser(String sandboxUrl, String user, String password) {
        return withAuthorization(sandboxUrl, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The same, the controls called with the sandbox control token ({@value SandboxControls#TOKEN_HEADER}). */
    public static SandboxClient withControlToken(String sandboxUrl, String token) {
        return new SandboxClient(sandboxUrl, SandboxControls.TOKEN_HEADER, token);
    }

    /** The URL of a simulator, by its base path without the slash ({@code amazon}, {@code opayo}, …). */
    public String base(String simulator) {
        return sandboxUrl + "/" + simulator;
    }

    /** The URL of a control of a simulator, e.g. {@code controlUrl("amazon", "orders")}. */
    public String controlUrl(String simulator, String control) {
        return base(simulator) + SandboxControls.PREFIX + control;
    }

    /** Calls a control (with the control credentials); {@code json} null for no body. */
    public HttpResponse<String> control(String simulator, String method, String control, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(controlUrl(simulator, control)))
                .header(controlHeader, controlCredentials);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** What a simulator saw since its last reset ({@code GET …/_sandbox/counters}). */
    public HttpResponse<String> counters(String simulator) {
        return control(simulator, "GET", "counters", null);
    }

    // Amazon SP-API

    /** Places an order in the SP-API simulator (one line); answers the Order (201). */
    public HttpResponse<String> placeAmazonOrder(String marketplaceId, String status, String sku, int quantity) {
        return control("amazon", "POST", "orders", "{\"marketplaceId\": \"" + marketplaceId + "\", \"status\": \""
                + status + "\", \"items\": [{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}]}");
    }

    /** The MCF fulfillment order (each read moves a sandbox order one step on). */
    public HttpResponse<String> amazonFulfillmentOrder(String sellerFulfillmentOrderId) {
        String token = (String) ((Map<?, ?>) json(send(HttpRequest.newBuilder(URI.create(base("amazon")
                        + "/auth/o2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("grant_type", "refresh_token", "refresh_token", SpApiSimulator.REFRESH_TOKEN,
                        "client_id", SpApiSimulator.CLIENT_ID, "client_secret", SpApiSimulator.CLIENT_SECRET)))))
                .get("access_token");
        return send(HttpRequest.newBuilder(URI.create(base("amazon") + "/fba/outbound/2020-07-01/fulfillmentOrders/"
                + sellerFulfillmentOrderId)).header("x-amz-access-token", token).GET());
    }

    /**
     * Which sandbox seller account holds a fulfillment order, in which marketplace, and its status
     * ({@code {sellerFulfillmentOrderId, seller, marketplaceId, status}}; read without moving it on).
     */
    public HttpResponse<String> amazonFulfillmentOrderHolder(String sellerFulfillmentOrderId) {
        return control("amazon", "GET", "fulfillmentOrders/" + sellerFulfillmentOrderId, null);
    }

    // Dataverse

    /** A Dataverse Web API call ({@code path} after {@code /api/data/v9.2/}); {@code json} null for a GET. */
    public HttpResponse<String> dataverse(String method, String path, String json) {
        String token = (String) ((Map<?, ?>) json(send(HttpRequest.newBuilder(URI.create(base("dataverse") + "/"
                        + DataverseSimulator.TENANT_ID + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("grant_type", "client_credentials", "client_id", DataverseSimulator.CLIENT_ID,
                        "client_secret", DataverseSimulator.CLIENT_SECRET, "scope", base("dataverse") + "/.default")))))
                .get("access_token");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base("dataverse") + "/api/data/v9.2/" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
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
     * Creates a Dataverse sales order numbered {@code orderNumber} with one line of the seeded product
     * {@code product} (1: GF-BENCH-150 … 5: GF-CUSHION-GRY by its seed position) and submits it (state 1, status 3).
     */
    public void submitSalesOrder(String orderNumber, int product, String email) {
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
        String id = (String) ((Map<?, ?>) PayloadJson.read(expect(created, 200, 201, 204))).get("salesorderid");
        expect(dataverse("PATCH", "salesorders(" + id + ")", "{\"statecode\": 1, \"statuscode\": 3}"), 200, 204);
    }

    /**
     * The sales orders numbered {@code orderNumber} ({@code {"value": […]}}), as the templates' polls read them:
     * with their lines' products and their currency.
     */
    public HttpResponse<String> salesOrders(String orderNumber) {
        String query = "$filter=" + encode("ordernumber eq '" + orderNumber + "'") + "&$expand="
                + encode("order_details($expand=productid($select=productid,name,productnumber)),"
                + "transactioncurrencyid($select=transactioncurrencyid,isocurrencycode)");
        return dataverse("GET", "salesorders?" + query, null);
    }

    /** The contacts with this e-mail address ({@code {"value": […]}}). */
    public HttpResponse<String> contacts(String email) {
        return dataverse("GET", "contacts?$filter=" + encode("emailaddress1 eq '" + email + "'"), null);
    }

    // Opayo

    /** A GET of the Opayo Pi API ({@code path} after {@code /api/v1}) with the sandbox integration key. */
    public HttpResponse<String> opayo(String path) {
        String basic = Base64.getEncoder().encodeToString((OpayoSimulator.INTEGRATION_KEY + ":"
                + OpayoSimulator.INTEGRATION_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base("opayo") + "/api/v1" + path))
                .header("Authorization", "Basic " + basic).GET());
    }

    /** Has the Opayo simulator send a transaction's signed Server notification to a URL; answers {@code {"reply"}}. */
    public HttpResponse<String> opayoNotification(String transactionId, String notificationUrl) {
        return control("opayo", "POST", "server-notifications", "{\"transactionId\": \"" + transactionId
                + "\", \"notificationUrl\": \"" + notificationUrl + "\"}");
    }

    // the shop

    /** A new shop order of two mugs for {@code customer} (201). */
    public HttpResponse<String> createShopOrder(String customer) {
        return send(HttpRequest.newBuilder(URI.create(base("shop") + "/orders"))
                .header("X-API-Key", ShopSimulator.API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customer\": \"" + customer + "\", \"items\": [{\"sku\":"
                        + " \"JN-MUG-001\", \"quantity\": 2}], \"total\": 2598}")));
    }

    public HttpResponse<String> shopOrder(String id) {
        return send(HttpRequest.newBuilder(URI.create(base("shop") + "/orders/" + id))
                .header("X-API-Key", ShopSimulator.API_KEY).GET());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
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
            throw new IllegalStateException("the sandbox could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the sandbox", e);
        }
    }
}
