package dev.junction.connectors.amazon;

import dev.junction.engine.connectors.ConnectorException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports API 2021-06-30: request a report, follow its processing (FATAL and CANCELLED are permanent failures),
 * find reports by type, download and read a report document, and settlements read from their flat files — on
 * request or polled as Amazon publishes them.
 */
final class ReportsOperations {

    static final String REPORTS = "/reports/2021-06-30/reports";
    static final String DOCUMENTS = "/reports/2021-06-30/documents";
    /** How long a caller waits before asking again for a report still in processing. */
    // UNCONFIRMED (api-contracts §1.6): how long processing takes; the platform retries after 30 s
    static final Duration NOT_READY_RETRY = Duration.ofSeconds(30);
    /** How many settlement documents one poll downloads at most. */
    static final int SETTLEMENTS_PER_POLL = 5;

    private final SpApiClient client;
    private final ReportDocuments documents;

    ReportsOperations(SpApiClient client, ReportDocuments documents) {
        this.client = client;
        this.documents = documents;
    }

    Map<String, Object> createReport(Input input) throws ConnectorException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportType", input.requiredText("reportType"));
        List<String> marketplaces = input.list("marketplaceIds");
        body.put("marketplaceIds", marketplaces.isEmpty() ? client.settings().marketplaceIds() : marketplaces);
        if (((List<?>) body.get("marketplaceIds")).isEmpty()) {
            throw input.invalid("marketplaceIds", "is required when the connection names no marketplace ids");
        }
        input.instant("dataStartTime").ifPresent(time -> body.put("dataStartTime", time.toString()));
        input.instant("dataEndTime").ifPresent(time -> body.put("dataEndTime", time.toString()));
        if (input.values().get("reportOptions") instanceof Map<?, ?> options) {
            body.put("reportOptions", options);
        }
        Object answer = client.send("createReport", "POST", REPORTS, body);
        if (answer instanceof Map<?, ?> map && map.get("reportId") instanceof String reportId) {
            return Map.of("reportId", reportId);
        }
        throw ConnectorException.permanentFailure("RemoteError", "createReport answered without a reportId",
                null, null);
    }

    /**
     * The report; a FATAL or CANCELLED one is a permanent failure. With {@code requireDone} a report still in
     * processing is a retryable {@code ReportNotReady}, so a step can wait for it through the platform's retries.
     */
    Map<String, Object> getReport(Input input) throws ConnectorException {
        return report(input.requiredText("reportId"), input.flag("requireDone"));
    }

    private Map<String, Object> report(String reportId, boolean requireDone) throws ConnectorException {
        Map<String, Object> report = object("getReport",
                client.send("getReport", "GET", REPORTS + "/" + SpApiClient.encode(reportId), null));
        String status = String.valueOf(report.get("processingStatus"));
        String what = "report " + reportId + " (" + report.get("reportType") + ")";
        switch (status) {
            case "FATAL" -> throw ConnectorException.permanentFailure("ReportFatal", "getReport: " + what
                    + " ended FATAL: Amazon could not produce it" + (report.get("reportDocumentId") == null ? ""
                    : "; its error document is " + report.get("reportDocumentId")), null, null);
            case "CANCELLED" -> throw ConnectorException.permanentFailure("ReportCancelled", "getReport: " + what
                    + " was CANCELLED (by a caller, or by Amazon because there was no data for it)", null, null);
            case "DONE" -> {
                return report;
            }
            default -> {
                if (requireDone) {
                    throw ConnectorException.transientFailure("ReportNotReady", "getReport: " + what
                            + " is still " + status, NOT_READY_RETRY, null, null);
                }
                return report;
            }
        }
    }

    Map<String, Object> getReports(Input input) throws ConnectorException {
        Map<String, Object> query = new LinkedHashMap<>();
        if (input.text("nextToken").isPresent()) {
            query.put("nextToken", input.text("nextToken").get());
        } else {
            query.put("reportTypes", input.list("reportTypes"));
            query.put("processingStatuses", input.list("processingStatuses"));
            query.put("marketplaceIds", input.list("marketplaceIds"));
            query.put("pageSize", input.whole("pageSize", 100));
            input.instant("createdSince").ifPresent(time -> query.put("createdSince", time.toString()));
            input.instant("createdUntil").ifPresent(time -> query.put("createdUntil", time.toString()));
        }
        int maxPages = (int) input.whole("maxPages", 5);
        List<Map<String, Object>> reports = new ArrayList<>();
        String nextToken = pages(query, maxPages, reports);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reports", new ArrayList<Object>(reports));
        answer.put("complete", nextToken == null);
        answer.put("nextToken", nextToken);
        return answer;
    }

    /** Follows getReports pages into {@code reports}; answers the NextToken left when cut short. */
    private String pages(Map<String, Object> firstQuery, int maxPages, List<Map<String, Object>> reports)
            throws ConnectorException {
        Map<String, Object> query = firstQuery;
        String nextToken;
        int pages = 0;
        do {
            Map<String, Object> page = object("getReports", client.get("getReports", REPORTS, query));
            if (page.get("reports") instanceof List<?> list) {
                for (Object report : list) {
                    if (report instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> typed = (Map<String, Object>) map;
                        reports.add(typed);
                    }
                }
            }
            nextToken = page.get("nextToken") instanceof String token && !token.isBlank() ? token : null;
            // nextToken must be the only parameter when paging
            query = new LinkedHashMap<>();
            query.put("nextToken", nextToken);
            pages++;
        } while (nextToken != null && pages < maxPages
                && client.call().remaining().compareTo(OrdersOperations.PAGE_MARGIN) > 0);
        return nextToken;
    }

    /** The document read by its header row; the pre-signed URL itself is not answered. */
    Map<String, Object> getReportDocument(Input input) throws ConnectorException {
        String documentId = input.requiredText("reportDocumentId");
        FlatFile file = document(documentId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reportDocumentId", documentId);
        answer.put("columns", new ArrayList<Object>(file.columns()));
        answer.put("rows", file.plainRows());
        answer.put("rowCount", (long) file.rows().size());
        return answer;
    }

    private FlatFile document(String documentId) throws ConnectorException {
        Map<String, Object> info = object("getReportDocument",
                client.send("getReportDocument", "GET", DOCUMENTS + "/" + SpApiClient.encode(documentId), null));
        if (!(info.get("url") instanceof String url)) {
            throw ConnectorException.permanentFailure("RemoteError", "getReportDocument answered no url for "
                    + documentId, null, null);
        }
        Object compression = info.get("compressionAlgorithm");
        if (compression != null && !"GZIP".equals(compression)) {
            throw ConnectorException.permanentFailure("MalformedDocument", "report document " + documentId
                    + " uses the unknown compression " + compression, null, null);
        }
        return FlatFile.parse(documents.download(url, "GZIP".equals(compression), client.call().deadline()));
    }

    /** One settlement from a settlement report ({@code reportId}) or its document ({@code reportDocumentId}). */
    Map<String, Object> getSettlementReport(Input input) throws ConnectorException {
        String documentId = input.text("reportDocumentId").orElse(null);
        String reportId = input.text("reportId").orElse(null);
        if (documentId == null) {
            if (reportId == null) {
                throw input.invalid("reportId", "or reportDocumentId is required");
            }
            Map<String, Object> report = report(reportId, true);
            if (!String.valueOf(report.get("reportType")).startsWith("GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE")) {
                throw input.invalid("reportId", "names a " + report.get("reportType") + " report, not a flat-file "
                        + "settlement report");
            }
            documentId = String.valueOf(report.get("reportDocumentId"));
        }
        return settlement(reportId, documentId);
    }

    private Map<String, Object> settlement(String reportId, String documentId) throws ConnectorException {
        Map<String, Object> settlement = new LinkedHashMap<>();
        settlement.put("reportId", reportId);
        settlement.put("reportDocumentId", documentId);
        settlement.putAll(SettlementReports.settlement(document(documentId)));
        return settlement;
    }

    /**
     * The settlement reports Amazon published since the cursor (the first poll looks back the connection's
     * settlement lookback), oldest first, at most {@link #SETTLEMENTS_PER_POLL}, each a record keyed by its
     * settlement id.
     */
    Map<String, Object> pollSettlementReports(Input input) throws ConnectorException {
        PollCursor cursor;
        if (input.text("cursor").isPresent()) {
            cursor = PollCursor.parse(input.text("cursor").get())
                    .orElseThrow(() -> input.invalid("cursor", "is not a cursor pollSettlementReports wrote"));
        } else {
            cursor = new PollCursor(Instant.now().minus(client.settings().settlementLookback())
                    .truncatedTo(ChronoUnit.SECONDS), Set.of());
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("reportTypes", List.of(SettlementReports.REPORT_TYPE));
        query.put("processingStatuses", List.of("DONE"));
        query.put("pageSize", 100L);
        query.put("createdSince", cursor.after().toString());
        List<Map<String, Object>> reports = new ArrayList<>();
        pages(query, 10, reports);
        List<Map<String, Object>> fresh = new ArrayList<>();
        for (Map<String, Object> report : reports) {
            if (!cursor.seen(String.valueOf(report.get("reportId")), created(report))) {
                fresh.add(report);
            }
        }
        fresh.sort(Comparator.comparing((Map<String, Object> report) -> created(report))
                .thenComparing(report -> String.valueOf(report.get("reportId"))));
        List<Object> records = new ArrayList<>();
        PollCursor next = cursor;
        for (Map<String, Object> report : fresh) {
            if (records.size() >= SETTLEMENTS_PER_POLL
                    || client.call().remaining().compareTo(OrdersOperations.PAGE_MARGIN) < 0) {
                break;
            }
            String reportId = String.valueOf(report.get("reportId"));
            Map<String, Object> settlement = settlement(reportId, String.valueOf(report.get("reportDocumentId")));
            Object key = settlement.get("settlementId") == null ? "report-" + reportId : settlement.get("settlementId");
            records.add(Map.of("key", String.valueOf(key), "data", settlement));
            next = next.advance(reportId, created(report));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("records", records);
        answer.put("cursor", next.write());
        return answer;
    }

    private static Instant created(Map<String, Object> report) {
        try {
            return Instant.parse(String.valueOf(report.get("createdTime")));
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String operation, Object answer) throws ConnectorException {
        if (answer instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw ConnectorException.permanentFailure("RemoteError", operation + " answered no JSON object", null, null);
    }
}
