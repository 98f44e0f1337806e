package dev.junction.ui.rates;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.rates.CurrencyRateService;
import dev.junction.ui.shared.FieldErrors;

import java.time.LocalDate;

/** Asks for a new rate: the pair, the rate, the date it takes effect and where it came from. */
class RateDialog extends Dialog {

    /** Adds the rate; throws the service's exceptions when refused. */
    @FunctionalInterface
    interface Save {
        void save(CurrencyRateService.NewRate rate);
    }

    private final TextField from = new TextField("From");
    private final TextField to = new TextField("To");
    private final TextField rate = new TextField("Rate");
    private final TextField effectiveFrom = new TextField("In effect from");
    private final TextField source = new TextField("Source");
    private final FieldErrors errors = new FieldErrors().on("from", "From", from).on("to", "To", to)
            .on("rate", "Rate", rate).on("effectiveFrom", "In effect from", effectiveFrom)
            .on("source", "Source", source).otherwise("Rate", rate);

    RateDialog(Save save) {
        setHeaderTitle("Add exchange rate");
        from.setId("rate-from");
        from.setPlaceholder("GBP");
        from.setMaxLength(3);
        to.setId("rate-to");
        to.setPlaceholder("EUR");
        to.setMaxLength(3);
        rate.setId("rate-value");
        rate.setPlaceholder("1.1623");
        rate.setHelperText("One unit of From in To");
        effectiveFrom.setId("rate-effective-from");
        // an ISO date, as the list and the API show it, whatever the browser's locale; the service checks it
        effectiveFrom.setPlaceholder("2026-11-24");
        effectiveFrom.setHelperText("YYYY-MM-DD");
        effectiveFrom.setValue(LocalDate.now().toString());
        source.setId("rate-source");
        source.setPlaceholder("e.g. ECB reference rate");
        FormLayout form = new FormLayout(from, to, rate, effectiveFrom, source);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2));
        form.setColspan(source, 2);
        add(form);
        setWidth("30em");
        Button saveButton = new Button("Add", click -> {
            errors.clear();
            try {
                save.save(new CurrencyRateService.NewRate(from.getValue(), to.getValue(), rate.getValue(),
                        effectiveFrom.getValue(),
                        source.getValue()));
                close();
            } catch (InvalidInputException e) {
                errors.show(e);
            } catch (ConflictException e) {
                errors.show(e);
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.addClickShortcut(Key.ENTER);
        saveButton.setId("save-rate");
        getFooter().add(new Button("Cancel", click -> close()), saveButton);
        from.focus();
    }
}
