package dev.junction.backend.reconciliation.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds one settlement's journal entry. Postings are signed minor units, debit positive:
 * <ul>
 *   <li>each settlement row: its rule's account (suspense when none) gets {@code -amount} (Amazon pays the seller a
 *       positive amount: a credit to income; a negative fee: a debit to costs), summed per account and type;</li>
 *   <li>the deposit: the Amazon clearing account gets {@code +total};</li>
 *   <li>a total that is not the sum of the rows: the difference on suspense (TOTAL_MISMATCH);</li>
 *   <li>Opayo fees of the matched transactions (or of the period's batches when no transaction carries a fee): the
 *       fee account {@code +fee}, the Opayo clearing account {@code -fee}, in the fee's currency;</li>
 *   <li>with a book currency: each currency's postings converted one by one at the deposit date's rate, and what the
 *       rounding left over ({@code -sum} of the converted postings) on the rounding account; a currency without a
 *       rate stays unconverted (MISSING_RATE).</li>
 * </ul>
 * Each currency's postings sum to zero before conversion, so the entry balances per currency after it.
 */
final class JournalBuilder {

    private record PostingKey(String account, String currency, String memo) {
    }

    private static final class Posting {
        long amount;
        int count;
    }

    private final Settlement settlement;
    private final ReconciliationInput input;
    private final RateTable rates;
    private final LedgerAccounts accounts;
    private final FeeRuleIndex feeRules;
    private final Map<PostingKey, Posting> postings = new LinkedHashMap<>();
    private final List<FeeAllocation> allocations = new ArrayList<>();
    private final List<Discrepancy> discrepancies = new ArrayList<>();
    private final Map<List<String>, List<SettlementLine>> unknownTypes = new LinkedHashMap<>();

    JournalBuilder(Settlement settlement, ReconciliationInput input, RateTable rates, FeeRuleIndex feeRules) {
        this.settlement = settlement;
        this.input = input;
        this.rates = rates;
        this.feeRules = feeRules;
        this.accounts = input.accounts();
        long sum = 0;
        for (SettlementLine line : settlement.lines()) {
            sum = Math.addExact(sum, line.amountMinor());
            amazonLine(line);
        }
        post(accounts.amazonClearing(), settlement.currency(), "Deposit of Amazon settlement "
                + settlement.settlementId(), settlement.totalMinor());
        if (sum != settlement.totalMinor()) {
            long difference = Math.subtractExact(sum, settlement.totalMinor());
            post(accounts.suspense(), settlement.currency(), "Settlement total differs from its rows", difference);
            discrepancies.add(new Discrepancy(ReconciliationRun.discrepancyKey(DiscrepancyKind.TOTAL_MISMATCH,
                    settlement.settlementId(), null, settlement.settlementId()), DiscrepancyKind.TOTAL_MISMATCH,
                    settlement.settlementId(), null, List.of(), List.of(), sum, settlement.totalMinor(),
                    settlement.currency(), "Settlement " + settlement.settlementId() + " deposits "
                    + Amounts.text(settlement.totalMinor(), settlement.currency()) + " but its rows add up to "
                    + Amounts.text(sum, settlement.currency()) + "; the " + Amounts.text(Math.abs(difference),
                    settlement.currency()) + " difference was posted to suspense account " + accounts.suspense()
                    + "."));
        }
        unknownTypes.forEach(this::unknownType);
    }

    private void amazonLine(SettlementLine line) {
        Optional<FeeRule> rule = feeRules.find(FeeSource.AMAZON, line.transactionType(),
                line.amountType(), line.amountDescription());
        String account = rule.map(FeeRule::glAccount).orElse(accounts.suspense());
        allocations.add(new FeeAllocation(settlement.settlementId(), FeeSource.AMAZON, line.lineId(),
                line.amountDescription(), account, line.amountMinor(), line.currency(), rule.isEmpty()));
        if (rule.isEmpty()) {
            unknownTypes.computeIfAbsent(List.of(line.transactionType(), line.amountType(), line.amountDescription()),
                    key -> new ArrayList<>()).add(line);
        }
        String type = line.amountDescription().isEmpty() ? line.amountType() : line.amountDescription();
        post(account, line.currency(), type + " (" + line.transactionType() + ")", Math.negateExact(line.amountMinor()));
    }

    private void unknownType(List<String> type, List<SettlementLine> lines) {
        long sum = lines.stream().mapToLong(SettlementLine::amountMinor).sum();
        String name = type.get(2).isEmpty() ? type.get(1) : type.get(2);
        // the order, when all the rows are of one
        List<String> orders = lines.stream().map(SettlementLine::orderId).distinct().toList();
        String orderId = orders.size() == 1 ? orders.getFirst() : null;
        discrepancies.add(new Discrepancy(ReconciliationRun.discrepancyKey(DiscrepancyKind.UNKNOWN_FEE_TYPE,
                settlement.settlementId(), orderId, lines.getFirst().lineId()), DiscrepancyKind.UNKNOWN_FEE_TYPE,
                settlement.settlementId(), orderId, lines.stream().map(SettlementLine::lineId).toList(), List.of(), null,
                sum, settlement.currency(), "Settlement " + settlement.settlementId() + " has " + lines.size()
                + (lines.size() == 1 ? " row" : " rows") + " of type '" + name + "' (" + type.get(0) + ", "
                + (type.get(1).isEmpty() ? "no amount type" : type.get(1)) + "), " + Amounts.text(sum,
                settlement.currency()) + " in all, that the fee table does not know; "
                + (lines.size() == 1 ? "it was" : "they were") + " posted to suspense account " + accounts.suspense()
                + "."));
    }

    /** Opayo's fee of a matched transaction. */
    void opayoFee(PaymentTransaction transaction) {
        if (transaction.feeMinor() == 0) {
            return;
        }
        opayo(transaction.transactionId(), transaction.transactionType(), transaction.feeMinor(),
                transaction.currency());
    }

    /**
     * The fees stated by the batches dated in the settlement's period whose transactions carry no fee of their own
     * (so a fee is never posted twice).
     */
    void batchFees(List<PaymentBatch> batches, List<PaymentTransaction> transactions) {
        if (batches.isEmpty()) {
            return;
        }
        Set<String> batchesWithTransactionFees = new HashSet<>();
        for (PaymentTransaction transaction : transactions) {
            if (transaction.feeMinor() > 0 && transaction.batchId() != null) {
                batchesWithTransactionFees.add(transaction.batchId());
            }
        }
        for (PaymentBatch batch : batches) {
            if (batch.batchDate().isBefore(settlement.startDate()) || batch.batchDate().isAfter(settlement.endDate())
                    || batchesWithTransactionFees.contains(batch.batchId())) {
                continue;
            }
            for (PaymentBatch.Total total : batch.totals()) {
                if (total.feeMinor() > 0) {
                    opayo(batch.batchId(), "Batch", total.feeMinor(), total.currency());
                }
            }
        }
    }

    private void opayo(String itemId, String transactionType, long fee, String currency) {
        Optional<FeeRule> rule = feeRules.find(FeeSource.OPAYO, transactionType, "*",
                FeeRules.OPAYO_TRANSACTION_FEE);
        String account = rule.map(FeeRule::glAccount).orElse(accounts.suspense());
        allocations.add(new FeeAllocation(settlement.settlementId(), FeeSource.OPAYO, itemId,
                FeeRules.OPAYO_TRANSACTION_FEE, account, Math.negateExact(fee), currency, rule.isEmpty()));
        if (rule.isEmpty()) {
            discrepancies.add(new Discrepancy(ReconciliationRun.discrepancyKey(DiscrepancyKind.UNKNOWN_FEE_TYPE,
                    settlement.settlementId(), null, itemId), DiscrepancyKind.UNKNOWN_FEE_TYPE,
                    settlement.settlementId(), null, List.of(), List.of(itemId), null, Math.negateExact(fee), currency,
                    "Opayo charged a fee of " + Amounts.text(fee, currency) + " on " + transactionType + " " + itemId
                            + " that the fee table has no account for; it was posted to suspense account "
                            + accounts.suspense() + "."));
        }
        post(account, currency, "Opayo fees (" + transactionType + ")", fee);
        post(accounts.opayoClearing(), currency, "Opayo fees withheld", Math.negateExact(fee));
    }

    private void post(String account, String currency, String memo, long signed) {
        Posting posting = postings.computeIfAbsent(new PostingKey(account, currency, memo), key -> new Posting());
        posting.amount = Math.addExact(posting.amount, signed);
        posting.count++;
    }

    List<FeeAllocation> allocations() {
        return allocations;
    }

    List<Discrepancy> discrepancies() {
        return discrepancies;
    }

    JournalEntry build() {
        String book = input.options().bookCurrency();
        List<JournalLine> lines = new ArrayList<>();
        Map<String, List<Map.Entry<PostingKey, Posting>>> byCurrency = new LinkedHashMap<>();
        for (Map.Entry<PostingKey, Posting> entry : postings.entrySet()) {
            if (entry.getValue().amount != 0) {
                byCurrency.computeIfAbsent(entry.getKey().currency(), c -> new ArrayList<>()).add(entry);
            }
        }
        byCurrency.forEach((currency, entries) -> {
            Optional<BigDecimal> rate = book == null || book.equals(currency) ? Optional.empty()
                    : rates.rate(currency, book, settlement.depositDate());
            if (book != null && !book.equals(currency) && rate.isEmpty()) {
                discrepancies.add(new Discrepancy(ReconciliationRun.discrepancyKey(DiscrepancyKind.MISSING_RATE,
                        settlement.settlementId(), null, currency), DiscrepancyKind.MISSING_RATE,
                        settlement.settlementId(), null, List.of(), List.of(), null, null, currency,
                        "There is no " + currency + "→" + book + " rate on " + settlement.depositDate() + ", so the "
                                + currency + " amounts of settlement " + settlement.settlementId()
                                + " were left in " + currency + "."));
            }
            long convertedSum = 0;
            for (Map.Entry<PostingKey, Posting> entry : entries) {
                long original = entry.getValue().amount;
                String memo = entry.getKey().memo() + (entry.getValue().count > 1 ? ", " + entry.getValue().count
                        + " rows" : "");
                if (rate.isPresent()) {
                    long converted = rates.convert(original, currency, book, rate.get());
                    convertedSum = Math.addExact(convertedSum, converted);
                    lines.add(line(lines.size() + 1, entry.getKey().account(), converted, book, original, currency,
                            rate.get(), memo));
                } else {
                    lines.add(line(lines.size() + 1, entry.getKey().account(), original, currency, original,
                            currency, null, memo));
                }
            }
            if (rate.isPresent() && convertedSum != 0) {
                lines.add(line(lines.size() + 1, accounts.rounding(), Math.negateExact(convertedSum), book, 0,
                        currency, rate.get(), "Rounding difference converting " + currency + " to " + book));
            }
        });
        return new JournalEntry("JE-" + settlement.settlementId(), settlement.settlementId(),
                settlement.depositDate(), "Amazon settlement " + settlement.settlementId()
                + (settlement.marketplace() == null ? "" : " (" + settlement.marketplace() + ")") + ", "
                + settlement.startDate() + " – " + settlement.endDate(), lines);
    }

    private JournalLine line(int number, String account, long signed, String currency, long original,
                             String originalCurrency, BigDecimal rate, String memo) {
        return new JournalLine(number, account, Math.max(signed, 0), Math.max(-signed, 0), currency, original,
                originalCurrency, rate, memo, settlement.settlementId());
    }
}
