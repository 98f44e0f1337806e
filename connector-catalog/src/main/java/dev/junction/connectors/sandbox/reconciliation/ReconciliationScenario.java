package dev.junction.connectors.sandbox.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * One Amazon settlement and the Opayo transactions of the same orders, generated from a seed, with known injected
 * discrepancies: the Amazon simulator serves the settlement as a V2 flat-file report, the Opayo simulator the
 * transactions (and their daily batches) through its Reporting API, and both state what was injected. The same
 * (seed, orders, end date) always gives the same scenario.
 *
 * <p>Regular orders: principal 10–200 EUR, sometimes shipping and a promotion, commission 15 %, an FBA fee; paid
 * through Opayo (vendorTxCode = the Amazon order id) 0–2 days before Amazon posts it, fee 1.4 % + 0.20. About one
 * order in eight is refunded (Opayo refund {@code <orderId>-R1} pointing at the payment). Account-level rows: a
 * storage fee and the subscription. Injected, each on its own order (kinds named as the reconciliation's
 * discrepancy kinds): AMOUNT (Opayo took 0.50–5.00 less), CURRENCY (charged in GBP, same figure), DATE (paid 8–12
 * days before Amazon posted), MISSING_PAYMENT (no Opayo payment), MISSING_REFUND (no Opayo refund), DUPLICATE (a
 * second identical payment a day later), MISSING_SETTLEMENT_LINE (an Opayo payment of an order not in the settlement),
 * UNKNOWN_FEE_TYPE (a {@code HolidaySurchargeFee} row). Fraud hints are injected too (3-D Secure not authenticated,
 * AVS and CV2 mismatches) on otherwise clean orders.
 */
public final class ReconciliationScenario {

    public static final String CURRENCY = "EUR";
    public static final String MARKETPLACE = "Amazon.de";
    public static final String WRONG_CURRENCY = "GBP";
    public static final String UNKNOWN_FEE_TYPE = "HolidaySurchargeFee";
    /** The date tolerance the injected DATE discrepancy is beyond, and regular payments within. */
    public static final int TOLERANCE_DAYS = 3;

    /** One V2 detail row (the summary row is made from the settlement's own fields). */
    public record Row(String transactionType, String orderId, String adjustmentId, String shipmentId,
                      String amountType, String amountDescription, long amountMinor, LocalDate postedDate, String sku,
                      String orderItemCode, int quantity) {
    }

    /** One Opayo transaction. */
    public record Payment(String transactionId, String vendorTxCode, String transactionType, long amountMinor,
                          String currency, Instant started, String relatedTransactionId, long feeMinor,
                          String threeDSecureStatus, String avsCvcStatus, String securityCode) {
    }

    /** A discrepancy (or hint) put in on purpose: its kind, the order, and what was done. */
    public record Injected(String kind, String orderId, String description) {
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", kind);
            json.put("orderId", orderId);
            json.put("description", description);
            return json;
        }
    }

    private final long seed;
    private final String settlementId;
    private final LocalDate start;
    private final LocalDate end;
    private final List<Row> rows = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();
    private final List<Injected> discrepancies = new ArrayList<>();
    private final List<Injected> hints = new ArrayList<>();

    private ReconciliationScenario(long seed, LocalDate end) {
        this.seed = seed;
        this.end = end;
        this.start = end.minusDays(13);
        this.settlementId = String.valueOf(30_000_000_000L + Math.floorMod(seed, 9_000_000_000L));
    }

    /**
     * The scenario of {@code seed} with {@code orders} orders (at least 12, so every kind has an order of its own)
     * settled over the 14 days ending {@code end}.
     */
    public static ReconciliationScenario generate(long seed, int orders, LocalDate end) {
        if (orders < 12 || orders > 200_000) {
            throw new IllegalArgumentException("orders: must be between 12 and 200000, was " + orders);
        }
        ReconciliationScenario scenario = new ReconciliationScenario(seed, end);
        scenario.build(new Random(seed), orders);
        return scenario;
    }

    private record Order(String orderId, long charge, long principal, LocalDate posted, boolean refunded,
                         long refund) {
    }

    private void build(Random random, int count) {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String orderId = String.format(Locale.ROOT, "%03d-%07d-%07d", 300 + random.nextInt(10),
                    random.nextInt(10_000_000), i);
            long principal = 1_000 + random.nextInt(19_001);
            long shipping = random.nextInt(3) == 0 ? 299 + random.nextInt(300) : 0;
            long promotion = random.nextInt(5) == 0 ? -(100 + random.nextInt((int) (principal / 10))) : 0;
            LocalDate posted = start.plusDays(random.nextInt(14));
            boolean refunded = i % 8 == 3;
            long refund = refunded ? (random.nextBoolean() ? principal : principal / 2) : 0;
            String shipment = "D" + Integer.toString(Math.abs(orderId.hashCode()), 36).toUpperCase(Locale.ROOT);
            String sku = "JN-" + (100 + random.nextInt(20));
            orders.add(new Order(orderId, principal + shipping + promotion, principal, posted, refunded, refund));
            rows.add(new Row("Order", orderId, null, shipment, "ItemPrice", "Principal", principal, posted, sku,
                    "I" + i, 1));
            if (shipping > 0) {
                rows.add(new Row("Order", orderId, null, shipment, "ItemPrice", "Shipping", shipping, posted, sku,
                        "I" + i, 1));
            }
            if (promotion < 0) {
                rows.add(new Row("Order", orderId, null, shipment, "Promotion", "Principal", promotion, posted, sku,
                        "I" + i, 1));
            }
            rows.add(new Row("Order", orderId, null, shipment, "ItemFees", "Commission", -commission(principal),
                    posted, sku, "I" + i, 1));
            rows.add(new Row("Order", orderId, null, shipment, "ItemFees", "FBAPerUnitFulfillmentFee",
                    -(250 + random.nextInt(251)), posted, sku, "I" + i, 1));
            if (refunded) {
                String adjustment = "A" + i;
                LocalDate refundPosted = posted.plusDays(1).isAfter(end) ? posted : posted.plusDays(1);
                rows.add(new Row("Refund", orderId, adjustment, null, "ItemPrice", "Principal", -refund, refundPosted,
                        sku, "I" + i, 1));
                rows.add(new Row("Refund", orderId, adjustment, null, "ItemFees", "Commission", commission(refund),
                        refundPosted, sku, "I" + i, 1));
                rows.add(new Row("Refund", orderId, adjustment, null, "ItemFees", "RefundCommission",
                        -Math.min(500, commission(refund) / 5), refundPosted, sku, "I" + i, 1));
            }
        }
        rows.add(new Row("other-transaction", null, null, null, "other-transaction", "Storage Fee",
                -(1_000 + random.nextInt(4_001)), end, null, null, 0));
        rows.add(new Row("ServiceFee", null, null, null, "other-transaction", "Subscription Fee", -3_900, end, null,
                null, 0));

        // which order gets which injection: distinct orders, refunded ones for MISSING_REFUND only
        List<Integer> plain = new ArrayList<>();
        List<Integer> withRefund = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            (orders.get(i).refunded() ? withRefund : plain).add(i);
        }
        Collections.shuffle(plain, random);
        Collections.shuffle(withRefund, random);
        Map<Integer, String> injection = new LinkedHashMap<>();
        List<String> kinds = List.of("AMOUNT", "CURRENCY", "DATE", "MISSING_PAYMENT", "DUPLICATE",
                "UNKNOWN_FEE_TYPE", "THREE_D_SECURE_NOT_AUTHENTICATED", "AVS_MISMATCH", "CV2_MISMATCH");
        int perKind = Math.max(1, count / 40);
        int next = 0;
        for (String kind : kinds) {
            for (int k = 0; k < perKind; k++) {
                injection.put(plain.get(next++), kind);
            }
        }
        for (int k = 0; k < perKind && k < withRefund.size(); k++) {
            injection.put(withRefund.get(k), "MISSING_REFUND");
        }

        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            String kind = injection.getOrDefault(i, "");
            String paymentId = transactionId(random);
            Instant paid = at(order.posted().minusDays(random.nextInt(TOLERANCE_DAYS)), random);
            long amount = order.charge();
            String currency = CURRENCY;
            String threeDSecure = "Authenticated";
            String avs = "AllMatched";
            String securityCode = "Matched";
            switch (kind) {
                case "AMOUNT" -> {
                    long less = 50 + random.nextInt(451);
                    amount -= less;
                    injected(kind, order, "Opayo took " + money(less) + " less than Amazon settled");
                }
                case "CURRENCY" -> {
                    currency = WRONG_CURRENCY;
                    injected(kind, order, "Opayo charged " + money(amount).replace(CURRENCY, WRONG_CURRENCY)
                            + " for an order of " + money(amount));
                }
                case "DATE" -> {
                    int days = 8 + random.nextInt(5);
                    paid = at(order.posted().minusDays(days), random);
                    injected(kind, order, "Opayo took the payment " + days + " days before Amazon posted the order");
                }
                case "MISSING_PAYMENT" -> {
                    injected(kind, order, "no Opayo payment for the order");
                }
                case "UNKNOWN_FEE_TYPE" -> {
                    rows.add(new Row("Order", order.orderId(), null, null, "ItemFees", UNKNOWN_FEE_TYPE,
                            -(100 + random.nextInt(400)), order.posted(), null, null, 0));
                    injected(kind, order, "a " + UNKNOWN_FEE_TYPE + " row the fee table does not know");
                }
                case "THREE_D_SECURE_NOT_AUTHENTICATED" -> {
                    threeDSecure = "NotAuthenticated";
                    hints.add(new Injected(kind, order.orderId(), "3-D Secure answered NotAuthenticated"));
                }
                case "AVS_MISMATCH" -> {
                    avs = "SecurityCodeMatchOnly";
                    securityCode = "Matched";
                    hints.add(new Injected(kind, order.orderId(), "the address check failed"));
                }
                case "CV2_MISMATCH" -> {
                    avs = "AddressMatchOnly";
                    securityCode = "NotMatched";
                    hints.add(new Injected(kind, order.orderId(), "the security code check failed"));
                }
                default -> {
                }
            }
            if (!kind.equals("MISSING_PAYMENT")) {
                payments.add(new Payment(paymentId, order.orderId(), "Payment", amount, currency, paid, null,
                        fee(amount), threeDSecure, avs, securityCode));
            }
            if (kind.equals("DUPLICATE")) {
                payments.add(new Payment(transactionId(random), order.orderId(), "Payment", amount, currency,
                        paid.plusSeconds(86_400), null, fee(amount), threeDSecure, avs, securityCode));
                injected(kind, order, "Opayo took the same payment twice");
            }
            if (order.refunded()) {
                if (kind.equals("MISSING_REFUND")) {
                    injected(kind, order, "no Opayo refund for Amazon's refund");
                } else {
                    payments.add(new Payment(transactionId(random), order.orderId() + "-R1", "Refund", order.refund(),
                            CURRENCY, at(order.posted().plusDays(1).isAfter(end) ? order.posted()
                            : order.posted().plusDays(1), random), paymentId, 0, null, null, null));
                }
            }
        }
        // payments of orders Amazon has not settled, in the period, with amounts no open order has
        for (int k = 0; k < perKind; k++) {
            String orderId = String.format(Locale.ROOT, "%03d-%07d-%07d", 400 + k, random.nextInt(10_000_000),
                    count + k);
            long amount = 1 + k % 700; // below every order's charge (at least 8.00), so no order can pair with it
            payments.add(new Payment(transactionId(random), orderId, "Payment", amount, CURRENCY,
                    at(start.plusDays(2 + random.nextInt(10)), random), null, fee(amount), "Authenticated",
                    "AllMatched", "Matched"));
            discrepancies.add(new Injected("MISSING_SETTLEMENT_LINE", orderId,
                    "an Opayo payment of " + money(amount) + " for an order the settlement does not contain"));
        }
        payments.sort(java.util.Comparator.comparing(Payment::started).thenComparing(Payment::transactionId));
    }

    private void injected(String kind, Order order, String description) {
        discrepancies.add(new Injected(kind, order.orderId(), description));
    }

    private static long commission(long principal) {
        return BigDecimal.valueOf(principal).multiply(new BigDecimal("0.15")).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static long fee(long amount) {
        return BigDecimal.valueOf(amount).multiply(new BigDecimal("0.014")).setScale(0, RoundingMode.HALF_UP)
                .longValueExact() + 20;
    }

    private static Instant at(LocalDate date, Random random) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(8 * 3600 + random.nextInt(12 * 3600));
    }

    private static String transactionId(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase(Locale.ROOT);
    }

    private static String money(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString() + " " + CURRENCY;
    }

    public long seed() {
        return seed;
    }

    public String settlementId() {
        return settlementId;
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }

    public LocalDate depositDate() {
        return end.plusDays(1);
    }

    /** The deposited total: the sum of the rows. */
    public long totalMinor() {
        return rows.stream().mapToLong(Row::amountMinor).sum();
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The Opayo transactions, by date. */
    public List<Payment> payments() {
        return List.copyOf(payments);
    }

    /** The discrepancies injected, each expected exactly once from a reconciliation. */
    public List<Injected> injectedDiscrepancies() {
        return List.copyOf(discrepancies);
    }

    /** The fraud hints injected. */
    public List<Injected> injectedHints() {
        return List.copyOf(hints);
    }

    /** What the simulators' scenario control answers. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seed", seed);
        json.put("settlementId", settlementId);
        json.put("settlementStartDate", start.toString());
        json.put("settlementEndDate", end.toString());
        json.put("currency", CURRENCY);
        json.put("rows", rows.size());
        json.put("transactions", payments.size());
        json.put("toleranceDays", TOLERANCE_DAYS);
        json.put("injectedDiscrepancies", discrepancies.stream().map(Injected::toJson).toList());
        json.put("injectedHints", hints.stream().map(Injected::toJson).toList());
        return json;
    }
}
