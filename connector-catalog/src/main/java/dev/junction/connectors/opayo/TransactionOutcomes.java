package dev.junction.connectors.opayo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What this connector instance learned of each vendorTxCode it sent, per connection: which request sent it (the
 * step's idempotency key and a fingerprint of the whole request), and the transaction id Opayo answered or that the
 * answer was lost (a timeout, a broken connection, a 5xx) so that the outcome must be looked up before anything is
 * sent again. Kept in memory, the most recent {@value #CAPACITY} only: after a restart (or on another node) a step
 * the engine marks as a possible repeat is looked up in the Reporting API instead.
 */
final class TransactionOutcomes {

    static final int CAPACITY = 10_000;

    /** The request that sent a vendorTxCode: the step's idempotency key, its fingerprint and a short description. */
    record Sender(String stepKey, String fingerprint, String summary) {

        boolean sameRequestAs(Sender other) {
            return stepKey.equals(other.stepKey) && fingerprint.equals(other.fingerprint);
        }
    }

    /** Who sent the code, and the transaction id when Opayo answered one (empty when the outcome is unknown). */
    record Outcome(Sender sender, Optional<String> transactionId) {
    }

    private final Map<String, Outcome> outcomes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Outcome> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Optional<Outcome> find(String connectionId, String vendorTxCode) {
        return Optional.ofNullable(outcomes.get(key(connectionId, vendorTxCode)));
    }

    synchronized void answered(String connectionId, String vendorTxCode, Sender sender, String transactionId) {
        outcomes.put(key(connectionId, vendorTxCode), new Outcome(sender, Optional.of(transactionId)));
    }

    synchronized void lost(String connectionId, String vendorTxCode, Sender sender) {
        outcomes.putIfAbsent(key(connectionId, vendorTxCode), new Outcome(sender, Optional.empty()));
    }

    private static String key(String connectionId, String vendorTxCode) {
        return connectionId + "\n" + vendorTxCode;
    }
}
