package dev.junction.connectors.rest.sandbox;

import dev.junction.connectors.sandbox.Faults;
import dev.junction.connectors.sandbox.Simulator;
import dev.junction.connectors.sandbox.SimulatorExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A small stateful "customer shop" REST API under {@code /shop}, what the generic HTTP connector's sandbox connection
 * talks to: {@code GET /} (a harmless authenticated read), {@code GET /orders} (paged by a change-number cursor
 * {@code updatedAfter}, answering {@code {orders, nextCursor, hasMore}}), {@code POST /orders}, {@code GET} and
 * {@code PATCH /orders/{id}} (everything after {@code /orders/} is the id), {@code POST /oauth/token} (OAuth 2.0
 * client credentials) and {@code /echo/…} (any method: answers what it received — method, decoded path and query,
 * a few headers, the body and the kind of authentication that passed).
 *
 * <p>Every API request must authenticate, by any kind: {@code X-API-Key} (the sandbox key; a read-only key gets 403
 * on writes, a suspended key 403 everywhere), HTTP Basic, a fixed bearer token or a token this simulator issued.
 * {@code Idempotency-Key} on POST and PATCH: a repeated key answers the first answer again (with
 * {@code Idempotent-Replayed: true}) and never acts twice; the same key on another method or path, or with another
 * body, is a 422.
 *
 * <p>Planned faults by operation: {@code root}, {@code token}, {@code listOrders}, {@code getOrder},
 * {@code createOrder} (before anything is stored), {@code createOrder:afterCommit} (the order is stored and its
 * answer kept for its idempotency key, then the fault is answered — a lost answer), {@code updateOrder},
 * {@code echo}.
 *
 * <p>The shop starts (and resets) with one order, {@link #SAMPLE_ORDER_ID} {@code ord-1000} (Ada Lovelace, two of
 * SKU-1, status {@code new}): the order the bundled templates' sample inputs name, so that a template's sample run
 * on a fresh install finds its shop order. It is there before the change feed starts (change number 0), so a poll
 * from the start lists it only once it changes; {@link #orderCount()} does not count it.
 */
public final class ShopSimulator implements Simulator {

    /** The order the shop holds from the start: the one the templates' sample inputs name. */
    public static final String SAMPLE_ORDER_ID = "ord-1000";
    public static final String API_KEY = "sandbox-shop-api-key";
    public static final String READ_ONLY_API_KEY = "sandbox-shop-readonly-key";
    public static final String SUSPENDED_API_KEY = "sandbox-shop-suspended-key";
    public static final String USERNAME = "sandbox-user";
    public static final String PASSWORD = "sandbox-password";
    public static final String BEARER_TOKEN = "sandbox-bearer-token";
    public static final String CLIENT_ID = "sandbox-client";
    public static final String CLIENT_SECRET = "sandbox-client-secret";
    public static final String WEBHOOK_SECRET = "sandbox-webhook-secret";
    public static final Set<String> SCOPES = Set.of("orders:read", "orders:write");
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    public static final String AFTER_COMMIT = ":afterCommit";
    static final List<String> ECHOED_HEADERS = List.of("accept", "content-type", "idempotency-key", "x-tenant",
            "x-correlation-id", "x-source", "user-agent");
    private static final int MAX_PAGE = 100;

    private final Faults faults = new Faults();
    private final Clock clock;
    private final Map<String, Map<String, Object>> orders = new LinkedHashMap<>();
    private final Map<String, Instant> issuedTokens = new HashMap<>();
    private final Map<String, Replay> idempotent = new HashMap<>();
    /** The request body each kept answer was for, by idempotency key. */
    private final Map<String, Object> idempotentBodies = new HashMap<>();
    private long nextOrderNumber = 1001;
    private long changeNumber;
    private int tokensIssued;

    public ShopSimulator() {
        this(Clock.systemUTC());
    }

    public ShopSimulator(Clock clock) {
        this.clock = clock;
        seed();
    }

    /** The sample order (see the class comment), as it is after a reset. */
    private void seed() {
        String now = clock.instant().toString();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", SAMPLE_ORDER_ID);
        order.put("status", "new");
        order.put("customer", "Ada Lovelace");
        order.put("items", List.of(Map.of("sku", "SKU-1", "quantity", 2)));
        order.put("total", 25.98);
        order.put("createdAt", now);
        order.put("updatedAt", now);
        order.put("version", 1L);
        order.put("changeNumber", 0L);
        orders.put(SAMPLE_ORDER_ID, order);
    }

    /** An answer kept for an idempotency key. */
    private record Replay(String method, String path, int status, Object body, String location) {
    }

    /** Who a request authenticated as. */
    private record Caller(String kind, boolean mayWrite) {
    }

    @Override
    public String connectorId() {
        return "http";
    }

    @Override
    public SandboxConnection sandboxConnection(String baseUrl) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baseUrl", baseUrl);
        settings.put("authKind", "apiKey");
        settings.put("apiKeyHeader", "X-API-Key");
        settings.put("username", USERNAME);
        settings.put("tokenUrl", baseUrl + "/oauth/token");
        settings.put("clientId", CLIENT_ID);
        settings.put("scope", "orders:read orders:write");
        settings.put("idempotencyKeyHeader", "Idempotency-Key");
        settings.put("testPath", "/orders?limit=1");
        settings.put("pollPath", "/orders");
        settings.put("cursorParam", "updatedAfter");
        settings.put("itemsPath", "orders");
        settings.put("keyPath", "id");
        settings.put("nextCursorPath", "nextCursor");
        return new SandboxConnection(settings, Map.of("apiKey", API_KEY, "password", PASSWORD,
                "bearerToken", BEARER_TOKEN, "clientSecret", CLIENT_SECRET, "webhookSecret", WEBHOOK_SECRET));
    }

    @Override
    public String basePath() {
        return "/shop";
    }

    @Override
    public Faults faults() {
        return faults;
    }

    @Override
    public synchronized void reset() {
        faults.reset();
        orders.clear();
        seed();
        issuedTokens.clear();
        idempotent.clear();
        idempotentBodies.clear();
        nextOrderNumber = 1001;
        changeNumber = 0;
        tokensIssued = 0;
    }

    /** How many orders the shop holds besides its sample order (those created through the API). */
    public synchronized int orderCount() {
        return (int) orders.keySet().stream().filter(id -> !SAMPLE_ORDER_ID.equals(id)).count();
    }

    /** How many OAuth tokens the token endpoint issued since the last reset. */
    public synchronized int tokensIssued() {
        return tokensIssued;
    }

    /** Makes every issued OAuth token invalid, as if they had expired early: the next call with one gets 401. */
    public synchronized void revokeTokens() {
        issuedTokens.clear();
    }

    @Override
    public void handle(SimulatorExchange exchange) throws IOException {
        String method = exchange.method();
        String path = exchange.path();
        String operation = operation(method, path);
        if (operation == null) {
            error(exchange, 404, "no such resource: " + method + " " + path);
            return;
        }
        if (fault(operation, exchange)) {
            return;
        }
        if (operation.equals("token")) {
            token(exchange);
            return;
        }
        Optional<Caller> caller = authenticate(exchange);
        if (caller.isEmpty()) {
            exchange.responseHeader("WWW-Authenticate", "Bearer realm=\"shop\"");
            error(exchange, 401, "authentication required: send X-API-Key, Basic or Bearer credentials");
            return;
        }
        if (caller.get().kind().equals("suspended")) {
            error(exchange, 403, "this API key is suspended");
            return;
        }
        if (!method.equals("GET") && !operation.equals("echo") && !caller.get().mayWrite()) {
            error(exchange, 403, "this API key may only read");
            return;
        }
        switch (operation) {
            case "root" -> root(exchange);
            case "listOrders" -> listOrders(exchange);
            case "getOrder" -> getOrder(exchange, path.substring("/orders/".length()));
            case "createOrder", "updateOrder" -> write(exchange, operation);
            case "echo" -> echo(exchange, caller.get());
            default -> error(exchange, 404, "no such resource: " + method + " " + path);
        }
    }

    private static String operation(String method, String path) {
        if (path.equals("/echo") || path.startsWith("/echo/")) {
            return "echo";
        }
        return switch (method + " " + (path.startsWith("/orders/") && path.length() > 8 ? "/orders/*" : path)) {
            case "GET /" -> "root";
            case "POST /oauth/token" -> "token";
            case "GET /orders" -> "listOrders";
            case "POST /orders" -> "createOrder";
            case "GET /orders/*" -> "getOrder";
            case "PATCH /orders/*" -> "updateOrder";
            default -> null;
        };
    }

    private boolean fault(String operation, SimulatorExchange exchange) throws IOException {
        return faults.answerIfPlanned(exchange, operation, (answer, fault) -> error(answer, fault.status(),
                "sandbox planned fault for " + operation));
    }

    private synchronized Optional<Caller> authenticate(SimulatorExchange exchange) {
        Optional<String> apiKey = exchange.header("X-API-Key");
        if (apiKey.isPresent()) {
            return switch (apiKey.get()) {
                case API_KEY -> Optional.of(new Caller("apiKey", true));
                case READ_ONLY_API_KEY -> Optional.of(new Caller("apiKey", false));
                case SUSPENDED_API_KEY -> Optional.of(new Caller("suspended", false));
                default -> Optional.empty();
            };
        }
        String authorization = exchange.header("Authorization").orElse("");
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization).filter(pair -> pair[0].equals(USERNAME) && pair[1].equals(PASSWORD))
                    .map(pair -> new Caller("basic", true));
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            if (token.equals(BEARER_TOKEN)) {
                return Optional.of(new Caller("bearer", true));
            }
            Instant expires = issuedTokens.get(token);
            if (expires != null && clock.instant().isBefore(expires)) {
                return Optional.of(new Caller("oauth2", true));
            }
        }
        return Optional.empty();
    }

    private static Optional<String[]> basic(String authorization) {
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The client-credentials grant: the client by HTTP Basic or by client_id/client_secret in the form. */
    private void token(SimulatorExchange exchange) throws IOException {
        Map<String, List<String>> form = exchange.form();
        String clientId = first(form, "client_id");
        String clientSecret = first(form, "client_secret");
        Optional<String[]> basic = basic(exchange.header("Authorization").orElse("Basic "));
        if (basic.isPresent()) {
            clientId = java.net.URLDecoder.decode(basic.get()[0], StandardCharsets.UTF_8);
            clientSecret = java.net.URLDecoder.decode(basic.get()[1], StandardCharsets.UTF_8);
        }
        if (!CLIENT_ID.equals(clientId) || !CLIENT_SECRET.equals(clientSecret)) {
            exchange.respondJson(401, Map.of("error", "invalid_client",
                    "error_description", "unknown client or wrong secret"));
            return;
        }
        if (!"client_credentials".equals(first(form, "grant_type"))) {
            exchange.respondJson(400, Map.of("error", "unsupported_grant_type",
                    "error_description", "only client_credentials is supported"));
            return;
        }
        String scope = first(form, "scope");
        if (scope != null && !SCOPES.containsAll(List.of(scope.strip().split("\\s+")))) {
            exchange.respondJson(400, Map.of("error", "invalid_scope",
                    "error_description", "the shop knows the scopes " + SCOPES));
            return;
        }
        String token = "shop-token-" + UUID.randomUUID();
        synchronized (this) {
            issuedTokens.put(token, clock.instant().plus(TOKEN_LIFETIME));
            tokensIssued++;
        }
        exchange.respondJson(200, Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", TOKEN_LIFETIME.toSeconds(), "scope", scope == null ? "orders:read" : scope));
    }

    private void root(SimulatorExchange exchange) throws IOException {
        int count;
        synchronized (this) {
            count = orders.size();
        }
        exchange.respondJson(200, Map.of("shop", "Junction sandbox shop", "orders", count));
    }

    private void listOrders(SimulatorExchange exchange) throws IOException {
        long after;
        int limit;
        try {
            after = Long.parseLong(exchange.query("updatedAfter").orElse("0"));
            limit = Integer.parseInt(exchange.query("limit").orElse("50"));
        } catch (NumberFormatException e) {
            error(exchange, 400, "updatedAfter must be a change number and limit a whole number");
            return;
        }
        if (after < 0 || limit < 1 || limit > MAX_PAGE) {
            error(exchange, 400, "updatedAfter must be at least 0 and limit 1 to " + MAX_PAGE);
            return;
        }
        Optional<String> status = exchange.query("status");
        List<Map<String, Object>> page = new ArrayList<>();
        boolean more = false;
        synchronized (this) {
            List<Map<String, Object>> changed = orders.values().stream()
                    .filter(order -> (long) order.get("changeNumber") > after)
                    .filter(order -> status.isEmpty() || status.get().equals(order.get("status")))
                    .sorted(java.util.Comparator.comparingLong(order -> (long) order.get("changeNumber")))
                    .toList();
            for (Map<String, Object> order : changed) {
                if (page.size() == limit) {
                    more = true;
                    break;
                }
                page.add(new LinkedHashMap<>(order));
            }
        }
        long next = page.isEmpty() ? after : (long) page.getLast().get("changeNumber");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orders", page);
        answer.put("nextCursor", String.valueOf(next));
        answer.put("hasMore", more);
        exchange.respondJson(200, answer);
    }

    private void getOrder(SimulatorExchange exchange, String id) throws IOException {
        Map<String, Object> order;
        synchronized (this) {
            order = orders.get(id);
            order = order == null ? null : new LinkedHashMap<>(order);
        }
        if (order == null) {
            error(exchange, 404, "no order '" + id + "'");
            return;
        }
        exchange.responseHeader("ETag", etag(order));
        exchange.respondJson(200, order);
    }

    /** POST /orders and PATCH /orders/{id}, answered once per idempotency key. */
    private void write(SimulatorExchange exchange, String operation) throws IOException {
        Object body;
        try {
            body = exchange.json();
        } catch (IllegalArgumentException notJson) {
            error(exchange, 400, "the body is not JSON: " + notJson.getMessage());
            return;
        }
        String key = exchange.header("Idempotency-Key").orElse(null);
        Replay replay;
        synchronized (this) {
            Replay earlier = key == null ? null : idempotent.get(key);
            if (earlier != null) {
                if (!earlier.method().equals(exchange.method()) || !earlier.path().equals(exchange.path())) {
                    replay = new Replay(null, null, 422, Map.of("error", "the Idempotency-Key " + key
                            + " was used for " + earlier.method() + " " + earlier.path()), null);
                } else if (!java.util.Objects.equals(idempotentBodies.get(key), body)) {
                    // as the IETF Idempotency-Key draft says: a key reused with another payload is a 422
                    replay = new Replay(null, null, 422, Map.of("error", "the Idempotency-Key " + key
                            + " was used for another request body"), null);
                } else {
                    exchange.responseHeader("Idempotent-Replayed", "true");
                    replay = earlier;
                }
            } else {
                replay = operation.equals("createOrder") ? create(exchange, body)
                        : update(exchange, exchange.path().substring("/orders/".length()), body);
                if (key != null && replay.status() < 500) {
                    idempotent.put(key, replay);
                    idempotentBodies.put(key, body);
                }
            }
        }
        if (operation.equals("createOrder") && fault(operation + AFTER_COMMIT, exchange)) {
            return;
        }
        if (replay.location() != null) {
            exchange.responseHeader("Location", replay.location());
        }
        if (replay.body() instanceof Map<?, ?> order && order.get("version") != null) {
            exchange.responseHeader("ETag", etag(order));
        }
        exchange.respondJson(replay.status(), replay.body());
    }

    private Replay create(SimulatorExchange exchange, Object body) {
        if (!(body instanceof Map<?, ?> given)) {
            return new Replay("POST", exchange.path(), 422, Map.of("error", "an order is a JSON object"), null);
        }
        if (!(given.get("customer") instanceof String customer) || customer.isBlank()) {
            return new Replay("POST", exchange.path(), 422, Map.of("error", "customer is required",
                    "field", "customer"), null);
        }
        String id = "ord-" + nextOrderNumber++;
        Instant now = clock.instant();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", id);
        order.put("status", given.get("status") instanceof String status ? status : "new");
        order.put("customer", customer);
        order.put("items", given.get("items") instanceof List<?> items ? items : List.of());
        order.put("total", given.get("total"));
        order.put("createdAt", now.toString());
        order.put("updatedAt", now.toString());
        order.put("version", 1L);
        order.put("changeNumber", ++changeNumber);
        orders.put(id, order);
        return new Replay("POST", exchange.path(), 201, new LinkedHashMap<>(order),
                exchange.baseUrl() + "/orders/" + id);
    }

    private Replay update(SimulatorExchange exchange, String id, Object body) {
        Map<String, Object> order = orders.get(id);
        if (order == null) {
            return new Replay("PATCH", exchange.path(), 404, Map.of("error", "no order '" + id + "'"), null);
        }
        if (!(body instanceof Map<?, ?> changes)) {
            return new Replay("PATCH", exchange.path(), 422, Map.of("error", "a change is a JSON object"), null);
        }
        Optional<String> ifMatch = exchange.header("If-Match");
        if (ifMatch.isPresent() && !ifMatch.get().equals(etag(order))) {
            return new Replay("PATCH", exchange.path(), 412, Map.of("error", "the order changed: its ETag is now "
                    + etag(order)), null);
        }
        for (String field : List.of("status", "customer", "items", "total", "tracking")) {
            if (changes.containsKey(field)) {
                order.put(field, changes.get(field));
            }
        }
        order.put("updatedAt", clock.instant().toString());
        order.put("version", (long) order.get("version") + 1);
        order.put("changeNumber", ++changeNumber);
        return new Replay("PATCH", exchange.path(), 200, new LinkedHashMap<>(order), null);
    }

    private void echo(SimulatorExchange exchange, Caller caller) throws IOException {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (String name : ECHOED_HEADERS) {
            exchange.header(name).ifPresent(value -> headers.put(name, value));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("method", exchange.method());
        answer.put("path", exchange.path());
        answer.put("query", exchange.query());
        answer.put("headers", headers);
        answer.put("auth", caller.kind());
        String body = exchange.body();
        Object json;
        try {
            json = body.isEmpty() ? null : exchange.json();
        } catch (IllegalArgumentException notJson) {
            json = body;
        }
        answer.put("body", json);
        exchange.respondJson(200, answer);
    }

    private static String etag(Map<?, ?> order) {
        return "\"" + order.get("id") + "-v" + order.get("version") + "\"";
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static void error(SimulatorExchange exchange, int status, String message) throws IOException {
        exchange.respondJson(status, Map.of("error", message, "status", status));
    }
}
