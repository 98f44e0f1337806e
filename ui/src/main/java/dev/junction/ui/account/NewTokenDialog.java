package dev.junction.ui.account;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.tokens.ApiTokenRequest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Asks for a new token's name and expiry (never, 30 / 90 / 365 days, or a date). The service decides what is valid;
 * its answer is shown on the field it names, and the dialog stays open until a creation succeeds.
 */
class NewTokenDialog extends Dialog {

    /** The expiries offered; {@link #ON_DATE} asks for a date. */
    enum Expiry {
        NEVER("Never", null), DAYS_30("30 days", 30), DAYS_90("90 days", 90), DAYS_365("365 days", 365),
        ON_DATE("On a date", null);

        final String label;
        final Integer days;

        Expiry(String label, Integer days) {
            this.label = label;
            this.days = days;
        }
    }

    private static final int MAX_DAYS = 365;

    private final TextField name = new TextField("Name");
    private final RadioButtonGroup<Expiry> expiry = new RadioButtonGroup<>("Expires");
    private final DatePicker date = new DatePicker("Expiry date");

    /** {@code create} creates the token (and shows it); it throws the service's exceptions when refused. */
    NewTokenDialog(Consumer<ApiTokenRequest> create) {
        setHeaderTitle("New API token");
        name.setId("token-name");
        name.setRequired(true);
        name.setMaxLength(80);
        name.setHelperText("What the token is for, such as \"nightly export script\"");
        expiry.setId("token-expiry");
        expiry.setItems(Expiry.values());
        expiry.setItemLabelGenerator(choice -> choice.label);
        expiry.setValue(Expiry.DAYS_90);
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        date.setId("token-expiry-date");
        date.setLocale(Locale.UK);
        date.setMin(today.plusDays(1));
        date.setMax(today.plusDays(MAX_DAYS));
        date.setHelperText("The token stops working at 00:00 (server time) on this day; at most " + MAX_DAYS
                + " days ahead.");
        date.setVisible(false);
        expiry.addValueChangeListener(change -> date.setVisible(change.getValue() == Expiry.ON_DATE));

        FormLayout form = new FormLayout(name, expiry, date);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        setWidth("32em");

        Button save = new Button("Create token", click -> {
            List.<HasValidationProperties>of(name, expiry, date).forEach(field -> field.setInvalid(false));
            if (expiry.getValue() == Expiry.ON_DATE && date.getValue() == null) {
                showOn(date, "Choose the day the token stops working");
                return;
            }
            try {
                create.accept(request());
                close();
            } catch (InvalidInputException e) {
                e.problems().forEach(problem -> showOn(problem.field(), problem.message()));
            } catch (ConflictException e) {
                showOn(name, e.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.setId("create-token");
        getFooter().add(new Button("Cancel", click -> close()), save);
        name.focus();
    }

    private ApiTokenRequest request() {
        Expiry chosen = expiry.getValue() == null ? Expiry.NEVER : expiry.getValue();
        String expiresAt = chosen == Expiry.ON_DATE
                ? date.getValue().atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime().toString() : null;
        return new ApiTokenRequest(name.getValue(), expiresAt, chosen.days);
    }

    private void showOn(String field, String message) {
        switch (field) {
            case "name" -> showOn(name, "Name " + message);
            case "expiresAt" -> showOn(date, "Expiry date " + message);
            default -> showOn(expiry, "Expiry " + message);
        }
    }

    private static void showOn(HasValidationProperties field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
