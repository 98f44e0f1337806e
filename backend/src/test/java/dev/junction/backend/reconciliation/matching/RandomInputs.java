package dev.junction.backend.reconciliation.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but reproducible (from a seed) reconciliation inputs for the property tests: a few settlements in
 * different currencies with orders, refunds, fees of known and unknown types, account-level rows, totals that may
 * not add up; Opayo transactions for most orders, some dropped, doubled, changed in amount, currency or date, some
 * unrelated or not settled; random rates, rounding modes and book currencies.
 */
final class RandomInputs {

    private static final List<String> CURRENCIES = List.of("EUR", "GBP", "USD", "JPY", "BHD");
    private static final List<String> FEES = List.of("Commission", "FBAPerUnitFulfillmentFee", "ShippingChargeback",
            "DigitalServicesFee", "MysteryFee");
    private static final List<String> ACCOUNT_ROWS = List.of("Storage Fee", "Subscription Fee", "Cost of Advertising",
            "UnheardOfCharge");
    private static final List<RoundingMode> MODES = List.of(RoundingMode.HALF_EVEN, RoundingMode.HALF_UP,
            RoundingMode.HALF_DOWN, RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR);

    private RandomInputs() {
    }

    static ReconciliationInput input(long seed) {
        Random random = new Random(seed);
        List<Settlement> settlements = new ArrayList<>();
        List<PaymentTransaction> transactions = new ArrayList<>();
        int settlementCount = 1 + random.nextInt(3);
        int transactionNumber = 0;
        for (int s = 0; s < settlementCount; s++) {
            String currency = pick(random, CURRENCIES);
            LocalDate start = LocalDate.of(2026, 10, 1).plusDays(14L * s);
            LocalDate end = start.plusDays(13);
            List<SettlementLine> lines = new ArrayList<>();
            int orders = random.nextInt(12);
            for (int o = 0; o < orders; o++) {
                String orderId = "30" + s + "-" + o + "-" + random.nextInt(1000);
                LocalDate posted = start.plusDays(random.nextInt(14));
                long principal = 1 + random.nextInt(200_000);
                long charge = principal;
                add(lines, "Order", orderId, null, "ItemPrice", "Principal", principal, currency, posted);
                if (random.nextBoolean()) {
                    long promotion = -random.nextInt((int) Math.min(principal, 5000) + 1);
                    add(lines, "Order", orderId, null, "Promotion", "Principal", promotion, currency, posted);
                    charge += promotion;
                }
                for (int f = random.nextInt(4); f > 0; f--) {
                    add(lines, "Order", orderId, null, "ItemFees", pick(random, FEES), -random.nextInt(3000),
                            currency, posted);
                }
                if (random.nextInt(8) == 0) {
                    lines.add(lines.get(lines.size() - 1)); // a copied row (renumbered below)
                }
                transactionNumber = payments(random, transactions, transactionNumber, orderId, charge, currency,
                        posted, false, null);
                if (random.nextInt(4) == 0) {
                    long refunded = 1 + random.nextInt((int) Math.max(1, Math.min(charge, Integer.MAX_VALUE - 1)));
                    String adjustment = "adj-" + orderId;
                    add(lines, "Refund", orderId, adjustment, "ItemPrice", "Principal", -refunded, currency, posted);
                    add(lines, "Refund", orderId, adjustment, "ItemFees", "RefundCommission", -random.nextInt(500),
                            currency, posted);
                    transactionNumber = payments(random, transactions, transactionNumber, orderId, refunded, currency,
                            posted, true, "T" + (transactionNumber - 1));
                }
            }
            for (int a = random.nextInt(3); a > 0; a--) {
                add(lines, "other-transaction", null, null, "other-transaction", pick(random, ACCOUNT_ROWS),
                        random.nextInt(20_000) - 15_000, currency, end);
            }
            List<SettlementLine> numbered = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                SettlementLine line = lines.get(i);
                numbered.add(new SettlementLine("row-" + (i + 1), line.transactionType(), line.orderId(), null,
                        line.adjustmentId(), line.amountType(), line.amountDescription(), line.amountMinor(),
                        line.currency(), line.postedDate(), line.sku(), line.orderItemCode(), line.quantity()));
            }
            long total = numbered.stream().mapToLong(SettlementLine::amountMinor).sum()
                    + (random.nextInt(6) == 0 ? random.nextInt(1000) - 500 : 0);
            settlements.add(new Settlement("S" + s, null, start, end, end.plusDays(1), total, currency, numbered));
        }
        for (int extra = random.nextInt(4); extra > 0; extra--) {
            transactions.add(new PaymentTransaction("T" + transactionNumber++, "WEB-" + random.nextInt(100),
                    random.nextBoolean() ? "Payment" : "Refund", random.nextInt(5) == 0 ? "NotAuthed" : "Ok",
                    random.nextInt(100_000), pick(random, CURRENCIES),
                    Fixtures.at(LocalDate.of(2026, 9, 25).plusDays(random.nextInt(60))), null, null,
                    random.nextInt(300), null, null, null));
        }
        List<ExchangeRate> rates = new ArrayList<>();
        for (String from : CURRENCIES) {
            for (String to : CURRENCIES) {
                if (!from.equals(to) && random.nextInt(3) > 0) {
                    BigDecimal rate = BigDecimal.valueOf(1 + random.nextInt(2_000_000), random.nextInt(7));
                    rates.add(new ExchangeRate(from, to, LocalDate.of(2026, 9, 1 + random.nextInt(28)), rate));
                }
            }
        }
        ReconciliationOptions options = new ReconciliationOptions(random.nextInt(5), random.nextInt(3) == 0 ? 0
                : random.nextInt(100), pick(random, MODES), random.nextBoolean() ? null : pick(random, CURRENCIES),
                new BigDecimal("0.2"));
        return new ReconciliationInput(settlements, transactions, List.of(), rates, FeeRules.defaults(),
                LedgerAccounts.defaults(), options);
    }

    private static int payments(Random random, List<PaymentTransaction> transactions, int number, String orderId,
                                long amount, String currency, LocalDate posted, boolean refund, String related) {
        int fate = random.nextInt(10);
        if (fate == 0 || amount < 0) {
            return number; // missing
        }
        long paid = fate == 1 ? Math.max(0, amount + random.nextInt(2000) - 1000) : amount;
        String paidCurrency = fate == 2 ? pick(random, CURRENCIES) : currency;
        LocalDate date = posted.minusDays(fate == 3 ? 5 + random.nextInt(20) : random.nextInt(3));
        int copies = fate == 4 ? 2 : 1;
        for (int c = 0; c < copies; c++) {
            transactions.add(new PaymentTransaction("T" + number++, refund ? orderId + "-R" + c : orderId,
                    refund ? "Refund" : "Payment", "Ok", paid, paidCurrency, Fixtures.at(date), "B1",
                    refund && random.nextBoolean() ? related : null, random.nextInt(400),
                    random.nextInt(6) == 0 ? "NotAuthenticated" : "Authenticated",
                    random.nextInt(6) == 0 ? "NoMatches" : "AllMatched", null));
        }
        return number;
    }

    private static void add(List<SettlementLine> lines, String type, String orderId, String adjustmentId,
                            String amountType, String description, long amount, String currency, LocalDate posted) {
        lines.add(new SettlementLine("tmp", type, orderId, null, adjustmentId, amountType, description, amount,
                currency, posted, "SKU", "item", 1));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
