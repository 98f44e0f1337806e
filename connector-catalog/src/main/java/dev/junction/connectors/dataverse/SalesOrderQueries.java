package dev.junction.connectors.dataverse;

import dev.junction.connectors.dataverse.DataverseApi.Request;
import dev.junction.engine.connectors.ConnectorException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading sales orders: {@code querySalesOrders} (a filter built from inputs, paged with
 * {@code odata.maxpagesize} and {@code @odata.nextLink}) and {@code pollSalesOrders} (change tracking, api-contracts
 * §3.11: the delta link is the cursor; deletions come back as records flagged {@code deleted}). Orders come in the
 * shape of the {@code dataverse/salesorder} schema: lines as {@code order_details} with their product, and the
 * currency.
 */
final class SalesOrderQueries {

    /** The order columns of the {@code dataverse/salesorder} schema. */
    static final List<String> ORDER_COLUMNS = List.of("salesorderid", "name", "ordernumber", "description",
            "emailaddress", "submitdate", "createdon", "modifiedon", "requestdeliveryby", "datefulfilled",
            "statecode", "statuscode", "totalamount", "_customerid_value", "shipto_name", "shipto_line1",
            "shipto_line2", "shipto_line3", "shipto_city", "shipto_stateorprovince", "shipto_postalcode",
            "shipto_country", "shipto_telephone");
    /** Lines with their product, and the currency (navigation names UNCONFIRMED as in the schema). */
    static final String DETAILS_EXPAND = "order_details($select=salesorderdetailid,lineitemnumber,quantity,"
            + "priceperunit,productdescription;$expand=productid($select=productid,name,productnumber)),"
            + "transactioncurrencyid($select=transactioncurrencyid,isocurrencycode)";
    /** Stop following pages when less than this is left before the deadline. */
    private static final Duration PAGE_MARGIN = Duration.ofSeconds(1);
    private static final int IDS_PER_DETAILS_QUERY = 20;

    private SalesOrderQueries() {
    }

    static Map<String, Object> query(DataverseApi api, Inputs input) throws ConnectorException {
        List<String> conditions = new ArrayList<>();
        input.whole("statecode").ifPresent(state -> conditions.add("statecode eq " + state));
        input.whole("statuscode").ifPresent(status -> conditions.add("statuscode eq " + status));
        if (input.text("modifiedAfter").isPresent()) {
            conditions.add("modifiedon gt " + OData.dateTime("modifiedAfter", input.text("modifiedAfter").get()));
        }
        if (input.text("modifiedBefore").isPresent()) {
            conditions.add("modifiedon lt " + OData.dateTime("modifiedBefore", input.text("modifiedBefore").get()));
        }
        if (input.text("ordernumber").isPresent()) {
            conditions.add("ordernumber eq " + OData.text(input.text("ordernumber").get()));
        }
        if (input.text("customerId").isPresent()) {
            conditions.add("_customerid_value eq " + OData.guid("customerId", input.text("customerId").get()));
        }
        int pageSize = input.whole("pageSize", 100);
        int maxPages = input.whole("maxPages", 10);
        StringBuilder target = new StringBuilder("salesorders?$select=").append(select(input));
        if (!conditions.isEmpty()) {
            target.append("&$filter=").append(OData.queryEncode(String.join(" and ", conditions)));
        }
        target.append("&$orderby=").append(OData.queryEncode("modifiedon asc"));
        if (input.flag("includeDetails", true)) {
            target.append("&$expand=").append(OData.queryEncode(DETAILS_EXPAND));
        }
        List<Object> orders = new ArrayList<>();
        String next = target.toString();
        int pages = 0;
        while (next != null && pages < maxPages && (pages == 0 || api.remaining().compareTo(PAGE_MARGIN) > 0)) {
            Map<String, Object> page = api.json(Request.get(next, "odata.maxpagesize=" + pageSize));
            orders.addAll(values(page));
            next = page.get("@odata.nextLink") instanceof String link ? link : null;
            pages++;
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("orders", orders);
        output.put("complete", next == null);
        output.put("nextLink", next);
        return output;
    }

    static Map<String, Object> poll(DataverseApi api, Inputs input) throws ConnectorException {
        int pageSize = input.whole("pageSize", 100);
        int maxPages = input.whole("maxPages", 20);
        Set<Long> states = new HashSet<>();
        input.whole("statecode").ifPresent(states::add);
        String next = input.text("cursor").orElse("salesorders?$select=" + select(input)
                + (states.isEmpty() || input.texts("select").isEmpty() || input.texts("select").contains("statecode")
                ? "" : ",statecode"));
        List<Map<String, Object>> changes = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        while (cursor == null && pages < maxPages && (pages == 0 || api.remaining().compareTo(PAGE_MARGIN) > 0)) {
            Map<String, Object> page = api.json(Request.get(next, "odata.track-changes",
                    "odata.maxpagesize=" + pageSize));
            for (Object row : values(page)) {
                if (row instanceof Map<?, ?> map) {
                    Map<String, Object> change = new LinkedHashMap<>();
                    map.forEach((key, value) -> change.put(String.valueOf(key), value));
                    changes.add(change);
                }
            }
            pages++;
            if (page.get("@odata.deltaLink") instanceof String delta) {
                cursor = delta;
            } else if (page.get("@odata.nextLink") instanceof String link) {
                next = link;
            } else {
                throw ConnectorException.permanentFailure("UnexpectedAnswer", "Dataverse answered a change-tracking"
                        + " page of salesorders with neither @odata.nextLink nor @odata.deltaLink", 200, null);
            }
        }
        List<Object> records = new ArrayList<>();
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> change : changes) {
            if ("deleted".equals(change.get("reason")) && change.get("id") instanceof String id) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("salesorderid", id);
                data.put("deleted", true);
                records.add(Map.of("key", id, "data", data));
            } else if (states.isEmpty() || (change.get("statecode") instanceof Number state
                    && states.contains(state.longValue()))) {
                change.put("deleted", false);
                kept.add(change);
                records.add(Map.of("key", String.valueOf(change.get("salesorderid")), "data", change));
            }
        }
        if (input.flag("includeDetails", true)) {
            addDetails(api, kept);
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("records", records);
        // not at the delta link yet (page limit or deadline): the next poll goes on from the next page
        output.put("cursor", cursor != null ? cursor : next);
        return output;
    }

    /** Change tracking cannot $expand: the lines and currency of changed orders come from a second query. */
    private static void addDetails(DataverseApi api, List<Map<String, Object>> orders) throws ConnectorException {
        for (int start = 0; start < orders.size(); start += IDS_PER_DETAILS_QUERY) {
            List<Map<String, Object>> chunk = orders.subList(start, Math.min(orders.size(),
                    start + IDS_PER_DETAILS_QUERY));
            List<String> ids = new ArrayList<>();
            for (Map<String, Object> order : chunk) {
                ids.add("salesorderid eq " + OData.guid("salesorderid", String.valueOf(order.get("salesorderid"))));
            }
            Map<String, Object> page = api.json(Request.get("salesorders?$select=salesorderid&$filter="
                    + OData.queryEncode(String.join(" or ", ids)) + "&$expand=" + OData.queryEncode(DETAILS_EXPAND)));
            Map<Object, Map<?, ?>> byId = new LinkedHashMap<>();
            for (Object row : values(page)) {
                if (row instanceof Map<?, ?> map) {
                    byId.put(map.get("salesorderid"), map);
                }
            }
            for (Map<String, Object> order : chunk) {
                Map<?, ?> expanded = byId.get(order.get("salesorderid"));
                order.put("order_details", expanded == null ? List.of() : expanded.get("order_details"));
                order.put("transactioncurrencyid", expanded == null ? null : expanded.get("transactioncurrencyid"));
            }
        }
    }

    private static String select(Inputs input) throws ConnectorException {
        List<String> columns = new ArrayList<>(OData.identifiers("select", input.texts("select")));
        if (columns.isEmpty()) {
            columns.addAll(ORDER_COLUMNS);
        } else if (!columns.contains("salesorderid")) {
            columns.addFirst("salesorderid");
        }
        return String.join(",", columns);
    }

    static List<Object> values(Map<String, Object> page) throws ConnectorException {
        if (!(page.get("value") instanceof List<?> list)) {
            throw ConnectorException.permanentFailure("UnexpectedAnswer", "Dataverse answered a collection without"
                    + " 'value'", 200, null);
        }
        return new ArrayList<>(list);
    }
}
