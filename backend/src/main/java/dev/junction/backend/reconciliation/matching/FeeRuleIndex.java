package dev.junction.backend.reconciliation.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link FeeRules#find} over one table, remembered per (source, transaction type, amount type, fee type): a
 * settlement has a hundred thousand rows but a few dozen distinct types.
 */
final class FeeRuleIndex {

    private record Key(FeeSource source, String transactionType, String amountType, String feeType) {
    }

    private final List<FeeRule> rules;
    private final Map<Key, Optional<FeeRule>> found = new HashMap<>();

    FeeRuleIndex(List<FeeRule> rules) {
        this.rules = rules;
    }

    Optional<FeeRule> find(FeeSource source, String transactionType, String amountType, String feeType) {
        return found.computeIfAbsent(new Key(source, transactionType, amountType, feeType),
                key -> FeeRules.find(rules, source, transactionType, amountType, feeType));
    }
}
