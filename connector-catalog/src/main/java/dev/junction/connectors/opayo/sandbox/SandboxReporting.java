package dev.junction.connectors.opayo.sandbox;

import dev.junction.connectors.sandbox.SimulatorExchange;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * Opayo's Reporting &amp; Admin API (api-contracts §2.10) over the {@link SandboxTransactions}: one form field
 * {@code XML} holding {@code <vspaccess>…<signature>…</signature></vspaccess>}, the signature checked,
 * {@code getTransactionDetail} by vendortxcode (or vpstxid), {@code getTransactionList} and {@code getBatchList} over
 * a date window, paged. Written from the contract, apart from the connector's own signing.
 */
final class SandboxReporting {

    /** The commands the simulator answers, each a fault point of its own name. */
    static final List<String> COMMANDS = List.of("getTransactionDetail", "getTransactionList", "getBatchList");
    static final int DEFAULT_ROWS_PER_PAGE = 50;
    // UNCONFIRMED (api-contracts §2.10): list requests carry dates as dd/MM/yyyy HH:mm:ss in UK time.
    private static final DateTimeFormatter REPORTING_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");
    private static final Pattern COMMAND = Pattern.compile("<command>\\s*([A-Za-z]+)\\s*</command>");

    private final Clock clock;
    private final SandboxTransactions transactions;
    private final int rowsPerPage;
    private final Function<Instant, String> dates;

    SandboxReporting(Clock clock, SandboxTransactions transactions, int rowsPerPage, Function<Instant, String> dates) {
        this.clock = clock;
        this.transactions = transactions;
        this.rowsPerPage = rowsPerPage;
        this.dates = dates;
    }

    /** The command a request names (before anything is checked, for its fault point); empty text when none. */
    static String command(String xml) {
        Matcher named = COMMAND.matcher(xml);
        return named.find() ? named.group(1) : "";
    }

    /** Answers one Reporting API request whose form field {@code XML} is {@code xml}. */
    void answer(SimulatorExchange exchange, String xml) throws IOException {
        String command = command(xml);
        int start = xml.indexOf("<vspaccess>");
        int signatureAt = xml.indexOf("<signature>");
        Document document;
        try {
            document = parse(xml);
        } catch (IOException | RuntimeException e) {
            respond(exchange, "0001", "The XML could not be read", "");
            return;
        }
        if (start < 0 || signatureAt < start) {
            respond(exchange, "0010", "The signature could not be validated", "");
            return;
        }
        String inner = xml.substring(start + "<vspaccess>".length(), signatureAt);
        String signature = text(document, "signature").orElse("");
        boolean signed = MessageDigest.isEqual(signature(inner, OpayoSimulator.REPORTING_PASSWORD).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
        if (!signed || !OpayoSimulator.REPORTING_USER.equals(text(document, "user").orElse(""))
                || !OpayoSimulator.VENDOR_NAME.equalsIgnoreCase(text(document, "vendor").orElse(""))) {
            respond(exchange, "0010", "The signature could not be validated", "");
            return;
        }
        switch (command) {
            case "getTransactionDetail" -> transactionDetail(exchange, document);
            case "getTransactionList" -> transactionList(exchange, document);
            case "getBatchList" -> batchList(exchange, document);
            default -> respond(exchange, "0002", "The sandbox knows only " + String.join(", ", COMMANDS), "");
        }
    }

    /**
     * The signature of §2.10: the uppercase hex MD5 of the inner XML with {@code <password>…</password>} after the
     * command's parameters.
     */
    // UNCONFIRMED (api-contracts §2.10): the password is written as escaped XML text and the text hashed as UTF-8.
    static String signature(String innerXml, String password) {
        return md5UpperHex(innerXml + element("password", password));
    }

    /** Uppercase hex MD5 of UTF-8 text: how Opayo's Reporting API and Server notifications sign. */
    static String md5UpperHex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).toUpperCase(Locale.ROOT);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    private void transactionDetail(SimulatorExchange exchange, Document document) throws IOException {
        Optional<SimulatedTransaction> found = transactions.find(text(document, "vendortxcode"),
                text(document, "vpstxid"));
        if (found.isEmpty()) {
            respond(exchange, "0043", "The transaction could not be found", "");
            return;
        }
        SimulatedTransaction transaction = found.get();
        respond(exchange, "0000", null, element("vpstxid", "{" + transaction.transactionId + "}")
                + element("vendortxcode", transaction.vendorTxCode)
                + element("transactiontype", transaction.transactionType)
                + element("status", transaction.statusDetail)
                + element("amount", String.valueOf(transaction.amount))
                + element("currency", String.valueOf(transaction.currency))
                + element("started", dates.apply(transaction.created.toInstant())));
    }

    /** One page of a list: the rows from startrow to endrow (1-based, at most the simulator's rows per page). */
    private record Page(long totalRows, long startRow, List<String> rows) {
        String xml(String container) {
            return "<" + container + ">" + element("totalrows", String.valueOf(totalRows))
                    + element("startrow", String.valueOf(startRow))
                    + element("endrow", String.valueOf(startRow + rows.size() - 1))
                    + String.join("", rows) + "</" + container + ">";
        }
    }

    /** The window's bounds (inclusive, whole seconds), or empty when a date is missing or unreadable. */
    private Optional<Instant[]> window(Document document) {
        try {
            Instant start = LocalDateTime.parse(text(document, "startdate").orElse(""), REPORTING_DATE)
                    .atZone(clock.getZone()).toInstant();
            Instant end = LocalDateTime.parse(text(document, "enddate").orElse(""), REPORTING_DATE)
                    .atZone(clock.getZone()).toInstant();
            return Optional.of(new Instant[]{start, end});
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Page page(Document document, List<String> all) {
        long startRow = Math.max(1, text(document, "startrow").map(SandboxReporting::whole).orElse(1L));
        long endRow = text(document, "endrow").map(SandboxReporting::whole).orElse(startRow + rowsPerPage - 1);
        long rows = Math.max(0, Math.min(endRow - startRow + 1, rowsPerPage));
        int from = (int) Math.min(all.size(), startRow - 1);
        int to = (int) Math.min(all.size(), from + rows);
        return new Page(all.size(), startRow, all.subList(from, to));
    }

    private static long whole(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    // UNCONFIRMED (api-contracts §2.10): getTransactionList answers <transactions> with <totalrows>, <startrow>,
    // <endrow> and <transaction> rows (by <started>, then id) carrying the names getTransactionDetail answers, plus
    // <batchid> once settled and <cardtype>; amounts in minor units; an empty window is 0000 with no rows.
    private void transactionList(SimulatorExchange exchange, Document document) throws IOException {
        Optional<Instant[]> window = window(document);
        if (window.isEmpty()) {
            respond(exchange, "0004", "startdate and enddate must be dd/mm/yyyy hh:mm:ss", "");
            return;
        }
        List<String> rows = new ArrayList<>();
        synchronized (transactions) {
            for (SimulatedTransaction transaction : transactions.startedWithin(window.get()[0], window.get()[1])) {
                rows.add("<transaction>" + element("vpstxid", "{" + transaction.transactionId + "}")
                        + element("vendortxcode", transaction.vendorTxCode)
                        + element("transactiontype", transaction.transactionType)
                        + element("status", transaction.statusDetail)
                        + element("amount", String.valueOf(transaction.amount))
                        + element("currency", String.valueOf(transaction.currency))
                        + element("started", dates.apply(transaction.created.toInstant()))
                        + (transaction.batchId == null ? "" : element("batchid", transaction.batchId))
                        + element("cardtype", transaction.settledCardType())
                        + scenarioElements(transaction)
                        + "</transaction>");
            }
        }
        respond(exchange, "0000", null, page(document, rows).xml("transactions"));
    }

    // UNCONFIRMED (api-contracts §2.10): getBatchList answers <batches> with <batch> rows (by <batchdate>) carrying
    // <batchid>, <batchdate>, <transactioncount> and <totals><total> per currency and card type with <count> and
    // the net <amount> in minor units (refunds subtracted).
    private void batchList(SimulatorExchange exchange, Document document) throws IOException {
        Optional<Instant[]> window = window(document);
        if (window.isEmpty()) {
            respond(exchange, "0004", "startdate and enddate must be dd/mm/yyyy hh:mm:ss", "");
            return;
        }
        List<String> rows = new ArrayList<>();
        synchronized (transactions) {
            for (SandboxTransactions.SettlementBatch batch : transactions.batchesWithin(window.get()[0],
                    window.get()[1])) {
                Map<String, long[]> totals = new TreeMap<>();
                for (SimulatedTransaction transaction : batch.transactions()) {
                    long[] total = totals.computeIfAbsent(transaction.currency + "|"
                            + transaction.settledCardType(), key -> new long[2]);
                    total[0]++;
                    total[1] += transaction.settledAmount();
                }
                StringBuilder row = new StringBuilder("<batch>")
                        .append(element("batchid", batch.batchId()))
                        .append(element("batchdate", dates.apply(batch.date().toInstant())))
                        .append(element("transactioncount", String.valueOf(batch.transactions().size())))
                        .append("<totals>");
                totals.forEach((key, total) -> row.append("<total>")
                        .append(element("currency", key.substring(0, key.indexOf('|'))))
                        .append(element("cardtype", key.substring(key.indexOf('|') + 1)))
                        .append(element("count", String.valueOf(total[0])))
                        .append(element("amount", String.valueOf(total[1])))
                        .append("</total>"));
                rows.add(row.append("</totals></batch>").toString());
            }
        }
        respond(exchange, "0000", null, page(document, rows).xml("batches"));
    }

    /** The extra elements of a reconciliation scenario's transaction (none for the others). */
    private static String scenarioElements(SimulatedTransaction transaction) {
        StringBuilder elements = new StringBuilder();
        if (transaction.threeDSecureStatus != null) {
            elements.append(element("threedsecurestatus", transaction.threeDSecureStatus));
        }
        if (transaction.avsCvcStatus != null) {
            elements.append(element("avscv2status", transaction.avsCvcStatus));
        }
        if (transaction.securityCodeResult != null) {
            elements.append(element("cv2result", transaction.securityCodeResult));
        }
        if (transaction.fee > 0) {
            elements.append(element("fee", String.valueOf(transaction.fee)));
        }
        if (transaction.transactionType.equals("Refund") && transaction.reference != null) {
            elements.append(element("relatedvpstxid", "{" + transaction.reference.transactionId + "}"));
        }
        return elements.toString();
    }

    /** Answers {@code <vspaccess>} with the error code, the error text (null for none), a timestamp and content. */
    void respond(SimulatorExchange exchange, String code, String error, String content) throws IOException {
        exchange.respond(200, "application/xml; charset=utf-8", "<vspaccess>" + element("errorcode", code)
                + (error == null ? "" : element("error", error))
                + element("timestamp", dates.apply(clock.instant())) + content + "</vspaccess>");
    }

    private static String element(String name, String text) {
        return "<" + name + ">" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;") + "</" + name + ">";
    }

    /** Reads a document with DTDs and external entities refused. */
    private static Document parse(String xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not readable XML: " + e.getMessage(), e);
        }
    }

    /** The trimmed text of the first element of that name; empty when there is none. */
    private static Optional<String> text(Document document, String name) {
        NodeList nodes = document.getElementsByTagName(name);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of(nodes.item(0).getTextContent().trim());
    }
}
