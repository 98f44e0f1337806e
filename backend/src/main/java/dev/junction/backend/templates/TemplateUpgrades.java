package dev.junction.backend.templates;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.db.templates.StoredInstallation;
import dev.junction.db.templates.TemplateRepository;
import dev.junction.db.workflows.Workflow;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.DefinitionMerge;
import dev.junction.engine.json.PayloadJson;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Upgrades of installed workflows to a newer template version by the designer's three-way merge
 * ({@link DefinitionMerge}): base = the definition as installed, theirs = the new template version filled in with the
 * installation's connections and parameter values (a new requirement takes its sandbox connection, a new parameter
 * its default), ours = the workflow's latest version. Applying saves the merge as a new version (a draft) and
 * moves the installation to the new template version.
 */
@Component
class TemplateUpgrades {

    private final TemplateCatalog catalog;
    private final TemplateRepository store;
    private final WorkflowService workflows;
    private final WorkflowVersionService versions;
    private final AuditTrail audit;
    private final TemplateInstaller installer;

    TemplateUpgrades(TemplateCatalog catalog, TemplateRepository store, WorkflowService workflows,
                     WorkflowVersionService versions, AuditTrail audit, TemplateInstaller installer) {
        this.installer = installer;
        this.catalog = catalog;
        this.store = store;
        this.workflows = workflows;
        this.versions = versions;
        this.audit = audit;
    }

    /** The merge with the latest template version, when it is newer than the installed one. */
    Optional<UpdateOffer> offer(UUID workflowId) {
        StoredInstallation installation = installation(workflowId);
        return catalog.find(installation.templateId(), null)
                .filter(latest -> latest.template().version() > installation.templateVersion())
                .map(latest -> merge(workflowId, installation, latest.template(),
                        installer.plannedMappings(latest.template())).offer());
    }

    InstallResult apply(UUID workflowId, Integer templateVersion, boolean keepLocal, Map<String, String> choices) {
        StoredInstallation installation = installation(workflowId);
        Template template = catalog.get(installation.templateId(), templateVersion).template();
        if (template.version() <= installation.templateVersion()) {
            throw new InvalidInputException("templateVersion", "must be above the installed version "
                    + installation.templateVersion() + " of template " + installation.templateId() + ", was "
                    + template.version());
        }
        Merge merge = merge(workflowId, installation, template, new LinkedHashMap<>(installer.installMappings(template)));
        List<UpdateOffer.UpdateConflict> conflicts = merge.offer().conflicts();
        ConflictChoices.requireNoProblems(ConflictChoices.problems(conflicts, choices, keepLocal));
        List<UpdateOffer.UpdateConflict> open = ConflictChoices.open(conflicts, choices);
        if (!open.isEmpty() && !keepLocal) {
            throw new ConflictException("conflicts", merge.offer().summary() + ": "
                    + open.stream().map(c -> (c.nodeId() == null ? "" : c.nodeId() + " ")
                    + String.join(".", c.path())).toList()
                    + ". Choose mine or theirs for each (choices, by the conflict's key), or apply with keepLocal to"
                    + " keep the local value of each, or change the workflow first.");
        }
        Map<String, Object> merged = normalized(ConflictChoices.applied(merge.offer().mergedDefinition(),
                conflicts, choices));
        long theirs = choices.values().stream().filter(ConflictChoices.THEIRS::equals).count();
        StoredDefinition saved = versions.save(workflowId, merge.offer().workflowVersion(),
                PayloadJson.write(merged), "Updated to template " + template.id()
                        + " version " + template.version() + " (" + merge.offer().summary() + ")");
        store.upgradeInstallation(workflowId, template.version(), PayloadJson.write(merge.theirs()));
        audit.record("template.upgraded", "workflow", workflowId.toString(), Map.of("templateId", template.id(),
                "from", installation.templateVersion(), "to", template.version(),
                "version", saved.version().version(), "conflictsTakenFromTemplate", theirs,
                "conflictsKeptLocal", conflicts.size() - theirs));
        Workflow workflow = workflows.get(workflowId);
        return new InstallResult(workflowId, workflow.name(), saved.version().version(), template.id(),
                template.version(), List.of(), List.of(), saved.problems().stream()
                .map(p -> new TemplateProblem(p.path(), p.nodeId(), p.message())).toList());
    }

    private record Merge(UpdateOffer offer, Map<String, Object> theirs) {
    }

    private Merge merge(UUID workflowId, StoredInstallation installation, Template template,
                        Map<String, ?> mappingIds) {
        Map<String, Object> base = json(installation.baseDefinitionJson());
        Map<String, String> connections = new LinkedHashMap<>();
        Map<String, Object> given = json(installation.connectionsJson());
        for (Template.Requirement requirement : template.requirements()) {
            connections.put(requirement.key(), given.get(requirement.key()) instanceof String id ? id
                    : TemplateInstaller.sandboxConnection(requirement.connector()));
        }
        Map<String, Object> parameters = json(installation.parametersJson());
        Map<String, Object> theirs = normalized(TemplateInstaller.filled(template, connections, parameters,
                mappingIds));
        Workflow workflow = workflows.get(workflowId);
        StoredDefinition latest = versions.get(workflowId, workflow.latestVersion());
        Map<String, Object> ours = json(DefinitionJson.write(latest.definition()));
        DefinitionMerge.Result result = DefinitionMerge.merge(base, ours, theirs);
        int upstream = FieldChanges.count(base, theirs);
        int local = FieldChanges.count(base, ours);
        List<UpdateOffer.UpdateConflict> conflicts = result.conflicts().stream()
                .map(c -> new UpdateOffer.UpdateConflict(c.key(), c.nodeId(), c.path(), c.label(),
                        c.base().orElse(null),
                        c.mine().orElse(null), c.theirs().orElse(null))).toList();
        String summary = count(upstream, "upstream change") + ", " + count(local, "local change") + ", "
                + count(conflicts.size(), "conflict");
        return new Merge(new UpdateOffer(workflowId, template.id(), installation.templateVersion(),
                template.version(), workflow.latestVersion(), upstream, local, conflicts, summary,
                normalized(result.merged())), theirs);
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private StoredInstallation installation(UUID workflowId) {
        workflows.get(workflowId);
        return store.installation(workflowId).orElseThrow(() -> new dev.junction.backend.api.NotFoundException(
                "Workflow " + workflowId + " was not installed from a template"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) PayloadJson.read(text);
    }

    private static Map<String, Object> normalized(Map<String, Object> definition) {
        return json(DefinitionJson.write(DefinitionJson.read(PayloadJson.write(definition))));
    }
}
