package dev.junction.ui.connections;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.connections.ConnectionInput;
import dev.junction.backend.connections.ConnectionView;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.ui.shared.Captioned;
import dev.junction.ui.shared.FieldErrors;
import dev.junction.ui.shared.SchemaForm;
import dev.junction.ui.shared.SettingsPanel;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates or edits a connection. The settings part is a {@link SchemaForm} of the connector's
 * {@link ConnectorDescriptor#settingsSchema()}: secrets are write-only there, and an untouched secret is not sent,
 * so the service keeps it. The service decides what is valid and its problems are shown on the fields they name;
 * the dialog stays open until a save succeeds.
 */
class ConnectionDialog extends Dialog {

    /** Saves the input; throws the service's exceptions when it is refused. */
    @FunctionalInterface
    interface Save {
        void save(ConnectionInput input);
    }

    /** The connection's own fields, as the form edits them. */
    static final class General {
        ConnectorDescriptor connector;
        String id = "";
        String name = "";
        String environment = SANDBOX;
    }

    private static final String SANDBOX = ConnectionEnvironments.SANDBOX;
    private static final String PRODUCTION = ConnectionEnvironments.PRODUCTION;

    private final Save save;
    private final ConnectionView current;
    private final Select<ConnectorDescriptor> connector = new Select<>();
    private final TextField id = new TextField("Id");
    private final TextField name = new TextField("Name");
    private final RadioButtonGroup<String> environment = new RadioButtonGroup<>("Environment");
    private final Binder<General> binder = new Binder<>();
    private final SettingsPanel settings = new SettingsPanel("connection", "setting-");
    private final FieldErrors errors = new FieldErrors();
    /** True once the user typed an id: it is then no longer suggested from the name. */
    private boolean idTyped;

    /** A dialog that creates a connection of one of {@code connectors}. */
    static ConnectionDialog create(List<ConnectorDescriptor> connectors, Save save) {
        return new ConnectionDialog(connectors, null, null, save);
    }

    /** A dialog that edits {@code current}; {@code descriptor} is null when its connector is not installed. */
    static ConnectionDialog edit(ConnectionView current, ConnectorDescriptor descriptor, Save save) {
        return new ConnectionDialog(List.of(), current, descriptor, save);
    }

    private ConnectionDialog(List<ConnectorDescriptor> connectors, ConnectionView current,
                             ConnectorDescriptor descriptor, Save save) {
        this.save = save;
        this.current = current;
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
            connector.setItemLabelGenerator(ConnectorDescriptor::name);
            connector.setPlaceholder("Choose a connector");
            connector.setRequiredIndicatorVisible(true);
            connector.setManualValidation(true);
            connector.addValueChangeListener(change -> showSettings(change.getValue()));
            binder.bind(connector, draft -> draft.connector, (draft, value) -> draft.connector = value);
            general.add(connector, 2);
            id.setId("connection-id");
            id.setRequiredIndicatorVisible(true);
            id.setManualValidation(true);
            id.setHelperText("Workflows name the connection by it: lower-case letters, digits and dashes, e.g."
                    + " shop-sandbox. It cannot be changed later.");
            id.setMaxLength(63);
            id.addValueChangeListener(change -> idTyped = change.isFromClient() ? !change.getValue().isBlank()
                    : idTyped);
            binder.bind(id, draft -> draft.id, (draft, value) -> draft.id = value.strip());
            name.addValueChangeListener(change -> {
                if (!idTyped) {
                    id.setValue(slug(change.getValue()));
                }
            });
            errors.on("id", "Id", id).on("connectorId", "Connector", connector);
        }
        name.setId("connection-name");
        name.setRequiredIndicatorVisible(true);
        name.setManualValidation(true);
        name.setMaxLength(120);
        binder.bind(name, draft -> draft.name, (draft, value) -> draft.name = value);
        if (creating) {
            general.add(name, id);
        } else {
            Span connectorName = new Span(current.connectorName() + " · id " + current.id());
            connectorName.setId("connection-connector-name");
            general.add(name, Captioned.of("Connector", connectorName));
        }
        environment.setId("connection-environment");
        environment.setItems(SANDBOX, PRODUCTION);
        environment.setItemLabelGenerator(ConnectionEnvironments::label);
        environment.setRequiredIndicatorVisible(true);
        environment.setManualValidation(true);
        environment.setHelperText("Production connections reach live accounts.");
        binder.bind(environment, draft -> draft.environment, (draft, value) -> draft.environment = value);
        general.add(environment, 2);
        General draft = new General();
        if (!creating) {
            draft.name = current.name();
            draft.environment = current.environment();
        }
        binder.readBean(draft);

        add(general, settings);
        settings.showProblemsOf(errors.on("name", "Name", name).on("environment", "Environment", environment));
        showSettings(descriptor);

        Button saveButton = new Button("Save", click -> save());
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.setId("connection-save");
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("connection-cancel");
        getFooter().add(cancel, saveButton);
        if (!creating && descriptor == null) {
            settings.showFormError("The connector '" + current.connectorId() + "' is not installed: this connection"
                    + " cannot be changed until it is.");
            saveButton.setEnabled(false);
        }
        (creating ? connector : name).focus();
    }

    /** The form of the connector's settings, from its settings schema (defaults when creating). */
    private void showSettings(ConnectorDescriptor descriptor) {
        if (descriptor == null) {
            settings.clear();
            return;
        }
        Map<String, String> stored = new LinkedHashMap<>();
        if (current != null) {
            current.secrets().stream().filter(ConnectionView.SecretField::set)
                    .forEach(secret -> stored.put(secret.field(), SettingsPanel.setOn(secret.setAt(), secret.setBy())));
        }
        settings.show(descriptor.name() + " settings", descriptor.settingsSchema(),
                current == null ? null : current.settings(), stored);
    }

    private void save() {
        errors.clear();
        settings.clearProblems();
        General draft = new General();
        binder.writeBeanAsDraft(draft, true);
        Map<String, String> settingValues = settings.textValues();
        Map<String, String> secretValues = settings.secretValues();
        ConnectionInput input = current == null
                ? new ConnectionInput(draft.id, draft.name, draft.connector == null ? null : draft.connector.id(),
                draft.environment, settingValues, secretValues)
                : new ConnectionInput(current.id(), draft.name, current.connectorId(), draft.environment,
                settingValues, secretValues);
        try {
            save.save(input);
            close();
        } catch (InvalidInputException e) {
            errors.show(e);
        } catch (ConflictException e) {
            errors.show(e);
        }
    }

    /** A suggestion of an id from a name: "Shop (sandbox)" → "shop-sandbox". */
    static String slug(String name) {
        String plainName = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = plainName.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 63 ? slug.substring(0, 63).replaceAll("-+$", "") : slug;
    }
}
