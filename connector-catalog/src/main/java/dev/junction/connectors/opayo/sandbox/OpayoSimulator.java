package dev.junction.connectors.opayo.sandbox;

import dev.junction.connectors.sandbox.Faults;
import dev.junction.connectors.sandbox.Simulator;
import dev.junction.connectors.sandbox.SimulatorExchange;
import dev.junction.connectors.sandbox.reconciliation.ReconciliationScenario;
import dev.junction.connectors.sandbox.reconciliation.ScenarioRequest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stateful stand-in for Opayo Pi under {@code /opayo} ({@code /opayo/api/v1/…}) and its Reporting API
 * ({@code /opayo/access/access.htm}): the HTTP face — routes, Basic auth against the sandbox credentials, planned
 * faults, the field rules ({@link TransactionContract}) and Opayo's three error shapes — over its state:
 * {@link SandboxSessions} (merchant session keys that expire after 400 s, card identifiers bound to them and used
 * once), {@link SandboxTransactions} (transactions by id and by vendorTxCode — a repeated vendorTxCode is refused
 * with 4001 —, instructions with their rules, refunds up to what was taken, settlement batches),
 * {@link SandboxReporting} and {@link ServerNotifications}.
 *
 * <p>Planned faults by operation: {@code createMerchantSessionKey}, {@code createCardIdentifier},
 * {@code createTransaction} (before anything is stored), {@code createTransaction:afterCommit} (the transaction is
 * stored, then the fault's delay and status are answered — a lost answer), {@code getTransaction},
 * {@code createInstruction}, {@code getInstructions}, and the Reporting API's commands {@code getTransactionDetail},
 * {@code getTransactionList} and {@code getBatchList}.
 *
 * <p>Its own controls, under the shared {@code /_sandbox/} prefix: {@code POST /opayo/_sandbox/batches} (or
 * {@link #closeBatch()}) puts every transaction taken and not yet settled into a new batch dated now;
 * {@code getBatchList} lists those batches, and a settled transaction's row in {@code getTransactionList} names its
 * batch. {@code POST /opayo/_sandbox/server-notifications {"transactionId", "notificationUrl"}} posts a legacy Server
 * notification of a stored transaction, signed with the sandbox security key, and answers the receiver's reply.
 * {@code POST /opayo/_sandbox/reconciliation-scenario {"seed", "orders", "endDate"}} ({@link #loadScenario}) adds the
 * payments and refunds of a {@link ReconciliationScenario} — the orders of the settlement the SP-API simulator's
 * control of the same name publishes — settled in one batch per day, and answers the scenario with its injected
 * discrepancies; {@code GET} answers the last one. Their list rows also carry {@code <threedsecurestatus>},
 * {@code <avscv2status>}, {@code <cv2result>}, {@code <fee>} and (refunds) {@code <relatedvpstxid>}.
 *
 * <p>Error codes the contract does not give (1003, 1004, 1009–1012, 1015–1017, 0043) are the simulator's own.
 */
public final class OpayoSimulator implements Simulator {

    public static final String VENDOR_NAME = "junctionsandbox";
    public static final String INTEGRATION_KEY = "sandbox-integration-key";
    public static final String INTEGRATION_PASSWORD = "sandbox-integration-password";
    public static final String SECURITY_KEY = "sandbox-security-key";
    public static final String REPORTING_USER = "sandbox-reporter";
    public static final String REPORTING_PASSWORD = "sandbox-reporting-password";
    public static final String AFTER_COMMIT = ":afterCommit";
    /** The control (under {@code /_sandbox/}) that loads a reconciliation scenario's payments. */
    public static final String SCENARIO_CONTROL = "reconciliation-scenario";
    private static final String API = "/api/v1";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private final Faults faults = new Faults();
    private final Clock clock;
    private final SandboxSessions sessions;
    private final SandboxTransactions transactions;
    private final SandboxReporting reporting;
    private final ServerNotifications notifications = new ServerNotifications(VENDOR_NAME, SECURITY_KEY);
    private volatile Map<String, Object> scenario;

    public OpayoSimulator() {
        this(Clock.system(ZoneId.of("Europe/London")));
    }

    public OpayoSimulator(Clock clock) {
        this(clock, SandboxReporting.DEFAULT_ROWS_PER_PAGE);
    }

    /** With the most rows one Reporting API list answer carries, whatever the request asks (tests page with it). */
    public OpayoSimulator(Clock clock, int reportingRowsPerPage) {
        this.clock = clock;
        this.sessions = new SandboxSessions(clock);
        this.transactions = new SandboxTransactions(clock, sessions, faults.counters());
        this.reporting = new SandboxReporting(clock, transactions, reportingRowsPerPage, this::date);
    }

    /** A batch closed by {@link #closeBatch()}. */
    public record ClosedBatch(String batchId, String batchDate, int transactionCount) {
    }

    @Override
    public String connectorId() {
        return "opayo-pi";
    }

    @Override
    public SandboxConnection sandboxConnection(String baseUrl) {
        // the Opayo connector's setting names, as its descriptor publishes them
        return new SandboxConnection(
                Map.of("environment", "test", "baseUrl", baseUrl + API,
                        "reportingUrl", baseUrl + "/access/access.htm",
                        "vendorName", VENDOR_NAME, "reportingUser", REPORTING_USER),
                Map.of("integrationKey", INTEGRATION_KEY, "integrationPassword", INTEGRATION_PASSWORD,
                        "securityKey", SECURITY_KEY, "reportingPassword", REPORTING_PASSWORD));
    }

    @Override
    public String basePath() {
        return "/opayo";
    }

    @Override
    public Faults faults() {
        return faults;
    }

    @Override
    public synchronized void reset() {
        faults.reset();
        sessions.reset();
        transactions.reset();
        scenario = null;
    }

    /**
     * Adds a reconciliation scenario's transactions, settled: one batch per day (dated 22:00 UK time that day);
     * answers the scenario with its injected discrepancies and the batch ids.
     */
    public Map<String, Object> loadScenario(ReconciliationScenario generated) {
        List<String> batchIds = transactions.load(generated);
        Map<String, Object> answer = new LinkedHashMap<>(generated.toJson());
        answer.put("batchIds", batchIds);
        scenario = answer;
        return answer;
    }

    /**
     * Closes a settlement batch (what Opayo does each night): every transaction taken and not yet settled —
     * payments, repeats, refunds, authorisations and released deferred payments, not voided — goes into a new batch
     * dated now. Empty when there was nothing to settle (no batch is made).
     */
    public Optional<ClosedBatch> closeBatch() {
        return transactions.closeBatch().map(batch -> new ClosedBatch(batch.batchId(),
                date(batch.date().toInstant()), batch.transactions().size()));
    }

    /** How many transactions the simulator holds under a vendorTxCode (for tests: never more than one). */
    public long transactionsWithVendorTxCode(String vendorTxCode) {
        return transactions.withVendorTxCode(vendorTxCode);
    }

    /**
     * Posts an Opayo Server notification of a stored transaction to {@code notificationUrl}, form-encoded and
     * signed with the sandbox security key, and answers the reply's text (what a receiver says back).
     */
    public String sendServerNotification(String transactionId, URI notificationUrl) throws IOException {
        SimulatedTransaction transaction = transactions.find(transactionId).orElseThrow(() ->
                new IllegalArgumentException("the sandbox holds no transaction " + transactionId));
        return notifications.send(transaction, notificationUrl);
    }

    @Override
    public boolean control(SimulatorExchange exchange, String control) throws IOException {
        String method = exchange.method();
        switch (control) {
            case "server-notifications" -> {
                if (!method.equals("POST")) {
                    exchange.respondJson(405, Map.of("error", "a server notification is sent with POST"));
                } else {
                    serverNotification(exchange);
                }
            }
            case "batches" -> {
                if (!method.equals("POST")) {
                    exchange.respondJson(405, Map.of("error", "a settlement batch is closed with POST"));
                    return true;
                }
                Optional<ClosedBatch> batch = closeBatch();
                exchange.respondJson(batch.isPresent() ? 201 : 200, batch.<Map<String, Object>>map(closed -> Map.of(
                        "batchId", closed.batchId(), "batchDate", closed.batchDate(),
                        "transactionCount", closed.transactionCount())).orElse(Map.of("transactionCount", 0)));
            }
            case SCENARIO_CONTROL -> {
                Map<String, Object> last = scenario;
                if (method.equals("GET")) {
                    exchange.respondJson(last == null ? 404 : 200, last == null
                            ? Map.of("error", "no reconciliation scenario was loaded since the last reset") : last);
                } else if (method.equals("POST")) {
                    exchange.respondJson(201, loadScenario(ScenarioRequest.read(exchange)));
                } else {
                    exchange.respondJson(405, Map.of("error",
                            "the reconciliation scenario is read with GET, made with POST"));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public void handle(SimulatorExchange exchange) throws IOException {
        String path = exchange.path();
        String method = exchange.method();
        if (method.equals("POST") && path.equals("/access/access.htm")) {
            String xml = Optional.ofNullable(exchange.form().get("XML")).map(List::getFirst).orElse("");
            String command = SandboxReporting.command(xml);
            if (!SandboxReporting.COMMANDS.contains(command) || !fault(command, exchange)) {
                reporting.answer(exchange, xml);
            }
            return;
        }
        if (!path.startsWith(API + "/")) {
            exchange.respondJson(404, Map.of("code", 1012, "description", "Resource not found"));
            return;
        }
        String[] parts = path.substring(API.length() + 1).split("/");
        String route = method + " " + parts[0] + (parts.length > 2 ? "/*/" + parts[2] : parts.length == 2 ? "/*" : "");
        String operation = switch (route) {
            case "POST merchant-session-keys" -> "createMerchantSessionKey";
            case "GET merchant-session-keys/*" -> "getMerchantSessionKey";
            case "POST card-identifiers" -> "createCardIdentifier";
            case "POST transactions" -> "createTransaction";
            case "GET transactions/*" -> "getTransaction";
            case "POST transactions/*/instructions" -> "createInstruction";
            case "GET transactions/*/instructions" -> "getInstructions";
            default -> null;
        };
        if (operation == null) {
            exchange.respondJson(404, Map.of("code", 1012, "description", "Resource not found"));
            return;
        }
        if (fault(operation, exchange)) {
            return;
        }
        if (!operation.equals("createCardIdentifier") && !basicAuthorised(exchange)) {
            return;
        }
        Map<String, Object> body = method.equals("POST") ? jsonBody(exchange) : Map.of();
        if (body == null) {
            return;
        }
        switch (operation) {
            case "createMerchantSessionKey" -> createMerchantSessionKey(exchange, body);
            case "getMerchantSessionKey" -> getMerchantSessionKey(exchange, parts[1]);
            case "createCardIdentifier" -> createCardIdentifier(exchange, body);
            case "createTransaction" -> createTransaction(exchange, body);
            case "getTransaction" -> {
                Optional<SimulatedTransaction> transaction = transactions.find(parts[1]);
                if (transaction.isPresent()) {
                    exchange.respondJson(200, transaction.get().body(exchange.baseUrl()));
                } else {
                    transactionNotFound(exchange);
                }
            }
            case "createInstruction" -> createInstruction(exchange, parts[1], body);
            default -> {
                Optional<List<Map<String, Object>>> instructions = transactions.instructions(parts[1]);
                if (instructions.isPresent()) {
                    exchange.respondJson(200, Map.of("instructions", instructions.get()));
                } else {
                    transactionNotFound(exchange);
                }
            }
        }
    }

    /** {@code POST /_sandbox/server-notifications {"transactionId", "notificationUrl"}}: sends one, answers the reply. */
    private void serverNotification(SimulatorExchange exchange) throws IOException {
        Map<String, Object> body = jsonBody(exchange);
        if (body == null) {
            return;
        }
        if (!(body.get("transactionId") instanceof String id) || !(body.get("notificationUrl") instanceof String url)) {
            throw new IllegalArgumentException("a server notification names 'transactionId' and 'notificationUrl'");
        }
        exchange.respondJson(200, Map.of("reply", sendServerNotification(id, URI.create(url))));
    }

    /** Answers a planned fault for the operation, if one is left; true when it answered. */
    private boolean fault(String operation, SimulatorExchange exchange) throws IOException {
        return faults.answerIfPlanned(exchange, operation, (answer, fault) -> answer.respondJson(fault.status(),
                fault.status() == 401 ? Map.of("code", 1002, "description", "Authentication failed")
                        : Map.of("code", fault.status(), "description", "Sandbox planned fault for " + operation)));
    }

    private boolean basicAuthorised(SimulatorExchange exchange) throws IOException {
        Optional<String> header = exchange.header("Authorization");
        if (header.isEmpty() || !header.get().startsWith("Basic ")) {
            exchange.respondJson(401, Map.of("code", 1001, "description", "Authentication value missing"));
            return false;
        }
        String expected = Base64.getEncoder().encodeToString((INTEGRATION_KEY + ":" + INTEGRATION_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                header.get().substring("Basic ".length()).trim().getBytes(StandardCharsets.UTF_8))) {
            exchange.respondJson(401, Map.of("code", 1002, "description", "Authentication failed"));
            return false;
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonBody(SimulatorExchange exchange) throws IOException {
        try {
            if (exchange.json() instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        exchange.respondJson(400, Map.of("code", 1000, "description", "Malformed JSON in the request body"));
        return null;
    }

    private void createMerchantSessionKey(SimulatorExchange exchange, Map<String, Object> body) throws IOException {
        if (!(body.get("vendorName") instanceof String vendor) || !vendor.equalsIgnoreCase(VENDOR_NAME)) {
            refuse(exchange, List.of(new Refusal(4000, "VendorName is invalid or the account is not active",
                    "vendorName")));
            return;
        }
        Map.Entry<String, Instant> key = sessions.newSessionKey();
        // UNCONFIRMED (api-contracts §2.3): a new merchant session key is answered 201 (the connector takes any 2xx).
        exchange.respondJson(201, Map.of("merchantSessionKey", key.getKey(), "expiry", date(key.getValue())));
    }

    private void getMerchantSessionKey(SimulatorExchange exchange, String key) throws IOException {
        Optional<Instant> expiry = sessions.liveExpiry(key);
        if (expiry.isEmpty()) {
            exchange.respondJson(404, Map.of("code", 1011, "description", "Merchant session key not found or expired"));
            return;
        }
        exchange.respondJson(200, Map.of("merchantSessionKey", key, "expiry", date(expiry.get())));
    }

    private void createCardIdentifier(SimulatorExchange exchange, Map<String, Object> body) throws IOException {
        String authorization = exchange.header("Authorization").orElse("");
        String sessionKey = authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : "";
        if (!sessions.live(sessionKey)) {
            exchange.respondJson(401, Map.of("code", 1002, "description", "Authentication failed"));
            return;
        }
        Map<?, ?> details = body.get("cardDetails") instanceof Map<?, ?> map ? map : Map.of();
        List<Refusal> problems = sessions.problems(details);
        if (!problems.isEmpty()) {
            refuse(exchange, problems);
            return;
        }
        Map.Entry<SimulatedTransaction.CardOnFile, Instant> card = sessions.register(sessionKey, details);
        exchange.respondJson(201, Map.of("cardIdentifier", card.getKey().cardIdentifier(),
                "expiry", date(card.getValue()), "cardType", card.getKey().cardType()));
    }

    private void createTransaction(SimulatorExchange exchange, Map<String, Object> request) throws IOException {
        List<TransactionContract.Problem> problems = TransactionContract.check(request);
        if (!problems.isEmpty()) {
            refuse(exchange, problems.stream().map(problem -> new Refusal(
                    problem.message().startsWith("is required") ? 1003 : 1004,
                    problem.property() + " " + problem.message(), problem.property())).toList());
            return;
        }
        SimulatedTransaction transaction;
        try {
            transaction = transactions.commit(request);
        } catch (Refusal refusal) {
            refuse(exchange, List.of(refusal));
            return;
        }
        if (faults.answerIfPlanned(exchange, "createTransaction" + AFTER_COMMIT, (answer, fault) ->
                answer.respondJson(fault.status(), Map.of("code", fault.status(),
                        "description", "Sandbox planned fault after the transaction was stored")))) {
            return;
        }
        int status = switch (transaction.status) {
            case "Ok", "Authenticated" -> 201;
            case "3DAuth" -> 202;
            // UNCONFIRMED (api-contracts §2.6): a declined card is answered 422 with the full transaction body.
            default -> 422;
        };
        exchange.respondJson(status, transaction.body(exchange.baseUrl()));
    }

    private void createInstruction(SimulatorExchange exchange, String id, Map<String, Object> body)
            throws IOException {
        Optional<Map<String, Object>> instruction;
        try {
            instruction = transactions.instruct(id, body, date(clock.instant()));
        } catch (Refusal refusal) {
            refuse(exchange, List.of(refusal));
            return;
        }
        if (instruction.isEmpty()) {
            transactionNotFound(exchange);
            return;
        }
        // UNCONFIRMED (api-contracts §2.7): an instruction is answered 201; refusals are 422 errors naming the
        // property (amount for a release over the deferred amount), with the simulator's own codes.
        exchange.respondJson(201, Map.of("instructionType", instruction.get().get("instructionType"),
                "date", instruction.get().get("date")));
    }

    private static void transactionNotFound(SimulatorExchange exchange) throws IOException {
        exchange.respondJson(404, Map.of("code", 1012, "description", "Transaction not found"));
    }

    /** Opayo's validation list (api-contracts §2.8, shape 1): 422 {@code errors} naming each property. */
    private static void refuse(SimulatorExchange exchange, List<Refusal> refusals) throws IOException {
        exchange.respondJson(422, Map.of("errors", refusals.stream().map(refusal -> Map.<String, Object>of(
                "code", refusal.code(), "description", refusal.getMessage(), "property", refusal.property(),
                "clientMessage", refusal.getMessage())).toList()));
    }

    private String date(Instant instant) {
        return DATE.format(instant.atZone(clock.getZone()));
    }
}
