package dev.junction.ui.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.connections.ConnectionInput;
import dev.junction.backend.connections.ConnectionService;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.ui.connections.ConnectionEnvironments;
import dev.junction.ui.shared.SchemaForm;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Creates a connection of one connector without leaving the setup wizard: a name, the environment, the connector's
 * settings form, and "Test connection" (saves it, then runs the connector's test and shows the answer). "Use it"
 * hands the new connection's id to the wizard. Problems are shown as the service states them, naming the field.
 *
 * <p>It creates a <em>sandbox</em> connection unless the user chooses production, as the Connections view does: the
 * wizard's next steps run the workflow on it (a test run), and a production connection would reach the live account
 * and gate publishing. The form says which it creates ({@code [data-testid=new-connection-mode][data-environment=…]})
 * and the button says it too.
 */
class NewConnectionDialog extends Dialog {

    private final ConnectionService connections;
    private final ConnectorDescriptor connector;
    private final TextField name = new TextField("Name");
    private final RadioButtonGroup<String> environment = new RadioButtonGroup<>("Environment");
    private final SchemaForm settings;
    private final Span mode = new Span();
    private final Button save;
    private final Span result = new Span();
    private String savedId;

    NewConnectionDialog(ConnectionService connections, ConnectorDescriptor connector, Consumer<String> use) {
        this.connections = connections;
        this.connector = connector;
        setHeaderTitle("New " + connector.name() + " connection");
        setId("new-connection-dialog");
        name.setRequired(true);
        name.setWidthFull();
        name.setId("new-connection-name");
        environment.setId("new-connection-environment");
        environment.setItems(ConnectionEnvironments.SANDBOX, ConnectionEnvironments.PRODUCTION);
        environment.setItemLabelGenerator(ConnectionEnvironments::label);
        environment.setValue(ConnectionEnvironments.SANDBOX);
        mode.getElement().setAttribute("data-testid", "new-connection-mode");
        mode.getStyle().set("font-size", "var(--lumo-font-size-s)");
        settings = new SchemaForm(connector.settingsSchema(), null, java.util.Map.of(), "new-connection-");
        result.setId("new-connection-result");
        VerticalLayout body = new VerticalLayout(name, environment, mode, settings, result);
        body.setPadding(false);
        body.setWidth("32em");
        add(body);

        Button test = new Button("Test connection", click -> test());
        test.setId("new-connection-test");
        save = new Button("Use it", click -> {
            if (save()) {
                use.accept(savedId);
                close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("new-connection-use");
        getFooter().add(new Button("Cancel", click -> close()), test, save);
        environment.addValueChangeListener(change -> showMode());
        showMode();
    }

    /** Says which environment the connection is created in, and what that means. */
    private void showMode() {
        String chosen = environment.getValue();
        mode.setText(ConnectionEnvironments.meaning(chosen));
        mode.getElement().setAttribute("data-environment", chosen);
        mode.getElement().getThemeList().clear();
        mode.getElement().getThemeList().add("badge " + (ConnectionEnvironments.SANDBOX.equals(chosen) ? "contrast"
                : "warning"));
        getElement().setAttribute("data-environment", chosen);
        save.setText("Use this " + ConnectionEnvironments.label(chosen).toLowerCase(Locale.ROOT) + " connection");
    }

    private void test() {
        if (!save()) {
            return;
        }
        ConnectionCheck check = connections.test(savedId);
        result.setText((check.ok() ? "Works: " : "Failed at " + check.stage() + ": ") + check.message());
        result.getElement().setAttribute("data-ok", Boolean.toString(check.ok()));
        result.getElement().getThemeList().clear();
        result.getElement().getThemeList().add("badge " + (check.ok() ? "success" : "error"));
    }

    /** Creates the connection, or saves the form over it when it was created by an earlier test; false if refused. */
    private boolean save() {
        String id = savedId != null ? savedId : idFrom(name.getValue());
        ConnectionInput input = new ConnectionInput(id, name.getValue(), connector.id(), environment.getValue(),
                settings.textValues(), settings.secretValues());
        try {
            if (savedId == null) {
                connections.create(input);
                savedId = id;
            } else {
                connections.update(savedId, input);
            }
            return true;
        } catch (InvalidInputException e) {
            refused(e.problems().stream().map(Object::toString).reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
        } catch (ConflictException e) {
            refused(e.getMessage());
        }
        return false;
    }

    private void refused(String why) {
        result.setText(why);
        result.getElement().setAttribute("data-ok", "false");
        result.getElement().getThemeList().clear();
        result.getElement().getThemeList().add("badge error");
    }

    /** An id from the name: lower case letters, digits and dashes ("Amazon EU live" → "amazon-eu-live"). */
    static String idFrom(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String id = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return id.length() > 63 ? id.substring(0, 63) : id;
    }
}
