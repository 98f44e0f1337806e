package dev.junction.connectors.dataverse.sandbox;

import java.util.Map;

/** The sales order state and status labels of api-contracts §3.4, and which status belongs to which state. */
final class SalesOrderStates {

    static final Map<Integer, String> STATES = Map.of(0, "Active", 1, "Submitted", 2, "Canceled", 3, "Fulfilled",
            4, "Invoiced");
    static final Map<Integer, Integer> STATE_OF_STATUS = Map.of(1, 0, 2, 0, 700970000, 0, 3, 1, 4, 2,
            100001, 3, 100002, 3, 100003, 4);
    private static final Map<Integer, String> STATUSES = Map.of(1, "New", 2, "Pending", 3, "In Progress",
            4, "No Money", 100001, "Complete", 100002, "Partial", 100003, "Invoiced", 700970000, "In Progress");

    private SalesOrderStates() {
    }

    static String label(String column, int value) {
        return (column.equals("statecode") ? STATES : STATUSES).getOrDefault(value, String.valueOf(value));
    }
}
