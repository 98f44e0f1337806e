package dev.junction.ui.alerts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.alerts.AlertRule;
import dev.junction.backend.alerts.AlertRuleInput;
import dev.junction.backend.alerts.AlertRuleService;
import dev.junction.backend.alerts.AlertRuleService.Choice;
import dev.junction.backend.alerts.AlertRuleService.ConditionKind;
import dev.junction.backend.alerts.ChannelChoice;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.ui.shared.FieldErrors;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.SchemaForm;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates or edits a rule: name, condition kind with its parameters (a {@link SchemaForm} of the kind's schema),
 * scope (everything, a workflow, a tag, a connection), severity, channels, renotify interval and message template.
 * The service checks everything; its problems show on their fields.
 */
class RuleDialog extends Dialog {

    private static final String EVERYTHING = "Everything";
    private static final String WORKFLOW = "A workflow";
    private static final String TAG = "A tag";
    private static final String CONNECTION = "A connection";

    private final AlertRuleService rules;
    private final AlertRule existing;
    private final Runnable saved;
    private final TextField name = new TextField("Name");
    private final Select<ConditionKind> kind = new Select<>();
    private final Div parametersHolder = new Div();
    private SchemaForm parameters;
    private final RadioButtonGroup<String> scope = new RadioButtonGroup<>("Watches");
    private final ComboBox<Choice> workflow = new ComboBox<>("Workflow");
    private final ComboBox<String> tag = new ComboBox<>("Tag");
    private final ComboBox<Choice> connection = new ComboBox<>("Connection");
    private final Select<String> severity = new Select<>();
    private final MultiSelectComboBox<ChannelChoice> channels = new MultiSelectComboBox<>("Channels");
    private final IntegerField renotify = new IntegerField("Notify again every (minutes)");
    private final TextArea template = new TextArea("Message template");
    private final Checkbox enabled = new Checkbox("Enabled", true);
    private final Div formError = new Div();
    private final FieldErrors errors = new FieldErrors();

    RuleDialog(AlertRuleService rules, AlertRule existing, Runnable saved) {
        this.rules = rules;
        this.existing = existing;
        this.saved = saved;
        setId("alert-rule-dialog");
        setHeaderTitle(existing == null ? "New alert rule" : "Edit " + existing.name());
        setWidth("44em");

        name.setId("rule-name");
        name.setWidthFull();
        kind.setLabel("Condition");
        kind.setId("rule-kind");
        List<ConditionKind> kinds = rules.kinds();
        kind.setItems(kinds);
        kind.setItemLabelGenerator(ConditionKind::title);
        kind.addValueChangeListener(change -> showParameters(change.getValue(),
                existing != null && change.getValue() != null
                        && change.getValue().kind().equals(existing.conditionKind()) ? existing.parameters() : null));
        parametersHolder.setWidthFull();
        parametersHolder.setId("rule-parameters");

        scope.setId("rule-scope");
        scope.setItems(EVERYTHING, WORKFLOW, TAG, CONNECTION);
        workflow.setId("rule-workflow");
        workflow.setItems(rules.workflowChoices());
        workflow.setItemLabelGenerator(Choice::name);
        tag.setId("rule-tag");
        tag.setHelperText("The workflows carrying this tag (tags are set on the Workflows list)");
        tag.setItems(rules.tagChoices());
        tag.setAllowCustomValue(true);
        tag.addCustomValueSetListener(typed -> tag.setValue(typed.getDetail()));
        connection.setId("rule-connection");
        connection.setItems(rules.connectionChoices());
        connection.setItemLabelGenerator(Choice::name);
        scope.addValueChangeListener(change -> showScope(change.getValue()));

        severity.setLabel("Severity");
        severity.setId("rule-severity");
        severity.setItems("info", "warning", "critical");
        severity.setItemLabelGenerator(RuleDialog::severityLabel);
        channels.setId("rule-channels");
        channels.setItems(rules.channels());
        channels.setItemLabelGenerator(channel -> channel.name() + " (" + channel.kind() + ")");
        channels.setWidthFull();
        renotify.setId("rule-renotify");
        renotify.setHelperText("Empty: never; an acknowledged or snoozed alert is not sent again");
        template.setId("rule-template");
        template.setWidthFull();
        template.setHelperText("Empty: the channel's default; e.g. {{summary}} {{link}} ({{occurrences}}×)");
        enabled.setId("rule-enabled");
        formError.addClassName("form-error");
        formError.setId("rule-error");

        FormLayout form = new FormLayout(name, kind, new H4("Parameters"), parametersHolder, scope, workflow, tag,
                connection, severity, channels, renotify, template, enabled, formError);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        errors.on("name", "Name", name).on("conditionKind", "Condition", kind).on("workflowId", "Workflow", workflow)
                .on("tag", "Tag", tag).on("connectionId", "Connection", connection)
                .on("severity", "Severity", severity).on("channelIds", "Channels", channels)
                .on("renotifyMinutes", "Renotify", renotify).on("messageTemplate", "Template", template)
                .under("parameters.", path -> parameters == null ? Optional.empty()
                        : parameters.target(path.contains(".") ? path.substring(0, path.indexOf('.')) : path))
                .under("channelIds[", path -> Optional.of(new FieldErrors.Target(channels, "Channels")))
                .otherwise(sentence -> formError.setText(sentence));

        Button save = new Button("Save", click -> save());
        save.setId("rule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);

        if (existing == null) {
            kind.setValue(kinds.isEmpty() ? null : kinds.getFirst());
            scope.setValue(EVERYTHING);
            severity.setValue("warning");
        } else {
            name.setValue(existing.name());
            kinds.stream().filter(k -> k.kind().equals(existing.conditionKind())).findFirst()
                    .ifPresent(kind::setValue);
            severity.setValue(existing.severity());
            enabled.setValue(existing.enabled());
            renotify.setValue(existing.renotifyMinutes());
            template.setValue(Objects.requireNonNullElse(existing.messageTemplate(), ""));
            channels.setValue(new HashSet<>(rules.channels().stream()
                    .filter(channel -> existing.channelIds().contains(channel.id())).toList()));
            if (existing.workflowId() != null) {
                scope.setValue(WORKFLOW);
                rules.workflowChoices().stream().filter(c -> c.id().equals(existing.workflowId().toString()))
                        .findFirst().ifPresent(workflow::setValue);
            } else if (existing.tag() != null) {
                scope.setValue(TAG);
                tag.setValue(existing.tag());
            } else if (existing.connectionId() != null) {
                scope.setValue(CONNECTION);
                rules.connectionChoices().stream().filter(c -> c.id().equals(existing.connectionId()))
                        .findFirst().ifPresent(connection::setValue);
            } else {
                scope.setValue(EVERYTHING);
            }
        }
    }

    private void showParameters(ConditionKind chosen, Map<String, Object> values) {
        parametersHolder.removeAll();
        parameters = chosen == null ? null : new SchemaForm(chosen.parametersSchema(), values, Map.of(), "param-");
        if (parameters != null) {
            parametersHolder.add(parameters);
        }
    }

    private void showScope(String chosen) {
        workflow.setVisible(WORKFLOW.equals(chosen));
        tag.setVisible(TAG.equals(chosen));
        connection.setVisible(CONNECTION.equals(chosen));
    }

    private void save() {
        errors.clear();
        formError.setText("");
        if (parameters != null) {
            parameters.clearErrors();
        }
        String chosenScope = scope.getValue();
        Map<String, Object> values = parameters == null ? Map.of() : withoutEmpty(parameters.values());
        AlertRuleInput input = new AlertRuleInput(name.getValue(), enabled.getValue(),
                kind.getValue() == null ? null : kind.getValue().kind(), values,
                WORKFLOW.equals(chosenScope) && workflow.getValue() != null
                        ? UUID.fromString(workflow.getValue().id()) : null,
                TAG.equals(chosenScope) && tag.getValue() != null && !tag.getValue().isBlank() ? tag.getValue().strip()
                        : null,
                CONNECTION.equals(chosenScope) && connection.getValue() != null ? connection.getValue().id() : null,
                severity.getValue(), channels.getValue().stream().map(ChannelChoice::id).toList(),
                renotify.getValue(), template.getValue());
        if (WORKFLOW.equals(chosenScope) && workflow.getValue() == null) {
            errors.showSentence("workflowId", "Choose the workflow the rule watches");
            return;
        }
        try {
            if (existing == null) {
                rules.create(input);
                Notifications.success("Created " + input.name().strip());
            } else {
                rules.update(existing.id(), input);
                Notifications.success("Saved " + input.name().strip());
            }
            close();
            saved.run();
        } catch (InvalidInputException refusal) {
            errors.show(refusal);
        } catch (ConflictException conflict) {
            errors.show(conflict);
        }
    }

    /** The form's values without the fields left empty (absent parameters take their defaults). */
    private static Map<String, Object> withoutEmpty(Map<String, Object> values) {
        Map<String, Object> kept = new java.util.LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null && !(value instanceof String text && text.isBlank())) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    /** "info" as the form shows it: "Info". */
    static String severityLabel(String severity) {
        return severity == null || severity.isEmpty() ? ""
                : Character.toUpperCase(severity.charAt(0)) + severity.substring(1);
    }
}
