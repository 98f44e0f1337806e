package dev.junction.ui.reconciliation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import dev.junction.db.reconciliation.RunRows;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A run's discrepancies: kind, order, expected (settlement) and found (Opayo) amounts, what is wrong, and whether it
 * is resolved (by whom, when, with which note). Each row's kind cell carries {@code data-testid=discrepancy} with
 * {@code data-item}, {@code data-kind}, {@code data-order} and {@code data-status} ({@code open} or {@code resolved}).
 */
final class DiscrepancyGrid extends Grid<RunRows.Discrepancy> {

    DiscrepancyGrid(boolean mayResolve, Consumer<RunRows.Discrepancy> resolve) {
        super(RunRows.Discrepancy.class, false);
        setId("discrepancies");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addComponentColumn(DiscrepancyGrid::kindCell).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        addColumn(item -> item.orderId() == null ? "—" : item.orderId()).setHeader("Order").setAutoWidth(true)
                .setFlexGrow(0);
        addComponentColumn(item -> Money.cell(item.expectedMinor(), item.currency(), false))
                .setHeader("Settlement").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(item -> Money.cell(item.actualMinor(), item.currency(), false)).setHeader("Opayo")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        addColumn(RunRows.Discrepancy::message).setHeader("What is wrong").setFlexGrow(3);
        addComponentColumn(DiscrepancyGrid::resolution).setHeader("Resolution").setFlexGrow(2);
        if (mayResolve) {
            addComponentColumn(item -> {
                Button button = new Button(item.resolved() ? "Edit note" : "Resolve", click -> resolve.accept(item));
                button.addThemeVariants(ButtonVariant.LUMO_SMALL, item.resolved() ? ButtonVariant.LUMO_TERTIARY
                        : ButtonVariant.LUMO_PRIMARY);
                button.addClassName("resolve-discrepancy");
                button.getElement().setAttribute("data-item", String.valueOf(item.itemNo()));
                return button;
            }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        setEmptyStateText("No discrepancies: every line and payment is accounted for.");
    }

    private static Component kindCell(RunRows.Discrepancy item) {
        Span kind = new Span(label(item.kind()));
        kind.getElement().setAttribute("data-testid", "discrepancy");
        kind.getElement().setAttribute("data-item", String.valueOf(item.itemNo()));
        kind.getElement().setAttribute("data-kind", item.kind());
        kind.getElement().setAttribute("data-order", item.orderId() == null ? "" : item.orderId());
        kind.getElement().setAttribute("data-status", item.resolved() ? "resolved" : "open");
        kind.getStyle().set("font-weight", "600");
        return kind;
    }

    private static Component resolution(RunRows.Discrepancy item) {
        if (!item.resolved()) {
            Span open = new Span("Open");
            open.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-secondary-text-color))");
            return open;
        }
        Span resolved = new Span("✓ " + item.resolutionNote() + " — " + item.resolvedBy() + ", "
                + item.resolvedAt().atZone(ZoneOffset.UTC).toLocalDate());
        resolved.getStyle().set("color", "var(--lumo-success-text-color)");
        resolved.addClassName("resolution");
        return resolved;
    }

    /** {@code MISSING_REFUND} → {@code Missing refund}. */
    static String label(String kind) {
        String words = kind.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
