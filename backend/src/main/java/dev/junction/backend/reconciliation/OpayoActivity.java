package dev.junction.backend.reconciliation;

import dev.junction.backend.reconciliation.matching.ConnectorRecords;
import dev.junction.backend.reconciliation.matching.PaymentBatch;
import dev.junction.backend.reconciliation.matching.PaymentTransaction;
import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.ConnectorInvoker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * An Opayo connection's transactions and settlement batches of a period, read through the connector's reconciliation
 * polls ({@code pollTransactions}, {@code pollBatches}): each poll reads at most a day, so the period is walked poll
 * by poll from a cursor at its start until the cursor passes its end. When a settled payment's list row carries no
 * fraud fields (3-D Secure outcome, AVS/CV2 checks), they are read with {@code getTransaction}, at most
 * {@link #MAX_DETAILS} per reconciliation.
 */
final class OpayoActivity {

    /** How many polls one period may take at most (a poll reads a day at most). */
    static final int MAX_POLLS = 120;
    /** How many transactions' details (3-D Secure, AVS/CV2) one reconciliation reads at most. */
    static final int MAX_DETAILS = 500;

    private static final Executor VIRTUAL_THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private final ConnectorInvoker connectors;
    private final String connectionId;

    OpayoActivity(ConnectorInvoker connectors, String connectionId) {
        this.connectors = connectors;
        this.connectionId = connectionId;
    }

    record Activity(List<PaymentTransaction> transactions, List<PaymentBatch> batches, int detailsRead) {
    }

    /**
     * The transactions dated from {@code lookback} to {@code to} and the batches from {@code from} to {@code to}; the
     * two are polled side by side.
     */
    Activity read(Instant lookback, Instant from, Instant to) throws ConnectorException {
        CompletableFuture<List<Map<String, Object>>> batchRows = CompletableFuture.supplyAsync(() -> {
            try {
                return poll("pollBatches", from, to);
            } catch (ConnectorException failure) {
                throw new CompletionException(failure);
            }
        }, VIRTUAL_THREADS);
        List<Map<String, Object>> transactionRows = poll("pollTransactions", lookback, to);
        List<PaymentTransaction> transactions = new ArrayList<>();
        int details = 0;
        for (Map<String, Object> row : transactionRows) {
            Map<String, Object> detail = Map.of();
            boolean payment = "Ok".equalsIgnoreCase(text(row, "status")) && !"Refund".equalsIgnoreCase(
                    text(row, "transactionType"));
            boolean checksListed = row.get("threeDSecureStatus") != null || row.get("avsCvcStatus") != null
                    || row.get("securityCodeResult") != null;
            if (payment && !checksListed && details < MAX_DETAILS) {
                detail = detail(text(row, "transactionId"));
                details++;
            }
            transactions.add(transaction(row, detail));
        }
        List<PaymentBatch> batches = new ArrayList<>();
        try {
            for (Map<String, Object> row : batchRows.join()) {
                batches.add(ConnectorRecords.batch(row));
            }
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof ConnectorException failure) {
                throw failure;
            }
            throw failed;
        }
        return new Activity(transactions, batches, details);
    }

    /** Every record of the poll dated from {@code from} to {@code to}, walking the cursor. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> poll(String operation, Instant from, Instant to) throws ConnectorException {
        List<Map<String, Object>> rows = new ArrayList<>();
        String cursor = from.toString();
        for (int poll = 0; poll < MAX_POLLS; poll++) {
            Map<String, Object> answer = (Map<String, Object>) connectors.invoke(new ConnectorCall(connectionId,
                    operation, Map.of("cursor", cursor), "reconciliation:" + UUID.randomUUID(), false));
            if (answer.get("records") instanceof List<?> records) {
                for (Object record : records) {
                    if (record instanceof Map<?, ?> map && map.get("data") instanceof Map<?, ?> data) {
                        rows.add((Map<String, Object>) data);
                    }
                }
            }
            String next = String.valueOf(answer.get("cursor"));
            if (next.equals(cursor) || !instantOf(next).isBefore(to)) {
                break;
            }
            cursor = next;
        }
        return rows;
    }

    /** The Pi transaction, or nothing when Opayo cannot answer it (the hint fields then stay empty). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> detail(String transactionId) {
        try {
            Object answer = connectors.invoke(new ConnectorCall(connectionId, "getTransaction",
                    Map.of("transactionId", transactionId), "reconciliation:" + UUID.randomUUID(), false));
            return answer instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (ConnectorException notReadable) {
            return Map.of();
        }
    }

    /**
     * The poll's row with the fraud fields of the Pi transaction added when the row has none
     * ({@code threeDSecureStatus}, {@code avsCvcStatus}, {@code securityCodeResult}, {@code relatedTransactionId}).
     */
    private static PaymentTransaction transaction(Map<String, Object> row, Map<String, Object> detail) {
        Map<String, Object> data = new LinkedHashMap<>(row);
        Map<String, Object> secure = object(detail, "3DSecure");
        Map<String, Object> avsCvc = object(detail, "avsCvcCheck");
        putAbsent(data, "threeDSecureStatus", text(secure, "status"));
        putAbsent(data, "avsCvcStatus", text(avsCvc, "status"));
        putAbsent(data, "securityCodeResult", text(avsCvc, "securityCode"));
        putAbsent(data, "relatedTransactionId", text(detail, "relatedTransactionId"));
        return ConnectorRecords.transaction(data);
    }

    private static void putAbsent(Map<String, Object> data, String field, String value) {
        if (value != null && data.get(field) == null) {
            data.put(field, value);
        }
    }

    private static Instant instantOf(String cursor) {
        String date = cursor.contains("|") ? cursor.substring(0, cursor.indexOf('|')) : cursor;
        try {
            return Instant.parse(date);
        } catch (RuntimeException e) {
            return Instant.MAX;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> map, String field) {
        return map.get(field) instanceof Map<?, ?> inner ? (Map<String, Object>) inner : new LinkedHashMap<>();
    }

    private static String text(Map<String, Object> map, String field) {
        Object value = map.get(field);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

}
