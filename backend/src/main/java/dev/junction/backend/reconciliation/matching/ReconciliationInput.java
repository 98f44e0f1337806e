package dev.junction.backend.reconciliation.matching;

import java.util.List;

/**
 * Everything one reconciliation looks at: the settlements, the Opayo transactions (and batches) of the same period,
 * the exchange rates, the fee table and the accounts.
 *
 * @param settlements  Amazon settlements; ids unique
 * @param transactions Opayo transactions; ids unique
 * @param batches      Opayo batches (fees a batch states are posted when its transactions carry none); may be empty
 * @param rates        exchange rates (pair + effective date → rate)
 * @param feeRules     the fee-allocation table ({@link FeeRules#defaults()} unless the user edited it)
 * @param accounts     the structural ledger accounts
 * @param options      tolerances, rounding, book currency, thresholds
 */
public record ReconciliationInput(List<Settlement> settlements, List<PaymentTransaction> transactions,
                                  List<PaymentBatch> batches, List<ExchangeRate> rates, List<FeeRule> feeRules,
                                  LedgerAccounts accounts, ReconciliationOptions options) {

    public ReconciliationInput {
        settlements = List.copyOf(Require.present(settlements, "settlements"));
        transactions = List.copyOf(Require.present(transactions, "transactions"));
        batches = batches == null ? List.of() : List.copyOf(batches);
        rates = rates == null ? List.of() : List.copyOf(rates);
        feeRules = feeRules == null ? FeeRules.defaults() : List.copyOf(feeRules);
        accounts = accounts == null ? LedgerAccounts.defaults() : accounts;
        options = options == null ? ReconciliationOptions.defaults() : options;
    }

    /** The given settlements and transactions with default rules, accounts and options and no rates. */
    public static ReconciliationInput of(List<Settlement> settlements, List<PaymentTransaction> transactions) {
        return new ReconciliationInput(settlements, transactions, List.of(), List.of(), null, null, null);
    }
}
