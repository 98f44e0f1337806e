package dev.junction.connectors.dataverse;

import dev.junction.connectors.dataverse.DataverseApi.Request;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectorException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens to a sales order after it is sent: {@code FulfillSalesOrder} and {@code CancelSalesOrder}
 * (api-contracts §3.5, with an {@code orderclose} activity) and the shipment's tracking written onto the order.
 * Each first reads the order, so that a retry after the order was already closed or already carries the tracking
 * answers what was done instead of failing or writing twice.
 */
final class SalesOrderActions {

    static final int STATE_CANCELED = 2;
    static final int STATE_FULFILLED = 3;

    private SalesOrderActions() {
    }

    /** The order's id, state and what the caller needs of it, found by {@code salesorderid} or {@code ordernumber}. */
    static Map<String, Object> order(DataverseApi api, Inputs input, String select) throws ConnectorException {
        String columns = "salesorderid,ordernumber,statecode,statuscode" + (select.isEmpty() ? "" : "," + select);
        if (input.text("salesorderid").isPresent()) {
            String id = OData.guid("salesorderid", input.text("salesorderid").get());
            return api.json(Request.get("salesorders(" + id + ")?$select=" + columns));
        }
        String number = input.text("ordernumber").orElseThrow(() -> Inputs.invalid("salesorderid",
                "or ordernumber is required"));
        List<Object> orders = SalesOrderQueries.values(api.json(Request.get("salesorders?$select=" + columns
                + "&$filter=" + OData.queryEncode("ordernumber eq " + OData.text(number)) + "&$top=2")));
        if (orders.isEmpty()) {
            throw ConnectorException.permanentFailure("NotFound", "no salesorder has the ordernumber '" + number
                    + "'", null, null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> order = (Map<String, Object>) orders.getFirst();
        return order;
    }

    static Map<String, Object> fulfill(DataverseApi api, Inputs input) throws ConnectorException {
        long status = input.whole("status").orElse(100001L);
        return close(api, input, "FulfillSalesOrder", STATE_FULFILLED, status, "Fulfilled");
    }

    static Map<String, Object> cancel(DataverseApi api, Inputs input) throws ConnectorException {
        long status = input.whole("status").orElse(4L);
        return close(api, input, "CancelSalesOrder", STATE_CANCELED, status, "Canceled");
    }

    private static Map<String, Object> close(DataverseApi api, Inputs input, String action, int state, long status,
                                             String done) throws ConnectorException {
        Map<String, Object> order = order(api, input, "");
        String id = String.valueOf(order.get("salesorderid"));
        long current = ((Number) order.get("statecode")).longValue();
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("salesorderid", id);
        output.put("ordernumber", order.get("ordernumber"));
        if (current == state) {
            output.put("alreadyDone", true);
            output.put("statecode", current);
            output.put("statuscode", order.get("statuscode"));
            return output;
        }
        if (current >= 2) {
            throw ConnectorException.permanentFailure("InvalidState", "the salesorder " + order.get("ordernumber")
                    + " cannot be " + done.toLowerCase() + ": it is closed already (statecode " + current + ")",
                    null, null);
        }
        Map<String, Object> orderClose = new LinkedHashMap<>();
        orderClose.put("@odata.type", "Microsoft.Dynamics.CRM.orderclose");
        orderClose.put("salesorderid@odata.bind", "/salesorders(" + id + ")");
        orderClose.put("subject", input.text("subject").orElse(done + " by Junction"));
        input.text("description").ifPresent(description -> orderClose.put("description", description));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("OrderClose", orderClose);
        body.put("Status", status);
        api.send(DataverseApi.write("POST", action, body));
        output.put("alreadyDone", false);
        output.put("statecode", (long) state);
        output.put("statuscode", status);
        return output;
    }

    // UNCONFIRMED (api-contracts §3.3): the contract names no tracking column on salesorder; the connector writes
    // the shipping date to datefulfilled and a line "Shipped <date> via <carrier>, tracking <numbers>" appended to
    // description (the seed mapping fba-shipments-to-dynamics-order writes tracking to description too).
    static Map<String, Object> writeShipmentTracking(DataverseApi api, Inputs input) throws ConnectorException {
        List<String> numbers = input.texts("trackingNumbers");
        if (numbers.isEmpty()) {
            throw Inputs.invalid("trackingNumbers", "is required (one tracking number or a list)");
        }
        String shippedAt = input.text("shippedAt").isPresent()
                ? OData.dateTime("shippedAt", input.text("shippedAt").get()) : null;
        String carrier = input.text("carrier").orElse(null);
        String line = "Shipped" + (shippedAt == null ? "" : " " + shippedAt.substring(0, 10))
                + (carrier == null ? "" : " via " + carrier) + ", tracking " + String.join(", ", numbers);
        for (int attempt = 1; ; attempt++) {
            Map<String, Object> order = order(api, input, "description,datefulfilled");
            String id = String.valueOf(order.get("salesorderid"));
            String description = order.get("description") instanceof String text ? text : "";
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("salesorderid", id);
            output.put("ordernumber", order.get("ordernumber"));
            if (description.contains(line) && (shippedAt == null || sameInstant(shippedAt,
                    order.get("datefulfilled")))) {
                output.put("changed", false);
                output.put("description", description);
                output.put("datefulfilled", order.get("datefulfilled"));
                return output;
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            String updated = description.contains(line) ? description
                    : description.isEmpty() ? line : description + "\n" + line;
            changes.put("description", updated);
            if (shippedAt != null) {
                changes.put("datefulfilled", shippedAt);
            }
            String etag = String.valueOf(order.get("@odata.etag"));
            Request request = DataverseApi.write("PATCH", "salesorders(" + id + ")", changes).with("If-Match", etag);
            RemoteResponse response = api.sendOnce(request);
            if (response.status() == 412 && attempt < 2) {
                continue; // changed between our read and write: read again and merge once more
            }
            if (response.status() == 412) {
                throw ConnectorException.permanentFailure("Conflict", request.describe() + ": the salesorder kept"
                        + " changing; it no longer had the etag " + etag, response.status(), response.body());
            }
            if (!response.ok()) {
                throw DataverseErrors.failure(response, request.describe());
            }
            output.put("changed", true);
            output.put("description", updated);
            output.put("datefulfilled", shippedAt == null ? order.get("datefulfilled") : shippedAt);
            return output;
        }
    }

    private static boolean sameInstant(String expected, Object stored) {
        try {
            return stored instanceof String text && Instant.parse(text).equals(Instant.parse(expected));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
