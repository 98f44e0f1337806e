package dev.junction.ui.reconciliation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.reconciliation.ReconciliationService;
import dev.junction.backend.reconciliation.ReconciliationService.ConnectionChoice;
import dev.junction.backend.reconciliation.ReconciliationService.RunDetail;
import dev.junction.db.reconciliation.RunRows;
import dev.junction.db.reconciliation.StoredRun;
import dev.junction.db.reconciliation.StoredSettlement;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shell.Routes;
import jakarta.annotation.security.PermitAll;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One reconciliation run of a settlement: its summary (deposited total, orders, refunds, fees, matches, unmatched
 * items, open discrepancies, fraud hints), then tabs with the discrepancies (resolve each with a note), the matches,
 * the settlement's lines with their outcome and ledger account, the unmatched items of both sides, the journal with
 * debit and credit totals, and Opayo's fraud hints. The journal downloads as CSV and is written to Dynamics through
 * a Dataverse connection. The status badge carries {@code data-testid=run-status} and {@code data-status}.
 */
@Route(Routes.RECONCILIATION_RUN)
@PermitAll
public class ReconciliationRunView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Up to this many discrepancies the grid grows to show them all. */
    static final int ALL_ROWS_VISIBLE = 100;

    private final ReconciliationService reconciliations;
    private final boolean mayAct;
    private final H2 title = new H2();
    private final Span subtitle = new Span();
    private final Div status = new Div();
    private final HorizontalLayout summary = new HorizontalLayout();
    private final DiscrepancyGrid discrepancies;
    private final Grid<RunRows.Match> matches = new Grid<>(RunRows.Match.class, false);
    private final Grid<RunRows.Line> lines = new Grid<>(RunRows.Line.class, false);
    private final Grid<RunRows.Unmatched> unmatched = new Grid<>(RunRows.Unmatched.class, false);
    private final JournalGrid journal = new JournalGrid();
    private final Grid<Map<String, Object>> hints = new Grid<>();
    private final TabSheet tabs = new TabSheet();
    private final Anchor download = new Anchor();
    private final ComboBox<ConnectionChoice> dynamics = new ComboBox<>();
    private final Span written = new Span();
    private UUID runId;
    private RunDetail detail;

    public ReconciliationRunView(ReconciliationService reconciliations) {
        this.reconciliations = reconciliations;
        this.mayAct = reconciliations.currentUserMayAct();
        setSizeFull();
        discrepancies = new DiscrepancyGrid(mayAct, item -> new ResolveDialog(item, note -> {
            reconciliations.resolve(runId, item.itemNo(), note);
            Notifications.success("Discrepancy resolved");
            show(reconciliations.run(runId));
        }).open());
        status.getElement().setAttribute("data-testid", "run-status");
        subtitle.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout heading = new HorizontalLayout(Routes.link("← Settlements", "reconciliation"), title,
                status);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        summary.setId("run-summary");
        summary.getStyle().set("flex-wrap", "wrap");
        configureMatches();
        configureLines();
        configureUnmatched();
        configureHints();
        tabs.setId("run-tabs");
        tabs.add("Discrepancies", discrepancies).setId("tab-discrepancies");
        tabs.add("Matches", matches).setId("tab-matches");
        tabs.add("Lines", lines).setId("tab-lines");
        tabs.add("Unmatched", unmatched).setId("tab-unmatched");
        tabs.add("Journal", journal).setId("tab-journal");
        tabs.add("Fraud hints", hints).setId("tab-hints");
        tabs.setSizeFull();
        add(heading, subtitle, summary, actions(), tabs);
        expand(tabs);
    }

    private Component actions() {
        download.setText("Download journal CSV");
        download.setId("download-journal");
        download.setDownload(true);
        HorizontalLayout actions = new HorizontalLayout(download);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (mayAct) {
            dynamics.setId("dynamics-connection");
            dynamics.setPlaceholder("Dynamics connection");
            List<ConnectionChoice> choices = reconciliations.connections("dataverse");
            dynamics.setItems(choices);
            dynamics.setItemLabelGenerator(ConnectionChoice::name);
            if (!choices.isEmpty()) {
                dynamics.setValue(choices.getFirst());
            }
            Button write = new Button("Write journal to Dynamics", VaadinIcon.UPLOAD_ALT.create(),
                    click -> writeToDynamics());
            write.setId("write-dynamics");
            Button again = new Button("Reconcile again", VaadinIcon.REFRESH.create(), click -> reconcileAgain());
            again.setId("reconcile-again");
            again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(dynamics, write, again);
        }
        written.setId("dynamics-written");
        written.getStyle().set("color", "var(--lumo-secondary-text-color)");
        actions.add(written);
        return actions;
    }

    private void configureMatches() {
        matches.setId("matches");
        matches.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        matches.addColumn(RunRows.Match::orderId).setHeader("Order").setAutoWidth(true);
        matches.addColumn(RunRows.Match::type).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        matches.addColumn(match -> match.basis().replace('_', ' ')).setHeader("Matched by").setAutoWidth(true)
                .setFlexGrow(0);
        matches.addColumn(RunRows.Match::transactionId).setHeader("Opayo transaction").setAutoWidth(true);
        matches.addComponentColumn(match -> Money.cell(match.settlementMinor(), match.settlementCurrency(), false))
                .setHeader("Settlement").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        matches.addComponentColumn(match -> Money.cell(match.transactionMinor(), match.transactionCurrency(), false))
                .setHeader("Opayo").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        matches.addComponentColumn(match -> Money.cell(match.differenceMinor(), match.settlementCurrency(), true))
                .setHeader("Difference").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        matches.addColumn(match -> match.hints().isEmpty() ? "" : "⚑ " + match.hints().size())
                .setHeader("Hints").setAutoWidth(true).setFlexGrow(0);
        matches.setEmptyStateText("Nothing matched.");
    }

    private void configureLines() {
        lines.setId("lines");
        lines.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        lines.addColumn(RunRows.Line::lineNo).setHeader("#").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setFlexGrow(0);
        lines.addColumn(RunRows.Line::transactionType).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        lines.addColumn(line -> line.orderId() == null ? "—" : line.orderId()).setHeader("Order").setAutoWidth(true);
        lines.addColumn(line -> line.amountType() + " / " + line.amountDescription()).setHeader("Amount type")
                .setFlexGrow(1);
        lines.addColumn(line -> line.postedDate() == null ? "" : line.postedDate().toString()).setHeader("Posted")
                .setAutoWidth(true).setFlexGrow(0);
        lines.addComponentColumn(line -> Money.cell(line.amountMinor(), line.currency(), false)).setHeader("Amount")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        lines.addColumn(line -> line.glAccount() == null ? "" : line.glAccount()).setHeader("Account")
                .setAutoWidth(true).setFlexGrow(0);
        lines.addComponentColumn(line -> {
            Span outcome = new Span(line.outcome().replace('_', ' '));
            outcome.getElement().setAttribute("data-outcome", line.outcome());
            return outcome;
        }).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
    }

    private void configureUnmatched() {
        unmatched.setId("unmatched");
        unmatched.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        unmatched.addColumn(item -> "settlement".equals(item.side()) ? "Amazon" : "Opayo").setHeader("Side")
                .setAutoWidth(true).setFlexGrow(0);
        unmatched.addColumn(RunRows.Unmatched::itemId).setHeader("Item").setAutoWidth(true).setFlexGrow(0);
        unmatched.addColumn(item -> item.orderId() == null ? "—" : item.orderId()).setHeader("Order")
                .setAutoWidth(true);
        unmatched.addComponentColumn(item -> Money.cell(item.amountMinor(), item.currency(), false))
                .setHeader("Amount").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        unmatched.addColumn(item -> item.reason().replace('_', ' ')).setHeader("Why").setAutoWidth(true)
                .setFlexGrow(0);
        unmatched.addColumn(RunRows.Unmatched::explanation).setHeader("Explanation").setFlexGrow(3);
        unmatched.setEmptyStateText("Every line and payment has its counterpart.");
    }

    private void configureHints() {
        hints.setId("fraud-hints");
        hints.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        hints.addComponentColumn(hint -> {
            Span kind = new Span(DiscrepancyGrid.label(String.valueOf(hint.get("kind"))));
            kind.getElement().setAttribute("data-testid", "fraud-hint");
            kind.getElement().setAttribute("data-kind", String.valueOf(hint.get("kind")));
            kind.getStyle().set("font-weight", "600");
            return kind;
        }).setHeader("Hint").setAutoWidth(true).setFlexGrow(0);
        hints.addColumn(hint -> hint.get("orderId") == null ? "—" : hint.get("orderId")).setHeader("Order")
                .setAutoWidth(true);
        hints.addColumn(hint -> hint.get("transactionId") == null ? "—" : hint.get("transactionId"))
                .setHeader("Opayo transaction").setAutoWidth(true);
        hints.addColumn(hint -> hint.get("message")).setHeader("What was seen").setFlexGrow(3);
        hints.setEmptyStateText("Opayo shows nothing unusual for this settlement.");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            runId = UUID.fromString(event.getRouteParameters().get(Routes.RECONCILIATION_RUN_ID).orElse(""));
            show(reconciliations.run(runId));
        } catch (IllegalArgumentException | NotFoundException e) {
            event.forwardTo(ReconciliationView.class);
            Notifications.warning("That reconciliation does not exist (any more).");
        }
    }

    @SuppressWarnings("unchecked")
    private void show(RunDetail shown) {
        detail = shown;
        StoredRun run = shown.run();
        StoredSettlement settlement = shown.settlement();
        title.setText("Settlement " + settlement.settlementId());
        subtitle.setText(reconciliations.connectionName(settlement.amazonConnectionId()) + " · "
                + ReconciliationView.period(settlement) + " · deposited " + ReconciliationView.date(
                settlement.depositDate()) + " · reconciled against " + reconciliations.connectionName(
                run.opayoConnectionId()) + " by " + run.startedBy() + " at " + run.startedAt().atZone(ZoneOffset.UTC)
                .toLocalDateTime().withNano(0) + " UTC");
        status.removeAll();
        status.add(StatusBadge.of(run.status(), shown.openDiscrepancies()));
        status.getElement().setAttribute("data-status", run.status());
        status.getElement().setAttribute("data-open", String.valueOf(shown.openDiscrepancies()));
        Map<String, Object> numbers = run.summary();
        String currency = settlement.currency();
        summary.removeAll();
        summary.add(tile("Deposited", Money.format(settlement.totalMinor(), currency), "deposited"),
                tile("Orders", Money.format(whole(numbers.get("orderAmountMinor")), currency), "orders"),
                tile("Refunds", Money.format(whole(numbers.get("refundAmountMinor")), currency), "refunds"),
                tile("Fees", Money.format(whole(numbers.get("feeAmountMinor")), currency), "fees"),
                tile("Matches", String.valueOf(whole(numbers.get("matches"))), "matches"),
                tile("Unmatched", whole(numbers.get("unmatchedSettlementLines")) + " Amazon · "
                        + whole(numbers.get("unmatchedPayments")) + " Opayo", "unmatched"),
                tile("Discrepancies", shown.openDiscrepancies() + " open of " + run.discrepancyCount(),
                        "discrepancies"),
                tile("Fraud hints", String.valueOf(run.fraudHints().size()), "hints"));
        discrepancies.setItems(query -> reconciliations.discrepancies(runId, query.getOffset(), query.getLimit())
                .items().stream(), query -> reconciliations.discrepancies(runId, 0, 1).total());
        // a few discrepancies are all shown at once (the page scrolls); many scroll inside the grid, page by page
        discrepancies.setAllRowsVisible(run.discrepancyCount() <= ALL_ROWS_VISIBLE);
        matches.setItems(query -> reconciliations.matches(runId, query.getOffset(), query.getLimit()).items()
                .stream(), query -> reconciliations.matches(runId, 0, 1).total());
        lines.setItems(query -> reconciliations.lines(runId, query.getOffset(), query.getLimit()).items().stream(),
                query -> reconciliations.lines(runId, 0, 1).total());
        unmatched.setItems(query -> reconciliations.unmatched(runId, query.getOffset(), query.getLimit()).items()
                .stream(), query -> reconciliations.unmatched(runId, 0, 1).total());
        journal.show(reconciliations.journal(runId));
        hints.setItems(run.fraudHints().stream().map(hint -> (Map<String, Object>) hint).toList());
        UUID shownRun = runId;
        download.setHref(event -> {
            event.setFileName(reconciliations.journalFileName(shownRun));
            event.setContentType("text/csv; charset=utf-8");
            event.getOutputStream().write(reconciliations.journalCsv(shownRun).getBytes(StandardCharsets.UTF_8));
        });
        written.setText(run.dynamicsWrittenAt() == null ? "" : "Written to Dynamics by " + run.dynamicsWrittenBy()
                + " at " + run.dynamicsWrittenAt().atZone(ZoneOffset.UTC).toLocalDateTime().withNano(0) + " UTC");
    }

    private static Component tile(String label, String value, String key) {
        Span caption = new Span(label);
        caption.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Span number = new Span(value);
        number.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600")
                .set("font-variant-numeric", "tabular-nums");
        VerticalLayout tile = new VerticalLayout(caption, number);
        tile.setPadding(true);
        tile.setSpacing(false);
        tile.setWidth(null);
        tile.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius",
                "var(--lumo-border-radius-m)").set("min-width", "9em");
        tile.getElement().setAttribute("data-summary", key);
        return tile;
    }

    private static long whole(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    private void writeToDynamics() {
        if (dynamics.getValue() == null) {
            dynamics.setErrorMessage("Choose the Dynamics connection to write to");
            dynamics.setInvalid(true);
            return;
        }
        dynamics.setInvalid(false);
        try {
            ReconciliationService.DynamicsWrite write = reconciliations.writeToDynamics(runId,
                    dynamics.getValue().id());
            Notifications.success(write.written() + " journal lines written to " + write.entitySet() + " ("
                    + write.created() + " new, " + write.updated() + " updated)");
            show(reconciliations.run(runId));
        } catch (InvalidInputException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void reconcileAgain() {
        try {
            StoredRun again = reconciliations.reconcile(detail.settlement().amazonConnectionId(),
                    detail.settlement().settlementId(), detail.run().opayoConnectionId());
            getUI().ifPresent(ui -> ui.navigate(Routes.reconciliationRun(again.id())));
        } catch (InvalidInputException e) {
            Notifications.error(e.getMessage());
        }
    }

    @Override
    public String getPageTitle() {
        return (detail == null ? "Reconciliation" : "Settlement " + detail.settlement().settlementId())
                + " · Junction";
    }
}
