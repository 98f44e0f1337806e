package dev.junction.connectors.amazon.sandbox;

import dev.junction.connectors.amazon.sandbox.SpApiAnswers.InvalidInput;
import dev.junction.connectors.amazon.sandbox.SpApiAnswers.NotFound;
import dev.junction.connectors.sandbox.reconciliation.ReconciliationScenario;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Reports API 2021-06-30: requested reports go IN_QUEUE → IN_PROGRESS → DONE one step per getReport read (or end
 * FATAL / CANCELLED when asked through {@code reportOptions.sandboxOutcome}); two settlement reports
 * ({@code GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2}) exist from the start, as Amazon generates them. Documents
 * are tab-separated text, gzipped (with {@code compressionAlgorithm: GZIP}) except the listings report, served at
 * a pre-signed URL that works for five minutes.
 */
final class SandboxReports {

    static final String SETTLEMENT_V2 = "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2";
    static final Duration URL_LIFETIME = Duration.ofMinutes(5);
    private static final List<String> SETTLEMENT_COLUMNS = List.of("settlement-id", "settlement-start-date",
            "settlement-end-date", "deposit-date", "total-amount", "currency", "transaction-type", "order-id",
            "merchant-order-id", "adjustment-id", "shipment-id", "marketplace-name", "amount-type",
            "amount-description", "amount", "fulfillment-id", "posted-date", "posted-date-time", "order-item-code",
            "merchant-order-item-id", "merchant-adjustment-item-id", "sku", "quantity-purchased", "promotion-id");
    private static final DateTimeFormatter SETTLEMENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private static final class Report {
        final String id;
        final String type;
        final List<String> marketplaceIds;
        final Instant created;
        final String outcome;
        String status = "IN_QUEUE";
        Instant started;
        Instant ended;
        String documentId;

        Report(String id, String type, List<String> marketplaceIds, Instant created, String outcome) {
            this.id = id;
            this.type = type;
            this.marketplaceIds = marketplaceIds;
            this.created = created;
            this.outcome = outcome;
        }
    }

    private record Document(byte[] bytes, boolean gzipped) {
    }

    /** The reports a getReports chain has still to answer, and its page size. */
    private record Remaining(List<String> reportIds, int pageSize) {
    }

    private final Map<String, Report> reports = new LinkedHashMap<>();
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, Instant> signatures = new ConcurrentHashMap<>();
    private final Map<String, Remaining> pages = new ConcurrentHashMap<>();
    private int nextId = 50001;

    SandboxReports(Instant now, SandboxOrders orders) {
        // the newer settlement ends at yesterday's midnight and its report is made at 03:00 after that: in the past
        // at any time of day (ending today, the report was made in the future until 03:00 UTC and was not found)
        Instant start = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(29));
        seedSettlement("24288000001", start, start.plus(Duration.ofDays(14)), orders, false);
        seedSettlement("24288000002", start.plus(Duration.ofDays(14)), start.plus(Duration.ofDays(28)), orders, true);
    }

    private void seedSettlement(String settlementId, Instant from, Instant to, SandboxOrders orders,
                                boolean localNumbers) {
        Report report = new Report(String.valueOf(nextId++), SETTLEMENT_V2, List.of(SpApiSimulator.MARKETPLACE_DE),
                to.plus(Duration.ofHours(3)), "DONE");
        report.status = "DONE";
        report.started = report.created;
        report.ended = report.created.plus(Duration.ofMinutes(1));
        report.documentId = document(settlementFile(settlementId, from, to, orders, localNumbers), true);
        reports.put(report.id, report);
    }

    /**
     * A V2 settlement file: the summary row, then per shipped order line a principal and a commission row; the
     * second settlement writes amounts with a decimal comma, as EU marketplaces do.
     */
    private static String settlementFile(String settlementId, Instant from, Instant to, SandboxOrders orders,
                                         boolean localNumbers) {
        List<List<String>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int shipment = 1;
        for (Map<String, String> line : orders.shippedLines()) {
            if (!line.get("currency").equals("EUR") && localNumbers) {
                continue;
            }
            BigDecimal principal = new BigDecimal(line.get("amount"));
            BigDecimal commission = principal.multiply(new BigDecimal("-0.15"))
                    .setScale(2, RoundingMode.HALF_UP);
            total = total.add(principal).add(commission);
            String posted = to.minus(Duration.ofDays(2)).toString();
            for (String[] amount : new String[][]{{"ItemPrice", "Principal", principal.toPlainString()},
                    {"ItemFees", "Commission", commission.toPlainString()}}) {
                rows.add(List.of("", "", "", "", "", "", "Order", line.get("orderId"), "", "", "S" + shipment,
                        localNumbers ? "Amazon.de" : "Amazon.com", amount[0], amount[1],
                        number(amount[2], localNumbers), line.get("channel"), posted.substring(0, 10),
                        SETTLEMENT_TIME.format(Instant.parse(posted)), line.get("itemId"), "", "", line.get("sku"),
                        line.get("quantity"), ""));
            }
            shipment++;
        }
        StringBuilder file = new StringBuilder(String.join("\t", SETTLEMENT_COLUMNS)).append('\n');
        List<String> summary = new ArrayList<>(List.of(settlementId, SETTLEMENT_TIME.format(from),
                SETTLEMENT_TIME.format(to), SETTLEMENT_TIME.format(to.plus(Duration.ofDays(1))),
                number(total.toPlainString(), localNumbers), localNumbers ? "EUR" : "USD"));
        while (summary.size() < SETTLEMENT_COLUMNS.size()) {
            summary.add("");
        }
        file.append(String.join("\t", summary)).append('\n');
        for (List<String> row : rows) {
            file.append(String.join("\t", row)).append('\n');
        }
        return file.toString();
    }

    /**
     * Adds a reconciliation scenario's settlement as a V2 settlement report Amazon made just now (DONE, gzipped
     * document); answers its report id.
     */
    synchronized String addSettlement(ReconciliationScenario scenario) {
        Report report = new Report(String.valueOf(nextId++), SETTLEMENT_V2, List.of(SpApiSimulator.MARKETPLACE_DE),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), "DONE");
        report.status = "DONE";
        report.started = report.created;
        report.ended = report.created;
        report.documentId = document(scenarioFile(scenario), true);
        reports.put(report.id, report);
        return report.id;
    }

    private static String scenarioFile(ReconciliationScenario scenario) {
        StringBuilder file = new StringBuilder(String.join("\t", SETTLEMENT_COLUMNS)).append('\n');
        List<String> summary = new ArrayList<>(List.of(scenario.settlementId(),
                SETTLEMENT_TIME.format(scenario.start().atStartOfDay(ZoneOffset.UTC)),
                SETTLEMENT_TIME.format(scenario.end().atStartOfDay(ZoneOffset.UTC)),
                SETTLEMENT_TIME.format(scenario.depositDate().atStartOfDay(ZoneOffset.UTC)),
                BigDecimal.valueOf(scenario.totalMinor(), 2).toPlainString(), ReconciliationScenario.CURRENCY));
        while (summary.size() < SETTLEMENT_COLUMNS.size()) {
            summary.add("");
        }
        file.append(String.join("\t", summary)).append('\n');
        for (ReconciliationScenario.Row row : scenario.rows()) {
            file.append(String.join("\t", List.of("", "", "", "", "", "", row.transactionType(),
                    blank(row.orderId()), "", blank(row.adjustmentId()), blank(row.shipmentId()),
                    ReconciliationScenario.MARKETPLACE, row.amountType(), row.amountDescription(),
                    BigDecimal.valueOf(row.amountMinor(), 2).toPlainString(), row.orderId() == null ? "" : "AFN",
                    row.postedDate().toString(), SETTLEMENT_TIME.format(row.postedDate().atTime(12, 0)
                            .atZone(ZoneOffset.UTC)), blank(row.orderItemCode()), "", "", blank(row.sku()),
                    row.quantity() == 0 ? "" : String.valueOf(row.quantity()), ""))).append('\n');
        }
        return file.toString();
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private static String number(String plain, boolean localNumbers) {
        return localNumbers ? plain.replace('.', ',') : plain;
    }

    /** POST /reports/2021-06-30/reports */
    synchronized Map<String, Object> create(Object body) {
        if (!(body instanceof Map<?, ?> request)) {
            throw new InvalidInput("body", "The request body must be a JSON object.");
        }
        if (!(request.get("reportType") instanceof String type) || type.isBlank()) {
            throw SpApiAnswers.invalid("reportType", "Member must not be null");
        }
        if (!(request.get("marketplaceIds") instanceof List<?> marketplaces) || marketplaces.isEmpty()
                || marketplaces.size() > 25) {
            throw SpApiAnswers.invalid("marketplaceIds", "Member must have between 1 and 25 elements");
        }
        if (type.startsWith("GET_V2_SETTLEMENT_REPORT_DATA")) {
            // UNCONFIRMED (api-contracts §1.6): settlement reports cannot be requested; the sandbox answers 400
            throw new InvalidInput("reportType", "Report type " + type + " cannot be requested; Amazon generates "
                    + "settlement reports on its own schedule.");
        }
        String outcome = request.get("reportOptions") instanceof Map<?, ?> options
                && options.get("sandboxOutcome") instanceof String wanted ? wanted : "DONE";
        Report report = new Report(String.valueOf(nextId++), type,
                marketplaces.stream().map(String::valueOf).toList(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                outcome);
        reports.put(report.id, report);
        return Map.of("reportId", report.id);
    }

    /** GET /reports/2021-06-30/reports/{id}: one step on, then the report. */
    synchronized Map<String, Object> read(String id) {
        Report report = find(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        switch (report.status) {
            case "IN_QUEUE" -> {
                report.status = "IN_PROGRESS";
                report.started = now;
            }
            case "IN_PROGRESS" -> {
                report.status = report.outcome;
                report.ended = now;
                if (report.status.equals("DONE")) {
                    report.documentId = document(listingsFile(), false);
                }
            }
            default -> {
            }
        }
        return render(report);
    }

    /** DELETE /reports/2021-06-30/reports/{id}: only IN_QUEUE reports. */
    synchronized void cancel(String id) {
        Report report = find(id);
        if (!report.status.equals("IN_QUEUE")) {
            throw new InvalidInput("reportId", "Report " + id + " cannot be cancelled in status " + report.status + ".");
        }
        report.status = "CANCELLED";
    }

    /** GET /reports/2021-06-30/reports */
    synchronized Map<String, Object> search(Map<String, List<String>> query) {
        Optional<String> nextToken = SandboxOrders.first(query, "nextToken");
        Remaining remaining;
        if (nextToken.isPresent()) {
            if (query.size() > 1) {
                throw new InvalidInput("nextToken", "nextToken must be the only parameter when paging.");
            }
            remaining = pages.remove(nextToken.get());
            if (remaining == null) {
                throw new InvalidInput("nextToken", "Invalid nextToken.");
            }
        } else {
            int pageSize = SandboxOrders.first(query, "pageSize").map(Integer::parseInt).orElse(10);
            if (pageSize < 1 || pageSize > 100) {
                throw SpApiAnswers.invalid("pageSize", "Member must be between 1 and 100");
            }
            List<String> types = SandboxOrders.csv(query, "reportTypes");
            List<String> statuses = SandboxOrders.csv(query, "processingStatuses");
            List<String> marketplaces = SandboxOrders.csv(query, "marketplaceIds");
            Instant since = SandboxOrders.instant(query, "createdSince").orElse(Instant.now().minus(Duration.ofDays(90)));
            Instant until = SandboxOrders.instant(query, "createdUntil").orElse(Instant.now());
            // UNCONFIRMED (api-contracts §1.6): the order of getReports; the sandbox answers the newest first
            remaining = new Remaining(reports.values().stream()
                    .filter(report -> types.isEmpty() || types.contains(report.type))
                    .filter(report -> statuses.isEmpty() || statuses.contains(report.status))
                    .filter(report -> marketplaces.isEmpty()
                            || report.marketplaceIds.stream().anyMatch(marketplaces::contains))
                    .filter(report -> !report.created.isBefore(since) && !report.created.isAfter(until))
                    .sorted(Comparator.comparing((Report report) -> report.created).reversed())
                    .map(report -> report.id)
                    .toList(), pageSize);
        }
        List<String> ids = remaining.reportIds();
        int size = remaining.pageSize();
        List<Object> page = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(size, ids.size()))) {
            page.add(render(reports.get(id)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reports", page);
        if (ids.size() > size) {
            String token = UUID.randomUUID().toString().replace("-", "");
            pages.put(token, new Remaining(ids.subList(size, ids.size()), size));
            answer.put("nextToken", token);
        }
        return answer;
    }

    /** GET /reports/2021-06-30/documents/{id} */
    Map<String, Object> documentInfo(String documentId, String baseUrl) {
        Document document = documents.get(documentId);
        if (document == null) {
            throw new NotFound("Report document " + documentId + " was not found.");
        }
        String signature = UUID.randomUUID().toString().replace("-", "");
        signatures.put(signature, Instant.now().plus(URL_LIFETIME));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reportDocumentId", documentId);
        answer.put("url", baseUrl + "/documents/" + documentId + "?X-Amz-Expires=300&X-Amz-Signature=" + signature);
        if (document.gzipped()) {
            answer.put("compressionAlgorithm", "GZIP");
        }
        return answer;
    }

    /** The document at a pre-signed URL, or empty when the signature is unknown or expired (S3 answers 403). */
    Optional<byte[]> download(String documentId, Optional<String> signature) {
        Document document = documents.get(documentId);
        Instant expires = signature.map(signatures::get).orElse(null);
        if (document == null || expires == null || Instant.now().isAfter(expires)) {
            return Optional.empty();
        }
        return Optional.of(document.bytes());
    }

    private String document(String text, boolean gzip) {
        String id = "amzn1.spdoc.1.4.na." + UUID.randomUUID();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        documents.put(id, new Document(gzip ? gzip(bytes) : bytes, gzip));
        return id;
    }

    private static String listingsFile() {
        StringBuilder file = new StringBuilder("item-name\tlisting-id\tseller-sku\tprice\tquantity\tasin1\tstatus\n");
        int listing = 1;
        for (SandboxCatalog.Product product : SandboxCatalog.PRODUCTS) {
            file.append(product.title()).append('\t').append("0105JN").append(listing++).append('\t')
                    .append(product.sku()).append('\t').append(product.price()).append('\t').append(10 * listing)
                    .append('\t').append(product.asin()).append('\t').append("Active").append('\n');
        }
        return file.toString();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Report find(String id) {
        Report report = reports.get(id);
        if (report == null) {
            throw new NotFound("Report " + id + " was not found.");
        }
        return report;
    }

    private static Map<String, Object> render(Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reportId", report.id);
        json.put("reportType", report.type);
        json.put("marketplaceIds", report.marketplaceIds);
        json.put("createdTime", report.created.toString());
        json.put("processingStatus", report.status);
        if (report.started != null) {
            json.put("processingStartTime", report.started.toString());
        }
        if (report.ended != null) {
            json.put("processingEndTime", report.ended.toString());
        }
        if (report.documentId != null) {
            json.put("reportDocumentId", report.documentId);
        }
        return json;
    }
}
