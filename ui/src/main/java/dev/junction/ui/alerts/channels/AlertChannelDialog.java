package dev.junction.ui.alerts.channels;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.alerts.channels.AlertChannelInput;
import dev.junction.backend.alerts.channels.AlertChannelView;
import dev.junction.backend.alerts.channels.ChannelKindView;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.ui.shared.Captioned;
import dev.junction.ui.shared.FieldErrors;
import dev.junction.ui.shared.SchemaForm;
import dev.junction.ui.shared.Times;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates or edits an alert channel: name, kind (fixed once created), enabled, and the kind's settings as a
 * {@link SchemaForm} of its settings schema — secrets write-only, an untouched one not sent (the service keeps it).
 * The service's problems are shown on the fields they name; the dialog stays open until a save succeeds.
 */
class AlertChannelDialog extends Dialog {

    /** Saves the input; throws the service's exceptions when it is refused. */
    @FunctionalInterface
    interface Save {
        void save(AlertChannelInput input);
    }

    private final Save save;
    private final AlertChannelView current;
    private final Select<ChannelKindView> kind = new Select<>();
    private final TextField name = new TextField("Name");
    private final Checkbox enabled = new Checkbox("Enabled");
    private final Div settings = new Div();
    private final Span formError = new Span();
    private final FieldErrors errors = new FieldErrors();
    private SchemaForm settingsForm;
    private ChannelKindView shownKind;

    static AlertChannelDialog create(List<ChannelKindView> kinds, Save save) {
        return new AlertChannelDialog(kinds, null, save);
    }

    static AlertChannelDialog edit(List<ChannelKindView> kinds, AlertChannelView current, Save save) {
        return new AlertChannelDialog(kinds, current, save);
    }

    private AlertChannelDialog(List<ChannelKindView> kinds, AlertChannelView current, Save save) {
        this.save = save;
        this.current = current;
        boolean creating = current == null;
        setHeaderTitle(creating ? "New alert channel" : "Edit alert channel '" + current.name() + "'");
        setWidth("40em");
        setId("channel-dialog");

        FormLayout general = new FormLayout();
        general.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        name.setId("channel-name");
        name.setRequiredIndicatorVisible(true);
        name.setManualValidation(true);
        name.setMaxLength(120);
        if (creating) {
            kind.setLabel("Kind");
            kind.setId("channel-kind");
            kind.setItems(kinds);
            kind.setItemLabelGenerator(ChannelKindView::title);
            kind.setPlaceholder("Choose a kind");
            kind.setRequiredIndicatorVisible(true);
            kind.setManualValidation(true);
            kind.addValueChangeListener(change -> showSettings(change.getValue()));
            general.add(kind, name);
            errors.on("kind", "Kind", kind);
        } else {
            name.setValue(current.name());
            Span kindName = new Span(kinds.stream().filter(k -> k.kind().equals(current.kind())).findFirst()
                    .map(ChannelKindView::title).orElse(current.kind()));
            kindName.setId("channel-kind-name");
            general.add(name, Captioned.of("Kind", kindName));
        }
        enabled.setId("channel-enabled");
        enabled.setValue(creating || current.enabled());
        enabled.setTooltipText("A disabled channel's notifications are not sent (they fail, saying so); Send test"
                + " still works.");
        general.add(enabled, 2);

        settings.setId("channel-settings");
        formError.setId("channel-form-error");
        formError.addClassName("form-error");
        formError.setVisible(false);
        add(general, settings, formError);
        errors.on("name", "Name", name)
                .under("settings.", property -> target(property))
                .under("secrets.", property -> target(property))
                .otherwise(this::showFormError);
        if (!creating) {
            showSettings(kinds.stream().filter(k -> k.kind().equals(current.kind())).findFirst().orElse(null));
        }

        Button saveButton = new Button("Save", click -> save());
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.setId("channel-save");
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("channel-cancel");
        getFooter().add(cancel, saveButton);
        (creating ? kind : name).focus();
    }

    private Optional<FieldErrors.Target> target(String property) {
        return settingsForm == null ? Optional.empty() : settingsForm.target(property);
    }

    private void showSettings(ChannelKindView kindView) {
        settings.removeAll();
        settingsForm = null;
        shownKind = kindView;
        if (kindView == null) {
            return;
        }
        Map<String, String> stored = new LinkedHashMap<>();
        if (current != null) {
            current.secrets().forEach((field, state) -> stored.put(field, "Set on " + Times.when(state.setAt())
                    + " by " + state.setBy()));
        }
        settingsForm = new SchemaForm(kindView.settingsSchema(), current == null ? null : current.settings(), stored,
                "channel-setting-");
        H4 heading = new H4(kindView.title() + " settings");
        heading.addClassName("form-section-heading");
        settings.add(heading, settingsForm);
    }

    private void save() {
        errors.clear();
        if (settingsForm != null) {
            settingsForm.clearErrors();
        }
        formError.setVisible(false);
        Map<String, Object> values = settingsForm == null ? Map.of() : settingsForm.values();
        Map<String, Object> settingValues = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null && !(value instanceof String text && text.isBlank())) {
                settingValues.put(key, value instanceof java.math.BigDecimal number ? number.longValue() : value);
            }
        });
        Map<String, String> secretValues = settingsForm == null ? Map.of() : settingsForm.secretValues();
        String kindName = current != null ? current.kind() : shownKind == null ? null : shownKind.kind();
        try {
            save.save(new AlertChannelInput(name.getValue(), kindName, enabled.getValue(), settingValues,
                    secretValues));
            close();
        } catch (InvalidInputException e) {
            errors.show(e);
        } catch (ConflictException e) {
            errors.show(e);
        }
    }

    private void showFormError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }
}
