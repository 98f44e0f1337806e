package dev.junction.ui.rates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.rates.CurrencyRateService;
import dev.junction.db.rates.StoredRate;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import jakarta.annotation.security.PermitAll;

import java.util.Locale;

/**
 * The exchange rates {@code convertCurrency} converts with: each rate of a currency pair takes effect on a date and
 * holds until a later one of the pair does. Admins and designers add and delete rates (a rate is never changed in
 * place: delete it and add another); everyone else reads.
 */
@Route("exchange-rates")
@PageTitle("Exchange rates · Junction")
@Menu(title = "Exchange rates", order = 6, icon = "vaadin:dollar")
@PermitAll
public class ExchangeRatesView extends VerticalLayout {

    private final CurrencyRateService rates;
    private final Grid<StoredRate> grid = new Grid<>(StoredRate.class, false);
    private final TextField filter = new TextField();

    public ExchangeRatesView(CurrencyRateService rates) {
        this.rates = rates;
        boolean mayChange = rates.currentUserMayChange();
        setSizeFull();

        filter.setPlaceholder("Currency, e.g. GBP");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setId("rate-filter");
        filter.addValueChangeListener(change -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(new H2("Exchange rates"), filter);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (mayChange) {
            Button add = new Button("Add rate", VaadinIcon.PLUS.create(), click -> new RateDialog(input -> {
                StoredRate added = rates.add(input);
                Notifications.success("Rate " + added.from() + " → " + added.to() + " from " + added.effectiveFrom()
                        + " added");
                refresh();
            }).open());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add.setId("add-rate");
            toolbar.add(add);
        }

        grid.setId("exchange-rates");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(StoredRate::from).setHeader("From").setKey("from").setAutoWidth(true);
        grid.addColumn(StoredRate::to).setHeader("To").setKey("to").setAutoWidth(true);
        grid.addColumn(rate -> rate.rate().toPlainString()).setHeader("Rate (1 from = … to)").setKey("rate")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(rate -> rate.effectiveFrom().toString()).setHeader("In effect from").setKey("effectiveFrom")
                .setAutoWidth(true);
        grid.addColumn(StoredRate::source).setHeader("Source").setFlexGrow(2);
        grid.addColumn(rate -> Times.when(rate.createdAt()) + " · " + rate.createdBy()).setHeader("Added")
                .setAutoWidth(true);
        if (mayChange) {
            grid.addComponentColumn(this::deleteButton).setHeader("").setTextAlign(ColumnTextAlign.END)
                    .setAutoWidth(true).setFlexGrow(0);
        }
        grid.setEmptyStateText("No exchange rates yet: convertCurrency has nothing to convert with.");
        add(toolbar, grid);
        expand(grid);
        refresh();
    }

    private Button deleteButton(StoredRate rate) {
        Button delete = new Button(VaadinIcon.TRASH.create(), click -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setId("confirm-delete-rate");
            confirm.setHeader("Delete the rate " + rate.from() + " → " + rate.to() + " from " + rate.effectiveFrom()
                    + "?");
            confirm.setText("Conversions on and after that date then use the pair's earlier rate, if it has one.");
            confirm.setCancelable(true);
            confirm.setConfirmText("Delete");
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(confirmed -> {
                try {
                    rates.delete(rate.id());
                    Notifications.success("Rate " + rate.from() + " → " + rate.to() + " deleted");
                } catch (NotFoundException gone) {
                    Notifications.warning("That rate was deleted already.");
                }
                refresh();
            });
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + rate.from() + " → " + rate.to() + " from " + rate.effectiveFrom());
        delete.addClassName("delete-rate");
        return delete;
    }

    /** Shows every rate, or those with the typed currency on either side. */
    private void refresh() {
        String currency = filter.getValue().strip().toUpperCase(Locale.ROOT);
        try {
            grid.setItems(rates.list(null, null).stream().filter(rate -> currency.isEmpty()
                    || rate.from().contains(currency) || rate.to().contains(currency)).toList());
            filter.setInvalid(false);
        } catch (InvalidInputException e) {
            filter.setErrorMessage(e.getMessage());
            filter.setInvalid(true);
        }
    }
}
