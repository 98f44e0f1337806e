package dev.junction.backend.reconciliation.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rows of one settlement that belong to one order event: an order's rows ({@code transaction-type Order}), or one
 * refund's rows ({@code Refund}, one group per {@code adjustment-id}). Its charge — what the card holder paid or got
 * back — is the sum of the {@code ItemPrice} and {@code Promotion} rows; the other rows are fees that ride along.
 */
final class OrderGroup {

    /** The amount types that make up what the card holder paid. */
    static final Set<String> CHARGE_AMOUNT_TYPES = Set.of("itemprice", "promotion");

    final Settlement settlement;
    final String orderId;
    final String reference;
    final MatchType type;
    final List<SettlementLine> lines = new ArrayList<>();
    long chargeSum;
    boolean hasCharge;
    LocalDate latestPosted;

    OrderGroup(Settlement settlement, String orderId, MatchType type) {
        this.settlement = settlement;
        this.orderId = orderId;
        this.reference = reference(orderId);
        this.type = type;
    }

    void add(SettlementLine line) {
        lines.add(line);
        if (CHARGE_AMOUNT_TYPES.contains(FeeRules.normal(line.amountType()))) {
            chargeSum = Math.addExact(chargeSum, line.amountMinor());
            hasCharge = true;
        }
        if (latestPosted == null || line.postedDate().isAfter(latestPosted)) {
            latestPosted = line.postedDate();
        }
    }

    /** The amount the Opayo transaction should have: the charge for an order, the charge negated for a refund. */
    long expected() {
        return type == MatchType.REFUND ? Math.negateExact(chargeSum) : chargeSum;
    }

    List<String> lineIds() {
        return lines.stream().map(SettlementLine::lineId).toList();
    }

    /** The form order ids and vendorTxCodes are compared in: trimmed, upper case. */
    static String reference(String id) {
        return id == null ? "" : id.trim().toUpperCase(Locale.ROOT);
    }
}
