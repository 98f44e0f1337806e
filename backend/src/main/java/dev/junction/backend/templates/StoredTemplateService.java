package dev.junction.backend.templates;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.db.templates.StoredInstallDraft;
import dev.junction.db.templates.StoredInstallation;
import dev.junction.db.templates.TemplateRepository;
import dev.junction.db.users.Role;
import dev.junction.engine.json.PayloadJson;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link TemplateService} over the bundled and stored templates (see the classes it hands each part to). */
@Service
@Transactional
class StoredTemplateService implements TemplateService {

    private static final String MAY_CHANGE = "hasAnyRole('ADMIN', 'DESIGNER')";
    private static final int STEP_MAX_LENGTH = 40;

    private final TemplateCatalog catalog;
    private final TemplateChecks checks;
    private final TemplateInstaller installer;
    private final GoLiveChecklist checklist;
    private final WorkflowVersionService versions;
    private final TemplateUpgrades upgrades;
    private final TemplateExports exports;
    private final TemplateRepository store;
    private final WorkflowService workflows;
    private final dev.junction.db.users.UserRepository users;
    private final AuditTrail audit;
    private final dev.junction.backend.runs.RunService runs;

    StoredTemplateService(TemplateCatalog catalog, TemplateChecks checks, TemplateInstaller installer,
                          GoLiveChecklist checklist, TemplateUpgrades upgrades, TemplateExports exports,
                          TemplateRepository store, WorkflowService workflows, WorkflowVersionService versions,
                          dev.junction.db.users.UserRepository users, AuditTrail audit,
                          dev.junction.backend.runs.RunService runs) {
        this.runs = runs;
        this.catalog = catalog;
        this.checks = checks;
        this.installer = installer;
        this.checklist = checklist;
        this.versions = versions;
        this.upgrades = upgrades;
        this.exports = exports;
        this.store = store;
        this.workflows = workflows;
        this.users = users;
        this.audit = audit;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TemplateSummary> list(String connector, String text) {
        String query = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return catalog.latest().stream()
                .filter(entry -> connector == null || connector.isBlank()
                        || entry.template().connectors().contains(connector.strip()))
                .filter(entry -> query.isEmpty() || (entry.template().name() + "\n" + entry.template().description()
                        + "\n" + entry.template().id() + "\n" + String.join(" ", entry.template().connectors()))
                        .toLowerCase(Locale.ROOT).contains(query))
                .map(entry -> new TemplateSummary(entry.template().id(), entry.template().version(),
                        entry.template().name(), TemplateInstaller.summary(entry.template().description()),
                        entry.template().connectors(), entry.template().requirements(),
                        entry.template().definition().get("nodes") instanceof List<?> nodes ? nodes.size() : 0,
                        entry.source()))
                .toList();
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public TemplateDetail get(String templateId, Integer version) {
        TemplateCatalog.Entry entry = catalog.get(templateId, version);
        Template template = entry.template();
        Map<String, String> sandbox = new LinkedHashMap<>();
        template.requirements().forEach(r -> sandbox.put(r.key(), TemplateInstaller.sandboxConnection(r.connector())));
        Map<String, Object> preview = TemplateInstaller.filled(template, sandbox, Map.of(),
                installer.plannedMappings(template));
        return new TemplateDetail(template, preview, catalog.versions(templateId), entry.source());
    }

    @Override
    @PreAuthorize("hasRole('ADMIN')")
    public Template upload(Template template) {
        if (template == null) {
            throw new InvalidInputException("template", "is required: a template document");
        }
        List<FieldProblem> problems = new ArrayList<>(checks.problems(template));
        catalog.find(template.id(), null).ifPresent(latest -> {
            if (template.version() <= latest.template().version()) {
                problems.add(new FieldProblem("version", "must be above " + latest.template().version()
                        + ", the latest version of template " + template.id() + ", was " + template.version()));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!store.insertVersion(template.id(), template.version(), catalog.write(template), "uploaded",
                CurrentUser.name())) {
            throw new dev.junction.backend.api.ConflictException("version", "Template " + template.id()
                    + " has version " + template.version() + " already");
        }
        audit.record("template.uploaded", "template", template.id(), Map.of("version", template.version()));
        return template;
    }

    @Override
    @PreAuthorize(MAY_CHANGE)
    public InstallResult install(InstallRequest request) {
        if (request == null) {
            throw new InvalidInputException("templateId", "is required: the template to install");
        }
        InstallResult result = installer.install(request);
        if (request.draftId() != null) {
            StoredInstallDraft draft = ownDraft(request.draftId());
            store.updateDraft(draft.id(), result.templateVersion(), "installed", result.workflowName(),
                    PayloadJson.write(request.connections()), PayloadJson.write(request.parameters()),
                    draft.testInputJson(), result.workflowId());
        }
        return result;
    }

    @Override
    @PreAuthorize(MAY_CHANGE)
    public InstallDraft createDraft(DraftInput input) {
        if (input == null || input.templateId() == null || input.templateId().isBlank()) {
            throw new InvalidInputException("templateId", "is required: the template the wizard installs");
        }
        Template template = catalog.get(input.templateId(), input.templateVersion()).template();
        checkDraft(input);
        return draft(store.insertDraft(template.id(), template.version(), input.step() == null ? "" : input.step(),
                input.workflowName(), PayloadJson.write(input.connections() == null ? Map.of() : input.connections()),
                PayloadJson.write(input.parameters() == null ? Map.of() : input.parameters()),
                input.testInput() == null ? null : PayloadJson.write(input.testInput()), CurrentUser.name()));
    }

    @Override
    @PreAuthorize(MAY_CHANGE)
    public InstallDraft updateDraft(UUID draftId, DraftInput input) {
        StoredInstallDraft draft = ownDraft(draftId);
        if (input == null) {
            throw new InvalidInputException("draft", "is required: the fields to change");
        }
        if (input.templateId() != null && !input.templateId().equals(draft.templateId())) {
            throw new InvalidInputException("templateId", "cannot change: the draft installs " + draft.templateId());
        }
        checkDraft(input);
        int version = input.templateVersion() == null ? draft.templateVersion()
                : catalog.get(draft.templateId(), input.templateVersion()).template().version();
        return draft(store.updateDraft(draftId, version, input.step() == null ? draft.step() : input.step(),
                input.workflowName() == null ? draft.workflowName() : input.workflowName(),
                input.connections() == null ? draft.connectionsJson() : PayloadJson.write(input.connections()),
                input.parameters() == null ? draft.parametersJson() : PayloadJson.write(input.parameters()),
                input.testInput() == null ? draft.testInputJson() : PayloadJson.write(input.testInput()),
                draft.workflowId()).orElseThrow(() -> noDraft(draftId)));
    }

    @Override
    @PreAuthorize(MAY_CHANGE)
    @Transactional(readOnly = true)
    public InstallDraft getDraft(UUID draftId) {
        return draft(ownDraft(draftId));
    }

    @Override
    @PreAuthorize(MAY_CHANGE)
    @Transactional(readOnly = true)
    public List<InstallDraft> myDrafts() {
        return store.openDrafts(CurrentUser.name()).stream().map(StoredTemplateService::draft).toList();
    }

    @Override
    @PreAuthorize(MAY_CHANGE)
    public void deleteDraft(UUID draftId) {
        ownDraft(draftId);
        store.deleteDraft(draftId);
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Installation> installation(UUID workflowId) {
        workflows.get(workflowId);
        return store.installation(workflowId).map(StoredTemplateService::installation);
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Readiness readiness(UUID workflowId) {
        return checklist.of(versions.latest(workflowId));
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Readiness readiness(StoredDefinition version) {
        return checklist.of(version);
    }

    @Override
    @PreAuthorize(MAY_CHANGE)
    public Readiness setOwner(UUID workflowId, String owner) {
        workflows.get(workflowId);
        String name = owner == null ? "" : owner.strip();
        if (name.isEmpty() || users.findByUsername(name).isEmpty()) {
            throw new InvalidInputException("owner", "must be the name of a user of this installation, was '"
                    + name + "'");
        }
        store.setOwner(workflowId, name, CurrentUser.name());
        audit.record("workflow.owner_set", "workflow", workflowId.toString(), Map.of("owner", name));
        return readiness(workflowId);
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<UpdateOffer> updateOffer(UUID workflowId) {
        return upgrades.offer(workflowId);
    }

    @Override
    @PreAuthorize(MAY_CHANGE)
    public InstallResult applyUpdate(UUID workflowId, Integer templateVersion, boolean keepLocal,
                                     Map<String, String> choices) {
        return upgrades.apply(workflowId, templateVersion, keepLocal, choices == null ? Map.of() : choices);
    }

    @Override
    @PreAuthorize(MAY_CHANGE)
    public Template saveAsTemplate(UUID workflowId, SaveAsTemplateRequest request) {
        if (request == null) {
            throw new InvalidInputException("templateId", "is required: the new template's id");
        }
        return exports.saveAsTemplate(workflowId, request);
    }

    @Override
    @PreAuthorize(MAY_CHANGE)
    @Transactional(readOnly = true)
    public ImportFixUp fixUp(Map<String, Object> definition) {
        if (definition == null) {
            throw new InvalidInputException("definition", "is required: a workflow definition or a template");
        }
        return exports.fixUp(definition);
    }

    @Override
    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER', 'OPERATOR')")
    public UUID testRun(UUID workflowId, Map<String, Object> input) {
        var workflow = workflows.get(workflowId);
        Object payload = input;
        if (payload == null) {
            payload = store.installation(workflowId)
                    .flatMap(installed -> catalog.find(installed.templateId(), installed.templateVersion()))
                    .<Object>map(entry -> entry.template().freshSampleInput()).orElse(null);
        }
        return runs.startTest(workflowId, workflow.latestVersion(), payload, null);
    }

    private static void checkDraft(DraftInput input) {
        if (input.step() != null && input.step().length() > STEP_MAX_LENGTH) {
            throw new InvalidInputException("step", "must be at most " + STEP_MAX_LENGTH + " characters");
        }
        if (input.workflowName() != null && input.workflowName().length() > WorkflowService.NAME_MAX_LENGTH) {
            throw new InvalidInputException("workflowName", "must be at most " + WorkflowService.NAME_MAX_LENGTH
                    + " characters");
        }
    }

    private StoredInstallDraft ownDraft(UUID draftId) {
        StoredInstallDraft draft = store.draft(draftId).orElseThrow(() -> noDraft(draftId));
        if (!draft.createdBy().equals(CurrentUser.name()) && !CurrentUser.hasAnyRole(Role.ADMIN)) {
            throw noDraft(draftId); // another user's draft: as if there were none
        }
        return draft;
    }

    private static NotFoundException noDraft(UUID draftId) {
        return new NotFoundException("No draft installation with id " + draftId);
    }

    @SuppressWarnings("unchecked")
    private static InstallDraft draft(StoredInstallDraft stored) {
        return new InstallDraft(stored.id(), stored.templateId(), stored.templateVersion(), stored.step(),
                stored.workflowName(), (Map<String, String>) PayloadJson.read(stored.connectionsJson()),
                (Map<String, Object>) PayloadJson.read(stored.parametersJson()),
                stored.testInputJson() == null ? null : (Map<String, Object>) PayloadJson.read(stored.testInputJson()),
                stored.workflowId(), stored.createdBy(), stored.updatedAt());
    }

    @SuppressWarnings("unchecked")
    private static Installation installation(StoredInstallation stored) {
        return new Installation(stored.workflowId(), stored.templateId(), stored.templateVersion(),
                (Map<String, String>) PayloadJson.read(stored.connectionsJson()),
                (Map<String, Object>) PayloadJson.read(stored.parametersJson()),
                (Map<String, Object>) PayloadJson.read(stored.baseDefinitionJson()), stored.installedAt(),
                stored.installedBy());
    }
}
