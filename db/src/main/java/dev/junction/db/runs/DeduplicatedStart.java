package dev.junction.db.runs;

import java.util.UUID;

/** A run started under a dedup key: its id, and whether it was started by an earlier delivery of the key. */
public record DeduplicatedStart(UUID runId, boolean duplicate) {
}
