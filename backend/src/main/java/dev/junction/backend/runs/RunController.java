package dev.junction.backend.runs;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.db.runs.ReplayMode;
import dev.junction.db.runs.RunDetail;
import dev.junction.db.runs.RunFilter;
import dev.junction.db.runs.RunPage;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.runs.RunStatus;
import dev.junction.db.runs.RunsQuery;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs: {@code /api/v1/runs} (list, detail, cancel, replay), {@code /api/v1/workflows/{id}/runs} (start by hand)
 * and {@code /api/v1/dead-letters} (the dead-letter queue: list, replay by filter).
 */
@RestController
class RunController {

    static final int MAX_PAGE = 200;

    private final RunService runs;

    private final RunListService runList;

    RunController(RunService runs, RunListService runList) {
        this.runs = runs;
        this.runList = runList;
    }

    /** A run started by hand: an input payload (any JSON; {} when left out) and an optional business key. */
    record StartRun(JsonNode input, String businessKey) {
    }

    record Started(UUID id, String status) {
    }

    record Replay(String from) {
    }

    /**
     * A bulk replay of dead-lettered runs by filter; {@code dryRun} only counts them, {@code ratePerSecond} (null:
     * the setting {@code junction.replays.rate-per-second}) spaces the replays out.
     */
    record BulkReplayRequest(UUID workflowId, String nodeId, String errorClass, String from, String to, String mode,
                             Integer limit, Boolean dryRun, Integer ratePerSecond) {
    }

    /** What a bulk replay would take up: {@code matched} runs. */
    record BulkReplayDryRun(boolean dryRun, int matched) {
    }

    @PostMapping(path = "/api/v1/workflows/{workflowId}/runs", consumes = "application/json",
            produces = "application/json")
    ResponseEntity<Started> start(@PathVariable UUID workflowId, @RequestBody(required = false) StartRun request) {
        Object input = request == null || request.input() == null ? java.util.Map.of()
                : PayloadJson.plain(request.input());
        UUID id = runs.startManually(workflowId, input, request == null ? null : request.businessKey());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/runs/{id}")
                        .buildAndExpand(id).toUri())
                .body(new Started(id, RunStatus.QUEUED.jsonName()));
    }

    /**
     * Runs newest first, filtered as the runs list's URL filters them ({@link RunsQuery}: {@code workflowId} is
     * that URL's {@code workflow}).
     */
    @GetMapping(path = "/api/v1/runs", produces = "application/json")
    RunPage list(@RequestParam(required = false) UUID workflowId,
                 @RequestParam(required = false) String status,
                 @RequestParam(required = false) String businessKey,
                 @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to,
                 @RequestParam(required = false) String version,
                 @RequestParam(required = false) String trigger,
                 @RequestParam(required = false) String connection,
                 @RequestParam(required = false) String errorClass,
                 @RequestParam(required = false) String category,
                 @RequestParam(required = false) String tag,
                 @RequestParam(required = false) String cursor,
                 @RequestParam(defaultValue = "50") int limit) {
        RunsQuery query = query(workflowId, status, businessKey, from, to, version, trigger, connection, errorClass,
                category, tag);
        return runs.list(query.toFilter(), cursor, limit(limit));
    }

    /**
     * Every run matching the same filters as {@link #list}, as CSV with a header row (no payloads), streamed: a
     * million runs never sit in memory at once.
     */
    @GetMapping(path = "/api/v1/runs/export.csv", produces = "text/csv")
    void export(@RequestParam(required = false) UUID workflowId,
                @RequestParam(required = false) String status,
                @RequestParam(required = false) String businessKey,
                @RequestParam(required = false) String from,
                @RequestParam(required = false) String to,
                @RequestParam(required = false) String version,
                @RequestParam(required = false) String trigger,
                @RequestParam(required = false) String connection,
                @RequestParam(required = false) String errorClass,
                @RequestParam(required = false) String category,
                @RequestParam(required = false) String tag,
                HttpServletResponse response) throws IOException {
        RunsQuery query = query(workflowId, status, businessKey, from, to, version, trigger, connection, errorClass,
                category, tag);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(RunListService.exportFileName(Instant.now())).build().toString());
        // written to the response as the rows are read (the servlet's buffer flushes as it fills)
        runList.exportCsv(query, response.getOutputStream());
    }

    private static RunsQuery query(UUID workflowId, String status, String businessKey, String from, String to,
                                   String version, String trigger, String connection, String errorClass,
                                   String category, String tag) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        put(parameters, RunsQuery.WORKFLOW, workflowId == null ? null : workflowId.toString());
        put(parameters, RunsQuery.STATUS, status);
        put(parameters, RunsQuery.BUSINESS_KEY, businessKey);
        put(parameters, RunsQuery.FROM, from);
        put(parameters, RunsQuery.TO, to);
        put(parameters, RunsQuery.VERSION, version);
        put(parameters, RunsQuery.TRIGGER, trigger);
        put(parameters, RunsQuery.CONNECTION, connection);
        put(parameters, RunsQuery.ERROR_CLASS, errorClass);
        put(parameters, RunsQuery.CATEGORY, category);
        put(parameters, RunsQuery.TAG, tag);
        try {
            return RunsQuery.parse(parameters);
        } catch (RunsQuery.InvalidRunsQuery e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(problem -> new InvalidInputException.FieldProblem(problem.parameter(), problem.expectation()))
                    .toList());
        }
    }

    private static void put(Map<String, List<String>> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, List.of(value));
        }
    }

    @GetMapping(path = "/api/v1/runs/{id}", produces = "application/json")
    RunDetail get(@PathVariable UUID id) {
        return runs.get(id);
    }

    @PostMapping(path = "/api/v1/runs/{id}/cancel", produces = "application/json")
    Started cancel(@PathVariable UUID id) {
        return new Started(id, runs.cancel(id));
    }

    @PostMapping(path = "/api/v1/runs/{id}/replay", produces = "application/json")
    Started replay(@PathVariable UUID id, @RequestBody(required = false) Replay request) {
        return new Started(id, runs.replay(id, mode("from", request == null ? null : request.from())));
    }

    @GetMapping(path = "/api/v1/dead-letters", produces = "application/json")
    RunPage deadLetters(@RequestParam(required = false) UUID workflowId,
                        @RequestParam(required = false) String nodeId,
                        @RequestParam(required = false) String errorClass,
                        @RequestParam(required = false) String businessKey,
                        @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to,
                        @RequestParam(required = false) String cursor,
                        @RequestParam(defaultValue = "50") int limit) {
        OffsetDateTime start = time("from", from);
        OffsetDateTime end = until("to", to, start);
        return runs.list(new RunFilter(workflowId, Set.of(RunStatus.DEAD_LETTERED), blankToNull(businessKey),
                blankToNull(nodeId), blankToNull(errorClass), start, end), cursor, limit(limit));
    }

    @PostMapping(path = "/api/v1/dead-letters/replay", consumes = "application/json", produces = "application/json")
    Object replayMatching(@RequestBody BulkReplayRequest request) {
        int limit = request.limit() == null ? RunService.BULK_REPLAY_MAX : request.limit();
        if (limit < 1 || limit > RunService.BULK_REPLAY_MAX) {
            throw new InvalidInputException("limit", "must be from 1 to " + RunService.BULK_REPLAY_MAX + ", was "
                    + limit);
        }
        OffsetDateTime start = time("from", request.from());
        OffsetDateTime end = until("to", request.to(), start);
        RunFilter filter = new RunFilter(request.workflowId(), null, null, blankToNull(request.nodeId()),
                blankToNull(request.errorClass()), start, end);
        ReplayMode mode = mode("mode", request.mode());
        if (Boolean.TRUE.equals(request.dryRun())) {
            return new BulkReplayDryRun(true, runs.countMatching(filter, limit));
        }
        return runs.replayMatching(filter, mode, limit, request.ratePerSecond());
    }

    private static ReplayMode mode(String field, String value) {
        if (value == null) {
            return ReplayMode.FAILED_STEP;
        }
        return ReplayMode.fromJson(value).orElseThrow(() -> new InvalidInputException(field, "must be one of "
                + ReplayMode.names() + ", was '" + value + "'"));
    }

    private static OffsetDateTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value.strip());
            if (time.getYear() < 1 || time.getYear() > 9999) {
                throw new InvalidInputException(field, "must be a time in the years 1 to 9999, was '" + value + "'");
            }
            return time;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a time in ISO 8601 with an offset, such as"
                    + " 2026-11-23T10:15:30Z, was '" + value + "'");
        }
    }

    /** The end of a period, which may not lie before its start: both fields are named when it does. */
    private static OffsetDateTime until(String field, String value, OffsetDateTime start) {
        OffsetDateTime end = time(field, value);
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidInputException(List.of(
                    new InvalidInputException.FieldProblem("from", "must not be after to (" + end + "), was "
                            + start),
                    new InvalidInputException.FieldProblem(field, "must not be before from (" + start + "), was "
                            + end)));
        }
        return end;
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be from 1 to " + MAX_PAGE + ", was " + limit);
        }
        return limit;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
