package dev.junction.db.rollups;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Runs of one workflow that ended in one hour with one status, trigger kind and error class ({@code ""} when none):
 * how many, their total and longest duration, and their duration histogram ({@link DurationBuckets}).
 */
public record RollupRow(OffsetDateTime hour, UUID workflowId, String status, String triggerKind, String errorClass,
                        long runs, long durationMsSum, long durationMsMax, long[] durationBuckets) {
}
