package dev.junction.db.amounts;

/**
 * Where a workflow's runs keep their business amount (V36 {@code workflow_amount_settings}): the amount's expression
 * ({@code trigger.amount.totalAmount}, {@code nodes.reconcile.orderAmountMinor}), its kind ({@code sale},
 * {@code refund}, {@code settlement}, {@code sign}, {@code expression} with {@code kindExpression}), its currency (a
 * fixed code, or {@code currencyExpression}), the fees' expression (settlements), and whether values are in minor
 * units.
 */
public record AmountSettings(String amountExpression, String kind, String kindExpression, String currency,
                             String currencyExpression, String feeExpression, boolean minorUnits) {
}
