package dev.junction.backend.reconciliation.matching;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.junction.backend.reconciliation.matching.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The default fee table: every common V2 amount type to its account, the most specific rule first. */
class FeeRulesTest {

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource({
            "Order, ItemPrice, Principal, 4000",
            "Refund, ItemPrice, Principal, 4050",
            "Order, ItemPrice, Shipping, 4010",
            "Order, ItemPrice, GiftWrap, 4020",
            "Order, ItemPrice, Tax, 2200",
            "Order, ItemPrice, ShippingTax, 2200",
            "Order, Promotion, Principal, 4090",
            "Order, Promotion, Shipping, 4090",
            "Order, ItemWithheldTax, MarketplaceFacilitatorTax-Principal, 2210",
            "Order, ItemFees, Commission, 6110",
            "Refund, ItemFees, Commission, 6110",
            "Order, ItemFees, VariableClosingFee, 6110",
            "Refund, ItemFees, RefundCommission, 6115",
            "Order, ItemFees, FBAPerUnitFulfillmentFee, 6120",
            "Order, ItemFees, FBAWeightBasedFee, 6120",
            "Order, ItemFees, ShippingChargeback, 6130",
            "Order, ItemFees, ShippingHB, 6130",
            "Order, ItemFees, DigitalServicesFee, 6140",
            "other-transaction, other-transaction, Storage Fee, 6150",
            "other-transaction, other-transaction, StorageRenewalBilling, 6150",
            "other-transaction, other-transaction, FBALongTermStorageFee, 6150",
            "ServiceFee, other-transaction, Subscription Fee, 6160",
            "other-transaction, other-transaction, DisposalComplete, 6170",
            "ServiceFee, other-transaction, Cost of Advertising, 6180",
            "other-transaction, other-transaction, WAREHOUSE_DAMAGE, 4100",
            "other-transaction, other-transaction, Current Reserve Amount, 1215",
    })
    void amazonAmountTypesMapToTheirAccounts(String transactionType, String amountType, String feeType,
                                            String account) {
        assertThat(FeeRules.find(FeeRules.defaults(), FeeSource.AMAZON, transactionType, amountType, feeType))
                .get().extracting(FeeRule::glAccount).isEqualTo(account);
    }

    @ParameterizedTest(name = "Opayo {0} → {1}")
    @CsvSource({"Payment, 6210", "Refund, 6215", "Repeat, 6210"})
    void opayoTransactionFeesMapByTransactionType(String transactionType, String account) {
        assertThat(FeeRules.find(FeeRules.defaults(), FeeSource.OPAYO, transactionType, "*",
                FeeRules.OPAYO_TRANSACTION_FEE)).get().extracting(FeeRule::glAccount).isEqualTo(account);
    }

    @Test
    void typesCompareIgnoringCaseSpacesDashesAndUnderscores() {
        assertThat(FeeRules.find(FeeRules.defaults(), FeeSource.AMAZON, "other-transaction", "x", "storage_fee"))
                .get().extracting(FeeRule::glAccount).isEqualTo("6150");
    }

    @Test
    void anUnknownTypeHasNoRule() {
        assertThat(FeeRules.find(FeeRules.defaults(), FeeSource.AMAZON, "Order", "ItemFees", "GalacticHandlingFee"))
                .isEmpty();
    }

    @Test
    void anEditedTableIsUsedInsteadOfTheDefaults() {
        List<FeeRule> rules = List.of(new FeeRule(FeeSource.AMAZON, "*", "*", "Commission", "7000", "Fees"));
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        ReconciliationResult result = Reconciler.reconcile(new ReconciliationInput(List.of(settlement),
                List.of(payment("T1", "302-1", 4500)), List.of(), List.of(), rules, null, null));
        assertThat(result.allocations()).extracting(FeeAllocation::glAccount).containsExactly("9999", "7000", "9999");
        assertThat(result.discrepancies()).extracting(Discrepancy::kind)
                .containsExactly(DiscrepancyKind.UNKNOWN_FEE_TYPE, DiscrepancyKind.UNKNOWN_FEE_TYPE);
    }
}
