package dev.junction.db.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One reconciliation run of a settlement against an Opayo connection: its status ({@code balanced},
 * {@code discrepancies} or {@code unbalanced}), summary (counts and totals as the service wrote them), the fraud
 * hints found in the Opayo data, and when its journal was written to Dynamics (null: not yet).
 */
public record StoredRun(UUID id, long settlementRef, String opayoConnectionId, String status,
                        Map<String, Object> summary, List<Object> fraudHints, int discrepancyCount, String startedBy,
                        Instant startedAt, String dynamicsConnectionId, Instant dynamicsWrittenAt,
                        String dynamicsWrittenBy) {
}
