package dev.junction.connectors.opayo;

import dev.junction.connectors.http.ConnectionChecks;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationCall;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Opayo Pi connector ({@code opayo-pi}): merchant session keys, card identifiers, transactions and their
 * instructions over Pi's JSON API with HTTP Basic. A transaction is never taken twice nor answered with another
 * request's ({@link TransactionCreation}): its vendorTxCode is the step's idempotency key when the input has none,
 * and a step that may have sent it before is looked up (the transaction id this instance noted, or the Reporting API
 * by vendorTxCode) before anything is sent again. Two polls read the Reporting API for reconciliation: transactions
 * and settlement batches.
 */
public final class OpayoPiConnector implements Connector {

    private static final ConnectorDescriptor DESCRIPTOR = OpayoDescriptor.descriptor();
    private static final Set<String> INSTRUCTION_TYPES = Set.of("release", "abort", "void", "cancel");

    private final RemoteHttp http;
    private final OpayoReporting reporting;
    private final ReconciliationPolls polls;
    private final TransactionCreation transactions;

    public OpayoPiConnector() {
        this(new RemoteHttp());
    }

    public OpayoPiConnector(RemoteHttp http) {
        this(http, Clock.systemUTC());
    }

    /** With the clock the reconciliation polls' windows are measured by (tests move it). */
    public OpayoPiConnector(RemoteHttp http, Clock clock) {
        this.http = http;
        this.reporting = new OpayoReporting(http);
        this.polls = new ReconciliationPolls(reporting, clock);
        this.transactions = new TransactionCreation(reporting);
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Object invoke(OperationCall call) throws ConnectorException {
        OpayoApi api = new OpayoApi(http, OpayoSettings.of(call.connection()), call.connection());
        return switch (call.operation()) {
            case OpayoDescriptor.CREATE_MERCHANT_SESSION_KEY -> createMerchantSessionKey(api, call.deadline());
            case OpayoDescriptor.CREATE_CARD_IDENTIFIER -> createCardIdentifier(api, call);
            case OpayoDescriptor.CREATE_TRANSACTION -> createTransaction(api, call);
            case OpayoDescriptor.GET_TRANSACTION -> answer(OpayoDescriptor.GET_TRANSACTION,
                    api.get("/transactions/" + pathId(call.input(), "transactionId"), call.deadline()));
            case OpayoDescriptor.CREATE_INSTRUCTION -> createInstruction(api, call);
            case OpayoDescriptor.POLL_TRANSACTIONS -> polls.pollTransactions(call);
            case OpayoDescriptor.POLL_BATCHES -> polls.pollBatches(call);
            default -> throw ConnectorException.permanentFailure("UnknownOperation",
                    "the Opayo Pi connector has no operation '" + call.operation() + "'", null, null);
        };
    }

    @Override
    public ConnectionCheck test(ConnectionAccess connection) {
        OpayoSettings settings;
        try {
            settings = OpayoSettings.of(connection);
            connection.requiredSecret(OpayoSettings.INTEGRATION_KEY);
            connection.requiredSecret(OpayoSettings.INTEGRATION_PASSWORD);
        } catch (ConnectorException e) {
            return ConnectionChecks.failed(e);
        }
        try {
            createMerchantSessionKey(new OpayoApi(http, settings, connection), Instant.now().plusSeconds(15));
            return ConnectionCheck.ok("Opayo accepted the integration key for vendor " + settings.vendorName()
                    + " at " + settings.baseUrl() + " (a merchant session key was issued)");
        } catch (ConnectorException e) {
            // UNCONFIRMED (api-contracts §2.3, §2.8): an unknown vendor name is refused with a 422 (code 4000).
            if (Integer.valueOf(422).equals(e.remoteStatus())) {
                return ConnectionCheck.failed(ConnectionCheck.Stage.SETTINGS,
                        "Opayo refused the vendor name '" + settings.vendorName() + "': " + e.getMessage());
            }
            return ConnectionChecks.failed(e);
        }
    }

    private Map<String, Object> createMerchantSessionKey(OpayoApi api, Instant deadline) throws ConnectorException {
        return answer(OpayoDescriptor.CREATE_MERCHANT_SESSION_KEY, api.post("/merchant-session-keys",
                Map.of("vendorName", api.settings().vendorName()), deadline));
    }

    private Map<String, Object> createCardIdentifier(OpayoApi api, OperationCall call) throws ConnectorException {
        Map<String, Object> input = call.input();
        List<InputProblem> problems = new java.util.ArrayList<>();
        requireText(input, "cardholderName", "^.{1,45}$", "is required, at most 45 characters", problems);
        requireText(input, "cardNumber", "^[0-9]{12,19}$", "must be 12 to 19 digits", problems);
        requireText(input, "expiryDate", "^(0[1-9]|1[0-2])[0-9]{2}$", "must be MMYY", problems);
        if (input.get("securityCode") != null) {
            requireText(input, "securityCode", "^[0-9]{3,4}$", "must be 3 or 4 digits", problems);
        }
        failOn(OpayoDescriptor.CREATE_CARD_IDENTIFIER, problems);
        String sessionKey = input.get("merchantSessionKey") instanceof String key && !key.isBlank() ? key
                : (String) createMerchantSessionKey(api, call.deadline()).get("merchantSessionKey");
        Map<String, Object> cardDetails = new LinkedHashMap<>();
        for (String field : List.of("cardholderName", "cardNumber", "expiryDate", "securityCode")) {
            if (input.get(field) != null) {
                cardDetails.put(field, input.get(field));
            }
        }
        Map<String, Object> answer = answer(OpayoDescriptor.CREATE_CARD_IDENTIFIER, api.postWithSessionKey(
                "/card-identifiers", Map.of("cardDetails", cardDetails), sessionKey, call.deadline()));
        answer.put("merchantSessionKey", sessionKey);
        return answer;
    }

    private Map<String, Object> createTransaction(OpayoApi api, OperationCall call) throws ConnectorException {
        Map<String, Object> request = new LinkedHashMap<>(call.input());
        if (!(request.get("vendorTxCode") instanceof String code) || code.isBlank()) {
            request.put("vendorTxCode", VendorTxCodes.fromIdempotencyKey(call.idempotencyKey()));
        }
        failOn(OpayoDescriptor.CREATE_TRANSACTION, TransactionRules.check(request));
        return transactions.create(api, call, request);
    }

    /**
     * Sends an instruction unless the transaction already has one of that type (a retry after a lost answer):
     * then answers that one, since each type applies once.
     */
    // UNCONFIRMED (api-contracts §2.7): GET /transactions/{id}/instructions lists every instruction given, so one
    // found there of the same type is the earlier attempt's.
    private Map<String, Object> createInstruction(OpayoApi api, OperationCall call) throws ConnectorException {
        Map<String, Object> input = call.input();
        String transactionId = pathId(input, "transactionId");
        List<InputProblem> problems = new java.util.ArrayList<>();
        Object type = input.get("instructionType");
        if (!(type instanceof String instructionType) || !INSTRUCTION_TYPES.contains(instructionType)) {
            failOn(OpayoDescriptor.CREATE_INSTRUCTION, List.of(new InputProblem("instructionType",
                    "must be one of abort, cancel, release, void")));
            return Map.of();
        }
        Object amount = input.get("amount");
        if (instructionType.equals("release")) {
            if (!(amount instanceof Long || amount instanceof Integer) || ((Number) amount).longValue() <= 0) {
                problems.add(new InputProblem("amount", "a release needs a whole positive amount in minor units"));
            }
        } else if (amount != null) {
            problems.add(new InputProblem("amount", "only a release takes an amount"));
        }
        failOn(OpayoDescriptor.CREATE_INSTRUCTION, problems);
        String path = "/transactions/" + transactionId + "/instructions";
        Map<String, Object> existing = answer(OpayoDescriptor.CREATE_INSTRUCTION, api.get(path, call.deadline()));
        if (existing.get("instructions") instanceof List<?> instructions) {
            for (Object instruction : instructions) {
                if (instruction instanceof Map<?, ?> map && instructionType.equals(map.get("instructionType"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> earlier = (Map<String, Object>) map;
                    return new LinkedHashMap<>(earlier);
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instructionType", instructionType);
        if (amount != null) {
            body.put("amount", ((Number) amount).longValue());
        }
        return answer(OpayoDescriptor.CREATE_INSTRUCTION, api.post(path, body, call.deadline()));
    }

    /** The body of a successful answer as a map, or the failure its error shape says. */
    static Map<String, Object> answer(String operation, RemoteResponse response) throws ConnectorException {
        if (!response.ok()) {
            throw OpayoFailures.of(operation, response);
        }
        Object body = OpayoFailures.parse(response.body());
        if (body instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> plain = new LinkedHashMap<>((Map<String, Object>) map);
            return plain;
        }
        if (response.status() == 204 || body == null && response.body().isBlank()) {
            return new LinkedHashMap<>();
        }
        throw ConnectorException.permanentFailure("UnexpectedAnswer", "Opayo answered " + operation
                + " with HTTP " + response.status() + " and a body that is not a JSON object", response.status(),
                response.body());
    }

    private static String pathId(Map<String, Object> input, String field) throws ConnectorException {
        if (input.get(field) instanceof String id && id.matches("[A-Za-z0-9{}-]{1,64}")) {
            return id;
        }
        throw ConnectorException.permanentFailure("InvalidInput", field + ": "
                + (input.get(field) == null ? "is required" : "must be an Opayo transaction id (letters, digits, -)"),
                null, null);
    }

    private static void requireText(Map<String, Object> input, String field, String pattern, String rule,
                                    List<InputProblem> problems) {
        if (!(input.get(field) instanceof String text) || !text.matches(pattern)) {
            problems.add(new InputProblem(field, rule));
        }
    }

    private static void failOn(String operation, List<InputProblem> problems) throws ConnectorException {
        if (!problems.isEmpty()) {
            throw ConnectorException.permanentFailure("InvalidInput", operation + " was not sent: "
                    + String.join("; ", problems.stream().map(InputProblem::toString).toList()), null, null);
        }
    }
}
