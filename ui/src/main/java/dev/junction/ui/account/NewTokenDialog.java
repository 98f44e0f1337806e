package dev.junction.ui.account;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.tokens.ApiTokenRequest;
import dev.junction.ui.shared.FieldErrors;

import java.time.LocalDate;
import java.time.ZoneId;
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
    private final Binder<Draft> binder = new Binder<>();
    private final FieldErrors errors = new FieldErrors().on("name", "Name", name)
            .on("expiresAt", "Expiry date", date).on("expiresInDays", "Expiry", expiry).otherwise("Expiry", expiry);

    /** The form's values while it is open. */
    private static final class Draft {
        String name = "";
        Expiry expiry = Expiry.DAYS_90;
        LocalDate date;
    }

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
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        date.setId("token-expiry-date");
        date.setLocale(Locale.UK);
        date.setMin(today.plusDays(1));
        date.setMax(today.plusDays(MAX_DAYS));
        date.setHelperText("The token stops working at 00:00 (server time) on this day; at most " + MAX_DAYS
                + " days ahead.");
        date.setVisible(false);
        expiry.addValueChangeListener(change -> date.setVisible(change.getValue() == Expiry.ON_DATE));

        binder.bind(name, draft -> draft.name, (draft, value) -> draft.name = value);
        binder.bind(expiry, draft -> draft.expiry, (draft, value) -> draft.expiry = value);
        binder.bind(date, draft -> draft.date, (draft, value) -> draft.date = value);
        binder.readBean(new Draft());

        FormLayout form = new FormLayout(name, expiry, date);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        setWidth("32em");

        Button save = new Button("Create token", click -> {
            errors.clear();
            Draft typed = new Draft();
            binder.writeBeanAsDraft(typed, true);
            if (typed.expiry == Expiry.ON_DATE && typed.date == null) {
                errors.showSentence("expiresAt", "Choose the day the token stops working");
                return;
            }
            try {
                create.accept(request(typed));
                close();
            } catch (InvalidInputException e) {
                errors.show(e);
            } catch (ConflictException e) {
                errors.show(e);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.setId("create-token");
        getFooter().add(new Button("Cancel", click -> close()), save);
        name.focus();
    }

    private static ApiTokenRequest request(Draft typed) {
        Expiry chosen = typed.expiry == null ? Expiry.NEVER : typed.expiry;
        String expiresAt = chosen == Expiry.ON_DATE
                ? typed.date.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime().toString() : null;
        return new ApiTokenRequest(typed.name, expiresAt, chosen.days);
    }
}
