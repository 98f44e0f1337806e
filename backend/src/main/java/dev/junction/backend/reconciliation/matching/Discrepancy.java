package dev.junction.backend.reconciliation.matching;

import java.util.List;

/**
 * Something a finance user has to look at.
 *
 * @param key            stable across runs of the same input (kind/settlement/order/items), to store resolutions by
 * @param kind           what is wrong
 * @param settlementId   the settlement it concerns; null for transactions outside every settlement
 * @param orderId        the order id / vendorTxCode; may be null
 * @param lineIds        the settlement rows concerned (may be empty)
 * @param transactionIds the Opayo transactions concerned (may be empty)
 * @param expectedMinor  the amount expected (settlement side), minor units of {@code currency}; null when none
 * @param actualMinor    the amount found (Opayo side, converted), minor units; null when none
 * @param currency       the currency of the two amounts; may be null
 * @param message        one sentence a finance user understands
 */
public record Discrepancy(String key, DiscrepancyKind kind, String settlementId, String orderId, List<String> lineIds,
                          List<String> transactionIds, Long expectedMinor, Long actualMinor, String currency,
                          String message) {

    public Discrepancy {
        lineIds = List.copyOf(lineIds);
        transactionIds = List.copyOf(transactionIds);
    }
}
