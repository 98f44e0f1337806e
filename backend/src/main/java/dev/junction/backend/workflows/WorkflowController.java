package dev.junction.backend.workflows;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowPage;
import dev.junction.db.workflows.WorkflowSort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.UUID;

/** {@code /api/v1/workflows}: the same operations as the Workflows view. */
@RestController
@RequestMapping(path = "/api/v1/workflows", produces = "application/json")
class WorkflowController {

    private final WorkflowService workflows;

    WorkflowController(WorkflowService workflows) {
        this.workflows = workflows;
    }

    /** New workflow: {@code name} is required, {@code description} and {@code tags} optional. */
    record CreateWorkflow(String name, String description, List<String> tags) {
    }

    /** Change of a workflow: any field may be left out to keep it; {@code tags} replaces all tags. */
    record UpdateWorkflow(String name, String description, List<String> tags) {
    }

    record WorkflowList(List<Workflow> items, int total, int offset, int limit) {
    }

    @GetMapping
    WorkflowList list(@RequestParam(defaultValue = "") String search,
                      @RequestParam(required = false) String tag,
                      @RequestParam(defaultValue = "name") String sort,
                      @RequestParam(defaultValue = "asc") String direction,
                      @RequestParam(defaultValue = "0") int offset,
                      @RequestParam(defaultValue = "50") int limit) {
        WorkflowPage page = workflows.search(search, tag, sortField(sort), ascending(direction), offset, limit);
        return new WorkflowList(page.items(), page.total(), offset, limit);
    }

    /** Every tag some workflow carries, sorted. */
    @GetMapping("/tags")
    List<String> tags() {
        return workflows.allTags();
    }

    @GetMapping("/{id}")
    Workflow get(@PathVariable UUID id) {
        return workflows.get(id);
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Workflow> create(@RequestBody CreateWorkflow request) {
        Workflow created = workflows.create(request.name(), request.description(), request.tags());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @PatchMapping(path = "/{id}", consumes = "application/json")
    Workflow update(@PathVariable UUID id, @RequestBody UpdateWorkflow request) {
        return workflows.update(id, request.name(), request.description(), request.tags());
    }

    /** 204 when the workflow was deleted; 200 with what happened when it had runs and was archived instead. */
    @DeleteMapping("/{id}")
    ResponseEntity<WorkflowRemoval> delete(@PathVariable UUID id) {
        WorkflowRemoval removal = workflows.delete(id);
        return removal.archived() ? ResponseEntity.ok(removal) : ResponseEntity.noContent().build();
    }

    private static WorkflowSort sortField(String sort) {
        return switch (sort) {
            case "name" -> WorkflowSort.NAME;
            case "createdAt" -> WorkflowSort.CREATED_AT;
            case "updatedAt" -> WorkflowSort.UPDATED_AT;
            default -> throw new InvalidInputException("sort", "must be one of name, createdAt, updatedAt");
        };
    }

    private static boolean ascending(String direction) {
        return switch (direction) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new InvalidInputException("direction", "must be asc or desc");
        };
    }
}
