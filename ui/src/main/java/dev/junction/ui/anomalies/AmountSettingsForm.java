package dev.junction.ui.anomalies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.anomalies.BusinessAmountService;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.db.amounts.AmountSettings;
import dev.junction.ui.shared.FieldErrors;
import dev.junction.ui.shared.Notifications;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where one workflow's runs keep their business amount ({@code data-testid=amount-settings},
 * {@code data-configured}): the amount's path, its kind, currency, fees and unit, as {@link BusinessAmountService}
 * takes them; the service checks and names a wrong field, shown on it. Read-only for roles that may not change it.
 */
class AmountSettingsForm extends Details {

    private static final Map<String, String> KINDS = Map.of("sale", "Sale", "refund", "Refund",
            "settlement", "Settlement (with fees)", "sign", "Sale, or refund when negative",
            "expression", "Sale or refund, said by an expression");

    private final BusinessAmountService amounts;
    private final UUID workflowId;
    private final TextField amount = new TextField("Amount");
    private final Select<String> kind = new Select<>();
    private final TextField kindExpression = new TextField("Refund when this says \"refund\"");
    private final TextField currency = new TextField("Currency");
    private final TextField fee = new TextField("Fees");
    private final Checkbox minorUnits = new Checkbox("Values are in pence / cents");
    private final FieldErrors errors = new FieldErrors();

    AmountSettingsForm(BusinessAmountService amounts, UUID workflowId) {
        this.amounts = amounts;
        this.workflowId = workflowId;
        setSummaryText("Business amounts");
        getElement().setAttribute("data-testid", "amount-settings");
        amount.setHelperText("A path into the run's data: trigger.amount.totalAmount, trigger.OrderTotal.Amount,"
                + " nodes.<step id>.<field>");
        amount.setPlaceholder("trigger.amount.totalAmount");
        kind.setLabel("Kind");
        kind.setItems("sale", "refund", "settlement", "sign", "expression");
        kind.setItemLabelGenerator(value -> KINDS.getOrDefault(value, value));
        kind.setValue("sale");
        kindExpression.setPlaceholder("nodes.classify.type");
        currency.setHelperText("A code like GBP, or a path like trigger.amount.currency");
        fee.setHelperText("Settlements: a path to the fees, like nodes.reconcile.feeAmountMinor");
        kind.addValueChangeListener(event -> showFor(event.getValue()));
        amount.setId("amount-settings-amount");
        kindExpression.setId("amount-settings-kind-expression");
        currency.setId("amount-settings-currency");
        fee.setId("amount-settings-fee");
        errors.on("amount", "Amount", amount).on("kindExpression", "The expression", kindExpression)
                .on("currency", "Currency", currency).on("fee", "Fees", fee).on("kind", "Kind", kind)
                .otherwise("Amount", amount);
        FormLayout form = new FormLayout(amount, kind, kindExpression, currency, fee, minorUnits);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        Paragraph how = new Paragraph("Each run that succeeds records this amount as it ends; the hourly sums give "
                + "order value, refund share and settlement fee flags.");
        how.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Button save = new Button("Save amounts", event -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button remove = new Button("Stop recording", event -> remove());
        boolean mayChange = amounts.currentUserMayChange();
        save.setVisible(mayChange);
        remove.setVisible(mayChange);
        form.getChildren().forEach(field -> ((com.vaadin.flow.component.HasEnabled) field).setEnabled(mayChange));
        VerticalLayout content = new VerticalLayout(how, form, new HorizontalLayout(save, remove));
        content.setPadding(false);
        add(content);
        load(amounts.of(workflowId));
    }

    private void load(Optional<AmountSettings> stored) {
        getElement().setAttribute("data-configured", String.valueOf(stored.isPresent()));
        stored.ifPresent(settings -> {
            amount.setValue(settings.amountExpression());
            kind.setValue(settings.kind());
            kindExpression.setValue(settings.kindExpression() == null ? "" : settings.kindExpression());
            currency.setValue(settings.currency() != null ? settings.currency() : settings.currencyExpression());
            fee.setValue(settings.feeExpression() == null ? "" : settings.feeExpression());
            minorUnits.setValue(settings.minorUnits());
        });
        showFor(kind.getValue());
    }

    private void showFor(String chosen) {
        kindExpression.setVisible("expression".equals(chosen));
        fee.setVisible("settlement".equals(chosen));
    }

    private void save() {
        errors.clear();
        try {
            load(Optional.of(amounts.save(workflowId, new BusinessAmountService.AmountInput(amount.getValue(),
                    kind.getValue(), kindExpression.isVisible() ? kindExpression.getValue() : null,
                    currency.getValue(), fee.isVisible() ? fee.getValue() : null, minorUnits.getValue()))));
            Notifications.success("Amounts saved: runs that succeed from now on record them.");
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }

    private void remove() {
        amounts.remove(workflowId);
        getElement().setAttribute("data-configured", "false");
        Notifications.success("Runs of this workflow no longer record amounts.");
    }
}
