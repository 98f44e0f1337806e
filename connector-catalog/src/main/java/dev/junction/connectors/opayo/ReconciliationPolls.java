package dev.junction.connectors.opayo;

import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationCall;
import org.w3c.dom.Element;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reconciliation polls over the Reporting API: {@code pollTransactions} ({@code getTransactionList}) and
 * {@code pollBatches} ({@code getBatchList}). Each poll reads one date window — from the cursor (the first poll: the
 * {@code reportingLookbackHours} setting back) to at most {@link #MAX_WINDOW} later and never nearer to now than
 * {@link #SETTLING} — page by page, and answers the rows not answered before with the window's end as the cursor.
 */
final class ReconciliationPolls {

    /** The most one poll reads, so a long outage catches up over several polls. */
    static final Duration MAX_WINDOW = Duration.ofDays(1);
    /** How long a row may take to become visible after the date it carries: the window ends this far before now. */
    static final Duration SETTLING = Duration.ofSeconds(10);
    static final int ROWS_PER_PAGE = 50;
    /** Pages one poll reads at most; a longer list resumes next poll at the newest date read. */
    static final int MAX_PAGES = 20;
    // UNCONFIRMED (api-contracts §2.10): dates in requests are dd/MM/yyyy HH:mm:ss in UK time, both bounds
    // inclusive, to the second.
    static final DateTimeFormatter REQUEST_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");
    static final ZoneId UK = ZoneId.of("Europe/London");

    private final OpayoReporting reporting;
    private final Clock clock;

    ReconciliationPolls(OpayoReporting reporting, Clock clock) {
        this.reporting = reporting;
        this.clock = clock;
    }

    /** One list command: the row element, its id and date children, and how a row becomes a record's data. */
    private record Listing(String operation, String command, String rowElement, String idField, String dateField,
                           RowReader reader) {
    }

    @FunctionalInterface
    private interface RowReader {
        Map<String, Object> read(Element row, String id, Instant date) throws ConnectorException;
    }

    private record Row(String id, Instant date, Map<String, Object> data) {
    }

    // UNCONFIRMED (api-contracts §2.10): getTransactionList takes <startdate>/<enddate> and <startrow>/<endrow>
    // (1-based, inclusive) and answers <transactions><totalrows/><transaction> rows with <vpstxid>,
    // <vendortxcode>, <transactiontype>, <status>, <amount>, <currency>, <started>, <batchid> and <cardtype>,
    // sorted by <started> — the same names getTransactionDetail is read with.
    Map<String, Object> pollTransactions(OperationCall call) throws ConnectorException {
        return poll(new Listing(OpayoDescriptor.POLL_TRANSACTIONS, "getTransactionList", "transaction", "vpstxid",
                "started", ReconciliationPolls::transaction), call);
    }

    // UNCONFIRMED (api-contracts §2.10): getBatchList takes the same window and rows and answers
    // <batches><totalrows/><batch> rows with <batchid>, <batchdate>, <transactioncount> and
    // <totals><total> per <currency> and <cardtype> with <count> and <amount> (net, minor units), sorted by date.
    Map<String, Object> pollBatches(OperationCall call) throws ConnectorException {
        return poll(new Listing(OpayoDescriptor.POLL_BATCHES, "getBatchList", "batch", "batchid", "batchdate",
                ReconciliationPolls::batch), call);
    }

    private Map<String, Object> poll(Listing listing, OperationCall call) throws ConnectorException {
        ConnectionAccess connection = call.connection();
        OpayoSettings settings = OpayoSettings.of(connection);
        connection.requiredSetting(OpayoSettings.REPORTING_USER);
        connection.requiredSecret(OpayoSettings.REPORTING_PASSWORD);
        Duration lookback = OpayoSettings.reportingLookback(connection);
        Instant now = clock.instant();
        ReportingCursor cursor = cursor(listing.operation(), call.input())
                .orElseGet(() -> new ReportingCursor(now.minus(lookback).truncatedTo(ChronoUnit.SECONDS), Set.of()));
        Instant latest = now.minus(SETTLING).truncatedTo(ChronoUnit.SECONDS);
        if (cursor.after().isAfter(latest)) {
            return answer(List.of(), cursor);
        }
        Instant end = cursor.after().plus(MAX_WINDOW).isBefore(latest) ? cursor.after().plus(MAX_WINDOW) : latest;

        List<Row> rows = new ArrayList<>();
        boolean complete = false;
        long startRow = 1;
        for (int page = 0; page < MAX_PAGES && !complete; page++) {
            String params = ReportingXml.element("startdate", REQUEST_DATE.format(cursor.after().atZone(UK)))
                    + ReportingXml.element("enddate", REQUEST_DATE.format(end.atZone(UK)))
                    + ReportingXml.element("startrow", String.valueOf(startRow))
                    + ReportingXml.element("endrow", String.valueOf(startRow + ROWS_PER_PAGE - 1));
            OpayoReporting.Answer answer = reporting.send(listing.command(), params, "", settings, connection,
                    call.deadline());
            // UNCONFIRMED (api-contracts §2.10): an empty window may be answered 0043 ("not found") as well as
            // 0000 with no rows; both mean no rows.
            if (answer.errorCode().equals(OpayoReporting.NOT_FOUND)) {
                complete = true;
                break;
            }
            if (!answer.errorCode().equals(OpayoReporting.OK)) {
                throw OpayoReporting.refusal(listing.command(), answer);
            }
            List<Element> elements = ReportingXml.elements(answer.document(), listing.rowElement());
            for (Element element : elements) {
                String id = OpayoReporting.withoutBraces(ReportingXml.childText(element, listing.idField())
                        .orElseThrow(() -> unexpected(listing, "a row without <" + listing.idField() + ">")));
                Instant date = date(listing, ReportingXml.childText(element, listing.dateField()).orElse(""));
                rows.add(new Row(id, date, listing.reader().read(element, id, date)));
            }
            long total = ReportingXml.text(answer.document(), "totalrows").flatMap(ReconciliationPolls::whole)
                    .orElse(startRow - 1 + elements.size());
            startRow += elements.size();
            complete = elements.isEmpty() || startRow > total;
        }
        rows.sort(Comparator.comparing(Row::date).thenComparing(Row::id));
        List<Map<String, Object>> records = new ArrayList<>();
        ReportingCursor next = cursor;
        for (Row row : rows) {
            // next starts as the cursor, so this leaves out rows answered before and a row met twice (pages that
            // shifted while being read)
            if (row.date().isBefore(cursor.after()) || row.date().isAfter(end) || next.seen(row.id(), row.date())) {
                continue;
            }
            records.add(Map.of("key", row.id(), "data", row.data()));
            next = next.advance(row.id(), row.date());
        }
        return answer(records, complete ? next.closedAt(end) : next);
    }

    private static Optional<ReportingCursor> cursor(String operation, Map<String, Object> input)
            throws ConnectorException {
        Object value = input.get("cursor");
        if (value == null || value instanceof String text && text.isBlank()) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            Optional<ReportingCursor> cursor = ReportingCursor.parse(text);
            if (cursor.isPresent()) {
                return cursor;
            }
        }
        throw ConnectorException.permanentFailure("InvalidInput", "cursor: is not a cursor " + operation
                + " wrote (an ISO date-time, optionally followed by | and the ids seen then)", null, null);
    }

    private static Map<String, Object> answer(List<Map<String, Object>> records, ReportingCursor cursor) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("records", records);
        answer.put("cursor", cursor.write());
        return answer;
    }

    private static Map<String, Object> transaction(Element row, String id, Instant started) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", id);
        Optional<String> currency = ReportingXml.childText(row, "currency");
        put(data, "vendorTxCode", ReportingXml.childText(row, "vendortxcode"));
        put(data, "transactionType", ReportingXml.childText(row, "transactiontype"));
        put(data, "status", ReportingXml.childText(row, "status"));
        ReportingXml.childText(row, "amount").ifPresent(amount -> data.put("amount", minorUnits(amount, currency)));
        put(data, "currency", currency);
        data.put("started", started.toString());
        put(data, "batchId", ReportingXml.childText(row, "batchid"));
        put(data, "cardType", ReportingXml.childText(row, "cardtype"));
        // UNCONFIRMED (api-contracts §2.10): the check outcomes, fee and original transaction of a row, when the
        // list carries them (getTransactionDetail's names); read so reconciliation can give fraud hints and post fees
        put(data, "threeDSecureStatus", ReportingXml.childText(row, "threedsecurestatus"));
        put(data, "avsCvcStatus", ReportingXml.childText(row, "avscv2status"));
        put(data, "securityCodeResult", ReportingXml.childText(row, "cv2result"));
        ReportingXml.childText(row, "fee").ifPresent(fee -> data.put("fee", minorUnits(fee, currency)));
        ReportingXml.childText(row, "relatedvpstxid").map(OpayoReporting::withoutBraces)
                .ifPresent(related -> data.put("relatedTransactionId", related));
        return data;
    }

    private static Map<String, Object> batch(Element row, String id, Instant date) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("batchId", id);
        data.put("batchDate", date.toString());
        ReportingXml.childText(row, "transactioncount").flatMap(ReconciliationPolls::whole)
                .ifPresent(count -> data.put("transactionCount", count));
        List<Map<String, Object>> totals = new ArrayList<>();
        for (Element total : ReportingXml.elements(row.getOwnerDocument(), "total")) {
            if (total.getParentNode() == null || total.getParentNode().getParentNode() != row) {
                continue;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            Optional<String> currency = ReportingXml.childText(total, "currency");
            put(line, "currency", currency);
            put(line, "cardType", ReportingXml.childText(total, "cardtype"));
            ReportingXml.childText(total, "count").flatMap(ReconciliationPolls::whole)
                    .ifPresent(count -> line.put("count", count));
            ReportingXml.childText(total, "amount").ifPresent(amount -> line.put("amount",
                    minorUnits(amount, currency)));
            totals.add(line);
        }
        data.put("totals", totals);
        return data;
    }

    private static void put(Map<String, Object> data, String name, Optional<String> value) {
        value.ifPresent(text -> data.put(name, text));
    }

    /**
     * An amount in minor units: a whole number as it is (as getTransactionDetail answers it), a decimal one
     * ({@code 12.50}) scaled by the currency's minor digits; text that is neither is answered as it came.
     */
    // UNCONFIRMED (api-contracts §2.10): the Reporting API's amounts are whole minor units like Pi's; decimal
    // major units are read too in case it answers those.
    static Object minorUnits(String amount, Optional<String> currency) {
        try {
            BigDecimal value = new BigDecimal(amount.trim());
            if (value.scale() <= 0) {
                return value.longValueExact();
            }
            int digits = currency.map(code -> {
                try {
                    return Currency.getInstance(code).getDefaultFractionDigits();
                } catch (IllegalArgumentException unknown) {
                    return 2;
                }
            }).orElse(2);
            return value.movePointRight(Math.max(digits, 0)).setScale(0, java.math.RoundingMode.UNNECESSARY)
                    .longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return amount;
        }
    }

    /** A row's date to the second: an ISO date-time with offset, or dd/MM/yyyy HH:mm:ss[.SSS] in UK time. */
    private static Instant date(Listing listing, String text) throws ConnectorException {
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException notIso) {
            try {
                String seconds = text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
                return LocalDateTime.parse(seconds, REQUEST_DATE).atZone(UK).toInstant();
            } catch (DateTimeParseException notUk) {
                throw unexpected(listing, "a row whose <" + listing.dateField() + "> is not a date: '" + text + "'");
            }
        }
    }

    private static Optional<Long> whole(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ConnectorException unexpected(Listing listing, String what) {
        return ConnectorException.permanentFailure("UnexpectedAnswer", "the Reporting API answered "
                + listing.command() + " with " + what, null, null);
    }
}
