package dev.junction.backend.reconciliation.matching;

import java.time.LocalDate;

/**
 * One detail row of a V2 settlement report. Amazon's sign convention: positive amounts are paid to the seller
 * (principal, shipping), negative ones are charged to the seller (commission, FBA fees, refunded principal).
 *
 * @param lineId          unique within its settlement (e.g. the row number {@code "row-17"}); every line ends in
 *                        exactly one match or one unmatched entry under this id
 * @param transactionType {@code transaction-type}: {@code Order}, {@code Refund}, {@code other-transaction},
 *                        {@code ServiceFee}, …
 * @param orderId         {@code order-id}; null or blank for account-level rows (storage fees, subscription)
 * @param merchantOrderId {@code merchant-order-id}; may be null
 * @param adjustmentId    {@code adjustment-id} (refund rows); may be null
 * @param amountType      {@code amount-type}: {@code ItemPrice}, {@code ItemFees}, {@code Promotion},
 *                        {@code ItemWithheldTax}, {@code ShipmentFees}, {@code other-transaction}, …
 * @param amountDescription {@code amount-description}: {@code Principal}, {@code Shipping}, {@code Commission},
 *                        {@code FBAPerUnitFulfillmentFee}, {@code RefundCommission}, {@code Storage Fee}, …
 * @param amountMinor     {@code amount} in minor units of {@code currency}
 * @param currency        the settlement's currency
 * @param postedDate      {@code posted-date}
 * @param sku             {@code sku}; may be null
 * @param orderItemCode   {@code order-item-code}; may be null
 * @param quantity        {@code quantity-purchased}; 0 when empty
 */
public record SettlementLine(String lineId, String transactionType, String orderId, String merchantOrderId,
                             String adjustmentId, String amountType, String amountDescription, long amountMinor,
                             String currency, LocalDate postedDate, String sku, String orderItemCode, long quantity) {

    public SettlementLine {
        Require.text(lineId, "lineId");
        Require.text(transactionType, "transactionType");
        Require.currency(currency, "currency");
        Require.present(postedDate, "postedDate");
        amountType = amountType == null ? "" : amountType.trim();
        amountDescription = amountDescription == null ? "" : amountDescription.trim();
    }

    /** Whether the row names an order (order and refund rows do; storage fees and subscriptions do not). */
    public boolean hasOrder() {
        return orderId != null && !orderId.isBlank();
    }
}
