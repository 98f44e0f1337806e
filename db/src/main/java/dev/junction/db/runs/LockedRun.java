package dev.junction.db.runs;

import java.util.UUID;

/** What a completion knows of its run, whose row it holds locked until it commits. */
record LockedRun(UUID id, String businessKey, String status, int generation) {
}
