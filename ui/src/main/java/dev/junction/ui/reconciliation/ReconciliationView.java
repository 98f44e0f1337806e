package dev.junction.ui.reconciliation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.reconciliation.ReconciliationService;
import dev.junction.backend.reconciliation.ReconciliationService.ConnectionChoice;
import dev.junction.db.reconciliation.SettlementOverview;
import dev.junction.db.reconciliation.StoredRun;
import dev.junction.db.reconciliation.StoredSettlement;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shell.Routes;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Settlement reconciliation: the Amazon settlements fetched so far — per Amazon connection (seller account or
 * marketplace) — with their period, deposited total and the latest reconciliation's status and discrepancy counts.
 * Admins and operators fetch an Amazon connection's new settlements and reconcile one against an Opayo connection;
 * a row opens its latest run. Every row's status cell carries {@code data-testid=settlement} with
 * {@code data-settlement-id}, {@code data-status}, {@code data-discrepancies} and {@code data-open}.
 */
@Route("reconciliation")
@PageTitle("Reconciliation · Junction")
@Menu(title = "Reconciliation", order = 6.5, icon = "vaadin:scale")
@PermitAll
public class ReconciliationView extends VerticalLayout {

    private final ReconciliationService reconciliations;
    private final Grid<SettlementOverview> grid = new Grid<>(SettlementOverview.class, false);
    private final ComboBox<ConnectionChoice> amazon = new ComboBox<>("Amazon connection");
    private final ComboBox<ConnectionChoice> opayo = new ComboBox<>("Opayo connection");

    public ReconciliationView(ReconciliationService reconciliations) {
        this.reconciliations = reconciliations;
        setSizeFull();
        H2 title = new H2("Reconciliation");
        title.getStyle().set("white-space", "nowrap");
        HorizontalLayout toolbar = new HorizontalLayout(title);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();
        if (reconciliations.currentUserMayAct()) {
            choices(amazon, "amazon-connection", reconciliations.connections("amazon-sp-api"));
            choices(opayo, "opayo-connection", reconciliations.connections("opayo-pi"));
            Button fetch = new Button("Fetch settlements", VaadinIcon.DOWNLOAD_ALT.create(), click -> fetch());
            fetch.setId("fetch-settlements");
            fetch.setTooltipText("Fetch the settlement reports Amazon published for this connection");
            HorizontalLayout actions = new HorizontalLayout(amazon, fetch, opayo);
            actions.setAlignItems(FlexComponent.Alignment.BASELINE);
            toolbar.add(actions);
            toolbar.expand(title);
        }
        configureGrid();
        add(toolbar, grid);
        expand(grid);
        refresh();
    }

    private static void choices(ComboBox<ConnectionChoice> box, String id, List<ConnectionChoice> connections) {
        box.setId(id);
        box.setItems(connections);
        box.setItemLabelGenerator(choice -> choice.name() + ("sandbox".equals(choice.environment()) ? " (sandbox)"
                : ""));
        if (!connections.isEmpty()) {
            box.setValue(connections.getFirst());
        }
        box.setWidth("16em");
    }

    private void configureGrid() {
        grid.setId("settlements");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.addColumn(overview -> overview.settlement().settlementId()).setHeader("Settlement").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(overview -> reconciliations.connectionName(overview.settlement().amazonConnectionId()))
                .setHeader("Amazon account").setWidth("10em").setFlexGrow(1)
                .setTooltipGenerator(overview -> reconciliations.connectionName(
                        overview.settlement().amazonConnectionId()));
        grid.addColumn(overview -> period(overview.settlement())).setHeader("Period").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(overview -> date(overview.settlement().depositDate())).setHeader("Deposit date")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(overview -> Money.cell(overview.settlement().totalMinor(),
                        overview.settlement().currency(), false)).setHeader("Deposited")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(overview -> overview.settlement().lineCount()).setHeader("Lines")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::statusCell).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(overview -> overview.latestRunId() == null ? "" : overview.openDiscrepancies() + " / "
                        + overview.discrepancies()).setHeader("Open / found").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        if (reconciliations.currentUserMayAct()) {
            grid.addComponentColumn(this::reconcileButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        grid.setEmptyStateText("No settlements yet: choose an Amazon connection and fetch its settlements.");
        grid.addItemClickListener(click -> {
            if (click.getItem().latestRunId() != null) {
                getUI().ifPresent(ui -> ui.navigate(Routes.reconciliationRun(click.getItem().latestRunId())));
            }
        });
    }

    private Component statusCell(SettlementOverview overview) {
        var badge = StatusBadge.of(overview.statusOrNotReconciled(), overview.openDiscrepancies());
        badge.getElement().setAttribute("data-testid", "settlement");
        badge.getElement().setAttribute("data-settlement-id", overview.settlement().settlementId());
        badge.getElement().setAttribute("data-discrepancies", String.valueOf(overview.discrepancies()));
        badge.getElement().setAttribute("data-open", String.valueOf(overview.openDiscrepancies()));
        return badge;
    }

    private Button reconcileButton(SettlementOverview overview) {
        Button reconcile = new Button(overview.latestRunId() == null ? "Reconcile" : "Reconcile again",
                click -> reconcile(overview.settlement()));
        reconcile.addThemeVariants(ButtonVariant.LUMO_SMALL, overview.latestRunId() == null
                ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
        reconcile.addClassName("reconcile-settlement");
        reconcile.getElement().setAttribute("data-settlement-id", overview.settlement().settlementId());
        return reconcile;
    }

    private void fetch() {
        if (amazon.getValue() == null) {
            amazon.setErrorMessage("Choose the Amazon connection to fetch from");
            amazon.setInvalid(true);
            return;
        }
        amazon.setInvalid(false);
        try {
            List<StoredSettlement> fetched = reconciliations.fetchSettlements(amazon.getValue().id());
            Notifications.success(fetched.isEmpty() ? "No new settlements" : fetched.size() + " settlement"
                    + (fetched.size() == 1 ? "" : "s") + " fetched");
        } catch (InvalidInputException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void reconcile(StoredSettlement settlement) {
        if (opayo.getValue() == null) {
            opayo.setErrorMessage("Choose the Opayo connection to reconcile with");
            opayo.setInvalid(true);
            return;
        }
        opayo.setInvalid(false);
        try {
            StoredRun run = reconciliations.reconcile(settlement.amazonConnectionId(), settlement.settlementId(),
                    opayo.getValue().id());
            getUI().ifPresent(ui -> ui.navigate(Routes.reconciliationRun(run.id())));
        } catch (InvalidInputException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void refresh() {
        grid.setItems(reconciliations.settlements());
    }

    static String period(StoredSettlement settlement) {
        return date(settlement.periodStart()) + " – " + date(settlement.periodEnd());
    }

    static String date(Instant instant) {
        return instant == null ? "" : instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    static Span text(String text) {
        return new Span(text == null ? "" : text);
    }
}
