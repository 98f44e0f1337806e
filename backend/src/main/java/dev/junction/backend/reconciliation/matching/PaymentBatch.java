package dev.junction.backend.reconciliation.matching;

import java.time.LocalDate;
import java.util.List;

/**
 * One Opayo daily settlement batch ({@code pollBatches}): its totals per currency and card type, net of fees.
 *
 * @param batchId   {@code batchid}
 * @param batchDate the banking date
 * @param totals    per currency and card type
 */
public record PaymentBatch(String batchId, LocalDate batchDate, List<Total> totals) {

    public PaymentBatch {
        Require.text(batchId, "batchId");
        Require.present(batchDate, "batchDate");
        totals = List.copyOf(Require.present(totals, "totals"));
    }

    /**
     * @param currency    ISO 4217
     * @param cardType    e.g. {@code Visa}; may be null
     * @param count       transactions in this total
     * @param amountMinor net amount paid out, minor units
     * @param feeMinor    fees withheld, minor units (0 when the batch does not say)
     */
    public record Total(String currency, String cardType, long count, long amountMinor, long feeMinor) {
        public Total {
            Require.currency(currency, "totals.currency");
        }
    }
}
