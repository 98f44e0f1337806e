package dev.junction.backend.reconciliation.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** One reconciliation's working state: grouping, the two matching passes, the leftovers, hints, journals. */
final class ReconciliationRun {

    private final ReconciliationInput input;
    private final ReconciliationOptions options;
    private final RateTable rates;
    private final FeeRuleIndex feeRules;

    private final Map<String, List<PaymentTransaction>> pool = new HashMap<>();
    private final Set<String> usedTransactions = new HashSet<>();
    private final Map<String, List<AnomalyHint>> hintsByTransaction = new HashMap<>();
    private final Map<String, List<OrderGroup>> groupsBySettlement = new LinkedHashMap<>();
    private final Set<String> groupKeys = new HashSet<>();
    private final Map<OrderGroup, Match> matchOfGroup = new HashMap<>();
    private final Map<String, List<Long>> matchedAmountsByKey = new HashMap<>();

    private final List<Match> matches = new ArrayList<>();
    private final List<Unmatched> unmatched = new ArrayList<>();
    private final List<Discrepancy> discrepancies = new ArrayList<>();
    private final List<FeeAllocation> allocations = new ArrayList<>();
    private final List<JournalEntry> journalEntries = new ArrayList<>();
    private final List<AnomalyHint> hints = new ArrayList<>();
    private final List<SettlementSummary> summaries = new ArrayList<>();

    ReconciliationRun(ReconciliationInput input) {
        this.input = input;
        this.options = input.options();
        this.rates = new RateTable(input.rates(), options.rounding());
        this.feeRules = new FeeRuleIndex(input.feeRules());
    }

    ReconciliationResult run() {
        poolTransactions();
        List<OrderGroup> allGroups = new ArrayList<>();
        for (Settlement settlement : input.settlements()) {
            allGroups.addAll(group(settlement));
        }
        for (OrderGroup group : allGroups) {
            matchByReference(group);
        }
        matchByAmountAndDate(allGroups.stream().filter(group -> !matchOfGroup.containsKey(group)).toList());
        for (OrderGroup group : allGroups) {
            if (!matchOfGroup.containsKey(group)) {
                missingCounterpart(group);
            }
        }
        leftoverTransactions();
        for (Settlement settlement : input.settlements()) {
            refundShare(settlement);
            JournalBuilder journal = new JournalBuilder(settlement, input, rates, feeRules);
            for (Match match : matches) {
                if (match.settlementId().equals(settlement.settlementId())) {
                    journal.opayoFee(transaction(match.transactionId()));
                }
            }
            journal.batchFees(input.batches(), input.transactions());
            journalEntries.add(journal.build());
            allocations.addAll(journal.allocations());
            discrepancies.addAll(journal.discrepancies());
            summaries.add(summary(settlement));
        }
        return new ReconciliationResult(summaries, matches, unmatched, discrepancies, allocations, journalEntries,
                hints);
    }

    // ---- transactions ----

    private final Map<String, PaymentTransaction> transactionsById = new HashMap<>();

    private PaymentTransaction transaction(String id) {
        return transactionsById.get(id);
    }

    private void poolTransactions() {
        for (PaymentTransaction transaction : input.transactions()) {
            transactionsById.put(transaction.transactionId(), transaction);
        }
        for (PaymentTransaction transaction : input.transactions()) {
            if (!transaction.isSettled()) {
                continue;
            }
            List<AnomalyHint> found = AnomalyHints.of(transaction, settlementOf(transaction).orElse(null),
                    reference(transaction));
            hintsByTransaction.put(transaction.transactionId(), found);
            hints.addAll(found);
            pool.computeIfAbsent(key(reference(transaction), type(transaction)), key -> new ArrayList<>())
                    .add(transaction);
        }
    }

    /**
     * The order a transaction is for: a payment's vendorTxCode; a refund's original payment's vendorTxCode (through
     * {@code relatedTransactionId}), else its own vendorTxCode without a {@code -R…} suffix.
     */
    private String reference(PaymentTransaction transaction) {
        if (transaction.isRefund()) {
            PaymentTransaction original = transaction.relatedTransactionId() == null ? null
                    : transactionsById.get(transaction.relatedTransactionId());
            if (original != null && original.vendorTxCode() != null) {
                return OrderGroup.reference(original.vendorTxCode());
            }
            return OrderGroup.reference(transaction.vendorTxCode()).replaceFirst("-R\\d*$", "");
        }
        return OrderGroup.reference(transaction.vendorTxCode());
    }

    private static MatchType type(PaymentTransaction transaction) {
        return transaction.isRefund() ? MatchType.REFUND : MatchType.PAYMENT;
    }

    private static String key(String reference, MatchType type) {
        return reference + '|' + type;
    }

    private static LocalDate date(PaymentTransaction transaction) {
        return transaction.started().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** The first settlement (input order) whose period holds the transaction's date. */
    private Optional<Settlement> settlementOf(PaymentTransaction transaction) {
        LocalDate date = date(transaction);
        return input.settlements().stream()
                .filter(settlement -> !date.isBefore(settlement.startDate()) && !date.isAfter(settlement.endDate()))
                .findFirst();
    }

    // ---- settlement rows ----

    private List<OrderGroup> group(Settlement settlement) {
        Map<String, OrderGroup> groups = new LinkedHashMap<>();
        Map<OrderGroup, Set<List<Object>>> signatures = new HashMap<>();
        List<SettlementLine> accountLevel = new ArrayList<>();
        for (SettlementLine line : settlement.lines()) {
            MatchType type = line.transactionType().equalsIgnoreCase("Order") ? MatchType.PAYMENT
                    : line.transactionType().equalsIgnoreCase("Refund") ? MatchType.REFUND : null;
            if (!line.hasOrder() || type == null) {
                accountLevel.add(line);
                continue;
            }
            String groupKey = key(OrderGroup.reference(line.orderId()), type)
                    + (type == MatchType.REFUND && line.adjustmentId() != null ? '|' + line.adjustmentId() : "");
            OrderGroup group = groups.computeIfAbsent(groupKey, k -> new OrderGroup(settlement, line.orderId(), type));
            List<Object> signature = List.of(line.transactionType(), FeeRules.normal(line.amountType()),
                    FeeRules.normal(line.amountDescription()), line.amountMinor(), String.valueOf(line.orderItemCode()),
                    String.valueOf(line.adjustmentId()), String.valueOf(line.sku()), line.postedDate(),
                    line.quantity());
            if (!signatures.computeIfAbsent(group, g -> new HashSet<>()).add(signature)) {
                duplicateLine(settlement, line);
                continue;
            }
            group.add(line);
        }
        List<OrderGroup> matchable = new ArrayList<>();
        for (OrderGroup group : groups.values()) {
            if (group.hasCharge) {
                matchable.add(group);
                groupKeys.add(key(group.reference, group.type));
            } else {
                accountLevel.addAll(group.lines);
            }
        }
        for (SettlementLine line : accountLevel) {
            unmatched.add(new Unmatched(Side.SETTLEMENT, settlement.settlementId(), line.lineId(), line.orderId(),
                    line.amountMinor(), line.currency(), UnmatchedReason.SETTLEMENT_ONLY,
                    describe(line) + " is an amount of the Amazon account with no card payment behind it; the fee "
                            + "table posts it to the ledger."));
        }
        groupsBySettlement.put(settlement.settlementId(), matchable);
        return matchable;
    }

    private void duplicateLine(Settlement settlement, SettlementLine line) {
        unmatched.add(new Unmatched(Side.SETTLEMENT, settlement.settlementId(), line.lineId(), line.orderId(),
                line.amountMinor(), line.currency(), UnmatchedReason.DUPLICATE,
                "A second copy of an identical row of order " + line.orderId() + "; the first one is matched."));
        discrepancies.add(new Discrepancy(discrepancyKey(DiscrepancyKind.DUPLICATE, settlement.settlementId(),
                line.orderId(), line.lineId()), DiscrepancyKind.DUPLICATE, settlement.settlementId(), line.orderId(),
                List.of(line.lineId()), List.of(), null, line.amountMinor(), line.currency(),
                "Settlement " + settlement.settlementId() + " lists the " + describe(line) + " row of order "
                        + line.orderId() + " (" + Amounts.text(line.amountMinor(), line.currency())
                        + ") twice; the copy is left unmatched."));
    }

    private static String describe(SettlementLine line) {
        String description = line.amountDescription().isEmpty() ? line.amountType() : line.amountDescription();
        return description.isEmpty() ? line.transactionType() : description;
    }

    // ---- pass 1: by reference ----

    private void matchByReference(OrderGroup group) {
        List<PaymentTransaction> candidates = pool.getOrDefault(key(group.reference, group.type), List.of());
        PaymentTransaction best = null;
        long bestDifference = Long.MAX_VALUE;
        long bestDays = Long.MAX_VALUE;
        for (PaymentTransaction candidate : candidates) {
            if (usedTransactions.contains(candidate.transactionId())) {
                continue;
            }
            long difference = Math.abs(converted(candidate, group).map(RateTable.Converted::minor)
                    .orElse(candidate.amountMinor()) - group.expected());
            long days = Math.abs(days(candidate, group));
            if (difference < bestDifference || difference == bestDifference && days < bestDays) {
                best = candidate;
                bestDifference = difference;
                bestDays = days;
            }
        }
        if (best != null) {
            match(group, best, MatchBasis.REFERENCE);
        }
    }

    private Optional<RateTable.Converted> converted(PaymentTransaction transaction, OrderGroup group) {
        return rates.convert(transaction.amountMinor(), transaction.currency(), group.settlement.currency(),
                date(transaction));
    }

    private static long days(PaymentTransaction transaction, OrderGroup group) {
        return ChronoUnit.DAYS.between(date(transaction), group.latestPosted);
    }

    private void match(OrderGroup group, PaymentTransaction transaction, MatchBasis basis) {
        usedTransactions.add(transaction.transactionId());
        Optional<RateTable.Converted> converted = converted(transaction, group);
        long convertedMinor = converted.map(RateTable.Converted::minor).orElse(transaction.amountMinor());
        BigDecimal rate = converted.map(RateTable.Converted::rate).orElse(null);
        long difference = convertedMinor - group.expected();
        long days = days(transaction, group);
        String settlementId = group.settlement.settlementId();
        Match match = new Match(settlementId + '/' + group.orderId + '/' + group.type + '/'
                + transaction.transactionId(), settlementId, group.orderId, group.type, basis, group.lineIds(),
                transaction.transactionId(), group.expected(), group.settlement.currency(), transaction.amountMinor(),
                transaction.currency(), rate, convertedMinor, difference, days,
                hintsByTransaction.getOrDefault(transaction.transactionId(), List.of()));
        matches.add(match);
        matchOfGroup.put(group, match);
        matchedAmountsByKey.computeIfAbsent(key(reference(transaction), type(transaction)), k -> new ArrayList<>())
                .add(transaction.amountMinor());

        String what = group.type == MatchType.REFUND ? "refunded" : "settled";
        String opayo = group.type == MatchType.REFUND ? "refunded" : "took";
        String currency = group.settlement.currency();
        List<String> transactionIds = List.of(transaction.transactionId());
        if (!transaction.currency().equals(currency) && converted.isEmpty()) {
            discrepancy(DiscrepancyKind.CURRENCY, group, transactionIds, null,
                    "Amazon " + what + " order " + group.orderId + " for " + Amounts.text(group.expected(), currency)
                            + " but Opayo " + opayo + " " + Amounts.text(transaction.amountMinor(),
                            transaction.currency()) + ", and there is no " + transaction.currency() + "→" + currency
                            + " rate on " + date(transaction) + " to compare them.");
        } else if (!transaction.currency().equals(currency) && Math.abs(difference) > options.toleranceMinor()) {
            discrepancy(DiscrepancyKind.CURRENCY, group, transactionIds, convertedMinor,
                    "Amazon " + what + " order " + group.orderId + " for " + Amounts.text(group.expected(), currency)
                            + " but Opayo " + opayo + " " + Amounts.text(transaction.amountMinor(),
                            transaction.currency()) + " (" + Amounts.text(convertedMinor, currency) + " at "
                            + rate.stripTrailingZeros().toPlainString() + " on " + date(transaction)
                            + "): charged in another currency than the order's.");
        } else if (Math.abs(difference) > options.toleranceMinor()) {
            discrepancy(DiscrepancyKind.AMOUNT, group, transactionIds, convertedMinor,
                    "Amazon " + what + " order " + group.orderId + " for " + Amounts.text(group.expected(), currency)
                            + " but Opayo " + opayo + " " + Amounts.text(convertedMinor, currency) + " ("
                            + Amounts.text(Math.abs(difference), currency) + (difference < 0 ? " less" : " more")
                            + ").");
        }
        if (Math.abs(days) > options.toleranceDays()) {
            discrepancy(DiscrepancyKind.DATE, group, transactionIds, convertedMinor,
                    "Opayo " + (group.type == MatchType.REFUND ? "refunded" : "took the payment for") + " order "
                            + group.orderId + " on " + date(transaction) + " but Amazon " + what + " it on "
                            + group.latestPosted + ", " + Math.abs(days) + " days apart (the tolerance is "
                            + options.toleranceDays() + " days).");
        }
    }

    // ---- pass 2: by amount and date ----

    private void matchByAmountAndDate(List<OrderGroup> open) {
        if (open.isEmpty()) {
            return;
        }
        Map<String, Map<MatchType, NavigableMap<Long, List<PaymentTransaction>>>> byCurrency = new HashMap<>();
        Map<OrderGroup, List<PaymentTransaction>> candidatesOfGroup = new LinkedHashMap<>();
        Map<String, Integer> groupsOfTransaction = new HashMap<>();
        for (OrderGroup group : open) {
            NavigableMap<Long, List<PaymentTransaction>> index = byCurrency
                    .computeIfAbsent(group.settlement.currency(), this::unreferencedByAmount)
                    .getOrDefault(group.type, new TreeMap<>());
            List<PaymentTransaction> candidates = new ArrayList<>();
            for (List<PaymentTransaction> sameAmount : index.subMap(group.expected() - options.toleranceMinor(),
                    true, group.expected() + options.toleranceMinor(), true).values()) {
                for (PaymentTransaction candidate : sameAmount) {
                    if (Math.abs(days(candidate, group)) <= options.toleranceDays()) {
                        candidates.add(candidate);
                        groupsOfTransaction.merge(candidate.transactionId(), 1, Integer::sum);
                    }
                }
            }
            candidatesOfGroup.put(group, candidates);
        }
        candidatesOfGroup.forEach((group, candidates) -> {
            if (candidates.size() == 1 && groupsOfTransaction.get(candidates.getFirst().transactionId()) == 1) {
                match(group, candidates.getFirst(), MatchBasis.AMOUNT_AND_DATE);
            }
        });
    }

    /**
     * Settled, unused transactions whose reference names no order of any settlement, by type and by amount in
     * {@code currency} (converted where needed; those without a rate are left out).
     */
    private Map<MatchType, NavigableMap<Long, List<PaymentTransaction>>> unreferencedByAmount(String currency) {
        Map<MatchType, NavigableMap<Long, List<PaymentTransaction>>> index = new HashMap<>();
        for (List<PaymentTransaction> transactions : pool.values()) {
            for (PaymentTransaction transaction : transactions) {
                if (usedTransactions.contains(transaction.transactionId())
                        || groupKeys.contains(key(reference(transaction), type(transaction)))) {
                    continue;
                }
                rates.convert(transaction.amountMinor(), transaction.currency(), currency, date(transaction))
                        .ifPresent(converted -> index.computeIfAbsent(type(transaction), t -> new TreeMap<>())
                                .computeIfAbsent(converted.minor(), amount -> new ArrayList<>()).add(transaction));
            }
        }
        for (NavigableMap<Long, List<PaymentTransaction>> byAmount : index.values()) {
            byAmount.values().forEach(list -> list.sort(java.util.Comparator.comparing(
                    PaymentTransaction::transactionId)));
        }
        return index;
    }

    // ---- what stayed open ----

    private void missingCounterpart(OrderGroup group) {
        String currency = group.settlement.currency();
        boolean refund = group.type == MatchType.REFUND;
        for (SettlementLine line : group.lines) {
            unmatched.add(new Unmatched(Side.SETTLEMENT, group.settlement.settlementId(), line.lineId(),
                    line.orderId(), line.amountMinor(), line.currency(), UnmatchedReason.NO_COUNTERPART,
                    "Opayo has no " + (refund ? "refund" : "payment") + " for order " + group.orderId + "."));
        }
        discrepancies.add(new Discrepancy(discrepancyKey(refund ? DiscrepancyKind.MISSING_REFUND
                : DiscrepancyKind.MISSING_PAYMENT, group.settlement.settlementId(), group.orderId,
                group.lines.getFirst().lineId()), refund ? DiscrepancyKind.MISSING_REFUND
                : DiscrepancyKind.MISSING_PAYMENT, group.settlement.settlementId(), group.orderId, group.lineIds(),
                List.of(), group.expected(), null, currency,
                refund ? "Amazon refunded " + Amounts.text(group.expected(), currency) + " on order " + group.orderId
                        + " (" + group.latestPosted + ") but Opayo has no refund for it."
                        : "Amazon settled order " + group.orderId + " for " + Amounts.text(group.expected(), currency)
                        + " (" + group.latestPosted + ") but there is no Opayo payment for it."));
    }

    private void leftoverTransactions() {
        for (PaymentTransaction transaction : input.transactions()) {
            String id = transaction.transactionId();
            if (usedTransactions.contains(id)) {
                continue;
            }
            Optional<Settlement> settlement = settlementOf(transaction);
            String settlementId = settlement.map(Settlement::settlementId).orElse(null);
            String reference = transaction.vendorTxCode();
            String kind = transaction.isRefund() ? "refund" : "payment";
            String amount = Amounts.text(transaction.amountMinor(), transaction.currency());
            if (!transaction.isSettled()) {
                unmatched.add(new Unmatched(Side.PAYMENT, settlementId, id, reference, transaction.amountMinor(),
                        transaction.currency(), UnmatchedReason.NOT_SETTLED, "Opayo " + kind + " " + reference
                        + " has status " + transaction.status() + ", so no money moved; nothing to match."));
                continue;
            }
            List<Long> matchedAmounts = matchedAmountsByKey.getOrDefault(
                    key(reference(transaction), type(transaction)), List.of());
            if (matchedAmounts.contains(transaction.amountMinor())) {
                unmatched.add(new Unmatched(Side.PAYMENT, settlementId, id, reference, transaction.amountMinor(),
                        transaction.currency(), UnmatchedReason.DUPLICATE, "A second Opayo " + kind + " of " + amount
                        + " for order " + reference(transaction) + "; the first one is matched."));
                discrepancies.add(new Discrepancy(discrepancyKey(DiscrepancyKind.DUPLICATE, settlementId,
                        reference(transaction), id), DiscrepancyKind.DUPLICATE, settlementId,
                        reference(transaction), List.of(), List.of(id), null, transaction.amountMinor(),
                        transaction.currency(), "Opayo took a second " + kind + " of " + amount + " for order "
                        + reference(transaction) + " on " + date(transaction) + " (transaction " + id
                        + "); the first one is matched, this one may have to be " + (transaction.isRefund()
                        ? "reclaimed." : "refunded to the customer.")));
                continue;
            }
            if (settlement.isEmpty()) {
                unmatched.add(new Unmatched(Side.PAYMENT, null, id, reference, transaction.amountMinor(),
                        transaction.currency(), UnmatchedReason.OUTSIDE_PERIOD, "Opayo " + kind + " " + reference
                        + " of " + date(transaction) + " falls in no settlement's period; a later settlement may "
                        + "contain it."));
                continue;
            }
            unmatched.add(new Unmatched(Side.PAYMENT, settlementId, id, reference, transaction.amountMinor(),
                    transaction.currency(), UnmatchedReason.NO_COUNTERPART, "Settlement " + settlementId
                    + " has no row for this " + kind + "."));
            discrepancies.add(new Discrepancy(discrepancyKey(DiscrepancyKind.MISSING_SETTLEMENT_LINE, settlementId,
                    reference(transaction), id), DiscrepancyKind.MISSING_SETTLEMENT_LINE, settlementId,
                    reference(transaction), List.of(), List.of(id), null, transaction.amountMinor(),
                    transaction.currency(), "Opayo " + (transaction.isRefund() ? "refunded " : "took a payment of ")
                    + amount + " for " + reference(transaction) + " on " + date(transaction) + " that settlement "
                    + settlementId + " (" + settlement.get().startDate() + " – " + settlement.get().endDate()
                    + ") does not contain."));
        }
    }

    // ---- hints, summaries ----

    private void refundShare(Settlement settlement) {
        long orders = 0;
        long refunds = 0;
        for (OrderGroup group : groupsBySettlement.getOrDefault(settlement.settlementId(), List.of())) {
            if (group.type == MatchType.PAYMENT) {
                orders += group.expected();
            } else {
                refunds += group.expected();
            }
        }
        AnomalyHints.refundShare(settlement, orders, refunds, options.refundShareThreshold()).ifPresent(hints::add);
    }

    private SettlementSummary summary(Settlement settlement) {
        String id = settlement.settlementId();
        int matchedLines = 0;
        int matchCount = 0;
        for (Match match : matches) {
            if (match.settlementId().equals(id)) {
                matchedLines += match.lineIds().size();
                matchCount++;
            }
        }
        int unmatchedLines = (int) unmatched.stream()
                .filter(item -> item.side() == Side.SETTLEMENT && id.equals(item.settlementId())).count();
        int discrepancyCount = (int) discrepancies.stream().filter(item -> id.equals(item.settlementId())).count();
        long orders = 0;
        long refunds = 0;
        for (OrderGroup group : groupsBySettlement.getOrDefault(id, List.of())) {
            if (group.type == MatchType.PAYMENT) {
                orders += group.expected();
            } else {
                refunds += group.expected();
            }
        }
        long fees = 0;
        for (SettlementLine line : settlement.lines()) {
            if (!OrderGroup.CHARGE_AMOUNT_TYPES.contains(FeeRules.normal(line.amountType()))) {
                fees += line.amountMinor();
            }
        }
        return new SettlementSummary(id, settlement.currency(), settlement.totalMinor(), settlement.lines().size(),
                matchedLines, unmatchedLines, matchCount, discrepancyCount, orders, refunds, fees);
    }

    private void discrepancy(DiscrepancyKind kind, OrderGroup group, List<String> transactionIds, Long actual,
                             String message) {
        String settlementId = group.settlement.settlementId();
        discrepancies.add(new Discrepancy(discrepancyKey(kind, settlementId, group.orderId,
                group.lines.getFirst().lineId()), kind, settlementId, group.orderId, group.lineIds(), transactionIds,
                group.expected(), actual, group.settlement.currency(), message));
    }

    static String discrepancyKey(DiscrepancyKind kind, String settlementId, String orderId, String itemId) {
        return kind + "/" + settlementId + "/" + orderId + "/" + itemId;
    }
}
