package dev.junction.connectors.dataverse.sandbox;

import dev.junction.connectors.dataverse.sandbox.EntityStore.StoredRow;
import dev.junction.connectors.dataverse.sandbox.EntityStore.Tombstone;
import dev.junction.connectors.sandbox.SimulatorCounters;
import dev.junction.connectors.sandbox.SimulatorExchange;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Web API routes of the simulator below {@code /api/data/v9.2/}: collection queries (with paging and change
 * tracking), single reads, create, update and upsert (also by alternate key) with {@code If-Match} /
 * {@code If-None-Match}, delete, the {@code FulfillSalesOrder} / {@code CancelSalesOrder} actions and WhoAmI.
 */
final class WebApi {

    private static final Pattern RESOURCE = Pattern.compile("([A-Za-z_]+)(?:\\((.+)\\))?");
    private static final Pattern SKIP_TOKEN = Pattern.compile("<cookie pagenumber=\"(\\d+)\" offset=\"(\\d+)\""
            + " snapshot=\"(\\d+)\" />");
    private static final Pattern DELTA_TOKEN = Pattern.compile("(\\d+)!.*");
    private static final Set<String> QUERY_OPTIONS = Set.of("$select", "$filter", "$orderby", "$expand", "$top",
            "$skiptoken", "$deltatoken");
    private static final Set<String> NOT_WITH_TRACKING = Set.of("$filter", "$orderby", "$expand", "$top");
    private static final DateTimeFormatter TOKEN_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_PAGE_SIZE = 5000;

    private final EntityStore store;
    private final SimulatorCounters counters;
    private final FaultPoint afterWrite;

    /** Answers a planned or drawn fault of an operation, if there is one; true when it answered. */
    @FunctionalInterface
    interface FaultPoint {
        boolean answered(SimulatorExchange exchange, String operation) throws IOException;
    }

    /**
     * @param afterWrite asked after every write (create, update, upsert, sales order action) with the operation's
     *                   name and {@code :afterWrite} (e.g. {@code POST contacts:afterWrite}): a fault there is an
     *                   answer lost after the side effect
     */
    WebApi(EntityStore store, SimulatorCounters counters, FaultPoint afterWrite) {
        this.store = store;
        this.counters = counters;
        this.afterWrite = afterWrite;
    }

    /** The name planned faults use for a request: {@code GET salesorders}, {@code POST FulfillSalesOrder}. */
    String operationName(String method, String resource) {
        Matcher matcher = RESOURCE.matcher(resource);
        return method + " " + (matcher.matches() ? matcher.group(1) : resource);
    }

    void handle(SimulatorExchange exchange, String resource) throws IOException {
        Matcher matcher = RESOURCE.matcher(resource);
        if (!matcher.matches()) {
            throw new ODataError(404, "", "Resource not found for the segment '" + resource + "'.");
        }
        String name = matcher.group(1);
        String key = matcher.group(2);
        String method = exchange.method();
        switch (name) {
            case "WhoAmI" -> {
                requireMethod(method, "GET", name);
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("@odata.context", apiUrl(exchange) + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
                answer.put("BusinessUnitId", DataverseSimulator.BUSINESS_UNIT_ID);
                answer.put("UserId", DataverseSimulator.USER_ID);
                answer.put("OrganizationId", DataverseSimulator.ORGANIZATION_ID);
                exchange.respondJson(200, answer);
            }
            case "FulfillSalesOrder" -> {
                requireMethod(method, "POST", name);
                closeOrder(exchange, 3, name);
            }
            case "CancelSalesOrder" -> {
                requireMethod(method, "POST", name);
                closeOrder(exchange, 2, name);
            }
            default -> {
                TableDefinition table = Tables.byEntitySet(name).orElseThrow(() -> new ODataError(404, "",
                        "Resource not found for the segment '" + name + "'."));
                switch (method + (key == null ? "" : " key")) {
                    case "GET" -> query(exchange, table);
                    case "POST" -> create(exchange, table);
                    case "GET key" -> read(exchange, table, key);
                    case "PATCH key" -> patch(exchange, table, key);
                    case "DELETE key" -> {
                        StoredRow row = store.resolve(table, key);
                        store.delete(table, row.values().get(table.primaryKey()).toString());
                        exchange.respond(204, "text/plain", "");
                    }
                    default -> throw new ODataError(405, ODataError.BAD_QUERY, "The HTTP method '" + method
                            + "' is not allowed on '" + resource + "'.");
                }
            }
        }
    }

    private void query(SimulatorExchange exchange, TableDefinition table) throws IOException {
        Map<String, List<String>> query = exchange.query();
        for (String option : query.keySet()) {
            if (option.startsWith("$") && !QUERY_OPTIONS.contains(option)) {
                throw ODataError.badQuery("The query option '" + option + "' is not supported by the sandbox.");
            }
        }
        Prefer prefer = Prefer.of(exchange);
        Optional<String> deltaToken = exchange.query("$deltatoken");
        boolean tracking = prefer.trackChanges() || deltaToken.isPresent();
        if (tracking) {
            for (String option : NOT_WITH_TRACKING) {
                if (query.containsKey(option)) {
                    throw ODataError.badQuery("The \"" + option
                            + "\" query parameter isn't supported when Change Tracking is enabled.");
                }
            }
        }
        Projection projection = Projection.parse(table, exchange.query("$select").orElse(null),
                exchange.query("$expand").orElse(null));
        Paging paging = Paging.of(exchange.query("$skiptoken"), store.version());
        List<Object> all = new ArrayList<>();
        if (deltaToken.isPresent()) {
            EntityStore.Changes changes = store.changesSince(table, since(deltaToken.get()));
            changes.changed().forEach(row -> all.add(projection.apply(row, store, prefer.annotations())));
            for (Tombstone deleted : changes.deleted()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("@odata.context", apiUrl(exchange) + "$metadata#" + table.entitySet() + "/$deletedEntity");
                entry.put("id", deleted.id());
                entry.put("reason", "deleted");
                all.add(entry);
            }
        } else {
            List<StoredRow> rows = new ArrayList<>(store.all(table));
            Predicate<Map<String, Object>> filter = exchange.query("$filter")
                    .map(text -> FilterParser.parse(text, table)).orElse(row -> true);
            rows.removeIf(row -> !filter.test(row.values()));
            exchange.query("$orderby").ifPresent(orderBy -> rows.sort(order(table, orderBy)));
            List<StoredRow> limited = prefer.maxPageSize().isEmpty() && query.containsKey("$top")
                    ? rows.subList(0, Math.min(rows.size(), top(exchange.query("$top").get()))) : rows;
            limited.forEach(row -> all.add(projection.apply(row, store, prefer.annotations())));
        }
        int pageSize = prefer.maxPageSize().orElse(MAX_PAGE_SIZE);
        int end = Math.min(all.size(), paging.offset() + pageSize);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("@odata.context", apiUrl(exchange) + "$metadata#" + table.entitySet()
                + exchange.query("$select").map(select -> "(" + select + ")").orElse(""));
        answer.put("value", paging.offset() >= all.size() ? List.of() : all.subList(paging.offset(), end));
        if (end < all.size()) {
            answer.put("@odata.nextLink", link(exchange, table, "$skiptoken", "<cookie pagenumber=\""
                    + (paging.page() + 1) + "\" offset=\"" + end + "\" snapshot=\"" + paging.snapshot() + "\" />"));
        } else if (tracking) {
            answer.put("@odata.deltaLink", link(exchange, table, "$deltatoken", paging.snapshot() + "!"
                    + TOKEN_TIME.format(Instant.now())));
        }
        prefer.applied(exchange, tracking);
        exchange.respondJson(200, answer);
    }

    private long since(String deltaToken) {
        Matcher matcher = DELTA_TOKEN.matcher(deltaToken);
        if (!matcher.matches()) {
            // UNCONFIRMED (api-contracts §3.11): a malformed or expired delta token answers 400.
            throw ODataError.badQuery("The delta token '" + deltaToken + "' is not valid; resynchronise.");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static Comparator<StoredRow> order(TableDefinition table, String orderBy) {
        Comparator<StoredRow> comparator = (a, b) -> 0;
        for (String clause : orderBy.split(",")) {
            String[] parts = clause.trim().split("\\s+");
            String column = parts[0];
            if (table.column(column).isEmpty()) {
                throw table.unknownProperty(column);
            }
            if (parts.length > 2 || (parts.length == 2 && !parts[1].equals("asc") && !parts[1].equals("desc"))) {
                throw ODataError.badQuery("Syntax error in $orderby at '" + clause.trim() + "'.");
            }
            Comparator<StoredRow> byColumn = Comparator.comparing(row -> (Comparable<Object>) comparable(
                    row.values().get(column)), Comparator.nullsFirst(Comparator.naturalOrder()));
            comparator = comparator.thenComparing(parts.length == 2 && parts[1].equals("desc")
                    ? byColumn.reversed() : byColumn);
        }
        return comparator;
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Object value) {
        if (value instanceof Number number) {
            return (Comparable<Object>) (Comparable<?>) Double.valueOf(number.doubleValue());
        }
        return value == null ? null : (Comparable<Object>) (Comparable<?>) value.toString().toLowerCase(Locale.ROOT);
    }

    private static int top(String text) {
        try {
            int top = Integer.parseInt(text);
            if (top < 0) {
                throw new NumberFormatException();
            }
            return top;
        } catch (NumberFormatException e) {
            throw ODataError.badQuery("Invalid value for $top: '" + text + "'.");
        }
    }

    private void read(SimulatorExchange exchange, TableDefinition table, String key) throws IOException {
        StoredRow row = store.resolve(table, key);
        Projection projection = Projection.parse(table, exchange.query("$select").orElse(null),
                exchange.query("$expand").orElse(null));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("@odata.context", apiUrl(exchange) + "$metadata#" + table.entitySet() + "/$entity");
        answer.putAll(projection.apply(row, store, Prefer.of(exchange).annotations()));
        exchange.respondJson(200, answer);
    }

    private void create(SimulatorExchange exchange, TableDefinition table) throws IOException {
        Map<String, Object> body = body(exchange);
        // Dataverse creates a second contact with the same e-mail address (duplicate detection is off for Web API
        // creates): a duplicate side effect; a create under an alternate key already used is refused, but counted
        boolean secondContact = table == Tables.CONTACTS && body.get("emailaddress1") instanceof String email
                && store.findByKey(table, "emailaddress1", email).isPresent();
        StoredRow created;
        try {
            created = store.create(table, body, null);
        } catch (ODataError refused) {
            if (ODataError.DUPLICATE_KEY.equals(refused.code())) {
                counters.duplicateSideEffect();
            }
            throw refused;
        }
        if (secondContact) {
            counters.duplicateSideEffect();
        }
        respondWritten(exchange, table, created, 201);
    }

    private void patch(SimulatorExchange exchange, TableDefinition table, String key) throws IOException {
        Map<String, Object> body = body(exchange);
        Optional<StoredRow> existing;
        String newId = null;
        if (key.contains("=")) {
            AlternateKey alternate = AlternateKey.parse(table, key);
            existing = store.findByKey(table, alternate.column(), alternate.value());
            if (body.containsKey(alternate.column())
                    && !alternate.value().equalsIgnoreCase(String.valueOf(body.get(alternate.column())))) {
                throw ODataError.invalidArgument("The body's '" + alternate.column()
                        + "' differs from the key in the URL.");
            }
            body = new LinkedHashMap<>(body);
            body.remove(alternate.column());
            if (existing.isEmpty()) {
                body.put(alternate.column(), alternate.value());
            }
        } else {
            existing = store.find(table, key);
            newId = key;
        }
        Optional<String> ifMatch = exchange.header("If-Match");
        boolean createOnly = exchange.header("If-None-Match").filter(value -> value.equals("*")).isPresent();
        if (existing.isPresent()) {
            if (createOnly) {
                throw new ODataError(412, ODataError.DUPLICATE_RECORD, "A record with matching key values already"
                        + " exists.");
            }
            if (ifMatch.isPresent() && !ifMatch.get().equals("*")
                    && !ifMatch.get().equals(Projection.etag(existing.get()))) {
                throw new ODataError(412, ODataError.VERSION_MISMATCH, "The version of the existing record doesn't"
                        + " match the RowVersion property provided.");
            }
            StoredRow updated = store.update(table,
                    existing.get().values().get(table.primaryKey()).toString(), body);
            respondWritten(exchange, table, updated, 200);
        } else {
            if (ifMatch.isPresent()) {
                throw ODataError.notFound(table.logicalName(), key);
            }
            if (newId != null && !newId.matches("[0-9a-fA-F-]{36}")) {
                throw ODataError.badQuery("Bad key segment '" + key + "'.");
            }
            // UNCONFIRMED (api-contracts §3.8): an upsert that creates answers 201 with return=representation.
            respondWritten(exchange, table, store.create(table, body, newId), 201);
        }
    }

    private void respondWritten(SimulatorExchange exchange, TableDefinition table, StoredRow row, int status)
            throws IOException {
        if (afterWrite.answered(exchange, exchange.method() + " " + table.entitySet() + ":afterWrite")) {
            return;
        }
        String id = row.values().get(table.primaryKey()).toString();
        Prefer prefer = Prefer.of(exchange);
        exchange.responseHeader("ETag", Projection.etag(row));
        if (!prefer.returnRepresentation()) {
            exchange.responseHeader("OData-EntityId", apiUrl(exchange) + table.entitySet() + "(" + id + ")");
            exchange.respond(204, "text/plain", "");
            return;
        }
        Projection projection = Projection.parse(table, exchange.query("$select").orElse(null),
                status == 200 ? null : exchange.query("$expand").orElse(null));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("@odata.context", apiUrl(exchange) + "$metadata#" + table.entitySet() + "/$entity");
        answer.putAll(projection.apply(row, store, prefer.annotations()));
        exchange.responseHeader("Preference-Applied", "return=representation");
        exchange.respondJson(status, answer);
    }

    private void closeOrder(SimulatorExchange exchange, int state, String action) throws IOException {
        Map<String, Object> body = body(exchange);
        if (!(body.get("OrderClose") instanceof Map<?, ?> orderClose)
                || !"Microsoft.Dynamics.CRM.orderclose".equals(orderClose.get("@odata.type"))) {
            throw ODataError.badQuery(action + " needs an 'OrderClose' of @odata.type"
                    + " 'Microsoft.Dynamics.CRM.orderclose'.");
        }
        if (!(orderClose.get("salesorderid@odata.bind") instanceof String bind)
                || !bind.matches("/?salesorders\\(.+\\)")) {
            throw ODataError.invalidArgument("The OrderClose needs 'salesorderid@odata.bind': '/salesorders(<id>)'.");
        }
        if (!(body.get("Status") instanceof Long status)) {
            throw ODataError.invalidArgument(action + " needs 'Status' (Edm.Int32), the order's new statuscode.");
        }
        Integer stateOfStatus = SalesOrderStates.STATE_OF_STATUS.get(status.intValue());
        if (stateOfStatus == null || stateOfStatus != state) {
            throw ODataError.invalidArgument("Status " + status + " is not valid for the state "
                    + SalesOrderStates.STATES.get(state) + " of salesorder.");
        }
        String key = bind.substring(bind.indexOf('(') + 1, bind.length() - 1);
        StoredRow order = store.resolve(Tables.SALES_ORDERS, key);
        long current = ((Number) order.values().get("statecode")).longValue();
        if (current >= 2) {
            // UNCONFIRMED (api-contracts §3.5): closing an order that is already closed answers 400.
            throw ODataError.invalidArgument("The salesorder " + order.values().get("ordernumber")
                    + " is already closed (" + SalesOrderStates.STATES.get((int) current) + ").");
        }
        store.closeOrder(order.values().get("salesorderid").toString(), state, status.intValue(),
                state == 3 ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString() : null);
        if (afterWrite.answered(exchange, "POST " + action + ":afterWrite")) {
            return;
        }
        exchange.respond(204, "text/plain", "");
    }

    private static Map<String, Object> body(SimulatorExchange exchange) throws IOException {
        Object json;
        try {
            json = exchange.json();
        } catch (IllegalArgumentException e) {
            throw ODataError.badQuery("The request body is not valid JSON: " + e.getMessage());
        }
        if (!(json instanceof Map<?, ?> map)) {
            throw ODataError.badQuery("The request body must be a JSON object.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        map.forEach((name, value) -> body.put(String.valueOf(name), value));
        return body;
    }

    private static void requireMethod(String method, String expected, String resource) {
        if (!method.equals(expected)) {
            throw new ODataError(405, ODataError.BAD_QUERY, "The HTTP method '" + method + "' is not allowed on '"
                    + resource + "'.");
        }
    }

    private static String apiUrl(SimulatorExchange exchange) {
        return exchange.baseUrl() + DataverseSimulator.API;
    }

    /** The same query with {@code name} set to {@code value} and any paging or delta token replaced. */
    private static String link(SimulatorExchange exchange, TableDefinition table, String name, String value) {
        StringBuilder link = new StringBuilder(apiUrl(exchange)).append(table.entitySet()).append('?');
        for (Map.Entry<String, List<String>> option : exchange.query().entrySet()) {
            if (option.getKey().equals("$skiptoken") || (name.equals("$deltatoken")
                    && option.getKey().equals("$deltatoken"))) {
                continue;
            }
            for (String optionValue : option.getValue()) {
                link.append(encode(option.getKey())).append('=').append(encode(optionValue)).append('&');
            }
        }
        return link.append(encode(name)).append('=').append(encode(value)).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$")
                .replace("%2C", ",");
    }

    /** Where a page starts and the store version the first page saw (the delta link's token at the end). */
    private record Paging(int page, int offset, long snapshot) {

        static Paging of(Optional<String> skipToken, long version) {
            if (skipToken.isEmpty()) {
                return new Paging(1, 0, version);
            }
            Matcher matcher = SKIP_TOKEN.matcher(skipToken.get());
            if (!matcher.matches()) {
                throw ODataError.badQuery("The $skiptoken is not valid.");
            }
            return new Paging(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Long.parseLong(matcher.group(3)));
        }
    }
}
