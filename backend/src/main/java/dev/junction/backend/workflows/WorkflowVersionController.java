package dev.junction.backend.workflows;

import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowVersion;
import dev.junction.engine.definition.DefinitionDiff;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.DefinitionProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Versions of a workflow's definition, and the workflow as a file: {@code /api/v1/workflows/{id}/versions…},
 * {@code …/export} and {@code /api/v1/workflows/import}.
 */
@RestController
@RequestMapping(path = "/api/v1/workflows", produces = "application/json")
class WorkflowVersionController {

    private final WorkflowVersionService versions;
    private final WorkflowService workflows;
    private final WorkflowFiles files;
    private final JsonMapper json;

    WorkflowVersionController(WorkflowVersionService versions, WorkflowService workflows, WorkflowFiles files,
                              JsonMapper json) {
        this.versions = versions;
        this.workflows = workflows;
        this.files = files;
        this.json = json;
    }

    record SaveVersion(Integer baseVersion, JsonNode definition, String comment) {
    }

    record VersionSummary(int version, String comment, String createdBy, OffsetDateTime createdAt, boolean published,
                          boolean latest) {
    }

    record Problem(String path, String nodeId, String message) {
    }

    record VersionDetail(UUID workflowId, int version, String comment, String createdBy, OffsetDateTime createdAt,
                         JsonNode definition, List<Problem> problems) {
    }

    @GetMapping("/{id}/versions")
    List<VersionSummary> list(@PathVariable UUID id) {
        Workflow workflow = workflows.get(id);
        return versions.list(id).stream().map(version -> new VersionSummary(version.version(), version.comment(),
                version.createdBy(), version.createdAt(),
                Integer.valueOf(version.version()).equals(workflow.publishedVersion()),
                version.version() == workflow.latestVersion())).toList();
    }

    @GetMapping("/{id}/versions/{version}")
    VersionDetail get(@PathVariable UUID id, @PathVariable int version) {
        return detail(versions.get(id, version));
    }

    @PostMapping(path = "/{id}/versions", consumes = "application/json")
    ResponseEntity<VersionDetail> save(@PathVariable UUID id, @RequestBody SaveVersion request) {
        StoredDefinition saved = versions.save(id, request.baseVersion(),
                request.definition() == null ? null : request.definition().toString(), request.comment());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{version}")
                .buildAndExpand(saved.version().version()).toUri()).body(detail(saved));
    }

    @PostMapping("/{id}/versions/{version}/publish")
    VersionDetail publish(@PathVariable UUID id, @PathVariable int version) {
        return detail(versions.publish(id, version));
    }

    @PostMapping("/{id}/versions/{version}/rollback")
    VersionDetail rollback(@PathVariable UUID id, @PathVariable int version) {
        return detail(versions.rollback(id, version));
    }

    @GetMapping("/{id}/versions/diff")
    DefinitionDiff diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to) {
        return versions.diff(id, from, to);
    }

    @GetMapping("/{id}/export")
    ResponseEntity<WorkflowFile> export(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        WorkflowFile file = files.export(id, version);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + files.fileName(file) + "\"")
                .body(file);
    }

    @PostMapping(path = "/import", consumes = "application/json")
    ResponseEntity<Workflow> importFile(@RequestBody WorkflowFile file) {
        Workflow created = files.importFile(file);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/workflows/{id}").buildAndExpand(created.id()).toUri()).body(created);
    }

    private VersionDetail detail(StoredDefinition stored) {
        WorkflowVersion version = stored.version();
        return new VersionDetail(version.workflowId(), version.version(), version.comment(), version.createdBy(),
                version.createdAt(), definitionJson(stored), stored.problems().stream().map(this::problem).toList());
    }

    private Problem problem(DefinitionProblem problem) {
        return new Problem(problem.path(), problem.nodeId(), problem.message());
    }

    private JsonNode definitionJson(StoredDefinition stored) {
        return json.readTree(DefinitionJson.write(stored.definition()));
    }
}
