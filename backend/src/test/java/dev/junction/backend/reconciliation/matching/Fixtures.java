package dev.junction.backend.reconciliation.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Small builders for settlements, rows and transactions in the tests. */
final class Fixtures {

    static final LocalDate START = LocalDate.of(2026, 11, 1);
    static final LocalDate END = LocalDate.of(2026, 11, 14);
    static final LocalDate POSTED = LocalDate.of(2026, 11, 10);

    private Fixtures() {
    }

    /** A settlement whose total is the sum of its rows. */
    static Settlement settlement(String id, String currency, List<SettlementLine> lines) {
        long total = lines.stream().mapToLong(SettlementLine::amountMinor).sum();
        return new Settlement(id, "Amazon.de", START, END, END.plusDays(1), total, currency, lines);
    }

    static Settlement settlement(String id, List<SettlementLine> lines) {
        return settlement(id, "EUR", lines);
    }

    /** Rows numbered from 1 in order of the builders' calls. */
    static final class Rows {
        private final List<SettlementLine> lines = new ArrayList<>();
        private final String currency;

        Rows(String currency) {
            this.currency = currency;
        }

        Rows() {
            this("EUR");
        }

        Rows row(String type, String orderId, String adjustmentId, String amountType, String description, long amount,
                 LocalDate posted) {
            lines.add(new SettlementLine("row-" + (lines.size() + 1), type, orderId, null, adjustmentId, amountType,
                    description, amount, currency, posted, "SKU-1", "item-1", 1));
            return this;
        }

        /** An order: principal, commission (15 %), FBA fee 3.00. */
        Rows order(String orderId, long principal) {
            row("Order", orderId, null, "ItemPrice", "Principal", principal, POSTED);
            row("Order", orderId, null, "ItemFees", "Commission", -principal * 15 / 100, POSTED);
            return row("Order", orderId, null, "ItemFees", "FBAPerUnitFulfillmentFee", -300, POSTED);
        }

        /** A refund: principal back, commission back, refund commission. */
        Rows refund(String orderId, long principal) {
            row("Refund", orderId, "adj-" + orderId, "ItemPrice", "Principal", -principal, POSTED);
            row("Refund", orderId, "adj-" + orderId, "ItemFees", "Commission", principal * 15 / 100, POSTED);
            return row("Refund", orderId, "adj-" + orderId, "ItemFees", "RefundCommission", -100, POSTED);
        }

        Rows storageFee(long amount) {
            return row("other-transaction", null, null, "other-transaction", "Storage Fee", amount, POSTED);
        }

        List<SettlementLine> lines() {
            return List.copyOf(lines);
        }
    }

    static Instant at(LocalDate date) {
        return date.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    static PaymentTransaction payment(String id, String vendorTxCode, long amount, String currency, LocalDate date) {
        return new PaymentTransaction(id, vendorTxCode, "Payment", "Ok", amount, currency, at(date), "B1", null, 0,
                "Authenticated", "AllMatched", "Matched");
    }

    static PaymentTransaction payment(String id, String vendorTxCode, long amount) {
        return payment(id, vendorTxCode, amount, "EUR", POSTED.minusDays(1));
    }

    static PaymentTransaction refund(String id, String vendorTxCode, String relatedId, long amount) {
        return new PaymentTransaction(id, vendorTxCode, "Refund", "Ok", amount, "EUR", at(POSTED), "B2", relatedId,
                0, null, null, null);
    }

    static PaymentTransaction withFee(PaymentTransaction t, long fee) {
        return new PaymentTransaction(t.transactionId(), t.vendorTxCode(), t.transactionType(), t.status(),
                t.amountMinor(), t.currency(), t.started(), t.batchId(), t.relatedTransactionId(), fee,
                t.threeDSecureStatus(), t.avsCvcStatus(), t.securityCodeResult());
    }

    static PaymentTransaction withChecks(PaymentTransaction t, String threeDSecure, String avsCvc, String securityCode) {
        return new PaymentTransaction(t.transactionId(), t.vendorTxCode(), t.transactionType(), t.status(),
                t.amountMinor(), t.currency(), t.started(), t.batchId(), t.relatedTransactionId(), t.feeMinor(),
                threeDSecure, avsCvc, securityCode);
    }

    static ExchangeRate rate(String from, String to, String rate) {
        return new ExchangeRate(from, to, START.minusDays(30), new BigDecimal(rate));
    }

    static ReconciliationInput input(List<Settlement> settlements, List<PaymentTransaction> transactions,
                                     List<ExchangeRate> rates, ReconciliationOptions options) {
        return new ReconciliationInput(settlements, transactions, List.of(), rates, FeeRules.defaults(),
                LedgerAccounts.defaults(), options);
    }

    static ReconciliationResult reconcile(List<Settlement> settlements, List<PaymentTransaction> transactions) {
        return Reconciler.reconcile(input(settlements, transactions, List.of(), ReconciliationOptions.defaults()));
    }
}
