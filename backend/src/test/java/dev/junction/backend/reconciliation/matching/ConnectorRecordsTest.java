package dev.junction.backend.reconciliation.matching;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connectors' answers (shapes as getSettlementReport and pollTransactions/pollBatches give them) as records. */
class ConnectorRecordsTest {

    private static Map<String, Object> row(String type, String orderId, String amountType, String description,
                                           String amount) {
        Map<String, Object> row = new HashMap<>();
        row.put("transactionType", type);
        row.put("orderId", orderId);
        row.put("amountType", amountType);
        row.put("amountDescription", description);
        row.put("amount", amount);
        row.put("postedDate", "2026-11-10");
        row.put("marketplaceName", "Amazon.de");
        row.put("quantityPurchased", 2L);
        return row;
    }

    @Test
    void aSettlementMapBecomesASettlementWithRowsInMinorUnits() {
        Map<String, Object> settlement = new HashMap<>();
        settlement.put("settlementId", "24288000002");
        settlement.put("settlementStartDate", "2026-11-01 00:00:00 UTC");
        settlement.put("settlementEndDate", "2026-11-14 00:00:00 UTC");
        settlement.put("depositDate", "2026-11-15 00:00:00 UTC");
        settlement.put("totalAmount", "38.25");
        settlement.put("currency", "EUR");
        settlement.put("transactions", List.of(row("Order", "302-1", "ItemPrice", "Principal", "45.00"),
                row("Order", "302-1", "ItemFees", "Commission", "-6.75")));

        Settlement read = ConnectorRecords.settlement(settlement);

        assertThat(read.settlementId()).isEqualTo("24288000002");
        assertThat(read.marketplace()).isEqualTo("Amazon.de");
        assertThat(read.startDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(read.depositDate()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(read.totalMinor()).isEqualTo(3825);
        assertThat(read.lines()).extracting(SettlementLine::lineId).containsExactly("row-1", "row-2");
        assertThat(read.lines()).extracting(SettlementLine::amountMinor).containsExactly(4500L, -675L);
        assertThat(read.lines().getFirst().quantity()).isEqualTo(2);
    }

    @Test
    void anAmountWithMoreDecimalsThanTheCurrencyHasIsRefusedByField() {
        Map<String, Object> settlement = new HashMap<>();
        settlement.put("settlementId", "S");
        settlement.put("settlementStartDate", "2026-11-01");
        settlement.put("settlementEndDate", "2026-11-14");
        settlement.put("depositDate", "2026-11-15");
        settlement.put("totalAmount", "1");
        settlement.put("currency", "JPY");
        settlement.put("transactions", List.of(row("Order", "1", "ItemPrice", "Principal", "1.5")));
        assertThatThrownBy(() -> ConnectorRecords.settlement(settlement)).hasMessage(
                "settlement.transactions[0].amount: must be a decimal amount with at most 0 decimals of JPY, was '1.5'");
    }

    @Test
    void aPolledTransactionBecomesAPaymentTransactionSettledByItsStatusTextOrBatch() {
        Map<String, Object> data = new HashMap<>();
        data.put("transactionId", "T1");
        data.put("vendorTxCode", "302-1");
        data.put("transactionType", "Payment");
        data.put("status", "The Authorisation was Successful.");
        data.put("amount", 4500L);
        data.put("currency", "EUR");
        data.put("started", "2026-11-09T10:00:00Z");
        data.put("batchId", "100001");
        data.put("fee", 83L);
        data.put("threeDSecureStatus", "NotAuthenticated");

        PaymentTransaction transaction = ConnectorRecords.transaction(data);

        assertThat(transaction.isSettled()).isTrue();
        assertThat(transaction.started()).isEqualTo(Instant.parse("2026-11-09T10:00:00Z"));
        assertThat(transaction.feeMinor()).isEqualTo(83);
        assertThat(transaction.threeDSecureStatus()).isEqualTo("NotAuthenticated");

        data.put("status", "NotAuthed");
        assertThat(ConnectorRecords.transaction(data).isSettled()).isFalse();
        data.put("amount", "45.00");
        assertThatThrownBy(() -> ConnectorRecords.transaction(data))
                .hasMessage("transaction.amount: must be a whole number of minor units, was 45.00");
    }

    @Test
    void aPolledBatchBecomesAPaymentBatch() {
        PaymentBatch batch = ConnectorRecords.batch(Map.of("batchId", "100001", "batchDate",
                "2026-11-09T22:00:00Z", "totals", List.of(Map.of("currency", "EUR", "cardType", "Visa", "count", 3L,
                        "amount", 12000L))));
        assertThat(batch.batchDate()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(batch.totals()).singleElement().satisfies(total -> {
            assertThat(total.amountMinor()).isEqualTo(12000);
            assertThat(total.feeMinor()).isZero();
        });
    }
}
