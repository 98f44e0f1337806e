package dev.junction.ui.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.templates.SaveAsTemplateRequest;
import dev.junction.backend.templates.Template;
import dev.junction.backend.templates.TemplateService;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.db.workflows.Workflow;
import dev.junction.engine.definition.Node;
import dev.junction.ui.shared.Notifications;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Saves a workflow's latest version as a template ({@code [data-testid=save-as-template-dialog]}): its id, name and
 * description, and which of the steps' settings become parameters the installer fills in (every text, number or
 * yes/no setting is offered). The service strips secrets and turns connections into requirements; saved, the
 * template's JSON can be downloaded ({@code [data-testid=save-as-template-download]}).
 */
class SaveAsTemplateDialog extends Dialog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A setting that may become a parameter: a node (or the trigger), a dotted field path, and its value now. */
    record Candidate(String nodeId, String nodeName, String field, Object value) {
        String key() {
            String last = field.substring(field.lastIndexOf('.') + 1);
            return (nodeId + "-" + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }

        /**
         * The setting in words, as the installer reads it in the wizard: the step's name and the setting's path
         * without the configuration's own levels, camel case split ("Call the shop: query limit" for
         * {@code config.input.query.limit}).
         */
        String label() {
            List<String> words = new ArrayList<>();
            for (String segment : field.split("\\.")) {
                words.add(segment.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT));
            }
            while (words.size() > 1 && (words.getFirst().equals("config") || words.getFirst().equals("input"))) {
                words.removeFirst();
            }
            return nodeName + ": " + String.join(" ", words);
        }
    }

    SaveAsTemplateDialog(TemplateService templates, WorkflowVersionService versions, Workflow workflow) {
        setHeaderTitle("Save '" + workflow.name() + "' as a template");
        getElement().setAttribute("data-testid", "save-as-template-dialog");
        TextField id = new TextField("Template id");
        id.setValue(NewConnectionDialog.idFrom(workflow.name()));
        id.setHelperText("Lower case letters, digits and dashes");
        id.setId("save-as-template-id");
        id.setWidthFull();
        TextField name = new TextField("Name");
        name.setValue(workflow.name());
        name.setWidthFull();
        TextArea description = new TextArea("Description");
        description.setValue(workflow.description() == null ? "" : workflow.description());
        description.setWidthFull();
        // one checkbox per setting, not a CheckboxGroup: this dialog is added to the designer's page at run time
        // (WorkflowPageAddition), and the production bundle loads a route's web components by the classes its
        // route class reaches, which left vaadin-checkbox-group undefined there — drawn as loose checkboxes whose
        // choices never reached the server. vaadin-checkbox is on that route.
        Map<Checkbox, Candidate> choices = new LinkedHashMap<>();
        Div parameters = new Div(new Span("Settings the installer chooses (parameters)"));
        parameters.setId("save-as-template-parameters");
        parameters.getStyle().set("display", "flex").set("flex-direction", "column");
        for (Candidate candidate : candidates(versions, workflow.id())) {
            Checkbox choice = new Checkbox(candidate.label() + " (now " + candidate.value() + ")");
            choice.setTooltipText(candidate.nodeId() + " · " + candidate.field());
            choices.put(choice, candidate);
            parameters.add(choice);
        }
        Anchor download = new Anchor();
        download.setText("Download JSON");
        download.getElement().setAttribute("data-testid", "save-as-template-download");
        download.setVisible(false);
        // said in the dialog, next to what to do with the template now, not in a toast at the window's edge
        Paragraph saved = new Paragraph();
        saved.getElement().setAttribute("data-testid", "save-as-template-saved");
        saved.getElement().setAttribute("role", "status");
        saved.setVisible(false);
        // a button, not a link: the dialog belongs to the workflow's page and must close when the gallery opens
        Button gallery = new Button("Open it in the gallery");
        gallery.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        gallery.getElement().setAttribute("data-testid", "save-as-template-gallery");
        gallery.setVisible(false);
        Div after = new Div(download, gallery);
        after.getStyle().set("display", "flex").set("gap", "var(--lumo-space-l)");
        VerticalLayout body = new VerticalLayout(new Paragraph("Secrets are left out and each connection becomes a"
                + " requirement: whoever installs the template chooses their own."), id, name, description, parameters,
                saved, after);
        body.setPadding(false);
        body.setWidth("40em");
        add(body);
        Button save = new Button("Save as template");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.getElement().setAttribute("data-testid", "save-as-template-save");
        save.addClickListener(click -> {
            List<SaveAsTemplateRequest.ParameterChoice> chosen = choices.entrySet().stream()
                    .filter(choice -> choice.getKey().getValue()).map(Map.Entry::getValue)
                    .map(candidate -> new SaveAsTemplateRequest.ParameterChoice(candidate.key(),
                            candidate.label(), candidate.nodeId(), candidate.field()))
                    .toList();
            try {
                Template template = templates.saveAsTemplate(workflow.id(), new SaveAsTemplateRequest(null,
                        id.getValue(), name.getValue(), description.getValue(), chosen));
                byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(template);
                download.setHref(event -> {
                    event.setFileName(template.id() + ".template.json");
                    event.setContentType("application/json");
                    event.getOutputStream().write(json);
                });
                download.setDownload(true);
                download.setVisible(true);
                save.setEnabled(false);
                saved.setText("Saved as template '" + template.name() + "', version " + template.version()
                        + ". It is in the gallery for everyone who installs workflows.");
                saved.setVisible(true);
                // once: saving is disabled from here on
                gallery.addClickListener(open -> {
                    close();
                    gallery.getUI().ifPresent(ui -> ui.navigate(TemplatesView.class,
                            QueryParameters.of(TemplatesView.TEXT_PARAMETER, template.id())));
                });
                gallery.setVisible(true);
            } catch (InvalidInputException | ConflictException e) {
                Notifications.error("Not saved: " + e.getMessage());
            }
        });
        getFooter().add(new Button("Close", click -> close()), save);
    }

    /** The scalar settings of the latest version's trigger and nodes, except connections. */
    static List<Candidate> candidates(WorkflowVersionService versions, UUID workflowId) {
        List<Candidate> found = new ArrayList<>();
        var definition = versions.latest(workflowId).definition();
        collect("trigger", "Trigger", "config", definition.trigger().config(), found);
        for (Node node : definition.nodes()) {
            collect(node.id(), node.name(), "config", node.config(), found);
        }
        return found;
    }

    private static void collect(String nodeId, String nodeName, String path, Map<String, Object> config,
                                List<Candidate> found) {
        if (config == null) {
            return;
        }
        new LinkedHashMap<>(config).forEach((key, value) -> {
            String field = path + "." + key;
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) nested;
                collect(nodeId, nodeName, field, inner, found);
            } else if ((value instanceof String || value instanceof Number || value instanceof Boolean)
                    && !"connection".equals(key) && !"operation".equals(key) && !"mapping".equals(key)) {
                found.add(new Candidate(nodeId, nodeName, field, value));
            }
        });
    }
}
