package dev.junction.connectors.dataverse.sandbox;

import dev.junction.connectors.sandbox.Faults;
import dev.junction.connectors.sandbox.Simulator;
import dev.junction.connectors.sandbox.SimulatorExchange;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for a Dynamics 365 environment's Dataverse Web API and its Microsoft identity platform token endpoint
 * (api-contracts §3, checklist §3.12), served under {@code /dataverse}: the token endpoint at
 * {@code /{tenant}/oauth2/v2.0/token} checks tenant, client id, secret and scope like Entra does; the Web API at
 * {@code /api/data/v9.2/} requires a live bearer token and serves sales orders with their lines, contacts, accounts,
 * products and currencies from a seeded in-memory store (queries, paging, etags, upserts by alternate key, change
 * tracking, the FulfillSalesOrder and CancelSalesOrder actions, WhoAmI), the service protection limit of §3.10, and
 * planned faults named {@code token}, {@code <METHOD> <entity set or action>} (e.g. {@code GET salesorders},
 * {@code POST FulfillSalesOrder}) or {@code *} for any Web API request, and after a write the same name with
 * {@code :afterWrite} (e.g. {@code POST contacts:afterWrite}: the record is stored, then the fault is answered — a
 * lost answer).
 */
public final class DataverseSimulator implements Simulator {

    public static final String TENANT_ID = "8d3b2c1a-5e6f-4a7b-9c8d-0e1f2a3b4c5d";
    public static final String CLIENT_ID = "51f81489-12ee-4a9e-aaae-a2591f45987d";
    /** The sandbox application's client secret (a simulator credential, not a real one). */
    public static final String CLIENT_SECRET = "sandbox-dataverse-client-secret";
    /** A registered application that is not an application user of the environment: tokens work, calls get 403. */
    public static final String CLIENT_ID_WITHOUT_ROLE = "0c2f6a1e-7d4b-4e8a-b5c3-9f1e2d3c4b5a";
    static final String API = "/api/data/v9.2/";
    static final String USER_ID = "a0f1b2c3-d4e5-4f60-8172-93a4b5c6d7e8";
    static final String BUSINESS_UNIT_ID = "b1c2d3e4-f5a6-4b70-8c91-a2b3c4d5e6f7";
    static final String ORGANIZATION_ID = "c2d3e4f5-a6b7-4c81-9d02-b3c4d5e6f7a8";
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(3599);

    private static final Pattern TOKEN_PATH = Pattern.compile("/([^/]+)/oauth2/v2\\.0/token");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Faults faults = new Faults();
    private final Clock clock;
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final ServiceProtection serviceProtection;
    private final EntityStore store;
    private final WebApi webApi;

    private record IssuedToken(String clientId, Instant expiresAt) {
    }

    public DataverseSimulator() {
        this(Clock.systemUTC());
    }

    public DataverseSimulator(Clock clock) {
        this.clock = clock;
        this.serviceProtection = new ServiceProtection(clock);
        this.store = new EntityStore(clock);
        this.webApi = new WebApi(store, faults.counters(), this::plannedFault);
        SeedData.seed(store);
    }

    @Override
    public String connectorId() {
        return "dataverse";
    }

    @Override
    public SandboxConnection sandboxConnection(String baseUrl) {
        return new SandboxConnection(Map.of("organizationUrl", baseUrl, "authorityUrl", baseUrl,
                "tenantId", TENANT_ID, "clientId", CLIENT_ID), Map.of("clientSecret", CLIENT_SECRET));
    }

    @Override
    public String basePath() {
        return "/dataverse";
    }

    @Override
    public Faults faults() {
        return faults;
    }

    @Override
    public void reset() {
        faults.reset();
        tokens.clear();
        serviceProtection.configure(ServiceProtection.DEFAULT_LIMIT, ServiceProtection.DEFAULT_WINDOW);
        store.clear();
        SeedData.seed(store);
    }

    /** Sets the number-of-requests limit per caller (6000 in 300 s by default), e.g. to see 429s in a test. */
    public void limitRequests(int limit, Duration window) {
        serviceProtection.configure(limit, window);
    }

    /** Makes every token issued so far expired, as if an hour had passed: the next call gets 401. */
    public void expireTokens() {
        tokens.replaceAll((token, issued) -> new IssuedToken(issued.clientId(), clock.instant().minusSeconds(1)));
    }

    /** How many tokens the token endpoint has issued since the last reset. */
    public int tokensIssued() {
        return tokens.size();
    }

    /**
     * The journal lines written to {@code jnc_journallines} so far (the reconciliation's Dynamics write), in the order
     * they were created: what a test compares with the journal it wrote.
     */
    public List<Map<String, Object>> journalLines() {
        return store.all(Tables.JOURNAL_LINES).stream()
                .map(row -> withoutNulls(row.values())).toList();
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((column, value) -> {
            if (value != null) {
                copy.put(column, value);
            }
        });
        return copy;
    }

    /** Deletes a row as {@code DELETE /api/data/v9.2/<entitySet>(<id>)} would (for trying change tracking). */
    public void deleteRecord(String entitySet, String id) {
        store.delete(Tables.byEntitySet(entitySet).orElseThrow(), id);
    }

    @Override
    public void handle(SimulatorExchange exchange) throws IOException {
        try {
            Matcher tokenPath = TOKEN_PATH.matcher(exchange.path());
            if (tokenPath.matches() && exchange.method().equals("POST")) {
                token(exchange, tokenPath.group(1));
                return;
            }
            if (!exchange.path().startsWith(API)) {
                throw new ODataError(404, "", "Resource not found for the segment '" + exchange.path() + "'.");
            }
            String resource = exchange.path().substring(API.length());
            Optional<String> caller = caller(exchange);
            if (caller.isEmpty()) {
                unauthorized(exchange);
                return;
            }
            if (plannedFault(exchange, webApi.operationName(exchange.method(), resource))) {
                return;
            }
            Optional<Duration> wait = serviceProtection.admit(caller.get());
            if (wait.isPresent()) {
                faults.counters().rateLimitViolation();
                throttled(exchange, wait.get().toSeconds(), "Number of requests exceeded the limit of "
                        + serviceProtection.limit() + " over time window of " + serviceProtection.window().toSeconds()
                        + " seconds.");
                return;
            }
            if (caller.get().equals(CLIENT_ID_WITHOUT_ROLE)) {
                throw new ODataError(403, ODataError.PRIVILEGE_DENIED, "The user with id " + USER_ID
                        + " has not been assigned any roles. They need a role with the prvReadSalesOrder privilege.");
            }
            webApi.handle(exchange, resource);
        } catch (ODataError error) {
            exchange.respondJson(error.status(), envelope(error.code(), error.getMessage()));
        }
    }

    private boolean plannedFault(SimulatorExchange exchange, String operation) throws IOException {
        Optional<Faults.Fault> fault = faults.take(operation);
        if (fault.isEmpty() && !operation.contains(":")) {
            fault = faults.take("*"); // the Dataverse simulator's catch-all: a fault for every Web API operation
        }
        return Faults.answer(exchange, fault, (answer, planned) -> {
            int status = planned.status();
            Integer retryAfter = planned.retryAfterSeconds();
            switch (status) {
                case 429 -> throttled(answer, retryAfter == null ? 5 : retryAfter,
                        "Number of requests exceeded the limit of 6000 over time window of 300 seconds.");
                case 401 -> unauthorized(answer);
                default -> answer.respondJson(status, envelope(faultCode(status), "A planned sandbox fault for "
                        + operation + " (HTTP " + status + ")."));
            }
        });
    }

    private static String faultCode(int status) {
        return switch (status) {
            case 400 -> ODataError.INVALID_ARGUMENT;
            case 403 -> ODataError.PRIVILEGE_DENIED;
            case 404 -> ODataError.NOT_FOUND;
            case 412 -> ODataError.VERSION_MISMATCH;
            default -> ODataError.UNEXPECTED;
        };
    }

    private static void throttled(SimulatorExchange exchange, long retryAfterSeconds, String message)
            throws IOException {
        exchange.responseHeader("Retry-After", String.valueOf(retryAfterSeconds));
        exchange.respondJson(429, envelope(ODataError.REQUEST_LIMIT, message));
    }

    // UNCONFIRMED (api-contracts §3.9): a 401 of the Web API carries no body, only WWW-Authenticate.
    private void unauthorized(SimulatorExchange exchange) throws IOException {
        exchange.responseHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"The access"
                + " token is missing, unknown or expired\", authorization_uri=\"" + exchange.baseUrl() + "/"
                + TENANT_ID + "/oauth2/authorize\"");
        exchange.respond(401, "text/plain", "");
    }

    private Optional<String> caller(SimulatorExchange exchange) {
        Optional<String> header = exchange.header("Authorization");
        if (header.isEmpty() || !header.get().startsWith("Bearer ")) {
            return Optional.empty();
        }
        IssuedToken issued = tokens.get(header.get().substring("Bearer ".length()));
        if (issued == null || !clock.instant().isBefore(issued.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(issued.clientId());
    }

    private void token(SimulatorExchange exchange, String tenant) throws IOException {
        if (faults.answerIfPlanned(exchange, "token", (answer, fault) -> tokenError(answer, fault.status(),
                "temporarily_unavailable", "AADSTS50001",
                "A planned sandbox fault of the token endpoint (HTTP " + fault.status() + ")."))) {
            return;
        }
        Map<String, List<String>> form = exchange.form();
        String grantType = first(form, "grant_type");
        String clientId = first(form, "client_id");
        String secret = first(form, "client_secret");
        String scope = first(form, "scope");
        if (!tenant.equals(TENANT_ID)) {
            tokenError(exchange, 400, "invalid_request", "AADSTS90002", "Tenant '" + tenant + "' not found. Check"
                    + " to make sure you have the correct tenant ID and are signing into the correct cloud.");
        } else if (!"client_credentials".equals(grantType)) {
            tokenError(exchange, 400, "unsupported_grant_type", "AADSTS70003",
                    "The app requested an unsupported grant type '" + grantType + "'.");
        } else if (!CLIENT_ID.equals(clientId) && !CLIENT_ID_WITHOUT_ROLE.equals(clientId)) {
            tokenError(exchange, 400, "unauthorized_client", "AADSTS700016", "Application with identifier '"
                    + clientId + "' was not found in the directory '" + tenant + "'.");
        } else if (!CLIENT_SECRET.equals(secret)) {
            tokenError(exchange, 401, "invalid_client", "AADSTS7000215", "Invalid client secret provided. Ensure"
                    + " the secret being sent in the request is the client secret value, not the client secret ID,"
                    + " for a secret added to app '" + clientId + "'.");
        } else if (!(exchange.baseUrl() + "/.default").equals(scope)) {
            tokenError(exchange, 400, "invalid_scope", "AADSTS500011", "The resource principal named "
                    + (scope == null ? "(none)" : scope.replace("/.default", ""))
                    + " was not found in the tenant named " + tenant + ".");
        } else {
            String token = HexFormat.of().formatHex(bytes());
            tokens.put(token, new IssuedToken(clientId, clock.instant().plus(TOKEN_LIFETIME)));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("token_type", "Bearer");
            answer.put("expires_in", TOKEN_LIFETIME.toSeconds());
            answer.put("ext_expires_in", TOKEN_LIFETIME.toSeconds());
            answer.put("access_token", token);
            exchange.respondJson(200, answer);
        }
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    // UNCONFIRMED (api-contracts §3.1): the Entra error shape {error, error_description, error_codes, ...}.
    private static void tokenError(SimulatorExchange exchange, int status, String error, String aadsts,
                                   String description) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", error);
        answer.put("error_description", aadsts + ": " + description);
        answer.put("error_codes", List.of(Long.parseLong(aadsts.substring("AADSTS".length()))));
        answer.put("timestamp", Instant.now().toString());
        answer.put("trace_id", java.util.UUID.randomUUID().toString());
        answer.put("correlation_id", java.util.UUID.randomUUID().toString());
        exchange.respondJson(status, answer);
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    static Map<String, Object> envelope(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Map.of("error", error);
    }
}
