package dev.junction.backend.anomalies;

import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Test helper: hourly history written straight into {@code run_rollups} (weeks of runs cannot be made by running
 * them). Each hour's runs all took {@code durationMs}.
 */
public record SeededRollups(DSLContext db) {

    /** Adds {@code runs} runs of {@code workflowId} that ended in {@code hour} with {@code status}. */
    public void hour(UUID workflowId, OffsetDateTime hour, String status, long runs, long durationMs) {
        int bucket = (int) Math.min(63, Math.floor(4 * (Math.log1p(durationMs) / Math.log(2))));
        StringBuilder histogram = new StringBuilder("{");
        for (int i = 0; i < 64; i++) {
            histogram.append(i == 0 ? "" : ",").append(i == bucket ? runs : 0);
        }
        db.execute("""
                insert into run_rollups (hour, workflow_id, status, trigger_kind, error_class, runs, duration_ms_sum,
                                         duration_ms_max, duration_buckets)
                values (?::timestamptz, ?::uuid, ?, 'schedule', '', ?, ?, ?, ?::integer[])""", hour.toString(), workflowId.toString(), status, runs,
                runs * durationMs, durationMs, histogram.append('}').toString());
    }

    /** {@code runsPerHour} succeeded runs in every hour of [{@code from}, {@code to}). */
    public void steady(UUID workflowId, OffsetDateTime from, OffsetDateTime to, long runsPerHour) {
        for (OffsetDateTime hour = from; hour.isBefore(to); hour = hour.plusHours(1)) {
            hour(workflowId, hour, "succeeded", runsPerHour, 800);
        }
    }

    /**
     * Adds business amounts of {@code workflowId} in {@code hour}: {@code sales} sales worth {@code saleAmount} and
     * {@code refunds} refunds worth {@code refundAmount}, in {@code currency}.
     */
    public void amounts(UUID workflowId, OffsetDateTime hour, String currency, long sales, double saleAmount,
                        long refunds, double refundAmount) {
        db.execute("""
                insert into run_amount_rollups (hour, workflow_id, currency, sales, sale_amount, refunds, refund_amount)
                values (?::timestamptz, ?::uuid, ?, ?, ?, ?, ?)""", hour.toString(), workflowId.toString(), currency,
                sales, java.math.BigDecimal.valueOf(saleAmount), refunds, java.math.BigDecimal.valueOf(refundAmount));
    }

    /**
     * A payments workflow's history of [{@code from}, {@code to}): 30 succeeded runs an hour, 29 sales of £30 and one
     * refund of £30 (a refund share of 3.4 %), but for the last {@code burstHours} hours, where 12 of the 30 are
     * refunds (£360 against £540 of sales: 67 %).
     */
    public void refundBurst(UUID workflowId, OffsetDateTime from, OffsetDateTime to, int burstHours) {
        for (OffsetDateTime hour = from; hour.isBefore(to); hour = hour.plusHours(1)) {
            hour(workflowId, hour, "succeeded", 30, 800);
            boolean burst = !hour.isBefore(to.minusHours(burstHours));
            amounts(workflowId, hour, "GBP", burst ? 18 : 29, burst ? 540 : 870, burst ? 12 : 1, burst ? 360 : 30);
        }
    }
}
