package dev.junction.backend.reconciliation;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.JsonBodies;
import dev.junction.db.reconciliation.RunRows;
import dev.junction.db.reconciliation.SettlementOverview;
import dev.junction.db.reconciliation.StoredRun;
import dev.junction.db.reconciliation.StoredSettlement;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Settlement reconciliation over REST ({@code /api/v1/reconciliations}): the settlements with their latest run's
 * status, fetching an Amazon connection's settlements, reconciling one against an Opayo connection, a run's summary
 * and its lines, matches, unmatched items and discrepancies page by page, resolving a discrepancy with a note, the
 * journal as CSV, and writing the journal to Dynamics. Every user reads; admins and operators act.
 */
@RestController
class ReconciliationController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String BASE = "/api/v1/reconciliations";

    private final ReconciliationService service;

    ReconciliationController(ReconciliationService service) {
        this.service = service;
    }

    /** A settlement in the list: what it is, through which connection, and its latest run's status and counts. */
    record SettlementItem(long id, String settlementId, String amazonConnection, String amazonConnectionName,
                          String periodStart, String periodEnd, String depositDate, Long totalMinor, String currency,
                          int lines, String status, UUID latestRunId, int discrepancies, int openDiscrepancies,
                          String reconciledAt) {

        static SettlementItem of(SettlementOverview overview, String connectionName) {
            StoredSettlement settlement = overview.settlement();
            return new SettlementItem(settlement.id(), settlement.settlementId(), settlement.amazonConnectionId(),
                    connectionName, text(settlement.periodStart()), text(settlement.periodEnd()),
                    text(settlement.depositDate()), settlement.totalMinor(), settlement.currency(),
                    settlement.lineCount(), overview.statusOrNotReconciled(), overview.latestRunId(),
                    overview.discrepancies(), overview.openDiscrepancies(), text(overview.reconciledAt()));
        }
    }

    /** A run: its settlement, status, summary, fraud hints, Dynamics write and the settlement's other runs. */
    record RunItem(UUID id, SettlementItem settlement, String opayoConnection, String status,
                   Map<String, Object> summary, List<Object> fraudHints, int discrepancies, int openDiscrepancies,
                   String startedBy, String startedAt, String dynamicsConnection, String dynamicsWrittenAt,
                   String dynamicsWrittenBy, List<RunLink> runs) {
    }

    record RunLink(UUID id, String status, int discrepancies, String startedAt) {
    }

    @GetMapping(BASE + "/settlements")
    List<SettlementItem> settlements() {
        return service.settlements().stream().map(overview -> SettlementItem.of(overview,
                service.connectionName(overview.settlement().amazonConnectionId()))).toList();
    }

    @PostMapping(value = BASE + "/settlements/fetch", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> fetch(@RequestBody String body) {
        Map<?, ?> fields = JsonBodies.object(body, "a JSON object", "amazonConnection");
        List<StoredSettlement> fetched = service.fetchSettlements(text(fields, "amazonConnection"));
        return Map.of("fetched", fetched.stream().map(StoredSettlement::settlementId).toList());
    }

    @GetMapping(BASE + "/connections")
    Map<String, List<ReconciliationService.ConnectionChoice>> connections() {
        return Map.of("amazon", service.connections(ReconciliationService.AMAZON),
                "opayo", service.connections(ReconciliationService.OPAYO),
                "dynamics", service.connections(ReconciliationService.DATAVERSE));
    }

    @PostMapping(value = BASE, consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    RunItem start(@RequestBody String body) {
        Map<?, ?> fields = JsonBodies.object(body, "a JSON object", "amazonConnection", "settlementId",
                "opayoConnection");
        StoredRun run = service.reconcile(text(fields, "amazonConnection"), text(fields, "settlementId"),
                text(fields, "opayoConnection"));
        return get(run.id());
    }

    @GetMapping(BASE + "/{runId}")
    RunItem get(@PathVariable UUID runId) {
        ReconciliationService.RunDetail detail = service.run(runId);
        StoredRun run = detail.run();
        SettlementOverview overview = new SettlementOverview(detail.settlement(), run.id(), run.status(),
                run.discrepancyCount(), detail.openDiscrepancies(), run.startedAt());
        return new RunItem(run.id(), SettlementItem.of(overview,
                service.connectionName(detail.settlement().amazonConnectionId())), run.opayoConnectionId(),
                run.status(), run.summary(), run.fraudHints(), run.discrepancyCount(), detail.openDiscrepancies(),
                run.startedBy(), text(run.startedAt()), run.dynamicsConnectionId(), text(run.dynamicsWrittenAt()),
                run.dynamicsWrittenBy(), detail.runs().stream().map(other -> new RunLink(other.id(), other.status(),
                other.discrepancyCount(), text(other.startedAt()))).toList());
    }

    @GetMapping(BASE + "/{runId}/lines")
    RunRows.Page<RunRows.Line> lines(@PathVariable UUID runId, @RequestParam(defaultValue = "0") int offset,
                                     @RequestParam(defaultValue = "100") int limit) {
        checkPage(offset, limit);
        return service.lines(runId, offset, limit);
    }

    @GetMapping(BASE + "/{runId}/matches")
    RunRows.Page<RunRows.Match> matches(@PathVariable UUID runId, @RequestParam(defaultValue = "0") int offset,
                                        @RequestParam(defaultValue = "100") int limit) {
        checkPage(offset, limit);
        return service.matches(runId, offset, limit);
    }

    @GetMapping(BASE + "/{runId}/unmatched")
    RunRows.Page<RunRows.Unmatched> unmatched(@PathVariable UUID runId,
                                              @RequestParam(defaultValue = "0") int offset,
                                              @RequestParam(defaultValue = "100") int limit) {
        checkPage(offset, limit);
        return service.unmatched(runId, offset, limit);
    }

    @GetMapping(BASE + "/{runId}/discrepancies")
    RunRows.Page<RunRows.Discrepancy> discrepancies(@PathVariable UUID runId,
                                                    @RequestParam(defaultValue = "0") int offset,
                                                    @RequestParam(defaultValue = "100") int limit) {
        checkPage(offset, limit);
        return service.discrepancies(runId, offset, limit);
    }

    @PostMapping(value = BASE + "/{runId}/discrepancies/{itemNo}/resolve",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    RunRows.Discrepancy resolve(@PathVariable UUID runId, @PathVariable int itemNo, @RequestBody String body) {
        Map<?, ?> fields = JsonBodies.object(body, "a JSON object", "note");
        return service.resolve(runId, itemNo, text(fields, "note"));
    }

    @GetMapping(BASE + "/{runId}/journal")
    List<RunRows.JournalLine> journal(@PathVariable UUID runId) {
        return service.journal(runId);
    }

    @GetMapping(BASE + "/{runId}/journal.csv")
    ResponseEntity<String> journalCsv(@PathVariable UUID runId) {
        String csv = service.journalCsv(runId);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(service.journalFileName(runId)).build().toString())
                .body(csv);
    }

    @PostMapping(value = BASE + "/{runId}/dynamics", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReconciliationService.DynamicsWrite writeToDynamics(@PathVariable UUID runId, @RequestBody String body) {
        Map<?, ?> fields = JsonBodies.object(body, "a JSON object", "dynamicsConnection");
        return service.writeToDynamics(runId, text(fields, "dynamicsConnection"));
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be between 1 and 1000");
        }
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            throw new InvalidInputException(name, "must be text");
        }
        return (String) value;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
