package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.CycleReads;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * When each workflow's latest successful run (designer test runs left out) ended, up to the cycle's {@code now}:
 * read once per cycle for every workflow — one look-up per workflow at the end of its range in
 * {@code runs_succeeded_finished_idx} — and shared by the conditions that ask "did it succeed since …?"
 * ({@code run_failed} clearing, {@code no_success}). A workflow that never succeeded is absent.
 */
final class LastSuccesses {

    private LastSuccesses() {
    }

    static Map<UUID, Instant> of(DSLContext db, CycleReads reads, Instant now) {
        return reads.once(new Key(now), () -> {
            Map<UUID, Instant> last = new HashMap<>();
            for (Record row : db.fetch("""
                    select w.id, (select max(r.finished_at) from runs r
                                  where r.workflow_id = w.id and r.status = 'succeeded' and r.trigger_kind <> 'test'
                                    and r.finished_at <= ?::timestamptz) as last_success
                    from workflows w""", now.atOffset(ZoneOffset.UTC))) {
                OffsetDateTime success = row.get("last_success", OffsetDateTime.class);
                if (success != null) {
                    last.put(row.get("id", UUID.class), success.toInstant());
                }
            }
            return last;
        });
    }

    private record Key(Instant now) {
    }
}
