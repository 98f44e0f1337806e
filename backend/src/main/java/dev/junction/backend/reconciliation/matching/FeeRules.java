package dev.junction.backend.reconciliation.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The default fee-allocation table and the lookup over a table. Account codes follow a common small-business chart:
 * 4xxx income (and contra-income), 2xxx liabilities, 6xxx costs of selling, 12xx clearing accounts.
 */
public final class FeeRules {

    /** The Opayo fee type of a transaction's fee. */
    public static final String OPAYO_TRANSACTION_FEE = "TransactionFee";

    private FeeRules() {
    }

    /** The defaults for the common Amazon V2 settlement amount types and Opayo's transaction fees. */
    public static List<FeeRule> defaults() {
        List<FeeRule> rules = new ArrayList<>();
        // what the customer paid (ItemPrice) and the discounts on it (Promotion)
        amazon(rules, "Order", "ItemPrice", "Principal", "4000", "Sales");
        amazon(rules, "Refund", "ItemPrice", "Principal", "4050", "Sales returns");
        amazon(rules, "*", "ItemPrice", "Shipping", "4010", "Shipping income");
        amazon(rules, "*", "ItemPrice", "GiftWrap", "4020", "Gift wrap income");
        amazon(rules, "*", "ItemPrice", "Tax", "2200", "VAT / sales tax payable");
        amazon(rules, "*", "ItemPrice", "ShippingTax", "2200", "VAT / sales tax payable");
        amazon(rules, "*", "ItemPrice", "GiftWrapTax", "2200", "VAT / sales tax payable");
        amazon(rules, "*", "ItemPrice", "RestockingFee", "4060", "Restocking fees charged");
        amazon(rules, "*", "Promotion", "Principal", "4090", "Promotions and discounts");
        amazon(rules, "*", "Promotion", "Shipping", "4090", "Promotions and discounts");
        // tax Amazon collects and pays itself
        amazon(rules, "*", "ItemWithheldTax", "MarketplaceFacilitatorTax-Principal", "2210", "Marketplace tax withheld");
        amazon(rules, "*", "ItemWithheldTax", "MarketplaceFacilitatorTax-Shipping", "2210", "Marketplace tax withheld");
        amazon(rules, "*", "ItemWithheldTax", "MarketplaceFacilitatorVAT-Principal", "2210", "Marketplace tax withheld");
        amazon(rules, "*", "ItemWithheldTax", "MarketplaceFacilitatorVAT-Shipping", "2210", "Marketplace tax withheld");
        // selling fees per item
        amazon(rules, "*", "ItemFees", "Commission", "6110", "Amazon referral fees");
        amazon(rules, "*", "ItemFees", "VariableClosingFee", "6110", "Amazon referral fees");
        amazon(rules, "*", "ItemFees", "FixedClosingFee", "6110", "Amazon referral fees");
        amazon(rules, "*", "ItemFees", "RefundCommission", "6115", "Amazon refund administration fees");
        amazon(rules, "*", "ItemFees", "DigitalServicesFee", "6140", "Amazon digital services fees");
        amazon(rules, "*", "ItemFees", "FBAPerUnitFulfillmentFee", "6120", "FBA fulfilment fees");
        amazon(rules, "*", "ItemFees", "FBAPerOrderFulfillmentFee", "6120", "FBA fulfilment fees");
        amazon(rules, "*", "ItemFees", "FBAWeightBasedFee", "6120", "FBA fulfilment fees");
        amazon(rules, "*", "ItemFees", "ShippingChargeback", "6130", "Shipping chargebacks");
        amazon(rules, "*", "ItemFees", "ShippingHB", "6130", "Shipping chargebacks");
        amazon(rules, "*", "ItemFees", "GiftwrapChargeback", "6130", "Shipping chargebacks");
        amazon(rules, "*", "ShipmentFees", "ShippingChargeback", "6130", "Shipping chargebacks");
        // account-level rows (no order)
        amazon(rules, "*", "*", "Storage Fee", "6150", "FBA storage fees");
        amazon(rules, "*", "*", "StorageRenewalBilling", "6150", "FBA storage fees");
        amazon(rules, "*", "*", "FBALongTermStorageFee", "6150", "FBA storage fees");
        amazon(rules, "*", "*", "FBAInboundTransportationFee", "6155", "FBA inbound transport fees");
        amazon(rules, "*", "*", "DisposalComplete", "6170", "FBA removal and disposal fees");
        amazon(rules, "*", "*", "RemovalComplete", "6170", "FBA removal and disposal fees");
        amazon(rules, "*", "*", "Subscription Fee", "6160", "Amazon subscription");
        amazon(rules, "*", "*", "CouponRedemptionFee", "6180", "Amazon advertising and coupons");
        amazon(rules, "*", "*", "Cost of Advertising", "6180", "Amazon advertising and coupons");
        amazon(rules, "*", "*", "REVERSAL_REIMBURSEMENT", "4100", "FBA reimbursements");
        amazon(rules, "*", "*", "WAREHOUSE_DAMAGE", "4100", "FBA reimbursements");
        amazon(rules, "*", "*", "WAREHOUSE_LOST", "4100", "FBA reimbursements");
        amazon(rules, "*", "*", "Current Reserve Amount", "1215", "Amazon reserve held");
        amazon(rules, "*", "*", "Previous Reserve Amount Balance", "1215", "Amazon reserve held");
        // Opayo's fees
        rules.add(new FeeRule(FeeSource.OPAYO, "Payment", "*", OPAYO_TRANSACTION_FEE, "6210", "Card processing fees"));
        rules.add(new FeeRule(FeeSource.OPAYO, "Refund", "*", OPAYO_TRANSACTION_FEE, "6215",
                "Card refund processing fees"));
        rules.add(new FeeRule(FeeSource.OPAYO, "*", "*", OPAYO_TRANSACTION_FEE, "6210", "Card processing fees"));
        return List.copyOf(rules);
    }

    private static void amazon(List<FeeRule> rules, String transactionType, String amountType, String feeType,
                               String account, String description) {
        rules.add(new FeeRule(FeeSource.AMAZON, transactionType, amountType, feeType, account, description));
    }

    /**
     * The rule for a fee: same source, same fee type, and the most specific transaction type and amount type that
     * fit ({@code *} fits anything); empty when none fits.
     */
    public static Optional<FeeRule> find(List<FeeRule> rules, FeeSource source, String transactionType,
                                         String amountType, String feeType) {
        String wantedFee = normal(feeType);
        FeeRule best = null;
        int bestScore = -1;
        for (FeeRule rule : rules) {
            if (rule.source() != source || !normal(rule.feeType()).equals(wantedFee)
                    || !fits(rule.transactionType(), transactionType) || !fits(rule.amountType(), amountType)) {
                continue;
            }
            int score = (rule.transactionType().equals("*") ? 0 : 2) + (rule.amountType().equals("*") ? 0 : 1);
            if (score > bestScore) {
                best = rule;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean fits(String pattern, String value) {
        return pattern.equals("*") || normal(pattern).equals(normal(value));
    }

    /** Lower case without spaces, dashes and underscores: {@code "Storage Fee"} = {@code "storage-fee"}. */
    static String normal(String type) {
        if (type == null) {
            return "";
        }
        StringBuilder normal = new StringBuilder(type.length());
        for (char c : type.toCharArray()) {
            if (c != ' ' && c != '-' && c != '_') {
                normal.append(Character.toLowerCase(c));
            }
        }
        return normal.toString().toLowerCase(Locale.ROOT);
    }
}
