package dev.junction.ui.alerts.channels;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
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
import dev.junction.ui.shared.SettingsPanel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final SettingsPanel settings = new SettingsPanel("channel", "channel-setting-");
    private final FieldErrors errors = new FieldErrors();
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

        add(general, settings);
        settings.showProblemsOf(errors.on("name", "Name", name));
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

    private void showSettings(ChannelKindView kindView) {
        shownKind = kindView;
        if (kindView == null) {
            settings.clear();
            return;
        }
        Map<String, String> stored = new LinkedHashMap<>();
        if (current != null) {
            current.secrets().forEach((field, state) -> stored.put(field,
                    SettingsPanel.setOn(state.setAt(), state.setBy())));
        }
        settings.show(kindView.title() + " settings", kindView.settingsSchema(),
                current == null ? null : current.settings(), stored);
    }

    private void save() {
        errors.clear();
        settings.clearProblems();
        Map<String, Object> values = settings.values();
        Map<String, Object> settingValues = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null && !(value instanceof String text && text.isBlank())) {
                settingValues.put(key, value instanceof java.math.BigDecimal number ? number.longValue() : value);
            }
        });
        Map<String, String> secretValues = settings.secretValues();
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
}
