package dev.junction.connectors.opayo;

import dev.junction.connectors.http.ConnectionChecks;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.Operation;
import dev.junction.engine.connectors.OperationCall;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Opayo Pi connector ({@code opayo-pi}): merchant session keys, card identifiers, transactions and their
 * instructions over Pi's JSON API with HTTP Basic. A transaction is never taken twice nor answered with another
 * request's ({@link TransactionCreation}): its vendorTxCode is the step's idempotency key when the input has none,
 * and a step that may have sent it before is looked up (the transaction id this instance noted, or the Reporting API
 * by vendorTxCode) before anything is sent again. Two polls read the Reporting API for reconciliation: transactions
 * and settlement batches.
 */
public final class OpayoPiConnector implements Connector {

    private final RemoteHttp http;
    private final OpayoReporting reporting;
    private final ReconciliationPolls polls;
    private final TransactionCreation transactions;
    private final List<Operation> operations = List.of(
            new Operation(OpayoDescriptor.MERCHANT_SESSION_KEY,
                    call -> createMerchantSessionKey(api(call), call.deadline())),
            new Operation(OpayoDescriptor.CARD_IDENTIFIER, call -> createCardIdentifier(api(call), call)),
            new Operation(OpayoDescriptor.TRANSACTION, call -> createTransaction(api(call), call)),
            // transactionId goes into the path: the central check has held it to TRANSACTION_ID (no / ? # %)
            new Operation(OpayoDescriptor.TRANSACTION_BY_ID, call -> answer(OpayoDescriptor.GET_TRANSACTION,
                    api(call).get("/transactions/" + call.input().get("transactionId"), call.deadline()))),
            new Operation(OpayoDescriptor.INSTRUCTION, call -> createInstruction(api(call), call)),
            new Operation(OpayoDescriptor.TRANSACTION_BY_VENDOR_TX_CODE, this::findTransactionByVendorTxCode),
            new Operation(OpayoDescriptor.TRANSACTIONS_POLL, this::pollTransactions),
            new Operation(OpayoDescriptor.BATCHES_POLL, this::pollBatches));
    private final ConnectorDescriptor descriptor = OpayoDescriptor.descriptor(
            operations.stream().map(Operation::descriptor).toList());

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
        return descriptor;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    private Object findTransactionByVendorTxCode(OperationCall call) throws ConnectorException {
        String vendorTxCode = (String) call.input().get("vendorTxCode");
        Map<String, Object> answer = new LinkedHashMap<>();
        reporting.transactionIdOf(vendorTxCode, OpayoSettings.of(call.connection()), call.connection(),
                call.deadline()).ifPresentOrElse(id -> {
                    answer.put("found", true);
                    answer.put("transactionId", id);
                }, () -> answer.put("found", false));
        answer.put("vendorTxCode", vendorTxCode);
        return answer;
    }

    private Object pollTransactions(OperationCall call) throws ConnectorException {
        return polls.pollTransactions(call);
    }

    private Object pollBatches(OperationCall call) throws ConnectorException {
        return polls.pollBatches(call);
    }

    private OpayoApi api(OperationCall call) throws ConnectorException {
        return new OpayoApi(http, OpayoSettings.of(call.connection()), call.connection());
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
        String transactionId = (String) input.get("transactionId");
        String instructionType = (String) input.get("instructionType");
        Object amount = input.get("amount");
        // the schema's x-check: whether an amount belongs depends on the instruction's type
        if (instructionType.equals("release") && amount == null) {
            failOn(OpayoDescriptor.CREATE_INSTRUCTION, List.of("input.amount: a release needs a whole positive "
                    + "amount in minor units"));
        } else if (!instructionType.equals("release") && amount != null) {
            failOn(OpayoDescriptor.CREATE_INSTRUCTION, List.of("input.amount: only a release takes an amount"));
        }
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

    /** Refuses an input that breaks a rule of the schema's {@code x-check}, in the central check's words. */
    private static void failOn(String operation, List<String> problems) throws ConnectorException {
        if (!problems.isEmpty()) {
            throw ConnectorException.permanentFailure("InvalidInput", operation + " was not sent: "
                    + String.join("; ", problems), null, null);
        }
    }
}
