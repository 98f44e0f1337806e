package dev.junction.ui.connections;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.connections.ConnectionInput;
import dev.junction.backend.connections.ConnectionView;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.SettingField;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Creates or edits a connection. The settings part of the form is generated from the connector's descriptor.
 * Secrets are write-only: a secret that is set shows when and by whom, and only "Replace" reveals an empty field
 * for a new value; an untouched secret is not sent, so the service keeps it. The service decides what is valid and
 * its problems are shown on the fields they name; the dialog stays open until a save succeeds.
 */
class ConnectionDialog extends Dialog {

    /** Saves the input; throws the service's exceptions when it is refused. */
    @FunctionalInterface
    interface Save {
        void save(ConnectionInput input);
    }

    private static final String SANDBOX = "sandbox";
    private static final String PRODUCTION = "production";

    private final Save save;
    private final ConnectionView current;
    private final Select<Connector> connector = new Select<>();
    private final TextField id = new TextField("Id");
    private final TextField name = new TextField("Name");
    private final RadioButtonGroup<String> environment = new RadioButtonGroup<>("Environment");
    private final FormLayout settingsForm = new FormLayout();
    private final Span formError = new Span();
    /** The plain settings' fields by setting name, in the descriptor's order. */
    private final Map<String, PlainSetting> plain = new LinkedHashMap<>();
    /** The secret settings' inputs by setting name. */
    private final Map<String, SecretSetting> secrets = new LinkedHashMap<>();
    private ConnectorDescriptor descriptor;
    /** True once the user typed an id: it is then no longer suggested from the name. */
    private boolean idTyped;

    /** A dialog that creates a connection of one of {@code connectors}. */
    static ConnectionDialog create(List<Connector> connectors, Save save) {
        return new ConnectionDialog(connectors, null, null, save);
    }

    /** A dialog that edits {@code current}; {@code descriptor} is null when its connector is not installed. */
    static ConnectionDialog edit(ConnectionView current, ConnectorDescriptor descriptor, Save save) {
        return new ConnectionDialog(List.of(), current, descriptor, save);
    }

    private ConnectionDialog(List<Connector> connectors, ConnectionView current, ConnectorDescriptor descriptor,
                             Save save) {
        this.save = save;
        this.current = current;
        this.descriptor = descriptor;
        boolean creating = current == null;
        setHeaderTitle(creating ? "New connection" : "Edit connection '" + current.name() + "'");
        setWidth("40em");
        setId("connection-dialog");

        FormLayout general = new FormLayout();
        general.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        if (creating) {
            connector.setLabel("Connector");
            connector.setId("connection-connector");
            connector.setItems(connectors);
            connector.setItemLabelGenerator(c -> c.descriptor().name());
            connector.setPlaceholder("Choose a connector");
            connector.setRequiredIndicatorVisible(true);
            connector.setManualValidation(true);
            connector.addValueChangeListener(change -> {
                this.descriptor = change.getValue() == null ? null : change.getValue().descriptor();
                buildSettings();
            });
            general.add(connector, 2);

            id.setId("connection-id");
            id.setRequiredIndicatorVisible(true);
            id.setManualValidation(true);
            id.setHelperText("Workflows name the connection by it: lower-case letters, digits and dashes, e.g."
                    + " shop-sandbox. It cannot be changed later.");
            id.setMaxLength(63);
            id.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    idTyped = !change.getValue().isBlank();
                }
            });
        }
        name.setId("connection-name");
        name.setRequiredIndicatorVisible(true);
        name.setManualValidation(true);
        name.setMaxLength(120);
        if (creating) {
            name.addValueChangeListener(change -> {
                if (!idTyped) {
                    id.setValue(slug(change.getValue()));
                }
            });
            general.add(name, id);
        } else {
            name.setValue(current.name());
            Span connectorName = new Span(current.connectorName() + " · id " + current.id());
            connectorName.setId("connection-connector-name");
            general.add(name, labelled("Connector", connectorName));
        }
        environment.setId("connection-environment");
        environment.setItems(SANDBOX, PRODUCTION);
        environment.setItemLabelGenerator(value -> SANDBOX.equals(value) ? "Sandbox" : "Production");
        environment.setValue(creating ? SANDBOX : current.environment());
        environment.setRequiredIndicatorVisible(true);
        environment.setManualValidation(true);
        environment.setHelperText("Production connections reach live accounts.");
        general.add(environment, 2);

        settingsForm.setId("connection-settings");
        settingsForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        formError.setId("connection-form-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        formError.setVisible(false);
        add(general, settingsForm, formError);
        buildSettings();

        Button saveButton = new Button("Save", click -> save());
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.setId("connection-save");
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("connection-cancel");
        getFooter().add(cancel, saveButton);
        if (!creating && descriptor == null) {
            showFormError("The connector '" + current.connectorId() + "' is not installed: this connection cannot"
                    + " be changed until it is.");
            saveButton.setEnabled(false);
        }
        if (creating) {
            connector.focus();
        } else {
            name.focus();
        }
    }

    /** The form of the connector's settings: plain ones first as the descriptor orders them, then its secrets. */
    private void buildSettings() {
        settingsForm.removeAll();
        plain.clear();
        secrets.clear();
        if (descriptor == null) {
            return;
        }
        boolean creating = current == null;
        if (!descriptor.settings().isEmpty()) {
            H4 heading = new H4(descriptor.name() + " settings");
            heading.getStyle().set("margin-top", "var(--lumo-space-l)");
            settingsForm.add(heading);
        }
        for (SettingField field : descriptor.settings()) {
            if (field.secret()) {
                ConnectionView.SecretField state = creating ? null : current.secrets().stream()
                        .filter(secret -> secret.field().equals(field.name())).findFirst().orElse(null);
                SecretSetting secret = new SecretSetting(field, state);
                secrets.put(field.name(), secret);
                settingsForm.add(secret.component());
            } else {
                String value = creating ? field.defaultValue() : current.settings().get(field.name());
                PlainSetting setting = PlainSetting.of(field, value);
                plain.put(field.name(), setting);
                settingsForm.add(setting.component());
            }
        }
    }

    private void save() {
        clearErrors();
        Map<String, String> settingValues = new LinkedHashMap<>();
        plain.forEach((field, setting) -> settingValues.put(field, setting.value()));
        Map<String, String> secretValues = new LinkedHashMap<>();
        secrets.forEach((field, secret) -> secret.valueToSend().ifPresent(value -> secretValues.put(field, value)));
        ConnectionInput input = current == null
                ? new ConnectionInput(id.getValue().strip(), name.getValue(),
                connector.getValue() == null ? null : connector.getValue().descriptor().id(), environment.getValue(),
                settingValues, secretValues)
                : new ConnectionInput(current.id(), name.getValue(), current.connectorId(), environment.getValue(),
                settingValues, secretValues);
        try {
            save.save(input);
            close();
        } catch (InvalidInputException e) {
            e.problems().forEach(problem -> showOn(problem.field(), problem.message()));
        } catch (ConflictException e) {
            showOn(e.field(), e.getMessage());
        }
    }

    private void clearErrors() {
        List.<HasValidationProperties>of(connector, id, name, environment).forEach(field -> field.setInvalid(false));
        plain.values().forEach(setting -> setting.field().setInvalid(false));
        secrets.values().forEach(secret -> secret.input().setInvalid(false));
        formError.setVisible(false);
    }

    /** Shows the service's problem on the field it names, or above the buttons when no field shows it. */
    private void showOn(String field, String message) {
        String path = field == null ? "" : field;
        HasValidationProperties target = null;
        String label = null;
        if (path.startsWith("settings.") && plain.containsKey(path.substring("settings.".length()))) {
            PlainSetting setting = plain.get(path.substring("settings.".length()));
            target = setting.field();
            label = setting.label();
        } else if (path.startsWith("secrets.") && secrets.containsKey(path.substring("secrets.".length()))) {
            SecretSetting secret = secrets.get(path.substring("secrets.".length()));
            secret.reveal();
            target = secret.input();
            label = secret.label();
        } else if (current == null && ("id".equals(path) || "connectorId".equals(path))) {
            target = "id".equals(path) ? id : connector;
            label = "id".equals(path) ? "Id" : "Connector";
        } else if ("name".equals(path)) {
            target = name;
            label = "Name";
        } else if ("environment".equals(path)) {
            target = environment;
            label = "Environment";
        }
        if (target == null) {
            showFormError(path.isEmpty() || Character.isUpperCase(message.charAt(0)) ? message
                    : path + " " + message);
            return;
        }
        target.setErrorMessage(sentence(label, message));
        target.setInvalid(true);
    }

    private void showFormError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }

    /** "Base URL must be an http or https URL"; a message that is a sentence already is kept. */
    static String sentence(String label, String message) {
        if (message == null || message.isEmpty()) {
            return label + " is not valid";
        }
        if (Character.isUpperCase(message.charAt(0)) || label == null) {
            return message;
        }
        String trimmed = message.endsWith(" (" + label + ")")
                ? message.substring(0, message.length() - label.length() - 3) : message;
        return label + " " + trimmed;
    }

    /** A suggestion of an id from a name: "Shop (sandbox)" → "shop-sandbox". */
    static String slug(String name) {
        String plainName = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = plainName.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 63 ? slug.substring(0, 63).replaceAll("-+$", "") : slug;
    }

    private static Div labelled(String label, Component value) {
        Span caption = new Span(label);
        caption.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)").set("font-weight", "500");
        return new Div(caption, value);
    }

    /** A plain setting's field: a text field (text, URL, number) or a select (choice). */
    private record PlainSetting(SettingField setting, HasValidationProperties field, HasValue<?, String> input,
                                Component component) {

        static PlainSetting of(SettingField setting, String initial) {
            String label = setting.label() == null ? setting.name() : setting.label();
            if (setting.type() == SettingField.Type.CHOICE) {
                Select<String> select = new Select<>();
                select.setLabel(label);
                select.setItems(setting.choices());
                select.setEmptySelectionAllowed(!setting.required());
                if (initial != null && setting.choices().contains(initial)) {
                    select.setValue(initial);
                }
                select.setRequiredIndicatorVisible(setting.required());
                select.setManualValidation(true);
                if (setting.help() != null) {
                    select.setHelperText(setting.help());
                }
                select.setId("setting-" + setting.name());
                select.setWidthFull();
                return new PlainSetting(setting, select, select, select);
            }
            TextField text = new TextField(label);
            text.setValue(initial == null ? "" : initial);
            text.setRequiredIndicatorVisible(setting.required());
            text.setManualValidation(true);
            if (setting.help() != null) {
                text.setHelperText(setting.help());
            }
            switch (setting.type()) {
                case URL -> text.setPlaceholder("https://…");
                case NUMBER -> text.setAllowedCharPattern("[0-9.\\-]");
                default -> {
                }
            }
            text.setId("setting-" + setting.name());
            text.setWidthFull();
            return new PlainSetting(setting, text, text, text);
        }

        String label() {
            return setting.label() == null ? setting.name() : setting.label();
        }

        String value() {
            String given = input.getValue();
            return given == null ? "" : given;
        }
    }

    /**
     * A secret setting. Without a stored value it is a password field; with one it shows when and by whom it was
     * set and a "Replace" button that reveals an empty password field. The stored value never reaches the browser.
     */
    private static final class SecretSetting {

        private final SettingField setting;
        private final PasswordField input = new PasswordField();
        private final Div component = new Div();
        private final boolean stored;
        private final Button replace = new Button("Replace");
        private final Button keep = new Button("Keep the current value");

        SecretSetting(SettingField setting, ConnectionView.SecretField state) {
            this.setting = setting;
            this.stored = state != null && state.set();
            input.setId("setting-" + setting.name());
            input.setWidthFull();
            input.setManualValidation(true);
            input.setRequiredIndicatorVisible(setting.required());
            input.setHelperText(setting.help() == null ? "Stored encrypted; never shown again."
                    : setting.help() + " · Stored encrypted; never shown again.");
            input.getElement().setAttribute("autocomplete", "new-password");
            component.addClassName("secret-setting");
            component.getStyle().set("margin-top", "var(--lumo-space-s)");
            component.setWidthFull();
            if (!stored) {
                input.setLabel(label());
                component.add(input);
                return;
            }
            input.setLabel("New " + lowerFirst(label()));
            input.setVisible(false);
            Span state1 = new Span(ConnectionFormat.setOn(state));
            state1.setId("secret-state-" + setting.name());
            replace.setId("replace-" + setting.name());
            replace.addThemeVariants(ButtonVariant.LUMO_SMALL);
            replace.setAriaLabel("Replace " + label());
            replace.addClickListener(click -> reveal());
            keep.setId("keep-" + setting.name());
            keep.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            keep.setVisible(false);
            keep.addClickListener(click -> {
                input.clear();
                input.setInvalid(false);
                input.setVisible(false);
                keep.setVisible(false);
                replace.setVisible(true);
            });
            HorizontalLayout row = new HorizontalLayout(state1, replace, keep);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            component.add(labelled(label(), row), input);
        }

        String label() {
            return setting.label() == null ? setting.name() : setting.label();
        }

        PasswordField input() {
            return input;
        }

        Component component() {
            return component;
        }

        void reveal() {
            if (stored && !input.isVisible()) {
                input.setVisible(true);
                replace.setVisible(false);
                keep.setVisible(true);
                input.focus();
            }
        }

        /**
         * The value to send: a typed value; nothing for an empty field that was never set (the service says when
         * it is required); an empty value for a revealed "Replace" (the service then says what it must be).
         */
        Optional<String> valueToSend() {
            String typed = input.getValue();
            if (stored) {
                return input.isVisible() ? Optional.of(typed) : Optional.empty();
            }
            return typed.isEmpty() ? Optional.empty() : Optional.of(typed);
        }

        private static String lowerFirst(String text) {
            return text.isEmpty() || text.length() > 1 && Character.isUpperCase(text.charAt(1)) ? text
                    : Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
    }
}
