package dev.junction.backend.templates;

import dev.junction.backend.api.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Templates over REST: {@code /api/v1/templates…} and the template parts of {@code /api/v1/workflows/{id}/…}. */
@RestController
class TemplateController {

    private final TemplateService templates;
    private final TemplateSampleRuns sampleRuns;

    TemplateController(TemplateService templates, TemplateSampleRuns sampleRuns) {
        this.templates = templates;
        this.sampleRuns = sampleRuns;
    }

    /** The latest sample run of the template's latest version on the sandbox (404 when there is none yet). */
    @GetMapping(path = "/api/v1/templates/{id}/sample-run", produces = "application/json")
    ResponseEntity<SampleRun> sampleRun(@PathVariable String id) {
        return ResponseEntity.of(sampleRuns.latest(id));
    }

    /** Runs the template on the sandbox sample and answers the run once it has ended (201). */
    @PostMapping(path = "/api/v1/templates/{id}/sample-run", produces = "application/json")
    ResponseEntity<SampleRun> runSample(@PathVariable String id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(sampleRuns.run(id));
    }

    record FixUpRequest(Map<String, Object> definition) {
    }

    record OwnerRequest(String owner) {
    }

    record ApplyUpdate(Integer templateVersion, Boolean keepLocal, Map<String, String> choices) {
    }

    record TestRunRequest(Map<String, Object> input) {
    }

    record TestRunStarted(UUID runId) {
    }

    @GetMapping(path = "/api/v1/templates", produces = "application/json")
    List<TemplateSummary> list(@RequestParam(required = false) String connector,
                               @RequestParam(required = false) String q) {
        return templates.list(connector, q);
    }

    @GetMapping(path = "/api/v1/templates/{id}", produces = "application/json")
    TemplateDetail get(@PathVariable String id, @RequestParam(required = false) Integer version) {
        return templates.get(id, version);
    }

    @PostMapping(path = "/api/v1/templates", consumes = "application/json", produces = "application/json")
    ResponseEntity<Template> upload(@RequestBody Template template) {
        Template stored = templates.upload(template);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/templates/{id}").queryParam("version", stored.version())
                .buildAndExpand(stored.id()).toUri()).body(stored);
    }

    @PostMapping(path = "/api/v1/templates/{id}/install", consumes = "application/json",
            produces = "application/json")
    ResponseEntity<InstallResult> install(@PathVariable String id, @RequestBody InstallRequest request) {
        if (request.templateId() != null && !request.templateId().equals(id)) {
            throw new InvalidInputException("templateId", "must be the template of the path, " + id);
        }
        InstallResult result = templates.install(new InstallRequest(id, request.version(), request.workflowName(),
                request.connections(), request.parameters(), request.draftId()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/workflows/{id}").buildAndExpand(result.workflowId()).toUri()).body(result);
    }

    @GetMapping(path = "/api/v1/templates/drafts", produces = "application/json")
    List<InstallDraft> drafts() {
        return templates.myDrafts();
    }

    @PostMapping(path = "/api/v1/templates/drafts", consumes = "application/json", produces = "application/json")
    ResponseEntity<InstallDraft> createDraft(@RequestBody DraftInput input) {
        InstallDraft draft = templates.createDraft(input);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(draft.id()).toUri()).body(draft);
    }

    @GetMapping(path = "/api/v1/templates/drafts/{draftId}", produces = "application/json")
    InstallDraft draft(@PathVariable UUID draftId) {
        return templates.getDraft(draftId);
    }

    @PutMapping(path = "/api/v1/templates/drafts/{draftId}", consumes = "application/json",
            produces = "application/json")
    InstallDraft updateDraft(@PathVariable UUID draftId, @RequestBody DraftInput input) {
        return templates.updateDraft(draftId, input);
    }

    @DeleteMapping("/api/v1/templates/drafts/{draftId}")
    ResponseEntity<Void> deleteDraft(@PathVariable UUID draftId) {
        templates.deleteDraft(draftId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/templates/from-workflow/{workflowId}", consumes = "application/json",
            produces = "application/json")
    ResponseEntity<Template> saveAsTemplate(@PathVariable UUID workflowId, @RequestBody SaveAsTemplateRequest request) {
        Template template = templates.saveAsTemplate(workflowId, request);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/templates/{id}").queryParam("version", template.version())
                .buildAndExpand(template.id()).toUri()).body(template);
    }

    @PostMapping(path = "/api/v1/templates/fix-up", consumes = "application/json", produces = "application/json")
    ImportFixUp fixUp(@RequestBody FixUpRequest request) {
        return templates.fixUp(request.definition());
    }

    @GetMapping(path = "/api/v1/workflows/{id}/template", produces = "application/json")
    Installation installation(@PathVariable UUID id) {
        return templates.installation(id).orElseThrow(() -> new dev.junction.backend.api.NotFoundException(
                "Workflow " + id + " was not installed from a template"));
    }

    @GetMapping(path = "/api/v1/workflows/{id}/readiness", produces = "application/json")
    Readiness readiness(@PathVariable UUID id) {
        return templates.readiness(id);
    }

    @PutMapping(path = "/api/v1/workflows/{id}/owner", consumes = "application/json", produces = "application/json")
    Readiness owner(@PathVariable UUID id, @RequestBody OwnerRequest request) {
        return templates.setOwner(id, request.owner());
    }

    @GetMapping(path = "/api/v1/workflows/{id}/template-update", produces = "application/json")
    ResponseEntity<UpdateOffer> updateOffer(@PathVariable UUID id) {
        return templates.updateOffer(id).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping(path = "/api/v1/workflows/{id}/template-update", produces = "application/json")
    InstallResult applyUpdate(@PathVariable UUID id, @RequestBody(required = false) ApplyUpdate request) {
        return templates.applyUpdate(id, request == null ? null : request.templateVersion(),
                request != null && Boolean.TRUE.equals(request.keepLocal()),
                request == null || request.choices() == null ? Map.of() : request.choices());
    }

    @PostMapping(path = "/api/v1/workflows/{id}/template-test-run", produces = "application/json")
    ResponseEntity<TestRunStarted> testRun(@PathVariable UUID id, @RequestBody(required = false) TestRunRequest request) {
        UUID runId = templates.testRun(id, request == null ? null : request.input());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/runs/{id}").buildAndExpand(runId).toUri()).body(new TestRunStarted(runId));
    }
}
