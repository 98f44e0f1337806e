package dev.junction.ui.reconciliation;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import dev.junction.db.reconciliation.RunRows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's journal: one row per line with the account, what it is, and debit and credit in separate right-aligned
 * columns; the footer totals debits and credits per currency and says whether they balance
 * ({@code data-testid=journal-totals} with {@code data-balanced}, {@code data-debit-minor}, {@code data-credit-minor}).
 */
final class JournalGrid extends Grid<RunRows.JournalLine> {

    private final Column<RunRows.JournalLine> memo;
    private final Column<RunRows.JournalLine> debit;
    private final Column<RunRows.JournalLine> credit;

    JournalGrid() {
        super(RunRows.JournalLine.class, false);
        setId("journal");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        addColumn(RunRows.JournalLine::lineNumber).setHeader("#").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(RunRows.JournalLine::account).setHeader("Account").setAutoWidth(true).setFlexGrow(0);
        addColumn(RunRows.JournalLine::accountName).setHeader("Account name").setAutoWidth(true).setFlexGrow(1);
        memo = addColumn(RunRows.JournalLine::memo).setHeader("Memo").setFlexGrow(3);
        debit = addComponentColumn(line -> Money.cell(line.debitMinor(), line.currency(), true)).setHeader("Debit")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        credit = addComponentColumn(line -> Money.cell(line.creditMinor(), line.currency(), true))
                .setHeader("Credit").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        setEmptyStateText("No journal lines.");
    }

    void show(List<RunRows.JournalLine> lines) {
        setItems(lines);
        Map<String, long[]> totals = new TreeMap<>();
        for (RunRows.JournalLine line : lines) {
            long[] total = totals.computeIfAbsent(line.currency(), currency -> new long[2]);
            total[0] += line.debitMinor();
            total[1] += line.creditMinor();
        }
        boolean balanced = totals.values().stream().allMatch(total -> total[0] == total[1]);
        StringBuilder debits = new StringBuilder();
        StringBuilder credits = new StringBuilder();
        long debitMinor = 0;
        long creditMinor = 0;
        for (Map.Entry<String, long[]> total : totals.entrySet()) {
            debits.append(debits.isEmpty() ? "" : " · ").append(Money.format(total.getValue()[0], total.getKey()));
            credits.append(credits.isEmpty() ? "" : " · ").append(Money.format(total.getValue()[1], total.getKey()));
            debitMinor += total.getValue()[0];
            creditMinor += total.getValue()[1];
        }
        Span label = new Span(lines.isEmpty() ? "" : balanced ? "Balanced ✓" : "NOT balanced");
        label.getElement().setAttribute("data-testid", "journal-totals");
        label.getElement().setAttribute("data-balanced", String.valueOf(balanced));
        label.getElement().setAttribute("data-debit-minor", String.valueOf(debitMinor));
        label.getElement().setAttribute("data-credit-minor", String.valueOf(creditMinor));
        label.getStyle().set("font-weight", "600").set("color", balanced ? "var(--lumo-success-text-color)"
                : "var(--lumo-error-text-color)");
        memo.setFooter(label);
        debit.setFooter(strong(debits.toString()));
        credit.setFooter(strong(credits.toString()));
    }

    private static Span strong(String text) {
        Span span = new Span(text);
        span.getStyle().set("font-weight", "600").set("font-variant-numeric", "tabular-nums")
                .set("white-space", "nowrap");
        return span;
    }
}
