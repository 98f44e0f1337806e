package dev.junction.connectors.amazon.sandbox;

import dev.junction.connectors.amazon.sandbox.SandboxLwa.Check;
import dev.junction.connectors.amazon.sandbox.SandboxLwa.Role;
import dev.junction.connectors.amazon.sandbox.SpApiAnswers.InvalidInput;
import dev.junction.connectors.amazon.sandbox.SpApiAnswers.NotFound;
import dev.junction.connectors.sandbox.Faults;
import dev.junction.connectors.sandbox.reconciliation.ReconciliationScenario;
import dev.junction.connectors.sandbox.reconciliation.ScenarioRequest;
import dev.junction.connectors.sandbox.Simulator;
import dev.junction.connectors.sandbox.SimulatorExchange;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stateful stand-in for Amazon's Selling Partner API and its Login with Amazon token endpoint, served under
 * {@code /amazon}: Orders v0, Fulfillment Outbound 2020-07-01 and Reports 2021-06-30 as api-contracts §1 describes
 * them, with the sandbox seller's seeded orders and settlement reports. Planned faults are taken per operation name
 * ({@code getOrders}, {@code createFulfillmentOrder}, …, {@code token} for the LWA endpoint), before the request is
 * handled; {@code createFulfillmentOrder:afterWrite} is taken after the order was created — an answer lost after
 * the write, the case an idempotent retry must survive.
 */
public final class SpApiSimulator implements Simulator {

    public static final String CLIENT_ID = "amzn1.application-oa2-client.junction-sandbox";
    public static final String CLIENT_SECRET = "junction-sandbox-lwa-client-secret";
    public static final String REFRESH_TOKEN = "Atzr|junction-sandbox-seller";
    /**
     * The refresh token of a second sandbox seller account (every role): a second Amazon connection made with it is
     * another seller, whose fulfillment orders the first seller cannot read or cancel (and the other way round).
     */
    public static final String SECOND_SELLER_REFRESH_TOKEN = "Atzr|junction-sandbox-seller-2";
    /** The seller ids of the sandbox accounts, as {@code GET /_sandbox/fulfillmentOrders/{id}} names them. */
    public static final String SELLER_ID = "A2JUNCTIONSELLER1";
    public static final String SECOND_SELLER_ID = "A2JUNCTIONSELLER2";
    /** A refresh token of a seller who did not authorise the Orders role: orders calls answer 403. */
    public static final String REFRESH_TOKEN_WITHOUT_ORDERS_ROLE = "Atzr|junction-sandbox-seller-without-orders";
    public static final String MARKETPLACE_US = "ATVPDKIKX0DER";
    public static final String MARKETPLACE_DE = "A1PA6795UKMFR9";
    public static final String MARKETPLACE_UK = "A1F83G8C2ARO7P";
    /** The fault name taken when a report document is downloaded: an error status answers S3's 403. */
    public static final String DOCUMENT_DOWNLOAD_FAULT = "documentDownload";
    /** The fault name taken after createFulfillmentOrder has stored the order. */
    public static final String AFTER_CREATE_FAULT = "createFulfillmentOrder:afterWrite";

    private final Faults faults = new Faults();
    private final SandboxLwa lwa = new SandboxLwa();
    private final SandboxThrottle throttle = new SandboxThrottle();
    private volatile SandboxOrders orders;
    private volatile SandboxFulfillment fulfillment;
    private volatile SandboxReports reports;

    public SpApiSimulator() {
        reset();
    }

    /** The seller id a sandbox refresh token belongs to. */
    static String sellerOf(String refreshToken) {
        return switch (refreshToken) {
            case SECOND_SELLER_REFRESH_TOKEN -> SECOND_SELLER_ID;
            case REFRESH_TOKEN_WITHOUT_ORDERS_ROLE -> "A2JUNCTIONSELLER3";
            default -> SELLER_ID;
        };
    }

    @Override
    public String connectorId() {
        return "amazon-sp-api";
    }

    @Override
    public SandboxConnection sandboxConnection(String baseUrl) {
        return new SandboxConnection(Map.of("region", "na", "endpoint", baseUrl,
                "lwaTokenUrl", baseUrl + "/auth/o2/token", "lwaClientId", CLIENT_ID,
                "marketplaceIds", MARKETPLACE_US + "," + MARKETPLACE_DE),
                Map.of("lwaClientSecret", CLIENT_SECRET, "refreshToken", REFRESH_TOKEN));
    }

    @Override
    public String basePath() {
        return "/amazon";
    }

    @Override
    public Faults faults() {
        return faults;
    }

    @Override
    public synchronized void reset() {
        faults.reset();
        lwa.reset();
        throttle.reset();
        Instant now = Instant.now();
        orders = new SandboxOrders(now);
        fulfillment = new SandboxFulfillment(faults.counters());
        reports = new SandboxReports(now, orders);
        scenario = null;
    }

    /** Tokens issued from now on stop working after {@code lifetime} (they still announce an hour). */
    public void tokenLifetime(Duration lifetime) {
        lwa.tokenLifetime(lifetime);
    }

    /** Whether the usage plans are enforced (they are after every reset). */
    public void enforceRateLimits(boolean enforce) {
        throttle.enabled(enforce);
    }

    /**
     * The usage plan of {@code operation} from now on, until the next reset (e.g. a seller account with a larger
     * plan than the default, or a load test that should not take minutes); a 429 still counts as a violation.
     */
    public void usagePlan(String operation, double perSecond, int burst) {
        throttle.plan(operation, new SandboxThrottle.Plan(perSecond, burst));
    }

    /** Every access token issued so far is expired from now on. */
    public void expireIssuedTokens() {
        lwa.expireIssuedTokens();
    }

    /** How many refresh-token exchanges LWA has granted since the last reset. */
    public int tokenExchanges() {
        return lwa.exchanges();
    }

    /** How many fulfillment orders exist. */
    public int fulfillmentOrderCount() {
        return fulfillment.count();
    }

    /** Ships a fulfillment order at once (what a few getFulfillmentOrder reads do too). */
    public void shipFulfillmentOrder(String sellerFulfillmentOrderId) {
        fulfillment.ship(sellerFulfillmentOrderId);
    }

    /**
     * Places a new order of sandbox SKUs ({@code JN-MUG-001}, {@code JN-TEE-M}, {@code JN-CAP-01},
     * {@code JN-BAG-01}), dated {@code at} (at least two minutes ago to be listed at once); answers the Order.
     */
    public Map<String, Object> placeOrder(String marketplaceId, String status, Map<String, Integer> skus, Instant at) {
        return orders.place(marketplaceId, status, skus, at);
    }

    /** Changes a seeded order's status, updated at {@code at} (at least two minutes ago to be listed at once). */
    public void changeOrder(String amazonOrderId, String status, Instant at) {
        orders.change(amazonOrderId, status, at);
    }

    @Override
    public void handle(SimulatorExchange exchange) throws IOException {
        String path = exchange.path();
        if (path.equals("/auth/o2/token")) {
            if (!faults.answerIfPlanned(exchange, "token", (answer, fault) -> answer.respondJson(fault.status(),
                    Map.of("error", fault.status() >= 500 ? "server_error" : "invalid_request",
                            "error_description", "Planned sandbox fault")))) {
                lwa.exchange(exchange);
            }
            return;
        }
        if (path.startsWith("/documents/") && exchange.method().equals("GET")) {
            download(exchange, path.substring("/documents/".length()));
            return;
        }
        SpApiRoute route = SpApiRoute.of(exchange.method(), path);
        if (route == null) {
            SpApiAnswers.error(exchange, 404, "NotFound", "Resource not found: " + exchange.method() + " " + path,
                    "", null);
            return;
        }
        if (faults.answerIfPlanned(exchange, route.operation(), errorWriter(route.rateLimit()))) {
            return;
        }
        Check check = lwa.check(exchange.header("x-amz-access-token"));
        if (check instanceof Check.Rejected rejected) {
            SpApiAnswers.error(exchange, 403, "Unauthorized", "Access to requested resource is denied.",
                    rejected.details(), null);
            return;
        }
        Check.Valid valid = (Check.Valid) check;
        if (!valid.roles().contains(route.role())) {
            SpApiAnswers.error(exchange, 403, "Unauthorized", "Access to requested resource is denied.",
                    "The selling partner has not authorised the application for the " + route.role() + " role.",
                    null);
            return;
        }
        if (!throttle.take(valid.seller(), route.operation(), route.plan())) {
            // no x-amzn-RateLimit-Limit on a 429, and no Retry-After: SP-API documents none
            faults.counters().rateLimitViolation();
            SpApiAnswers.error(exchange, 429, "QuotaExceeded", SpApiAnswers.messageFor(429), "", null);
            return;
        }
        try {
            serve(exchange, route, valid.seller());
        } catch (InvalidInput invalid) {
            SpApiAnswers.error(exchange, 400, "InvalidInput", invalid.getMessage(), invalid.field(), route.rateLimit());
        } catch (NotFound missing) {
            SpApiAnswers.error(exchange, 404, "NotFound", missing.getMessage(), "", route.rateLimit());
        } catch (NumberFormatException malformed) {
            SpApiAnswers.error(exchange, 400, "InvalidInput", "Invalid number: " + malformed.getMessage(), "",
                    route.rateLimit());
        }
    }

    private void serve(SimulatorExchange exchange, SpApiRoute route, String seller) throws IOException {
        Double rate = route.rateLimit();
        Map<String, List<String>> query = exchange.query();
        switch (route.operation()) {
            case "getOrders" -> SpApiAnswers.json(exchange, 200, orders.search(query, Instant.now()), rate);
            case "getOrder" -> SpApiAnswers.json(exchange, 200, orders.get(route.parameter()), rate);
            case "getOrderItems" -> SpApiAnswers.json(exchange, 200,
                    orders.items(route.parameter(), exchange.query("NextToken")), rate);
            case "createFulfillmentOrder" -> {
                fulfillment.create(exchange.json(), seller);
                if (!faults.answerIfPlanned(exchange, AFTER_CREATE_FAULT, errorWriter(rate))) {
                    SpApiAnswers.json(exchange, 200, Map.of(), rate);
                }
            }
            case "getFulfillmentOrder" -> SpApiAnswers.json(exchange, 200, fulfillment.read(route.parameter(), seller),
                    rate);
            case "cancelFulfillmentOrder" -> {
                fulfillment.cancel(route.parameter(), seller);
                SpApiAnswers.json(exchange, 200, Map.of(), rate);
            }
            case "getPackageTrackingDetails" -> SpApiAnswers.json(exchange, 200, fulfillment.tracking(
                    exchange.query("packageNumber").orElseThrow(
                            () -> SpApiAnswers.invalid("packageNumber", "Member must not be null"))), rate);
            case "createReport" -> SpApiAnswers.json(exchange, 202, reports.create(exchange.json()), rate);
            case "getReports" -> SpApiAnswers.json(exchange, 200, reports.search(query), rate);
            case "getReport" -> SpApiAnswers.json(exchange, 200, reports.read(route.parameter()), rate);
            case "cancelReport" -> {
                reports.cancel(route.parameter());
                SpApiAnswers.json(exchange, 200, Map.of(), rate);
            }
            case "getReportDocument" -> SpApiAnswers.json(exchange, 200,
                    reports.documentInfo(route.parameter(), exchange.baseUrl()), rate);
            default -> throw new IllegalStateException("no handler for " + route.operation());
        }
    }

    /** The control that publishes a reconciliation scenario's settlement. */
    public static final String SCENARIO_CONTROL = "reconciliation-scenario";
    private volatile Map<String, Object> scenario;

    /**
     * Publishes the settlement of a reconciliation scenario (seed, orders, end date) as a new settlement report and
     * answers the scenario with its report id; the same seed always gives the same settlement.
     */
    public Map<String, Object> publishScenario(ReconciliationScenario generated) {
        Map<String, Object> answer = new LinkedHashMap<>(generated.toJson());
        answer.put("reportId", reports.addSettlement(generated));
        scenario = answer;
        return answer;
    }

    private void scenario(SimulatorExchange exchange) throws IOException {
        if (exchange.method().equals("GET")) {
            Map<String, Object> last = scenario;
            exchange.respondJson(last == null ? 404 : 200, last == null
                    ? Map.of("error", "no reconciliation scenario was published since the last reset") : last);
            return;
        }
        if (!exchange.method().equals("POST")) {
            exchange.respondJson(405, Map.of("error", "the reconciliation scenario is read with GET, made with POST"));
            return;
        }
        exchange.respondJson(201, publishScenario(ScenarioRequest.read(exchange)));
    }

    /**
     * Controls of this simulator beside the shared ones, under the same {@code /_sandbox/} prefix, for trying
     * workflows over HTTP: {@code POST /_sandbox/orders} {@code {"marketplaceId", "status", "items": [{"sku", "quantity"}],
     * "updatedSecondsAgo"}} places an order (listed at once: dated 125 seconds ago unless told otherwise);
     * {@code POST /_sandbox/orders/{id}/status} {@code {"status", "updatedSecondsAgo"}} changes one;
     * {@code POST /_sandbox/fulfillmentOrders/{id}/ship} ships a fulfillment order;
     * {@code GET /_sandbox/fulfillmentOrders/{id}} says which seller account holds it, in which marketplace;
     * {@code POST /_sandbox/tokens/expire} ends every access token issued so far;
     * {@code POST /_sandbox/reconciliation-scenario {"seed", "orders", "endDate"}} publishes a settlement report of
     * a {@link ReconciliationScenario} and answers it with its injected discrepancies (the Opayo simulator's control
     * of the same name makes the payments of the same orders); {@code GET} answers the last one.
     */
    @Override
    public boolean control(SimulatorExchange exchange, String control) throws IOException {
        if (control.equals(SCENARIO_CONTROL)) {
            scenario(exchange);
            return true;
        }
        String[] parts = control.split("/");
        boolean known = control.equals("orders") || control.equals("tokens/expire")
                || parts.length == 3 && parts[0].equals("orders") && parts[2].equals("status")
                || parts.length == 3 && parts[0].equals("fulfillmentOrders") && parts[2].equals("ship");
        if (parts.length == 2 && parts[0].equals("fulfillmentOrders") && exchange.method().equals("GET")) {
            try {
                exchange.respondJson(200, fulfillment.holder(parts[1]));
            } catch (NotFound missing) {
                exchange.respondJson(404, Map.of("error", missing.getMessage()));
            }
            return true;
        }
        if (!known) {
            return false;
        }
        if (!exchange.method().equals("POST")) {
            exchange.respondJson(405, Map.of("error", "simulator controls take POST"));
            return true;
        }
        Map<?, ?> body = exchange.body().isBlank() ? Map.of()
                : exchange.json() instanceof Map<?, ?> map ? map : Map.of();
        Instant at = Instant.now().minusSeconds(body.get("updatedSecondsAgo") instanceof Number seconds
                ? seconds.longValue() : 125);
        try {
            if (parts.length == 1 && parts[0].equals("orders")) {
                Map<String, Integer> skus = new LinkedHashMap<>();
                if (body.get("items") instanceof List<?> items) {
                    for (Object item : items) {
                        if (item instanceof Map<?, ?> line && line.get("sku") instanceof String sku) {
                            skus.merge(sku, line.get("quantity") instanceof Number quantity ? quantity.intValue() : 1,
                                    Integer::sum);
                        }
                    }
                }
                String marketplace = body.get("marketplaceId") instanceof String id ? id : MARKETPLACE_US;
                String status = body.get("status") instanceof String given ? given : "Unshipped";
                exchange.respondJson(201, orders.place(marketplace, status, skus, at));
            } else if (parts.length == 3 && parts[0].equals("orders") && parts[2].equals("status")
                    && body.get("status") instanceof String status) {
                orders.change(parts[1], status, at);
                exchange.respondJson(200, orders.get(parts[1]).get("payload"));
            } else if (parts.length == 3 && parts[0].equals("fulfillmentOrders") && parts[2].equals("ship")) {
                fulfillment.ship(parts[1]);
                exchange.respond(204, "text/plain", "");
            } else if (control.equals("tokens/expire")) {
                lwa.expireIssuedTokens();
                exchange.respond(204, "text/plain", "");
            } else {
                exchange.respondJson(404, Map.of("error", "no such simulator control: " + control));
            }
        } catch (NotFound missing) {
            exchange.respondJson(404, Map.of("error", missing.getMessage()));
        }
        return true;
    }

    private void download(SimulatorExchange exchange, String documentId) throws IOException {
        // any planned error status answers what S3 answers for a refused download
        if (faults.answerIfPlanned(exchange, DOCUMENT_DOWNLOAD_FAULT, (answer, fault) -> accessDenied(answer))) {
            return;
        }
        Optional<byte[]> document = reports.download(documentId, exchange.query("X-Amz-Signature"));
        if (document.isEmpty()) {
            accessDenied(exchange);
            return;
        }
        exchange.respond(200, "application/octet-stream", document.get());
    }

    private static void accessDenied(SimulatorExchange exchange) throws IOException {
        exchange.respond(403, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                + "AccessDenied</Code><Message>Request has expired</Message></Error>");
    }

    /** A fault's answer in SP-API's {@code errors} envelope; a 429 carries no rate-limit header. */
    private static Faults.ErrorWriter errorWriter(Double rate) {
        return (exchange, fault) -> SpApiAnswers.error(exchange, fault.status(), SpApiAnswers.codeFor(fault.status()),
                SpApiAnswers.messageFor(fault.status()), "", fault.status() == 429 ? null : rate);
    }

    /**
     * One SP-API operation the simulator serves: its name, the role it needs, its path parameter (already decoded)
     * and its default rate.
     */
    record SpApiRoute(String operation, Role role, String parameter, Double rateLimit) {

        /** The operation's default usage plan (api-contracts §1.3). */
        SandboxThrottle.Plan plan() {
            int burst = switch (operation) {
                case "getOrders" -> 20;
                case "getOrder", "getOrderItems", "createFulfillmentOrder", "getFulfillmentOrder",
                     "cancelFulfillmentOrder", "getPackageTrackingDetails" -> 30;
                case "createReport", "getReport", "getReportDocument" -> 15;
                default -> 10;
            };
            return new SandboxThrottle.Plan(rateLimit, burst);
        }

        private static final String ORDERS = "/orders/v0/orders";
        private static final String OUTBOUND = "/fba/outbound/2020-07-01/";
        private static final String REPORTS = "/reports/2021-06-30/";

        static SpApiRoute of(String method, String path) {
            String[] parts = path.substring(1).split("/");
            String last = parts[parts.length - 1];
            if (path.equals(ORDERS) && method.equals("GET")) {
                return new SpApiRoute("getOrders", Role.ORDERS, null, 0.0167);
            }
            if (path.startsWith(ORDERS + "/") && method.equals("GET")) {
                return switch (parts.length) {
                    case 4 -> new SpApiRoute("getOrder", Role.ORDERS, last, 0.5);
                    case 5 -> parts[4].equals("orderItems")
                            ? new SpApiRoute("getOrderItems", Role.ORDERS, parts[3], 0.5) : null;
                    default -> null;
                };
            }
            if (path.startsWith(OUTBOUND)) {
                String rest = path.substring(OUTBOUND.length());
                String[] segments = rest.split("/");
                String id = segments.length > 1 ? segments[1] : null;
                return switch (method + " " + segments[0] + " " + segments.length) {
                    case "POST fulfillmentOrders 1" ->
                            new SpApiRoute("createFulfillmentOrder", Role.FULFILLMENT, null, 2.0);
                    case "GET fulfillmentOrders 2" -> new SpApiRoute("getFulfillmentOrder", Role.FULFILLMENT, id, 2.0);
                    case "PUT fulfillmentOrders 3" -> segments[2].equals("cancel")
                            ? new SpApiRoute("cancelFulfillmentOrder", Role.FULFILLMENT, id, 2.0) : null;
                    case "GET tracking 1" -> new SpApiRoute("getPackageTrackingDetails", Role.FULFILLMENT, null, 2.0);
                    default -> null;
                };
            }
            if (path.startsWith(REPORTS)) {
                String[] segments = path.substring(REPORTS.length()).split("/");
                String id = segments.length > 1 ? segments[1] : null;
                return switch (method + " " + segments[0] + " " + segments.length) {
                    case "POST reports 1" -> new SpApiRoute("createReport", Role.REPORTS, null, 0.0167);
                    case "GET reports 1" -> new SpApiRoute("getReports", Role.REPORTS, null, 0.0222);
                    case "GET reports 2" -> new SpApiRoute("getReport", Role.REPORTS, id, 2.0);
                    case "DELETE reports 2" -> new SpApiRoute("cancelReport", Role.REPORTS, id, 0.0222);
                    case "GET documents 2" -> new SpApiRoute("getReportDocument", Role.REPORTS, id, 0.0167);
                    default -> null;
                };
            }
            return null;
        }
    }
}
