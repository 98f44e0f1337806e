package dev.junction.connectors.opayo;

import dev.junction.connectors.http.RemoteResponse;
import dev.junction.connectors.idempotency.RequestComparison;
import dev.junction.connectors.idempotency.RequestFingerprint;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationCall;

import java.util.Map;
import java.util.Optional;

/**
 * {@code createTransaction} made safe to repeat, and never confused with another request that uses the same
 * vendorTxCode. A transaction Opayo already holds under the code is this step's own outcome only when
 *
 * <ul>
 *   <li>this connector instance noted that this step (its idempotency key) sent this very request (its
 *       fingerprint) under the code, or</li>
 *   <li>the engine marks the call as a possible repeat (a retry, a re-claimed step, a replay) and what Opayo shows of
 *       the transaction — type, amount, currency, card identifier — is what this request asks for.</li>
 * </ul>
 *
 * Anything else holding the code was made by another request: a permanent {@code DuplicateVendorTxCode}, and this
 * request is not sent (or Opayo refused it). A possible repeat that this instance knows nothing of (a restart, another
 * node) looks the code up in the Reporting API before sending anything.
 */
final class TransactionCreation {

    private final OpayoReporting reporting;
    private final TransactionOutcomes outcomes = new TransactionOutcomes();

    TransactionCreation(OpayoReporting reporting) {
        this.reporting = reporting;
    }

    /** {@code request}: the checked request, its vendorTxCode filled. */
    Map<String, Object> create(OpayoApi api, OperationCall call, Map<String, Object> request)
            throws ConnectorException {
        String vendorTxCode = (String) request.get("vendorTxCode");
        String connectionId = call.connection().id();
        TransactionOutcomes.Sender self = new TransactionOutcomes.Sender(call.idempotencyKey(),
                RequestFingerprint.of(request), summary(request));
        boolean reportingConfigured = OpayoReporting.configured(api.settings(), call.connection());

        Optional<TransactionOutcomes.Outcome> earlier = outcomes.find(connectionId, vendorTxCode);
        if (earlier.isPresent()) {
            TransactionOutcomes.Sender sender = earlier.get().sender();
            if (!sender.sameRequestAs(self)) {
                throw ConnectorException.permanentFailure("DuplicateVendorTxCode", "vendorTxCode " + vendorTxCode
                        + " was sent before by " + (sender.stepKey().equals(self.stepKey())
                        ? "this step with a different request (" + sender.summary() + ")"
                        : "another step (" + sender.summary() + ")") + ", so this " + self.summary()
                        + " was not sent and nothing was charged: give each transaction its own vendorTxCode",
                        null, null);
            }
            Optional<String> transactionId = earlier.get().transactionId();
            if (transactionId.isEmpty() && reportingConfigured) {
                transactionId = reporting.transactionIdOf(vendorTxCode, api.settings(), call.connection(),
                        call.deadline());
            }
            if (transactionId.isPresent()) {
                return ownTransaction(api, call, request, self, transactionId.get());
            }
        } else if (call.possibleRepeat() && reportingConfigured) {
            // nothing noted (a restart, another node) of a step that may have sent this before: look it up rather
            // than resend and rely on Opayo refusing the repeated code
            // UNCONFIRMED (api-contracts §2.10): a transaction Pi stored is at once visible to getTransactionDetail;
            // were it not, the resend below meets Opayo's refusal of the repeated code and is looked up again
            Optional<String> transactionId = reporting.transactionIdOf(vendorTxCode, api.settings(),
                    call.connection(), call.deadline());
            if (transactionId.isPresent()) {
                return ownTransaction(api, call, request, self, transactionId.get());
            }
        }
        return send(api, call, request, self, call.possibleRepeat() || earlier.isPresent(), reportingConfigured);
    }

    /** {@code sentBefore}: whether this step may have sent the request before (a possible repeat, or noted). */
    private Map<String, Object> send(OpayoApi api, OperationCall call, Map<String, Object> request,
                                     TransactionOutcomes.Sender self, boolean sentBefore,
                                     boolean reportingConfigured) throws ConnectorException {
        String vendorTxCode = (String) request.get("vendorTxCode");
        String connectionId = call.connection().id();
        RemoteResponse response;
        try {
            response = api.post("/transactions", request, call.deadline());
        } catch (ConnectorException lost) {
            if (lost.retryable() && !"ConnectionRefused".equals(lost.errorClass())) {
                outcomes.lost(connectionId, vendorTxCode, self);
            }
            throw lost;
        }
        if (response.status() >= 500 || response.status() == 408) {
            outcomes.lost(connectionId, vendorTxCode, self);
        }
        if (OpayoFailures.refusesDuplicate(response)) {
            return refusedAsRepeated(api, call, request, self, response, sentBefore, reportingConfigured);
        }
        Object body = OpayoFailures.parse(response.body());
        if (body instanceof Map<?, ?> transaction && transaction.get("transactionId") instanceof String id) {
            outcomes.answered(connectionId, vendorTxCode, self, id);
            Optional<ConnectorException> failure =
                    OpayoFailures.ofTransaction(OpayoDescriptor.CREATE_TRANSACTION, response, transaction);
            if (failure.isPresent()) {
                throw failure.get();
            }
        }
        return OpayoPiConnector.answer(OpayoDescriptor.CREATE_TRANSACTION, response);
    }

    /**
     * Opayo refused the vendorTxCode as used before. On a step's first call the transaction holding it is another
     * request's, whatever it looks like; on a possible repeat it is answered when it can be found and is this very
     * request.
     */
    private Map<String, Object> refusedAsRepeated(OpayoApi api, OperationCall call, Map<String, Object> request,
                                                  TransactionOutcomes.Sender self, RemoteResponse refusal,
                                                  boolean sentBefore, boolean reportingConfigured)
            throws ConnectorException {
        String vendorTxCode = (String) request.get("vendorTxCode");
        String refused = OpayoFailures.of(OpayoDescriptor.CREATE_TRANSACTION, refusal).getMessage();
        if (!sentBefore) {
            throw ConnectorException.permanentFailure("DuplicateVendorTxCode", "Opayo refused vendorTxCode "
                    + vendorTxCode + " as used before by another request (this step had never sent it), so this "
                    + self.summary() + " was not charged: give each transaction its own vendorTxCode. " + refused,
                    refusal.status(), refusal.body());
        }
        if (reportingConfigured) {
            Optional<String> transactionId = reporting.transactionIdOf(vendorTxCode, api.settings(),
                    call.connection(), call.deadline());
            if (transactionId.isPresent()) {
                return ownTransaction(api, call, request, self, transactionId.get());
            }
        }
        throw ConnectorException.permanentFailure("DuplicateVendorTxCode", "Opayo refused vendorTxCode "
                + vendorTxCode + " as used before, and the transaction it names could not be looked up"
                + (reportingConfigured ? "" : " (the connection has no reporting user and password)")
                + "; nothing was charged by this attempt — find the earlier one in MyOpayo. " + refused,
                refusal.status(), refusal.body());
    }

    /**
     * The transaction Opayo holds under the request's vendorTxCode, answered as this step's outcome when what it
     * shows is this request; a different one means the vendorTxCode was reused by another request.
     */
    private Map<String, Object> ownTransaction(OpayoApi api, OperationCall call, Map<String, Object> request,
                                               TransactionOutcomes.Sender self, String transactionId)
            throws ConnectorException {
        RemoteResponse response = api.get("/transactions/" + transactionId, call.deadline());
        Map<String, Object> transaction = OpayoPiConnector.answer(OpayoDescriptor.CREATE_TRANSACTION, response);
        RequestComparison comparison = compare(request, transaction);
        if (!comparison.same()) {
            throw ConnectorException.permanentFailure("DuplicateVendorTxCode", "vendorTxCode "
                    + request.get("vendorTxCode") + " already names transaction " + transactionId + " ("
                    + summary(transaction) + "), made by another request — " + comparison.describe()
                    + " — so it is not this " + self.summary() + ", which was not charged: give each transaction"
                    + " its own vendorTxCode", response.status(), null);
        }
        outcomes.answered(call.connection().id(), (String) request.get("vendorTxCode"), self, transactionId);
        Optional<ConnectorException> failure =
                OpayoFailures.ofTransaction(OpayoDescriptor.CREATE_TRANSACTION, response, transaction);
        if (failure.isPresent()) {
            throw failure.get();
        }
        return transaction;
    }

    /**
     * What Pi shows of a transaction (§2.6) compared with the request: its type (absent on some 3-D Secure failure
     * answers: then not compared), amount, currency (a refund's is inherited: compared only when the request gives
     * one) and card identifier (single use, so it tells two card payments apart).
     */
    // UNCONFIRMED (api-contracts §2.6): GET /transactions/{id} echoes paymentMethod.card.cardIdentifier; a
    // transaction that shows no card while the request names one counts as another request's.
    static RequestComparison compare(Map<String, Object> request, Map<String, Object> transaction) {
        RequestComparison comparison = new RequestComparison()
                .field("amount", request.get("amount"), transaction.get("amount") instanceof Map<?, ?> total
                        ? total.get("totalAmount") : null)
                .field("currency", request.get("currency"), transaction.get("currency"))
                .field("paymentMethod.card.cardIdentifier", cardIdentifier(request), cardIdentifier(transaction));
        if (transaction.get("transactionType") != null) {
            comparison.field("transactionType", request.get("transactionType"), transaction.get("transactionType"));
        }
        return comparison;
    }

    private static Object cardIdentifier(Map<String, Object> body) {
        return body.get("paymentMethod") instanceof Map<?, ?> method && method.get("card") instanceof Map<?, ?> card
                ? card.get("cardIdentifier") : null;
    }

    /** {@code Payment of 1250 GBP}: what a message says of a request or a transaction. */
    private static String summary(Map<String, Object> body) {
        Object amount = body.get("amount") instanceof Map<?, ?> total ? total.get("totalAmount") : body.get("amount");
        return body.get("transactionType") + " of " + amount
                + (body.get("currency") == null ? "" : " " + body.get("currency"));
    }
}
