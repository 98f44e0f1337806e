package dev.junction.backend.errors;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.runs.RunService;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.errors.ErrorGroup;
import dev.junction.db.errors.ErrorGroupFilter;
import dev.junction.db.errors.GroupRun;
import dev.junction.db.runs.ReplayMode;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.runs.ErrorCategory;
import dev.junction.engine.runs.RunStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The error inbox: {@code /api/v1/errors/groups} (list with filters, detail, its runs, assign, tag, resolve, reopen,
 * retry) and {@code /api/v1/errors/runs/{id}/retry} (edit the payload and retry one run).
 */
@RestController
class ErrorGroupController {

    static final int MAX_RUNS_PAGE = 200;

    private final ErrorGroupService groups;
    private final ErrorGroupAssignment assignment;
    private final RunService runs;

    ErrorGroupController(ErrorGroupService groups, ErrorGroupAssignment assignment, RunService runs) {
        this.groups = groups;
        this.assignment = assignment;
        this.runs = runs;
    }

    record GroupList(List<ErrorGroup> items) {
    }

    record RunList(List<GroupRun> items, int offset, int limit) {
    }

    record Assign(String assignee) {
    }

    record Tags(List<String> tags) {
    }

    record Resolve(String note) {
    }

    /** Retry a group: {@code mode} (default failedStep), {@code ratePerSecond} (null: the setting), dry run. */
    record Retry(String mode, Integer ratePerSecond, Boolean dryRun) {
    }

    record EditedRetry(JsonNode input) {
    }

    record Started(UUID id, String status, UUID replayOf) {
    }

    /**
     * Groups, most recently seen first: {@code state} (open, resolved), {@code category} (an error category),
     * {@code workflow}, {@code assignee} ({@code me}: the caller), {@code pending=true}: only groups with retries
     * waiting to run.
     */
    @GetMapping(path = "/api/v1/errors/groups", produces = "application/json")
    GroupList list(@RequestParam(required = false) String state,
                   @RequestParam(required = false) String category,
                   @RequestParam(required = false) UUID workflow,
                   @RequestParam(required = false) String assignee,
                   @RequestParam(defaultValue = "false") boolean pending,
                   @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > ErrorGroupService.MAX_LIST) {
            throw new InvalidInputException("limit", "must be from 1 to " + ErrorGroupService.MAX_LIST + ", was "
                    + limit);
        }
        List<ErrorGroup> items = groups.list(new ErrorGroupFilter(state(state), category(category), workflow,
                "me".equalsIgnoreCase(blankToNull(assignee)) ? CurrentUser.name() : blankToNull(assignee)), limit);
        return new GroupList(pending ? items.stream().filter(group -> group.pendingRetries() > 0).toList() : items);
    }

    @GetMapping(path = "/api/v1/errors/groups/{id}", produces = "application/json")
    ErrorGroupService.GroupDetail get(@PathVariable UUID id) {
        return groups.get(id);
    }

    @GetMapping(path = "/api/v1/errors/groups/{id}/runs", produces = "application/json")
    RunList runs(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean pending,
                 @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_RUNS_PAGE) {
            throw new InvalidInputException("limit", "must be from 1 to " + MAX_RUNS_PAGE + ", was " + limit);
        }
        return new RunList(groups.runs(id, pending, offset, limit), offset, limit);
    }

    @PutMapping(path = "/api/v1/errors/groups/{id}/assignee", consumes = "application/json",
            produces = "application/json")
    AssignedGroup assign(@PathVariable UUID id, @RequestBody Assign request) {
        ErrorGroupAssignment.Assigned assigned = assignment.assign(id, request.assignee());
        return new AssignedGroup(assigned.group(), assigned.assigneeEmail());
    }

    /** The group's fields, and {@code assigneeEmail}: whether the new assignee was e-mailed, or why not. */
    record AssignedGroup(@JsonUnwrapped ErrorGroup group, AssigneeEmail assigneeEmail) {
    }

    @PutMapping(path = "/api/v1/errors/groups/{id}/tags", consumes = "application/json", produces = "application/json")
    ErrorGroup tag(@PathVariable UUID id, @RequestBody Tags request) {
        return groups.tag(id, request.tags());
    }

    @PostMapping(path = "/api/v1/errors/groups/{id}/resolve", consumes = "application/json",
            produces = "application/json")
    ErrorGroup resolve(@PathVariable UUID id, @RequestBody Resolve request) {
        return groups.resolve(id, request.note());
    }

    @PostMapping(path = "/api/v1/errors/groups/{id}/reopen", produces = "application/json")
    ErrorGroup reopen(@PathVariable UUID id) {
        return groups.reopen(id);
    }

    @PostMapping(path = "/api/v1/errors/groups/{id}/retry", produces = "application/json")
    ErrorGroupService.GroupRetry retry(@PathVariable UUID id, @RequestBody(required = false) Retry request) {
        Retry retry = request == null ? new Retry(null, null, null) : request;
        return groups.retry(id, mode(retry.mode()), retry.ratePerSecond(), Boolean.TRUE.equals(retry.dryRun()));
    }

    /** Edit the payload and retry: a new run with the edited input, linked to the original. */
    @PostMapping(path = "/api/v1/errors/runs/{runId}/retry", consumes = "application/json",
            produces = "application/json")
    ResponseEntity<Started> retryEdited(@PathVariable UUID runId, @RequestBody EditedRetry request) {
        if (request.input() == null || request.input().isNull()) {
            throw new InvalidInputException("input", "must be the edited input as JSON");
        }
        UUID id = runs.retryWithInput(runId, PayloadJson.plain(request.input()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(id, RunStatus.QUEUED.jsonName(), runId));
    }

    private static ReplayMode mode(String value) {
        if (value == null) {
            return ReplayMode.FAILED_STEP;
        }
        return ReplayMode.fromJson(value).orElseThrow(() -> new InvalidInputException("mode", "must be one of "
                + ReplayMode.names() + ", was '" + value + "'"));
    }

    private static String state(String value) {
        String state = blankToNull(value);
        if (state == null) {
            return null;
        }
        if (!List.of(ErrorGroup.OPEN, ErrorGroup.RESOLVED).contains(state.toLowerCase())) {
            throw new InvalidInputException("state", "must be open or resolved, was '" + value + "'");
        }
        return state.toLowerCase();
    }

    private static String category(String value) {
        String name = blankToNull(value);
        if (name == null) {
            return null;
        }
        ErrorCategory category = ErrorCategory.fromJson(name);
        if (category == null) {
            throw new InvalidInputException("category", "must be one of " + Arrays.stream(ErrorCategory.values())
                    .map(ErrorCategory::jsonName).collect(Collectors.joining(", ")) + ", was '" + value + "'");
        }
        return category.jsonName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
