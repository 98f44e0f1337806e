package dev.junction.connectors.opayo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What this connector instance learned of each vendorTxCode it sent, per connection: the transaction id Opayo
 * answered, or that the answer was lost (a timeout, a broken connection, a 5xx) so that the outcome must be looked
 * up before anything is sent again. Kept in memory, the most recent {@value #CAPACITY} only: after a restart Opayo's
 * refusal of a repeated vendorTxCode is what prevents a second charge.
 */
final class TransactionOutcomes {

    static final int CAPACITY = 10_000;

    /** A transaction id when Opayo answered one, empty when the outcome is unknown. */
    record Outcome(Optional<String> transactionId) {
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

    synchronized void answered(String connectionId, String vendorTxCode, String transactionId) {
        outcomes.put(key(connectionId, vendorTxCode), new Outcome(Optional.of(transactionId)));
    }

    synchronized void lost(String connectionId, String vendorTxCode) {
        outcomes.putIfAbsent(key(connectionId, vendorTxCode), new Outcome(Optional.empty()));
    }

    synchronized void forget(String connectionId, String vendorTxCode) {
        outcomes.remove(key(connectionId, vendorTxCode));
    }

    private static String key(String connectionId, String vendorTxCode) {
        return connectionId + "\n" + vendorTxCode;
    }
}
