package dev.junction.connectors.opayo.sandbox;

import dev.junction.connectors.opayo.OpayoServerNotification;
import dev.junction.connectors.opayo.OpayoSettings;
import dev.junction.connectors.opayo.ReportingXml;
import dev.junction.connectors.opayo.sandbox.SimulatedTransaction.CardOnFile;
import dev.junction.connectors.outbound.OutboundClient;
import dev.junction.connectors.sandbox.Faults;
import dev.junction.connectors.sandbox.reconciliation.ReconciliationScenario;
import dev.junction.connectors.sandbox.reconciliation.ScenarioRequest;
import dev.junction.connectors.sandbox.Simulator;
import dev.junction.connectors.sandbox.SimulatorExchange;
import dev.junction.engine.connectors.ConnectorException;
import org.w3c.dom.Document;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A stateful stand-in for Opayo Pi under {@code /opayo} ({@code /opayo/api/v1/…}) and its Reporting API
 * ({@code /opayo/access/access.htm}): merchant session keys that expire after 400 s, card identifiers bound to
 * them and used once, transactions by id and by vendorTxCode (a repeated vendorTxCode is refused with 4001),
 * instructions with their rules, refunds up to what was taken, Basic auth against the sandbox credentials and
 * Opayo's three error shapes.
 *
 * <p>Planned faults by operation: {@code createMerchantSessionKey}, {@code createCardIdentifier},
 * {@code createTransaction} (before anything is stored), {@code createTransaction:afterCommit} (the transaction is
 * stored, then the fault's delay and status are answered — a lost answer), {@code getTransaction},
 * {@code createInstruction}, {@code getInstructions}, and the Reporting API's commands {@code getTransactionDetail},
 * {@code getTransactionList} and {@code getBatchList}.
 *
 * <p>Settlement: {@link #closeBatch()} (or {@code POST /opayo/sandbox/batches}) puts every transaction taken and not
 * yet settled into a new batch dated now; {@code getBatchList} lists those batches, and a settled transaction's row in
 * {@code getTransactionList} names its batch.
 *
 * <p>{@code POST /opayo/sandbox/server-notifications {"transactionId", "notificationUrl"}} posts a legacy Server
 * notification of a stored transaction, signed with the sandbox security key, and answers the receiver's reply.
 *
 * <p>{@code POST /opayo/_simulator/reconciliation-scenario {"seed", "orders", "endDate"}} ({@link #loadScenario})
 * adds the payments and refunds of a {@link ReconciliationScenario} — the orders of the settlement the SP-API
 * simulator's control of the same name publishes — settled in one batch per day, and answers the scenario with its
 * injected discrepancies; {@code GET} answers the last one. Their list rows also carry {@code <threedsecurestatus>},
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
    static final Duration SESSION_KEY_LIFETIME = Duration.ofSeconds(400);
    private static final String API = "/api/v1";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
    // UNCONFIRMED (api-contracts §2.10): list requests carry dates as dd/MM/yyyy HH:mm:ss in UK time.
    private static final DateTimeFormatter REPORTING_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");
    static final int DEFAULT_REPORTING_ROWS_PER_PAGE = 50;
    /** The Reporting API commands the simulator answers, each a fault point of its own name. */
    static final List<String> REPORTING_COMMANDS = List.of("getTransactionDetail", "getTransactionList",
            "getBatchList");

    private final Faults faults = new Faults();
    private final Clock clock;
    private final Map<String, Instant> sessionKeys = new HashMap<>();
    private final Map<String, CardOnFile> cards = new HashMap<>();
    private final Map<String, SimulatedTransaction> transactions = new LinkedHashMap<>();
    private final Map<String, String> idsByVendorTxCode = new HashMap<>();
    private final List<SettlementBatch> batches = new ArrayList<>();
    private final int reportingRowsPerPage;
    private Map<String, Object> scenario;

    public OpayoSimulator() {
        this(Clock.system(ZoneId.of("Europe/London")));
    }

    public OpayoSimulator(Clock clock) {
        this(clock, DEFAULT_REPORTING_ROWS_PER_PAGE);
    }

    /** With the most rows one Reporting API list answer carries, whatever the request asks (tests page with it). */
    public OpayoSimulator(Clock clock, int reportingRowsPerPage) {
        this.clock = clock;
        this.reportingRowsPerPage = reportingRowsPerPage;
    }

    /** A settlement batch the simulator closed: its id, when, and the transactions it settled. */
    private record SettlementBatch(String batchId, OffsetDateTime date, List<SimulatedTransaction> transactions) {
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
        return new SandboxConnection(
                Map.of(OpayoSettings.ENVIRONMENT, OpayoSettings.TEST, OpayoSettings.BASE_URL, baseUrl + API,
                        OpayoSettings.REPORTING_URL, baseUrl + "/access/access.htm",
                        OpayoSettings.VENDOR_NAME, VENDOR_NAME, OpayoSettings.REPORTING_USER, REPORTING_USER),
                Map.of(OpayoSettings.INTEGRATION_KEY, INTEGRATION_KEY,
                        OpayoSettings.INTEGRATION_PASSWORD, INTEGRATION_PASSWORD,
                        OpayoSettings.SECURITY_KEY, SECURITY_KEY,
                        OpayoSettings.REPORTING_PASSWORD, REPORTING_PASSWORD));
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
        sessionKeys.clear();
        cards.clear();
        transactions.clear();
        idsByVendorTxCode.clear();
        batches.clear();
        scenario = null;
    }

    /** The control that loads a reconciliation scenario's payments. */
    public static final String SCENARIO_CONTROL = "/_simulator/reconciliation-scenario";
    private static final CardOnFile SCENARIO_CARD = new CardOnFile("scenario-card", null, "4929000000006", "1229",
            "Visa", false);

    /**
     * Adds a reconciliation scenario's transactions, settled: one batch per day (dated 22:00 UK time that day);
     * answers the scenario with its injected discrepancies and the batch ids.
     */
    public synchronized Map<String, Object> loadScenario(ReconciliationScenario generated) {
        Map<String, SimulatedTransaction> loaded = new LinkedHashMap<>();
        Map<java.time.LocalDate, List<SimulatedTransaction>> byDay = new java.util.TreeMap<>();
        for (ReconciliationScenario.Payment payment : generated.payments()) {
            boolean refund = payment.transactionType().equals("Refund");
            SimulatedTransaction transaction = new SimulatedTransaction(payment.transactionId(),
                    payment.transactionType(), payment.vendorTxCode(), payment.amountMinor(), payment.currency(), "Ok",
                    "0000", refund ? "The Refund was Successful." : "The Authorisation was Successful.",
                    refund ? null : SCENARIO_CARD, payment.started().atZone(clock.getZone()).toOffsetDateTime());
            transaction.threeDSecureStatus = payment.threeDSecureStatus();
            transaction.avsCvcStatus = payment.avsCvcStatus();
            transaction.securityCodeResult = payment.securityCode();
            transaction.fee = payment.feeMinor();
            if (payment.relatedTransactionId() != null) {
                transaction.reference = loaded.get(payment.relatedTransactionId());
                if (transaction.reference != null) {
                    transaction.reference.refunded += payment.amountMinor();
                }
            }
            loaded.put(transaction.transactionId, transaction);
            transactions.put(transaction.transactionId, transaction);
            idsByVendorTxCode.put(transaction.vendorTxCode, transaction.transactionId);
            byDay.computeIfAbsent(transaction.created.atZoneSameInstant(clock.getZone()).toLocalDate(),
                    day -> new ArrayList<>()).add(transaction);
        }
        List<String> batchIds = new ArrayList<>();
        byDay.forEach((day, settled) -> {
            String batchId = String.valueOf(100_001 + batches.size());
            settled.forEach(transaction -> transaction.batchId = batchId);
            batches.add(new SettlementBatch(batchId, day.atTime(22, 0).atZone(clock.getZone()).toOffsetDateTime(),
                    settled));
            batchIds.add(batchId);
        });
        batches.sort(java.util.Comparator.comparing(batch -> batch.date().toInstant()));
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
    public synchronized Optional<ClosedBatch> closeBatch() {
        List<SimulatedTransaction> settled = transactions.values().stream()
                .filter(SimulatedTransaction::settleable).toList();
        if (settled.isEmpty()) {
            return Optional.empty();
        }
        String batchId = String.valueOf(100_001 + batches.size());
        OffsetDateTime now = OffsetDateTime.now(clock);
        settled.forEach(transaction -> transaction.batchId = batchId);
        batches.add(new SettlementBatch(batchId, now, settled));
        return Optional.of(new ClosedBatch(batchId, date(now.toInstant()), settled.size()));
    }

    /** How many transactions the simulator holds under a vendorTxCode (for tests: never more than one). */
    public synchronized long transactionsWithVendorTxCode(String vendorTxCode) {
        return transactions.values().stream().filter(transaction -> transaction.vendorTxCode.equals(vendorTxCode))
                .count();
    }

    /**
     * Posts an Opayo Server notification of a stored transaction to {@code notificationUrl}, form-encoded and
     * signed with the sandbox security key, and answers the reply's text (what a receiver says back).
     */
    public String sendServerNotification(String transactionId, URI notificationUrl) throws IOException {
        SimulatedTransaction transaction;
        synchronized (this) {
            transaction = transactions.get(transactionId);
        }
        if (transaction == null) {
            throw new IllegalArgumentException("the sandbox holds no transaction " + transactionId);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("VPSProtocol", "3.00");
        fields.put("TxType", transaction.transactionType.toUpperCase(Locale.ROOT));
        fields.put("VendorTxCode", transaction.vendorTxCode);
        fields.put("VPSTxId", "{" + transaction.transactionId + "}");
        fields.put("Status", switch (transaction.status) {
            case "Ok" -> "OK";
            case "NotAuthed" -> "NOTAUTHED";
            case "Authenticated" -> "AUTHENTICATED";
            case "3DAuth" -> "PENDING";
            default -> "ERROR";
        });
        fields.put("StatusDetail", transaction.statusCode + " : " + transaction.statusDetail);
        if (transaction.status.equals("Ok")) {
            fields.put("TxAuthNo", String.valueOf(Math.abs(transaction.transactionId.hashCode()) % 100_000));
        }
        fields.put("AVSCV2", "ALL MATCH");
        fields.put("AddressResult", "MATCHED");
        fields.put("PostCodeResult", "MATCHED");
        fields.put("CV2Result", "MATCHED");
        fields.put("GiftAid", "0");
        fields.put("3DSecureStatus", "OK");
        if (transaction.cardType != null) {
            fields.put("CardType", transaction.cardType.toUpperCase(Locale.ROOT));
            fields.put("Last4Digits", transaction.lastFourDigits);
            fields.put("ExpiryDate", transaction.expiryDate);
        }
        fields.put("VPSSignature", new OpayoServerNotification(fields).expectedSignature(VENDOR_NAME, SECURITY_KEY));
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        try { // through the outbound address policy, like every call Junction makes
            return OutboundClient.shared().send(HttpRequest.newBuilder(notificationUrl)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (ConnectorException refused) {
            throw new IllegalArgumentException("notificationUrl: " + refused.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while notifying " + notificationUrl, e);
        }
    }

    @Override
    public void handle(SimulatorExchange exchange) throws IOException {
        String path = exchange.path();
        String method = exchange.method();
        if (method.equals("POST") && path.equals("/sandbox/server-notifications")) {
            serverNotification(exchange);
            return;
        }
        if (method.equals("POST") && path.equals("/sandbox/batches")) {
            Optional<ClosedBatch> batch = closeBatch();
            exchange.respondJson(batch.isPresent() ? 201 : 200, batch.<Map<String, Object>>map(closed -> Map.of(
                    "batchId", closed.batchId(), "batchDate", closed.batchDate(),
                    "transactionCount", closed.transactionCount())).orElse(Map.of("transactionCount", 0)));
            return;
        }
        if (path.equals(SCENARIO_CONTROL)) {
            if (method.equals("GET")) {
                Map<String, Object> last;
                synchronized (this) {
                    last = scenario;
                }
                exchange.respondJson(last == null ? 404 : 200, last == null
                        ? Map.of("error", "no reconciliation scenario was loaded since the last reset") : last);
            } else if (method.equals("POST")) {
                exchange.respondJson(201, loadScenario(ScenarioRequest.read(exchange)));
            } else {
                exchange.respondJson(405, Map.of("error", "the reconciliation scenario is read with GET, made with POST"));
            }
            return;
        }
        if (method.equals("POST") && path.equals("/access/access.htm")) {
            reporting(exchange);
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
            case "getTransaction" -> withTransaction(exchange, parts[1],
                    transaction -> exchange.respondJson(200, transaction.body(exchange.baseUrl())));
            case "createInstruction" -> createInstruction(exchange, parts[1], body);
            default -> withTransaction(exchange, parts[1], transaction -> {
                synchronized (this) {
                    exchange.respondJson(200, Map.of("instructions", List.copyOf(transaction.instructions)));
                }
            });
        }
    }

    /** {@code POST /sandbox/server-notifications {"transactionId", "notificationUrl"}}: sends one, answers the reply. */
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
        Optional<Faults.Fault> fault = faults.take(operation);
        if (fault.isEmpty()) {
            return false;
        }
        fault.get().holdBack();
        if (!fault.get().answersError()) {
            return false;
        }
        if (fault.get().retryAfterSeconds() != null) {
            exchange.responseHeader("Retry-After", String.valueOf(fault.get().retryAfterSeconds()));
        }
        int status = fault.get().status();
        exchange.respondJson(status, status == 401 ? Map.of("code", 1002, "description", "Authentication failed")
                : Map.of("code", status, "description", "Sandbox planned fault for " + operation));
        return true;
    }

    private boolean basicAuthorised(SimulatorExchange exchange) throws IOException {
        Optional<String> header = exchange.header("Authorization");
        if (header.isEmpty() || !header.get().startsWith("Basic ")) {
            exchange.respondJson(401, Map.of("code", 1001, "description", "Authentication value missing"));
            return false;
        }
        String expected = Base64.getEncoder().encodeToString((INTEGRATION_KEY + ":" + INTEGRATION_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        if (!java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
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
            exchange.respondJson(422, errors(List.of(error(4000,
                    "VendorName is invalid or the account is not active", "vendorName"))));
            return;
        }
        String key = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Instant expiry = clock.instant().plus(SESSION_KEY_LIFETIME);
        synchronized (this) {
            sessionKeys.put(key, expiry);
        }
        // UNCONFIRMED (api-contracts §2.3): a new merchant session key is answered 201 (the connector takes any 2xx).
        exchange.respondJson(201, Map.of("merchantSessionKey", key, "expiry", date(expiry)));
    }

    private void getMerchantSessionKey(SimulatorExchange exchange, String key) throws IOException {
        Instant expiry;
        synchronized (this) {
            expiry = sessionKeys.get(key);
        }
        if (expiry == null || !expiry.isAfter(clock.instant())) {
            exchange.respondJson(404, Map.of("code", 1011, "description", "Merchant session key not found or expired"));
            return;
        }
        exchange.respondJson(200, Map.of("merchantSessionKey", key, "expiry", date(expiry)));
    }

    private void createCardIdentifier(SimulatorExchange exchange, Map<String, Object> body) throws IOException {
        String authorization = exchange.header("Authorization").orElse("");
        String sessionKey = authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : "";
        if (!liveSessionKey(sessionKey)) {
            exchange.respondJson(401, Map.of("code", 1002, "description", "Authentication failed"));
            return;
        }
        Map<?, ?> details = body.get("cardDetails") instanceof Map<?, ?> map ? map : Map.of();
        String number = details.get("cardNumber") instanceof String text ? text : "";
        String expiry = details.get("expiryDate") instanceof String text ? text : "";
        List<Map<String, Object>> problems = new ArrayList<>();
        if (!(details.get("cardholderName") instanceof String name) || name.isBlank() || name.length() > 45) {
            problems.add(error(1003, "Missing or invalid cardholder name", "cardDetails.cardholderName"));
        }
        Optional<String> cardType = SandboxCards.cardType(number);
        if (!SandboxCards.luhnValid(number)) {
            problems.add(error(1007, "The card number has failed our validity checks and is invalid",
                    "cardDetails.cardNumber"));
        } else if (cardType.isEmpty()) {
            problems.add(error(1008, "The card is not supported", "cardDetails.cardNumber"));
        }
        if (!expiry.matches("(0[1-9]|1[0-2])[0-9]{2}") || expired(expiry)) {
            problems.add(error(1009, "The card has expired or the expiry date is invalid", "cardDetails.expiryDate"));
        }
        if (details.get("securityCode") != null
                && !(details.get("securityCode") instanceof String code && code.matches("[0-9]{3,4}"))) {
            problems.add(error(1010, "The security code is invalid", "cardDetails.securityCode"));
        }
        if (!problems.isEmpty()) {
            exchange.respondJson(422, errors(problems));
            return;
        }
        String identifier = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Instant expiresAt;
        synchronized (this) {
            cards.put(identifier, new CardOnFile(identifier, sessionKey, number, expiry, cardType.get(), false));
            expiresAt = sessionKeys.get(sessionKey);
        }
        exchange.respondJson(201, Map.of("cardIdentifier", identifier, "expiry", date(expiresAt),
                "cardType", cardType.get()));
    }

    private boolean expired(String expiry) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int month = Integer.parseInt(expiry.substring(0, 2));
        int year = 2000 + Integer.parseInt(expiry.substring(2));
        return year < now.getYear() || year == now.getYear() && month < now.getMonthValue();
    }

    private synchronized boolean liveSessionKey(String key) {
        Instant expiry = sessionKeys.get(key);
        return expiry != null && expiry.isAfter(clock.instant());
    }

    private void createTransaction(SimulatorExchange exchange, Map<String, Object> request) throws IOException {
        List<TransactionContract.Problem> problems = TransactionContract.check(request);
        if (!problems.isEmpty()) {
            exchange.respondJson(422, errors(problems.stream().map(problem -> error(
                    problem.message().startsWith("is required") ? 1003 : 1004,
                    problem.property() + " " + problem.message(), problem.property())).toList()));
            return;
        }
        Answer answer;
        synchronized (this) {
            answer = commit(request, exchange.baseUrl());
        }
        Optional<Faults.Fault> lost = faults.take("createTransaction" + AFTER_COMMIT);
        if (lost.isPresent()) {
            lost.get().holdBack();
            if (lost.get().answersError()) {
                exchange.respondJson(lost.get().status(), Map.of("code", lost.get().status(),
                        "description", "Sandbox planned fault after the transaction was stored"));
                return;
            }
        }
        exchange.respondJson(answer.status(), answer.body());
    }

    private record Answer(int status, Object body) {
    }

    /** Stores a transaction that passed the field rules, or answers why Opayo would refuse it. */
    private Answer commit(Map<String, Object> request, String baseUrl) {
        String type = (String) request.get("transactionType");
        String vendorTxCode = (String) request.get("vendorTxCode");
        long amount = ((Number) request.get("amount")).longValue();
        // UNCONFIRMED (api-contracts §2.8): every repeated vendorTxCode is refused with 4001 in a 422 errors list,
        // also when the earlier transaction failed (legacy gateways let a failed code be used again).
        if (idsByVendorTxCode.containsKey(vendorTxCode)) {
            // a valid transaction under a vendorTxCode already used: the second charge a non-idempotent client
            // asked for (refused, as Opayo does)
            faults.counters().duplicateSideEffect();
            return refusal(4001, "VendorTxCode has been used before. All VendorTxCodes should be unique.",
                    "vendorTxCode");
        }
        String id = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        OffsetDateTime now = OffsetDateTime.now(clock);
        SimulatedTransaction transaction;
        if (TransactionContract.CARD_TYPES.contains(type)) {
            Map<?, ?> card = (Map<?, ?>) ((Map<?, ?>) request.get("paymentMethod")).get("card");
            CardOnFile onFile = cards.get((String) card.get("cardIdentifier"));
            boolean reusable = Boolean.TRUE.equals(card.get("reusable"));
            if (onFile == null || reusable != onFile.reusable()) {
                return refusal(1015, "Card identifier not found or already used",
                        "paymentMethod.card.cardIdentifier");
            }
            if (!reusable && (!onFile.merchantSessionKey().equals(card.get("merchantSessionKey"))
                    || !liveSessionKey(onFile.merchantSessionKey()))) {
                return refusal(1011, "Merchant session key not found, expired or not the card identifier's",
                        "paymentMethod.card.merchantSessionKey");
            }
            if (Boolean.TRUE.equals(card.get("save")) && !reusable) {
                cards.put(onFile.cardIdentifier(), new CardOnFile(onFile.cardIdentifier(), null, onFile.cardNumber(),
                        onFile.expiryDate(), onFile.cardType(), true));
            } else if (!reusable) {
                cards.remove(onFile.cardIdentifier());
            }
            SandboxCards.Outcome outcome = SandboxCards.outcome(onFile.cardNumber());
            if (outcome == SandboxCards.Outcome.CHALLENGED && "Disable".equals(request.get("apply3DSecure"))) {
                outcome = SandboxCards.Outcome.AUTHORISED;
            }
            String[] status = switch (outcome) {
                case AUTHORISED -> type.equals("Authenticate")
                        ? new String[]{"Authenticated", "0000", "The Authentication was Successful."}
                        : new String[]{"Ok", "0000", "The Authorisation was Successful."};
                case DECLINED -> new String[]{"NotAuthed", "2000", "The Authorisation was Declined by the bank."};
                case CHALLENGED -> new String[]{"3DAuth", "2021",
                        "Please redirect your customer to the ACSURL to complete the 3DS Transaction"};
            };
            transaction = new SimulatedTransaction(id, type, vendorTxCode, amount, (String) request.get("currency"),
                    status[0], status[1], status[2], onFile, now);
        } else {
            SimulatedTransaction original = transactions.get((String) request.get("referenceTransactionId"));
            Optional<Answer> refused = referenceRefusal(type, original, amount);
            if (refused.isPresent()) {
                return refused.get();
            }
            String currency = request.get("currency") instanceof String code ? code : original.currency;
            transaction = new SimulatedTransaction(id, type, vendorTxCode, amount, currency, "Ok", "0000",
                    type.equals("Refund") ? "The Refund was Successful." : "The Authorisation was Successful.",
                    null, now);
            if (type.equals("Refund")) {
                original.refunded += amount;
            } else if (type.equals("Authorise")) {
                original.authorised = true;
            }
            transaction.reference = original;
        }
        transactions.put(id, transaction);
        idsByVendorTxCode.put(vendorTxCode, id);
        int status = switch (transaction.status) {
            case "Ok", "Authenticated" -> 201;
            case "3DAuth" -> 202;
            // UNCONFIRMED (api-contracts §2.6): a declined card is answered 422 with the full transaction body.
            default -> 422;
        };
        return new Answer(status, transaction.body(baseUrl));
    }

    private Optional<Answer> referenceRefusal(String type, SimulatedTransaction original, long amount) {
        if (original == null) {
            return Optional.of(refusal(1016, "The referenced transaction was not found", "referenceTransactionId"));
        }
        boolean taken = original.status.equals("Ok") && (!original.transactionType.equals("Deferred")
                || original.has("release"));
        return switch (type) {
            case "Refund" -> !taken || original.has("void")
                    ? Optional.of(refusal(1017, "The referenced transaction cannot be refunded",
                    "referenceTransactionId"))
                    : amount > original.refundable()
                    ? Optional.of(refusal(4035, "This Refund would exceed the amount of the original transaction.",
                    "amount"))
                    : Optional.empty();
            case "Repeat" -> !taken || original.transactionType.equals("Refund")
                    || original.transactionType.equals("Authenticate")
                    ? Optional.of(refusal(1017, "The referenced transaction cannot be repeated",
                    "referenceTransactionId"))
                    : Optional.empty();
            default -> !original.transactionType.equals("Authenticate") || !original.status.equals("Authenticated")
                    || original.authorised || original.has("cancel")
                    ? Optional.of(refusal(1017, "The referenced transaction is not an authentication that can be "
                    + "authorised", "referenceTransactionId"))
                    : Optional.empty();
        };
    }

    private void createInstruction(SimulatorExchange exchange, String id, Map<String, Object> body)
            throws IOException {
        Answer answer;
        synchronized (this) {
            SimulatedTransaction transaction = transactions.get(id);
            answer = transaction == null ? new Answer(404, Map.of("code", 1012, "description", "Transaction not found"))
                    : instruct(transaction, body);
        }
        exchange.respondJson(answer.status(), answer.body());
    }

    private Answer instruct(SimulatedTransaction transaction, Map<String, Object> body) {
        Object type = body.get("instructionType");
        String kind = transaction.transactionType;
        String notApplicable = "Transaction status not applicable";
        Answer refusal = switch (type instanceof String text ? text : "") {
            case "release" -> {
                if (!kind.equals("Deferred") || !transaction.status.equals("Ok") || transaction.has("release")
                        || transaction.has("abort")) {
                    yield refusal(1017, notApplicable + ": only a deferred payment not yet released or aborted "
                            + "can be released", "instructionType");
                }
                if (!(body.get("amount") instanceof Long amount) || amount <= 0) {
                    yield refusal(1003, "A release needs an amount", "amount");
                }
                yield amount > transaction.amount ? refusal(1004, "The release amount " + amount
                        + " exceeds the deferred amount " + transaction.amount, "amount") : null;
            }
            case "abort" -> !kind.equals("Deferred") || !transaction.status.equals("Ok")
                    || transaction.has("release") || transaction.has("abort")
                    ? refusal(1017, notApplicable + ": only a deferred payment not yet released can be aborted",
                    "instructionType") : null;
            case "void" -> !(kind.equals("Payment") || kind.equals("Refund") || kind.equals("Repeat"))
                    || !transaction.status.equals("Ok") || transaction.has("void")
                    || !transaction.created.toLocalDate().equals(OffsetDateTime.now(clock).toLocalDate())
                    ? refusal(1017, notApplicable + ": only a payment, refund or repeat taken today can be voided",
                    "instructionType") : null;
            case "cancel" -> !kind.equals("Authenticate") || transaction.authorised || transaction.has("cancel")
                    ? refusal(1017, notApplicable + ": only an authentication not yet authorised can be cancelled",
                    "instructionType") : null;
            default -> refusal(1004, "instructionType must be void, abort, release or cancel", "instructionType");
        };
        if (refusal != null) {
            return refusal;
        }
        Map<String, Object> instruction = new LinkedHashMap<>();
        instruction.put("instructionType", type);
        instruction.put("date", date(clock.instant()));
        if (body.get("amount") instanceof Long amount) {
            instruction.put("amount", amount);
        }
        transaction.instructions.add(instruction);
        // UNCONFIRMED (api-contracts §2.7): an instruction is answered 201; refusals are 422 errors naming the
        // property (amount for a release over the deferred amount), with the simulator's own codes.
        return new Answer(201, Map.of("instructionType", type, "date", instruction.get("date")));
    }

    private void withTransaction(SimulatorExchange exchange, String id, TransactionAnswer answer) throws IOException {
        SimulatedTransaction transaction;
        synchronized (this) {
            transaction = transactions.get(id);
        }
        if (transaction == null) {
            exchange.respondJson(404, Map.of("code", 1012, "description", "Transaction not found"));
            return;
        }
        answer.answer(transaction);
    }

    @FunctionalInterface
    private interface TransactionAnswer {
        void answer(SimulatedTransaction transaction) throws IOException;
    }

    /**
     * The Reporting API: {@code getTransactionDetail} by vendortxcode, {@code getTransactionList} and
     * {@code getBatchList} over a date window, paged; the signature checked. Each command is a fault point.
     */
    private void reporting(SimulatorExchange exchange) throws IOException {
        String xml = Optional.ofNullable(exchange.form().get("XML")).map(List::getFirst).orElse("");
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("<command>\\s*([A-Za-z]+)\\s*</command>")
                .matcher(xml);
        String command = named.find() ? named.group(1) : "";
        if (REPORTING_COMMANDS.contains(command) && fault(command, exchange)) {
            return;
        }
        int start = xml.indexOf("<vspaccess>");
        int signatureAt = xml.indexOf("<signature>");
        Document document;
        try {
            document = ReportingXml.parse(xml);
        } catch (IOException | RuntimeException e) {
            reportingAnswer(exchange, "0001", "The XML could not be read", "");
            return;
        }
        if (start < 0 || signatureAt < start) {
            reportingAnswer(exchange, "0010", "The signature could not be validated", "");
            return;
        }
        String inner = xml.substring(start + "<vspaccess>".length(), signatureAt);
        String signature = ReportingXml.text(document, "signature").orElse("");
        boolean signed = java.security.MessageDigest.isEqual(
                ReportingXml.signature(inner, REPORTING_PASSWORD).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
        if (!signed || !REPORTING_USER.equals(ReportingXml.text(document, "user").orElse(""))
                || !VENDOR_NAME.equalsIgnoreCase(ReportingXml.text(document, "vendor").orElse(""))) {
            reportingAnswer(exchange, "0010", "The signature could not be validated", "");
            return;
        }
        switch (command) {
            case "getTransactionDetail" -> transactionDetail(exchange, document);
            case "getTransactionList" -> transactionList(exchange, document);
            case "getBatchList" -> batchList(exchange, document);
            default -> reportingAnswer(exchange, "0002", "The sandbox knows only " + String.join(", ",
                    REPORTING_COMMANDS), "");
        }
    }

    private void transactionDetail(SimulatorExchange exchange, Document document) throws IOException {
        Optional<String> vendorTxCode = ReportingXml.text(document, "vendortxcode");
        SimulatedTransaction transaction;
        synchronized (this) {
            String id = vendorTxCode.map(idsByVendorTxCode::get)
                    .or(() -> ReportingXml.text(document, "vpstxid").map(v -> v.replace("{", "").replace("}", "")))
                    .orElse(null);
            transaction = id == null ? null : transactions.get(id);
        }
        if (transaction == null) {
            reportingAnswer(exchange, "0043", "The transaction could not be found", "");
            return;
        }
        reportingAnswer(exchange, "0000", null, ReportingXml.element("vpstxid", "{" + transaction.transactionId + "}")
                + ReportingXml.element("vendortxcode", transaction.vendorTxCode)
                + ReportingXml.element("transactiontype", transaction.transactionType)
                + ReportingXml.element("status", transaction.statusDetail)
                + ReportingXml.element("amount", String.valueOf(transaction.amount))
                + ReportingXml.element("currency", String.valueOf(transaction.currency))
                + ReportingXml.element("started", date(transaction.created.toInstant())));
    }

    /** One page of a list: the rows from startrow to endrow (1-based, at most the simulator's rows per page). */
    private record Page(long totalRows, long startRow, List<String> rows) {
        String xml(String container) {
            return "<" + container + ">" + ReportingXml.element("totalrows", String.valueOf(totalRows))
                    + ReportingXml.element("startrow", String.valueOf(startRow))
                    + ReportingXml.element("endrow", String.valueOf(startRow + rows.size() - 1))
                    + String.join("", rows) + "</" + container + ">";
        }
    }

    /** The window's bounds (inclusive, whole seconds), or empty when a date is missing or unreadable. */
    private Optional<Instant[]> window(Document document) {
        try {
            Instant start = LocalDateTime.parse(ReportingXml.text(document, "startdate").orElse(""), REPORTING_DATE)
                    .atZone(clock.getZone()).toInstant();
            Instant end = LocalDateTime.parse(ReportingXml.text(document, "enddate").orElse(""), REPORTING_DATE)
                    .atZone(clock.getZone()).toInstant();
            return Optional.of(new Instant[]{start, end});
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean within(Instant[] window, OffsetDateTime date) {
        Instant second = date.toInstant().truncatedTo(ChronoUnit.SECONDS);
        return !second.isBefore(window[0]) && !second.isAfter(window[1]);
    }

    private Page page(Document document, List<String> all) {
        long startRow = Math.max(1, ReportingXml.text(document, "startrow").map(OpayoSimulator::whole).orElse(1L));
        long endRow = ReportingXml.text(document, "endrow").map(OpayoSimulator::whole)
                .orElse(startRow + reportingRowsPerPage - 1);
        long rows = Math.max(0, Math.min(endRow - startRow + 1, reportingRowsPerPage));
        int from = (int) Math.min(all.size(), startRow - 1);
        int to = (int) Math.min(all.size(), from + rows);
        return new Page(all.size(), startRow, all.subList(from, to));
    }

    private static long whole(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    // UNCONFIRMED (api-contracts §2.10): getTransactionList answers <transactions> with <totalrows>, <startrow>,
    // <endrow> and <transaction> rows (by <started>, then id) carrying the names getTransactionDetail answers, plus
    // <batchid> once settled and <cardtype>; amounts in minor units; an empty window is 0000 with no rows.
    private void transactionList(SimulatorExchange exchange, Document document) throws IOException {
        Optional<Instant[]> window = window(document);
        if (window.isEmpty()) {
            reportingAnswer(exchange, "0004", "startdate and enddate must be dd/mm/yyyy hh:mm:ss", "");
            return;
        }
        List<String> rows = new ArrayList<>();
        synchronized (this) {
            List<SimulatedTransaction> found = transactions.values().stream()
                    .filter(transaction -> within(window.get(), transaction.created))
                    .sorted(java.util.Comparator.comparing((SimulatedTransaction t) -> t.created.toInstant())
                            .thenComparing(t -> t.transactionId)).toList();
            for (SimulatedTransaction transaction : found) {
                rows.add("<transaction>" + ReportingXml.element("vpstxid", "{" + transaction.transactionId + "}")
                        + ReportingXml.element("vendortxcode", transaction.vendorTxCode)
                        + ReportingXml.element("transactiontype", transaction.transactionType)
                        + ReportingXml.element("status", transaction.statusDetail)
                        + ReportingXml.element("amount", String.valueOf(transaction.amount))
                        + ReportingXml.element("currency", String.valueOf(transaction.currency))
                        + ReportingXml.element("started", date(transaction.created.toInstant()))
                        + (transaction.batchId == null ? "" : ReportingXml.element("batchid", transaction.batchId))
                        + ReportingXml.element("cardtype", transaction.settledCardType())
                        + scenarioElements(transaction)
                        + "</transaction>");
            }
        }
        reportingAnswer(exchange, "0000", null, page(document, rows).xml("transactions"));
    }

    // UNCONFIRMED (api-contracts §2.10): getBatchList answers <batches> with <batch> rows (by <batchdate>) carrying
    // <batchid>, <batchdate>, <transactioncount> and <totals><total> per currency and card type with <count> and
    // the net <amount> in minor units (refunds subtracted).
    private void batchList(SimulatorExchange exchange, Document document) throws IOException {
        Optional<Instant[]> window = window(document);
        if (window.isEmpty()) {
            reportingAnswer(exchange, "0004", "startdate and enddate must be dd/mm/yyyy hh:mm:ss", "");
            return;
        }
        List<String> rows = new ArrayList<>();
        synchronized (this) {
            for (SettlementBatch batch : batches) {
                if (!within(window.get(), batch.date())) {
                    continue;
                }
                Map<String, long[]> totals = new java.util.TreeMap<>();
                for (SimulatedTransaction transaction : batch.transactions()) {
                    long[] total = totals.computeIfAbsent(transaction.currency + "|"
                            + transaction.settledCardType(), key -> new long[2]);
                    total[0]++;
                    total[1] += transaction.settledAmount();
                }
                StringBuilder row = new StringBuilder("<batch>")
                        .append(ReportingXml.element("batchid", batch.batchId()))
                        .append(ReportingXml.element("batchdate", date(batch.date().toInstant())))
                        .append(ReportingXml.element("transactioncount", String.valueOf(batch.transactions().size())))
                        .append("<totals>");
                totals.forEach((key, total) -> row.append("<total>")
                        .append(ReportingXml.element("currency", key.substring(0, key.indexOf('|'))))
                        .append(ReportingXml.element("cardtype", key.substring(key.indexOf('|') + 1)))
                        .append(ReportingXml.element("count", String.valueOf(total[0])))
                        .append(ReportingXml.element("amount", String.valueOf(total[1])))
                        .append("</total>"));
                rows.add(row.append("</totals></batch>").toString());
            }
        }
        reportingAnswer(exchange, "0000", null, page(document, rows).xml("batches"));
    }

    /** The extra elements of a reconciliation scenario's transaction (none for the others). */
    private static String scenarioElements(SimulatedTransaction transaction) {
        StringBuilder elements = new StringBuilder();
        if (transaction.threeDSecureStatus != null) {
            elements.append(ReportingXml.element("threedsecurestatus", transaction.threeDSecureStatus));
        }
        if (transaction.avsCvcStatus != null) {
            elements.append(ReportingXml.element("avscv2status", transaction.avsCvcStatus));
        }
        if (transaction.securityCodeResult != null) {
            elements.append(ReportingXml.element("cv2result", transaction.securityCodeResult));
        }
        if (transaction.fee > 0) {
            elements.append(ReportingXml.element("fee", String.valueOf(transaction.fee)));
        }
        if (transaction.transactionType.equals("Refund") && transaction.reference != null) {
            elements.append(ReportingXml.element("relatedvpstxid", "{" + transaction.reference.transactionId + "}"));
        }
        return elements.toString();
    }

    private void reportingAnswer(SimulatorExchange exchange, String code, String error, String content)
            throws IOException {
        exchange.respond(200, "application/xml; charset=utf-8", "<vspaccess>" + ReportingXml.element("errorcode", code)
                + (error == null ? "" : ReportingXml.element("error", error))
                + ReportingXml.element("timestamp", date(clock.instant())) + content + "</vspaccess>");
    }

    private static Answer refusal(int code, String description, String property) {
        return new Answer(422, errors(List.of(error(code, description, property))));
    }

    private static Map<String, Object> errors(List<Map<String, Object>> errors) {
        return Map.of("errors", errors);
    }

    private static Map<String, Object> error(int code, String description, String property) {
        return Map.of("code", code, "description", description, "property", property, "clientMessage", description);
    }

    private String date(Instant instant) {
        return DATE.format(instant.atZone(clock.getZone()));
    }
}
