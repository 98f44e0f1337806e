package dev.junction.connectors.dataverse.sandbox;

import dev.junction.connectors.dataverse.sandbox.TableDefinition.Children;
import dev.junction.connectors.dataverse.sandbox.TableDefinition.Lookup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's rows, per table, each with a row version (the etag {@code W/"<version>"}) taken from one counter
 * for the whole store, so that a change-tracking token is simply the version up to which changes were seen; deleted
 * rows leave a tombstone with the version of their deletion. Writes check column names and types, alternate keys,
 * {@code @odata.bind} lookups and the sales-order state rules, as the Web API does.
 */
final class EntityStore {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern BIND = Pattern.compile("(?:.*/)?([a-z_]+)\\((.+)\\)");

    /** One stored row and its version. */
    record StoredRow(Map<String, Object> values, long version) {
    }

    /** A deleted row: its id and the version of its deletion. */
    record Tombstone(String id, long version) {
    }

    private final Map<String, Map<String, StoredRow>> rows = new HashMap<>();
    private final Map<String, List<Tombstone>> tombstones = new HashMap<>();
    private final Clock clock;
    private final Random orderNumbers = new Random(7);
    private long version = 4_411_200;

    EntityStore(Clock clock) {
        this.clock = clock;
        for (TableDefinition table : Tables.ALL) {
            rows.put(table.entitySet(), new LinkedHashMap<>());
            tombstones.put(table.entitySet(), new ArrayList<>());
        }
    }

    synchronized long version() {
        return version;
    }

    synchronized Optional<StoredRow> find(TableDefinition table, String id) {
        return Optional.ofNullable(rows.get(table.entitySet()).get(id.toLowerCase(Locale.ROOT)));
    }

    /** The row whose alternate-key column holds {@code value} (case-insensitive, as Dataverse compares text). */
    synchronized Optional<StoredRow> findByKey(TableDefinition table, String column, String value) {
        return rows.get(table.entitySet()).values().stream()
                .filter(row -> row.values().get(column) != null
                        && row.values().get(column).toString().equalsIgnoreCase(value))
                .findFirst();
    }

    /** Every row of the table, oldest first. */
    synchronized List<StoredRow> all(TableDefinition table) {
        return List.copyOf(rows.get(table.entitySet()).values());
    }

    /** Rows changed (created or updated) after {@code since}, and rows deleted after it. */
    synchronized Changes changesSince(TableDefinition table, long since) {
        List<StoredRow> changed = rows.get(table.entitySet()).values().stream()
                .filter(row -> row.version() > since).sorted((a, b) -> Long.compare(a.version(), b.version()))
                .toList();
        List<Tombstone> deleted = tombstones.get(table.entitySet()).stream()
                .filter(tombstone -> tombstone.version() > since)
                .filter(tombstone -> !rows.get(table.entitySet()).containsKey(tombstone.id())).toList();
        return new Changes(changed, deleted);
    }

    record Changes(List<StoredRow> changed, List<Tombstone> deleted) {
    }

    /** Creates a row from a Web API body (with binds and deep-inserted children); {@code id} null for a new GUID. */
    synchronized StoredRow create(TableDefinition table, Map<String, Object> body, String id) {
        String key = id == null ? UUID.randomUUID().toString() : id.toLowerCase(Locale.ROOT);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(table.primaryKey(), key);
        Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();
        apply(table, values, body, true, children);
        defaultsOnCreate(table, values);
        checkAlternateKeys(table, values, key);
        String now = now();
        values.put("createdon", now);
        values.put("modifiedon", now);
        StoredRow stored = new StoredRow(values, ++version);
        rows.get(table.entitySet()).put(key, stored);
        for (Map.Entry<String, List<Map<String, Object>>> child : children.entrySet()) {
            Children navigation = table.children(child.getKey()).orElseThrow();
            TableDefinition childTable = Tables.byEntitySet(navigation.childSet()).orElseThrow();
            for (Map<String, Object> childBody : child.getValue()) {
                Map<String, Object> linked = new LinkedHashMap<>(childBody);
                Lookup parent = childTable.lookups().stream()
                        .filter(lookup -> lookup.valueColumn().equals(navigation.parentValueColumn()))
                        .findFirst().orElseThrow();
                linked.put(parent.navigation() + "@odata.bind", "/" + table.entitySet() + "(" + key + ")");
                create(childTable, linked, null);
            }
        }
        return rows.get(table.entitySet()).get(key);
    }

    /** Changes the columns the body names; the row must exist. */
    synchronized StoredRow update(TableDefinition table, String id, Map<String, Object> body) {
        StoredRow current = find(table, id).orElseThrow(() -> ODataError.notFound(table.logicalName(), id));
        if (table == Tables.SALES_ORDERS) {
            checkOrderEditable(current.values(), body);
        }
        Map<String, Object> values = new LinkedHashMap<>(current.values());
        apply(table, values, body, false, new LinkedHashMap<>());
        checkAlternateKeys(table, values, current.values().get(table.primaryKey()).toString());
        if (table == Tables.CONTACTS) {
            values.put("fullname", fullName(values));
        }
        values.put("modifiedon", now());
        StoredRow stored = new StoredRow(values, ++version);
        rows.get(table.entitySet()).put(current.values().get(table.primaryKey()).toString(), stored);
        return stored;
    }

    /** Sets a sales order's state and status, as the FulfillSalesOrder and CancelSalesOrder actions do. */
    synchronized StoredRow closeOrder(String id, int statecode, int statuscode, String dateFulfilled) {
        StoredRow current = find(Tables.SALES_ORDERS, id)
                .orElseThrow(() -> ODataError.notFound("salesorder", id));
        Map<String, Object> values = new LinkedHashMap<>(current.values());
        values.put("statecode", (long) statecode);
        values.put("statuscode", (long) statuscode);
        if (dateFulfilled != null) {
            values.put("datefulfilled", dateFulfilled);
        }
        values.put("modifiedon", now());
        StoredRow stored = new StoredRow(values, ++version);
        rows.get(Tables.SALES_ORDERS.entitySet()).put(current.values().get("salesorderid").toString(), stored);
        return stored;
    }

    synchronized void delete(TableDefinition table, String id) {
        StoredRow removed = rows.get(table.entitySet()).remove(id.toLowerCase(Locale.ROOT));
        if (removed == null) {
            throw ODataError.notFound(table.logicalName(), id);
        }
        tombstones.get(table.entitySet()).add(new Tombstone(id.toLowerCase(Locale.ROOT), ++version));
        for (Children child : table.children()) {
            TableDefinition childTable = Tables.byEntitySet(child.childSet()).orElseThrow();
            for (StoredRow row : all(childTable)) {
                if (id.equalsIgnoreCase(String.valueOf(row.values().get(child.parentValueColumn())))) {
                    delete(childTable, row.values().get(childTable.primaryKey()).toString());
                }
            }
        }
    }

    /** Sets when a seeded row was created and last modified (its version stays). */
    synchronized void backdate(TableDefinition table, String id, Instant createdOn, Instant modifiedOn) {
        StoredRow row = find(table, id).orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>(row.values());
        values.put("createdon", createdOn.toString());
        values.put("modifiedon", modifiedOn.toString());
        rows.get(table.entitySet()).put(id, new StoredRow(values, row.version()));
    }

    synchronized void clear() {
        rows.values().forEach(Map::clear);
        tombstones.values().forEach(List::clear);
    }

    // UNCONFIRMED (api-contracts §3.4): the contract says only Active orders are editable; the simulator refuses
    // changes to closed orders (Canceled, Fulfilled, Invoiced) only, so that a Submitted order can take shipment
    // tracking before it is fulfilled. A state change by PATCH is allowed between Active and Submitted only.
    private static void checkOrderEditable(Map<String, Object> current, Map<String, Object> body) {
        long state = ((Number) current.get("statecode")).longValue();
        if (state >= 2) {
            throw ODataError.invalidArgument("The salesorder " + current.get("ordernumber")
                    + " is closed (statecode " + state + ") and cannot be modified.");
        }
        if (body.containsKey("statecode")) {
            Object target = body.get("statecode");
            if (!(target instanceof Number number) || number.longValue() > 1 || number.longValue() < 0) {
                throw ODataError.invalidArgument("A salesorder's statecode can only be set to 0 (Active) or 1"
                        + " (Submitted) by update; use FulfillSalesOrder or CancelSalesOrder to close it.");
            }
        }
    }

    private void apply(TableDefinition table, Map<String, Object> values, Map<String, Object> body, boolean create,
                       Map<String, List<Map<String, Object>>> children) {
        for (Map.Entry<String, Object> field : body.entrySet()) {
            String name = field.getKey();
            Object value = field.getValue();
            if (name.startsWith("@odata.")) {
                continue;
            }
            if (name.endsWith("@odata.bind")) {
                bind(table, values, name.substring(0, name.length() - "@odata.bind".length()), value);
                continue;
            }
            Optional<Children> navigation = table.children(name);
            if (navigation.isPresent()) {
                if (!create || !(value instanceof List<?> list)) {
                    throw ODataError.invalidArgument("The navigation property '" + name
                            + "' can only be given as a list of new records on create (deep insert).");
                }
                List<Map<String, Object>> records = new ArrayList<>();
                for (Object item : list) {
                    if (!(item instanceof Map<?, ?> map)) {
                        throw ODataError.invalidArgument("Each item of '" + name + "' must be an object.");
                    }
                    records.add(stringKeys(map));
                }
                children.put(name, records);
                continue;
            }
            ColumnType type = table.column(name).orElseThrow(() -> ODataError.badQuery(
                    "Invalid property '" + name + "' was found in entity '" + table.edmType() + "'."));
            if (name.equals(table.primaryKey()) || name.equals("createdon") || name.equals("modifiedon")
                    || (name.startsWith("_") && name.endsWith("_value"))) {
                throw ODataError.invalidArgument("The property '" + name + "' of '" + table.logicalName()
                        + "' is read-only" + (name.startsWith("_") ? "; set the lookup with @odata.bind." : "."));
            }
            if (create ? table.notForCreate().contains(name) : table.notForUpdate().contains(name)) {
                throw ODataError.invalidArgument("The property '" + name + "' of '" + table.logicalName()
                        + "' is not valid for " + (create ? "create." : "update."));
            }
            values.put(name, coerce(table, name, type, value));
        }
    }

    private void bind(TableDefinition table, Map<String, Object> values, String navigation, Object value) {
        Lookup lookup = table.lookup(navigation).orElseThrow(() -> ODataError.badQuery(
                "An undeclared property '" + navigation + "' which only has property annotations in the payload"
                        + " but no property value was found in the payload."));
        if (value == null) {
            values.put(lookup.valueColumn(), null);
            return;
        }
        Matcher matcher = value instanceof String text ? BIND.matcher(text) : null;
        if (matcher == null || !matcher.matches() || !matcher.group(1).equals(lookup.targetSet())) {
            throw ODataError.invalidArgument("The value of '" + navigation + "@odata.bind' must be '/"
                    + lookup.targetSet() + "(<id>)'.");
        }
        TableDefinition target = Tables.byEntitySet(lookup.targetSet()).orElseThrow();
        // UNCONFIRMED (api-contracts §3.6): a bind to a record that does not exist answers 404 0x80040217.
        StoredRow bound = resolve(target, matcher.group(2));
        values.put(lookup.valueColumn(), bound.values().get(target.primaryKey()));
    }

    /** The row a key segment names: a GUID, or {@code column='value'} of an alternate key. */
    StoredRow resolve(TableDefinition table, String keySegment) {
        if (GUID.matcher(keySegment).matches()) {
            return find(table, keySegment).orElseThrow(() -> ODataError.notFound(table.logicalName(), keySegment));
        }
        AlternateKey key = AlternateKey.parse(table, keySegment);
        return findByKey(table, key.column(), key.value()).orElseThrow(() -> new ODataError(404,
                ODataError.NOT_FOUND, "A record with the specified key values does not exist in "
                + table.logicalName() + " entity"));
    }

    private Object coerce(TableDefinition table, String name, ColumnType type, Object value) {
        if (value == null) {
            return null;
        }
        Object coerced = switch (type) {
            case TEXT -> value instanceof String ? value : null;
            case WHOLE -> value instanceof Long || value instanceof Integer ? ((Number) value).longValue() : null;
            case DECIMAL -> value instanceof Number number ? number.doubleValue() : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case GUID -> value instanceof String text && GUID.matcher(text).matches()
                    ? text.toLowerCase(Locale.ROOT) : null;
            case DATETIME -> value instanceof String text ? dateTime(text) : null;
        };
        if (coerced == null) {
            throw ODataError.badQuery("Cannot convert the literal '" + value + "' to the expected type '"
                    + type.edmName() + "' of property '" + name + "' of '" + table.logicalName() + "'.");
        }
        return coerced;
    }

    private static String dateTime(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
            }
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void defaultsOnCreate(TableDefinition table, Map<String, Object> values) {
        if (table.column("statecode").isPresent()) {
            values.putIfAbsent("statecode", 0L);
        }
        if (table == Tables.SALES_ORDERS) {
            if (values.get("name") == null) {
                throw ODataError.invalidArgument("The salesorder's 'name' is required.");
            }
            if (values.get("_customerid_value") == null) {
                throw ODataError.invalidArgument("The salesorder's customer is required:"
                        + " set customerid_account@odata.bind or customerid_contact@odata.bind.");
            }
            values.putIfAbsent("statuscode", 1L);
            if (values.get("ordernumber") == null) {
                values.put("ordernumber", String.format("ORD-%05d-%s", 1000 + rows.get("salesorders").size(),
                        Long.toString(1_000_000_000L + orderNumbers.nextInt(1_000_000_000), 36)
                                .toUpperCase(Locale.ROOT)));
            }
            if (values.get("_transactioncurrencyid_value") == null) {
                findByKey(Tables.CURRENCIES, "isocurrencycode", "GBP").ifPresent(base -> values.put(
                        "_transactioncurrencyid_value", base.values().get("transactioncurrencyid")));
            }
        }
        if (table == Tables.PRODUCTS && (values.get("productnumber") == null || values.get("name") == null)) {
            throw ODataError.invalidArgument("A product needs 'name' and 'productnumber'.");
        }
        if (table == Tables.SALES_ORDER_DETAILS) {
            if (values.get("_salesorderid_value") == null || values.get("quantity") == null) {
                throw ODataError.invalidArgument("A salesorderdetail needs its salesorder and 'quantity'.");
            }
            values.putIfAbsent("lineitemnumber", 1L + all(table).stream().filter(row -> values
                    .get("_salesorderid_value").equals(row.values().get("_salesorderid_value"))).count());
        }
        if (table == Tables.CONTACTS) {
            values.put("fullname", fullName(values));
        }
    }

    private void checkAlternateKeys(TableDefinition table, Map<String, Object> values, String ownId) {
        for (String column : table.alternateKeys()) {
            Object value = values.get(column);
            if (value == null) {
                continue;
            }
            Optional<StoredRow> other = findByKey(table, column, value.toString());
            if (other.isPresent() && !other.get().values().get(table.primaryKey()).equals(ownId)) {
                throw new ODataError(412, ODataError.DUPLICATE_KEY, "Entity Key " + table.logicalName() + "_"
                        + column + " violated. A record with the same value for " + column + " already exists."
                        + " A duplicate record cannot be created or updated.");
            }
        }
    }

    private static String fullName(Map<String, Object> values) {
        String first = values.get("firstname") == null ? "" : values.get("firstname").toString();
        String last = values.get("lastname") == null ? "" : values.get("lastname").toString();
        return (first + " " + last).trim();
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
