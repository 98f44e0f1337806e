package dev.junction.backend.reconciliation;

import dev.junction.backend.reconciliation.matching.FeeRule;
import dev.junction.backend.reconciliation.matching.FeeRules;
import dev.junction.backend.reconciliation.matching.FeeSource;
import dev.junction.db.lookups.LookupTableRepository;
import dev.junction.engine.runs.LookupTables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The editable fee-allocation table: the lookup table {@value #NAME} (edited in the Lookup tables view, over
 * {@code /api/v1/lookup-tables}, or as CSV). A key is {@code <source>|<transaction type>|<amount type>|<fee type>}
 * ({@code amazon|*|ItemFees|Commission}, {@code opayo|Payment|*|TransactionFee}); a value is the ledger account and
 * optionally its name after a space ({@code 6110 Amazon referral fees}). Created with {@link FeeRules#defaults()}
 * the first time a reconciliation needs it; an entry that is not a rule is reported by key.
 */
final class FeeRuleTable {

    static final String NAME = "reconciliation-fee-accounts";
    private static final String SYSTEM = "system";

    private final LookupTableRepository tables;

    FeeRuleTable(LookupTableRepository tables) {
        this.tables = tables;
    }

    /** The rules, creating the table with the defaults when there is none. */
    List<FeeRule> rules() {
        ensure();
        List<FeeRule> rules = new ArrayList<>();
        Map<String, Object> entries = tables.entries(NAME, null, 0, 100_000);
        entries.forEach((key, value) -> rules.add(rule(key, value)));
        return rules;
    }

    /** Creates the table with the default rules when it does not exist. */
    void ensure() {
        if (tables.table(NAME).isPresent()) {
            return;
        }
        if (tables.create(NAME, "Settlement reconciliation: which general-ledger account each Amazon amount type and "
                        + "Opayo fee is posted to. Key: source|transaction type|amount type|fee type (* = any); value:"
                        + " the account, then optionally its name.", LookupTables.MissingKey.ERROR, "fee",
                "account", SYSTEM)) {
            Map<String, Object> defaults = new LinkedHashMap<>();
            for (FeeRule rule : FeeRules.defaults()) {
                defaults.put(key(rule), rule.glAccount() + (rule.description().isBlank() ? ""
                        : " " + rule.description()));
            }
            tables.load(NAME, defaults, false, SYSTEM);
        }
    }

    static String key(FeeRule rule) {
        return rule.source().name().toLowerCase(Locale.ROOT) + "|" + rule.transactionType() + "|" + rule.amountType()
                + "|" + rule.feeType();
    }

    static FeeRule rule(String key, Object value) {
        String[] parts = key.split("\\|", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("the fee table's entry '" + key + "' is not source|transaction type|"
                    + "amount type|fee type");
        }
        FeeSource source;
        try {
            source = FeeSource.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the fee table's entry '" + key + "' names the source '" + parts[0]
                    + "'; amazon or opayo expected");
        }
        String account;
        String description;
        if (value instanceof Map<?, ?> object) {
            account = object.get("account") == null ? "" : object.get("account").toString().strip();
            description = object.get("description") == null ? "" : object.get("description").toString().strip();
        } else {
            String text = value == null ? "" : value.toString().strip();
            int space = text.indexOf(' ');
            account = space < 0 ? text : text.substring(0, space);
            description = space < 0 ? "" : text.substring(space + 1).strip();
        }
        if (account.isEmpty() || parts[3].isBlank()) {
            throw new IllegalArgumentException("the fee table's entry '" + key + "' names no "
                    + (account.isEmpty() ? "account" : "fee type"));
        }
        return new FeeRule(source, parts[1], parts[2], parts[3].strip(), account, description);
    }
}
