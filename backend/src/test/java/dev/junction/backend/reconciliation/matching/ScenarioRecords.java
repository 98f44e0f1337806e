package dev.junction.backend.reconciliation.matching;

import dev.junction.connectors.sandbox.reconciliation.ReconciliationScenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A simulators' reconciliation scenario as reconciliation input (what the connectors read, without HTTP). */
final class ScenarioRecords {

    /** GBP→EUR for the scenario's CURRENCY injection; any rate far from 1 makes a same-figure charge stand out. */
    static final ExchangeRate GBP_EUR = new ExchangeRate("GBP", "EUR", LocalDate.of(2000, 1, 1),
            new BigDecimal("1.1650"));

    private ScenarioRecords() {
    }

    static Settlement settlement(ReconciliationScenario scenario) {
        List<SettlementLine> lines = new ArrayList<>();
        for (ReconciliationScenario.Row row : scenario.rows()) {
            lines.add(new SettlementLine("row-" + (lines.size() + 1), row.transactionType(), row.orderId(), null,
                    row.adjustmentId(), row.amountType(), row.amountDescription(), row.amountMinor(),
                    ReconciliationScenario.CURRENCY, row.postedDate(), row.sku(), row.orderItemCode(),
                    row.quantity()));
        }
        return new Settlement(scenario.settlementId(), ReconciliationScenario.MARKETPLACE, scenario.start(),
                scenario.end(), scenario.depositDate(), scenario.totalMinor(), ReconciliationScenario.CURRENCY, lines);
    }

    static List<PaymentTransaction> transactions(ReconciliationScenario scenario) {
        return scenario.payments().stream().map(payment -> new PaymentTransaction(payment.transactionId(),
                payment.vendorTxCode(), payment.transactionType(), "Ok", payment.amountMinor(), payment.currency(),
                payment.started(), "B", payment.relatedTransactionId(), payment.feeMinor(),
                payment.threeDSecureStatus(), payment.avsCvcStatus(), payment.securityCode())).toList();
    }

    static ReconciliationInput input(ReconciliationScenario scenario) {
        return new ReconciliationInput(List.of(settlement(scenario)), transactions(scenario), List.of(),
                List.of(GBP_EUR), FeeRules.defaults(), LedgerAccounts.defaults(),
                new ReconciliationOptions(ReconciliationScenario.TOLERANCE_DAYS, 0, null, null, null));
    }
}
