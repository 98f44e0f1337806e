package dev.junction.backend.reconciliation.matching;

import java.math.BigDecimal;

/**
 * One line of a journal entry: either a debit or a credit (the other is 0), in minor units of {@code currency}.
 *
 * @param lineNumber       1-based within the entry
 * @param account          the ledger account code
 * @param debitMinor       debit, minor units (≥ 0)
 * @param creditMinor      credit, minor units (≥ 0)
 * @param currency         the currency the entry balances in
 * @param originalMinor    the amount before conversion, signed (debit positive, credit negative); the line's own
 *                         amount, signed, when not converted
 * @param originalCurrency the currency before conversion
 * @param rate             the rate used, null when not converted
 * @param memo             what the line is ("Commission, order 302-…")
 * @param reference        the settlement row id, Opayo transaction id or settlement id it comes from
 */
public record JournalLine(int lineNumber, String account, long debitMinor, long creditMinor, String currency,
                          long originalMinor, String originalCurrency, BigDecimal rate, String memo, String reference) {

    public JournalLine {
        if (debitMinor < 0 || creditMinor < 0 || (debitMinor != 0 && creditMinor != 0)) {
            throw new IllegalArgumentException("a journal line is either a debit or a credit, both ≥ 0: debit "
                    + debitMinor + ", credit " + creditMinor);
        }
    }
}
