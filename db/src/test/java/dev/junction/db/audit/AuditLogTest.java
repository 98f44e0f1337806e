package dev.junction.db.audit;

import dev.junction.db.MigratedDatabaseTestBase;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log on a migrated embedded PostgreSQL: append-only in the schema, filters and keyset pages. */
class AuditLogTest extends MigratedDatabaseTestBase {

    private static AuditLogRepository audit;

    @BeforeAll
    static void repository() {
        audit = new AuditLogRepository(db);
    }

    @Test
    void entriesCanBeAppendedButNeitherChangedNorRemoved() {
        String id = UUID.randomUUID().toString();
        AuditEntry kept = audit.append("alice", "workflow.created", "workflow", id, "{\"name\": \"Orders\"}");

        assertThatThrownBy(() -> db.execute("update audit_log set actor = 'mallory' where entity_id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_log is append-only: UPDATE is not allowed");
        assertThatThrownBy(() -> db.execute("delete from audit_log where entity_id = ?", id))
                .hasMessageContaining("audit_log is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> db.execute("delete from audit_log where false"))
                .as("refused even when no row matches").hasMessageContaining("DELETE is not allowed");
        assertThatThrownBy(() -> db.execute("truncate audit_log"))
                .hasMessageContaining("audit_log is append-only: TRUNCATE is not allowed");

        assertThat(audit.forEntity("workflow", id, 10)).containsExactly(kept);
        AuditEntry next = audit.append("bob", "workflow.deleted", "workflow", id, "{}");
        assertThat(next.id()).isGreaterThan(kept.id());
        assertThat(audit.forEntity("workflow", id, 10)).containsExactly(next, kept);
    }

    @Test
    void filtersByActorKindEntityAndTimeAndPagesNewestFirst() {
        String marker = "e-" + UUID.randomUUID();
        List<AuditEntry> appended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            appended.add(audit.append(i % 2 == 0 ? "Carol" : "dave", i < 3 ? "connection.updated" : "workflow_x.renamed",
                    i < 4 ? "connection" : "workflow", marker, "{\"i\": " + i + "}"));
        }
        AuditFilter mine = new AuditFilter(null, null, null, marker, null, null);

        AuditPage first = audit.page(mine, null, 2);
        assertThat(first.items()).containsExactly(appended.get(4), appended.get(3));
        assertThat(first.next()).isEqualTo(appended.get(3).id());
        AuditPage second = audit.page(mine, first.next(), 2);
        assertThat(second.items()).containsExactly(appended.get(2), appended.get(1));
        AuditPage last = audit.page(mine, second.next(), 2);
        assertThat(last.items()).containsExactly(appended.get(0));
        assertThat(last.next()).isNull();

        assertThat(audit.page(new AuditFilter("CAROL", null, null, marker, null, null), null, 10).items())
                .as("user, in any case").extracting(AuditEntry::id)
                .containsExactly(appended.get(4).id(), appended.get(2).id(), appended.get(0).id());
        assertThat(audit.page(new AuditFilter(null, "connection.", null, marker, null, null), null, 10).items())
                .hasSize(3);
        assertThat(audit.page(new AuditFilter(null, "workflow_", null, marker, null, null), null, 10).items())
                .as("_ is a letter, not a wildcard").hasSize(2);
        assertThat(audit.page(new AuditFilter(null, "workflow%", null, marker, null, null), null, 10).items())
                .isEmpty();
        assertThat(audit.page(new AuditFilter(null, null, "workflow", marker, null, null), null, 10).items())
                .containsExactly(appended.get(4));

        OffsetDateTime at = appended.getFirst().occurredAt();
        assertThat(audit.page(new AuditFilter(null, null, null, marker, at, null), null, 10).items()).hasSize(5);
        assertThat(audit.page(new AuditFilter(null, null, null, marker, null, at), null, 10).items())
                .as("to is exclusive").isEmpty();
        assertThat(audit.page(new AuditFilter(null, null, null, marker, at.plusSeconds(1), null), null, 10).items())
                .isEmpty();
    }

    @Test
    void anExportReadsEveryMatchingEntryUpToItsLimit() {
        String marker = "x-" + UUID.randomUUID();
        for (int i = 0; i < 7; i++) {
            audit.append("erin", "token.created", "token", marker, "{}");
        }
        AuditFilter mine = new AuditFilter(null, "token.", null, marker, null, null);
        List<Long> ids = new ArrayList<>();

        int count = db.transactionResult(tx -> new AuditLogRepository(tx.dsl()).forEach(mine, null, 5,
                entry -> ids.add(entry.id())));

        assertThat(count).isEqualTo(5);
        assertThat(ids).hasSize(5).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(audit.moreThan(mine, null, 5)).isTrue();
        assertThat(audit.moreThan(mine, null, 7)).isFalse();
        assertThat(audit.moreThan(mine, ids.getLast(), 1)).as("before the 5th: two left").isTrue();
        assertThat(audit.moreThan(mine, ids.getLast(), 2)).isFalse();
    }
}
