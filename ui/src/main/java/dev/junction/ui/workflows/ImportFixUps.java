package dev.junction.ui.workflows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.connections.ConnectionService;
import dev.junction.backend.connections.ConnectionView;
import dev.junction.backend.templates.ImportFixUp;
import dev.junction.backend.templates.TemplateService;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.shared.Notifications;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The import fix-up: after a workflow file is imported (saved as it is: an import is never blocked), the connections
 * it names that do not exist here are listed in one dialog ({@code [data-testid=import-fix-up]}), each with the
 * connections of its connector to map it to (the sandbox one first); Apply saves a new version with the
 * connections replaced, so nothing on the canvas is flagged for them.
 */
@Component
public class ImportFixUps {

    private final TemplateService templates;
    private final WorkflowVersionService versions;
    private final ConnectionService connections;

    ImportFixUps(TemplateService templates, WorkflowVersionService versions, ConnectionService connections) {
        this.templates = templates;
        this.versions = versions;
        this.connections = connections;
    }

    /** Opens the fix-up of the imported workflow when it needs one, then {@code open}s it; else opens it at once. */
    public void afterImport(UUID workflowId, Runnable open) {
        StoredDefinition latest = versions.latest(workflowId);
        @SuppressWarnings("unchecked")
        Map<String, Object> definition = (Map<String, Object>) PayloadJson.read(latest.version().definitionJson());
        ImportFixUp fixUp = templates.fixUp(definition);
        if (fixUp.unknownConnections().isEmpty()) {
            open.run();
            return;
        }
        dialog(workflowId, latest.version().version(), definition, fixUp, open).open();
    }

    private Dialog dialog(UUID workflowId, int version, Map<String, Object> definition, ImportFixUp fixUp,
                          Runnable open) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Connections to map");
        dialog.getElement().setAttribute("data-testid", "import-fix-up");
        VerticalLayout body = new VerticalLayout(new Paragraph("The workflow was imported. It names connections this"
                + " installation does not have: choose one of yours for each (the sandbox works without credentials)."));
        body.setPadding(false);
        List<ConnectionView> all = connections.list();
        Map<String, Select<String>> choices = new LinkedHashMap<>();
        for (ImportFixUp.UnknownConnection unknown : fixUp.unknownConnections()) {
            Select<String> choice = new Select<>();
            choice.setLabel("'" + unknown.connectionId() + "'" + (unknown.connector() == null ? ""
                    : " (" + unknown.connector() + ")") + ", used by " + String.join(", ", unknown.nodeIds()));
            Map<String, String> labels = new LinkedHashMap<>();
            unknown.candidates().forEach(id -> labels.put(id, all.stream().filter(view -> view.id().equals(id))
                    .findFirst().map(view -> view.name() + " (" + view.environment() + ")").orElse(id)));
            choice.setItems(labels.keySet());
            choice.setItemLabelGenerator(id -> labels.getOrDefault(id, id));
            if (!unknown.candidates().isEmpty()) {
                choice.setValue(unknown.candidates().getFirst());
            }
            choice.setWidth("30em");
            choice.getElement().setAttribute("data-testid", "fix-up-connection");
            choice.getElement().setAttribute("data-connection", unknown.connectionId());
            choices.put(unknown.connectionId(), choice);
            body.add(choice);
        }
        dialog.add(body);
        Button later = new Button("Later", click -> {
            dialog.close();
            open.run();
        });
        Button apply = new Button("Apply", click -> {
            Map<String, String> replacements = new LinkedHashMap<>();
            choices.forEach((from, choice) -> {
                if (choice.getValue() != null) {
                    replacements.put(from, choice.getValue());
                }
            });
            try {
                versions.save(workflowId, version, PayloadJson.write(withConnections(definition, replacements)),
                        "Connections mapped on import: " + replacements);
                Notifications.success("Connections mapped: " + replacements.size());
            } catch (InvalidInputException | ConflictException e) {
                Notifications.error("Not saved: " + e.getMessage());
                return;
            }
            dialog.close();
            open.run();
        });
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.getElement().setAttribute("data-testid", "fix-up-apply");
        dialog.getFooter().add(later, apply);
        return dialog;
    }

    /** A copy of the definition with each node's (and the trigger's) {@code config.connection} replaced as given. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withConnections(Map<String, Object> definition, Map<String, String> replacements) {
        Map<String, Object> copy = new LinkedHashMap<>(definition);
        if (copy.get("trigger") instanceof Map<?, ?> trigger) {
            copy.put("trigger", replaced((Map<String, Object>) trigger, replacements));
        }
        if (copy.get("nodes") instanceof List<?> nodes) {
            copy.put("nodes", nodes.stream().map(node -> node instanceof Map<?, ?> map
                    ? replaced((Map<String, Object>) map, replacements) : node).toList());
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> replaced(Map<String, Object> node, Map<String, String> replacements) {
        if (!(node.get("config") instanceof Map<?, ?> config)
                || !(config.get("connection") instanceof String connection)
                || !replacements.containsKey(connection)) {
            return node;
        }
        Map<String, Object> copy = new LinkedHashMap<>(node);
        Map<String, Object> changed = new LinkedHashMap<>((Map<String, Object>) config);
        changed.put("connection", replacements.get(connection));
        copy.put("config", changed);
        return copy;
    }
}
