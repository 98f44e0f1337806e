package dev.junction.db.runs;

import org.jooq.DSLContext;

import java.util.Optional;
import java.util.UUID;

/** Which run a run was started to retry ("edit the payload and retry" starts a new run linked to its original). */
public class RunLineage {

    private final DSLContext db;

    public RunLineage(DSLContext db) {
        this.db = db;
    }

    public void markReplayOf(UUID runId, UUID originalId) {
        db.execute("insert into run_lineage (run_id, replay_of) values (?, ?)", runId, originalId);
    }

    public Optional<UUID> replayOf(UUID runId) {
        return db.fetchOptional("select replay_of from run_lineage where run_id = ?", runId)
                .map(row -> row.get(0, UUID.class));
    }
}
