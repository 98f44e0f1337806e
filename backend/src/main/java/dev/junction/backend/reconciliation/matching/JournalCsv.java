package dev.junction.backend.reconciliation.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * Journal entries as CSV (RFC 4180: comma separated, CRLF line ends, a field quoted when it holds a comma, a quote,
 * CR or LF, quotes doubled). One header row, then one row per journal line; amounts in major units with the
 * currency's decimals ({@code 12.34}, {@code 1500} for JPY), an empty cell for a zero debit or credit.
 */
public final class JournalCsv {

    /** The fixed column set, in order. */
    public static final List<String> COLUMNS = List.of("entry_id", "settlement_id", "date", "line", "account",
            "debit", "credit", "currency", "original_amount", "original_currency", "rate", "memo", "reference");

    private JournalCsv() {
    }

    /** The entries as one CSV text. */
    public static String write(List<JournalEntry> entries) {
        StringBuilder csv = new StringBuilder();
        write(entries, csv);
        return csv.toString();
    }

    /** Writes the entries to {@code out}. */
    public static void write(List<JournalEntry> entries, Appendable out) {
        try {
            row(out, COLUMNS);
            for (JournalEntry entry : entries) {
                for (JournalLine line : entry.lines()) {
                    row(out, List.of(entry.entryId(), entry.settlementId(), entry.date().toString(),
                            String.valueOf(line.lineNumber()), line.account(),
                            line.debitMinor() == 0 ? "" : major(line.debitMinor(), line.currency()),
                            line.creditMinor() == 0 ? "" : major(line.creditMinor(), line.currency()),
                            line.currency(), major(line.originalMinor(), line.originalCurrency()),
                            line.originalCurrency(), line.rate() == null ? "" : line.rate().toPlainString(),
                            line.memo() == null ? "" : line.memo(), line.reference() == null ? "" : line.reference()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Minor units as a plain decimal in major units with the currency's default decimals. */
    static String major(long minor, String currency) {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }

    private static void row(Appendable out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(fields.get(i)));
        }
        out.append("\r\n");
    }

    /** RFC 4180 §2.6–2.7: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
