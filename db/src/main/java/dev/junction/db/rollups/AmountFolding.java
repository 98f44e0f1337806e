package dev.junction.db.rollups;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The amounts part of a fold: the endings' business amounts (V36) added up per hour, workflow and currency, then
 * added to {@code run_amount_rollups} in key order (so concurrent folds lock rows in one order), and read back.
 */
final class AmountFolding {

    private record Key(OffsetDateTime hour, UUID workflowId, String currency) {
    }

    private final Map<Key, Sums> sums = new TreeMap<>(Comparator.comparing(Key::hour).thenComparing(Key::workflowId)
            .thenComparing(Key::currency));

    private static final class Sums {
        long sales;
        BigDecimal saleAmount = BigDecimal.ZERO;
        long refunds;
        BigDecimal refundAmount = BigDecimal.ZERO;
        long settlements;
        BigDecimal settledAmount = BigDecimal.ZERO;
        BigDecimal feeAmount = BigDecimal.ZERO;
    }

    /** Adds one ending's amount ({@code amount} null: the ending recorded none, nothing is added). */
    void add(OffsetDateTime hour, UUID workflowId, BigDecimal amount, String currency, String kind, BigDecimal fee) {
        if (amount == null || kind == null) {
            return;
        }
        Sums sum = sums.computeIfAbsent(new Key(hour, workflowId, currency == null ? "" : currency), k -> new Sums());
        switch (kind) {
            case "refund" -> {
                sum.refunds++;
                sum.refundAmount = sum.refundAmount.add(amount);
            }
            case "settlement" -> {
                sum.settlements++;
                sum.settledAmount = sum.settledAmount.add(amount);
                sum.feeAmount = sum.feeAmount.add(fee == null ? BigDecimal.ZERO : fee);
            }
            default -> {
                sum.sales++;
                sum.saleAmount = sum.saleAmount.add(amount);
            }
        }
    }

    /** Adds the sums to the rollups (a workflow deleted meanwhile gets none). */
    void upsert(Connection connection) throws SQLException {
        if (sums.isEmpty()) {
            return;
        }
        try (PreparedStatement add = connection.prepareStatement("""
                insert into run_amount_rollups (hour, workflow_id, currency, sales, sale_amount, refunds, refund_amount,
                                                settlements, settled_amount, fee_amount)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where exists (select 1 from workflows where id = ?)
                on conflict (hour, workflow_id, currency) do update set
                    sales = run_amount_rollups.sales + excluded.sales,
                    sale_amount = run_amount_rollups.sale_amount + excluded.sale_amount,
                    refunds = run_amount_rollups.refunds + excluded.refunds,
                    refund_amount = run_amount_rollups.refund_amount + excluded.refund_amount,
                    settlements = run_amount_rollups.settlements + excluded.settlements,
                    settled_amount = run_amount_rollups.settled_amount + excluded.settled_amount,
                    fee_amount = run_amount_rollups.fee_amount + excluded.fee_amount""")) {
            for (Map.Entry<Key, Sums> entry : sums.entrySet()) {
                Key key = entry.getKey();
                Sums sum = entry.getValue();
                add.setObject(1, key.hour());
                add.setObject(2, key.workflowId());
                add.setString(3, key.currency());
                add.setLong(4, sum.sales);
                add.setBigDecimal(5, sum.saleAmount);
                add.setLong(6, sum.refunds);
                add.setBigDecimal(7, sum.refundAmount);
                add.setLong(8, sum.settlements);
                add.setBigDecimal(9, sum.settledAmount);
                add.setBigDecimal(10, sum.feeAmount);
                add.setObject(11, key.workflowId());
                add.addBatch();
            }
            add.executeBatch();
        }
    }

    /** The amount rows of hours in [{@code from}, {@code to}) of one workflow or all (null), oldest first. */
    static void read(Connection connection, OffsetDateTime from, OffsetDateTime to, UUID workflowId,
                     List<AmountRow> rows) throws SQLException {
        String sql = "select hour, workflow_id, currency, sales, sale_amount, refunds, refund_amount, settlements,"
                + " settled_amount, fee_amount from run_amount_rollups where hour >= ? and hour < ?"
                + (workflowId == null ? "" : " and workflow_id = ?") + " order by hour";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            try (ResultSet row = RunRollups.ranged(statement, from, to, workflowId).executeQuery()) {
                while (row.next()) {
                    rows.add(new AmountRow(row.getObject(1, OffsetDateTime.class), row.getObject(2, UUID.class),
                            row.getString(3), row.getLong(4), row.getBigDecimal(5), row.getLong(6),
                            row.getBigDecimal(7), row.getLong(8), row.getBigDecimal(9), row.getBigDecimal(10)));
                }
            }
        }
    }
}
