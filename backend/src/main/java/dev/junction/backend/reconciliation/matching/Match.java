package dev.junction.backend.reconciliation.matching;

import java.math.BigDecimal;
import java.util.List;

/**
 * Settlement rows of one order (one transaction type) paired with one Opayo transaction. The rows include the
 * order's fee rows; only the charge rows ({@code ItemPrice} and {@code Promotion} amounts) make up
 * {@code settlementAmountMinor}.
 *
 * @param matchId                stable id: {@code settlementId/orderId/type/transactionId}
 * @param settlementId           the settlement
 * @param orderId                the Amazon order id
 * @param type                   payment or refund
 * @param basis                  by reference or by amount and date
 * @param lineIds                every settlement row of this match (charges and fees)
 * @param transactionId          the Opayo transaction
 * @param settlementAmountMinor  what the customer paid according to the settlement (refunds: positive amount
 *                               refunded), settlement currency
 * @param settlementCurrency     the settlement's currency
 * @param transactionAmountMinor the Opayo amount in its own currency
 * @param transactionCurrency    the Opayo currency
 * @param rate                   the rate used to convert the Opayo amount into the settlement currency; null when
 *                               the currencies are the same or no rate was found
 * @param convertedAmountMinor   the Opayo amount in the settlement currency (rounded per the options); the
 *                               unconverted amount when no rate was found (then a CURRENCY discrepancy says so)
 * @param differenceMinor        {@code convertedAmountMinor - settlementAmountMinor}
 * @param dayDifference          days between the Opayo transaction and the latest posted date of the rows
 * @param hints                  fraud/anomaly hints of the transaction
 */
public record Match(String matchId, String settlementId, String orderId, MatchType type, MatchBasis basis,
                    List<String> lineIds, String transactionId, long settlementAmountMinor, String settlementCurrency,
                    long transactionAmountMinor, String transactionCurrency, BigDecimal rate,
                    long convertedAmountMinor, long differenceMinor, long dayDifference, List<AnomalyHint> hints) {

    public Match {
        lineIds = List.copyOf(lineIds);
        hints = List.copyOf(hints);
    }
}
