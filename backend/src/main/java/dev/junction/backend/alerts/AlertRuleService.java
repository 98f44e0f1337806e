package dev.junction.backend.alerts;

import dev.junction.backend.alerts.channels.MessageTemplate;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.workflows.WorkflowTags;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.schema.SchemaValidator;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Alert rules: read by every user, created, changed and deleted by ADMIN and OPERATOR, each change audited. A rule's
 * parameters are checked against its condition kind's JSON Schema with the engine's schema checker; every problem
 * names its field ({@code parameters.thresholdPercent}).
 */
@Service
public class AlertRuleService {

    public static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]{1," + WorkflowTags.MAX_LENGTH + "}");
    private static final int MAX_RENOTIFY_MINUTES = 10_080;
    private static final int MAX_TEMPLATE = 4_000;

    private final AlertRuleStore rules;
    private final AlertStore alerts;
    private final AlertConditions conditions;
    private final AuditTrail audit;
    private final DSLContext db;

    AlertRuleService(AlertRuleStore rules, AlertStore alerts, AlertConditions conditions, AuditTrail audit,
                     DSLContext db) {
        this.rules = rules;
        this.alerts = alerts;
        this.conditions = conditions;
        this.audit = audit;
        this.db = db;
    }

    @Transactional(readOnly = true)
    public List<AlertRule> list() {
        return rules.list();
    }

    @Transactional(readOnly = true)
    public AlertRule get(UUID id) {
        return rules.find(id).orElseThrow(() -> new NotFoundException("no alert rule " + id));
    }

    /** The condition kinds a rule may use, each with the JSON Schema of its parameters. */
    public List<ConditionKind> kinds() {
        return conditions.all().stream()
                .map(condition -> new ConditionKind(condition.kind(), condition.title(), condition.parametersSchema()))
                .toList();
    }

    /** The channels a rule may notify. */
    @Transactional(readOnly = true)
    public List<ChannelChoice> channels() {
        return alerts.channels();
    }

    /** The workflows a rule or a maintenance window may watch (not archived), by name. */
    @Transactional(readOnly = true)
    public List<Choice> workflowChoices() {
        return db.fetch("select id::text, name from workflows where archived_at is null order by lower(name)")
                .map(row -> new Choice(row.get(0, String.class), row.get(1, String.class)));
    }

    /** The tags workflows in use carry (what a tag scope offers), sorted. */
    @Transactional(readOnly = true)
    public List<String> tagChoices() {
        return db.fetch("select distinct unnest(tags) from workflows where archived_at is null order by 1")
                .map(row -> row.get(0, String.class));
    }

    /** The connections a rule or a maintenance window may watch (ids and names only), by name. */
    @Transactional(readOnly = true)
    public List<Choice> connectionChoices() {
        return db.fetch("select id, name from connections order by lower(name)")
                .map(row -> new Choice(row.get(0, String.class), row.get(1, String.class)));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public AlertRule create(AlertRuleInput input) {
        AlertRuleInput valid = validate(input, null);
        UUID id = rules.insert(valid, CurrentUser.name());
        audit.record("alert-rule.created", "alert-rule", id.toString(), described(valid));
        return get(id);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public AlertRule update(UUID id, AlertRuleInput input) {
        get(id);
        AlertRuleInput valid = validate(input, id);
        rules.update(id, valid, CurrentUser.name());
        audit.record("alert-rule.updated", "alert-rule", id.toString(), described(valid));
        return get(id);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public void delete(UUID id) {
        AlertRule rule = get(id);
        rules.delete(id);
        audit.record("alert-rule.deleted", "alert-rule", id.toString(), Map.of("name", rule.name()));
    }

    /** The input with defaults filled in, or every problem at once, each naming its field. */
    private AlertRuleInput validate(AlertRuleInput input, UUID id) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 120) {
            problems.add(new FieldProblem("name", "must be 1 to 120 characters"));
        }
        // as JSON would give them back (a form's 60 as a BigDecimal is the integer 60)
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = input.parameters() == null ? Map.of()
                : (Map<String, Object>) PayloadJson.normalized(input.parameters());
        AlertCondition condition = input.conditionKind() == null ? null
                : conditions.find(input.conditionKind()).orElse(null);
        if (condition == null) {
            problems.add(new FieldProblem("conditionKind", "must be one of "
                    + conditions.all().stream().map(AlertCondition::kind).sorted().toList()
                    + (input.conditionKind() == null ? ", got nothing" : ", got '" + input.conditionKind() + "'")));
        } else {
            List<MappingProblem> found = new ArrayList<>();
            SchemaValidator.validate(JsonSchema.of(condition.parametersSchema()), parameters, "parameters", found);
            found.forEach(problem -> problems.add(new FieldProblem(problem.path(), problem.message())));
        }
        int scopes = (input.workflowId() == null ? 0 : 1) + (input.tag() == null ? 0 : 1)
                + (input.connectionId() == null ? 0 : 1);
        if (scopes > 1) {
            problems.add(new FieldProblem("workflowId", "a rule watches one workflow, one tag or one connection"
                    + " (or, with none of them, everything): give at most one of workflowId, tag, connectionId"));
        }
        if (input.workflowId() != null && !db.fetchExists(db.selectOne().from("workflows")
                .where("id = ?", input.workflowId()))) {
            problems.add(new FieldProblem("workflowId", "must be the id of a workflow; there is none "
                    + input.workflowId()));
        }
        if (input.connectionId() != null && !db.fetchExists(db.selectOne().from("connections")
                .where("id = ?", input.connectionId()))) {
            problems.add(new FieldProblem("connectionId", "must be the id of a connection; there is none '"
                    + input.connectionId() + "'"));
        }
        String tag = input.tag() == null ? null : input.tag().strip().toLowerCase(java.util.Locale.ROOT);
        if (tag != null && !TAG.matcher(tag).matches()) {
            problems.add(new FieldProblem("tag", "must be a workflow tag: " + WorkflowTags.RULE + "; '" + input.tag()
                    + "' is not"));
        }
        String severity = input.severity() == null ? "warning" : input.severity();
        if (!SEVERITIES.contains(severity)) {
            problems.add(new FieldProblem("severity", "must be one of info, warning, critical, got '" + severity
                    + "'"));
        }
        List<UUID> channels = input.channelIds() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(
                input.channelIds()));
        if (!channels.isEmpty()) {
            List<UUID> existing = alerts.existingChannels(channels);
            for (int i = 0; i < channels.size(); i++) {
                if (!existing.contains(channels.get(i))) {
                    problems.add(new FieldProblem("channelIds[" + i + "]", "must be the id of an alert channel;"
                            + " there is none " + channels.get(i)));
                }
            }
        }
        if (input.renotifyMinutes() != null && (input.renotifyMinutes() < 1
                || input.renotifyMinutes() > MAX_RENOTIFY_MINUTES)) {
            problems.add(new FieldProblem("renotifyMinutes", "must be 1 to " + MAX_RENOTIFY_MINUTES
                    + " minutes, or absent for never"));
        }
        String template = input.messageTemplate() == null || input.messageTemplate().isBlank() ? null
                : input.messageTemplate();
        if (template != null && template.length() > MAX_TEMPLATE) {
            problems.add(new FieldProblem("messageTemplate", "must be at most " + MAX_TEMPLATE + " characters"));
        } else {
            MessageTemplate.validate(template).ifPresent(problem ->
                    problems.add(new FieldProblem("messageTemplate", problem)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (rules.nameTaken(name, id)) {
            throw new ConflictException("name", "an alert rule named '" + name + "' exists already");
        }
        return new AlertRuleInput(name, input.enabled() == null || input.enabled(), input.conditionKind(),
                parameters, input.workflowId(), tag, input.connectionId(), severity, channels,
                input.renotifyMinutes(), template);
    }

    private static Map<String, Object> described(AlertRuleInput rule) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", rule.name());
        details.put("enabled", rule.enabled());
        details.put("conditionKind", rule.conditionKind());
        details.put("parameters", rule.parameters());
        details.put("workflowId", rule.workflowId());
        details.put("tag", rule.tag());
        details.put("connectionId", rule.connectionId());
        details.put("severity", rule.severity());
        details.put("channelIds", rule.channelIds());
        details.put("renotifyMinutes", rule.renotifyMinutes());
        details.put("messageTemplate", rule.messageTemplate());
        return details;
    }

    /** Something a scope may name: its id and its name. */
    public record Choice(String id, String name) {
    }

    /** A condition kind: its name, its title for people, and the JSON Schema of its parameters. */
    public record ConditionKind(String kind, String title, Map<String, Object> parametersSchema) {
    }
}
