package dev.junction.db.errors;

import dev.junction.db.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** V28 groups the runs that failed before it by the same rules as the runs that fail after it. */
class ErrorGroupsBackfillTest {

    @Test
    void runsThatFailedBeforeV28AreGrouped() {
        try (TestDatabase database = TestDatabase.migratedTo("26")) {
            DSLContext db = database.db();
            UUID workflowId = database.insertWorkflow("Orders");
            for (int i = 0; i < 3; i++) {
                failed(db, workflowId, "dead_lettered", "webhook", "RateLimited", "retry after " + i + " s");
            }
            failed(db, workflowId, "failed", "webhook", "RemoteValidation", "HTTP 422 for order 206-1234567-7654321");
            failed(db, workflowId, "dead_lettered", "test", "RateLimited", "a designer test run, not grouped");
            failed(db, workflowId, "succeeded", "webhook", null, null);

            database.migrate();

            assertThat(new ErrorGroups(db).list(ErrorGroupFilter.all(), 10))
                    .extracting(group -> group.category() + " " + group.messageTemplate() + " " + group.failures()
                            + " " + group.affectedKeys() + " " + group.state())
                    .containsExactlyInAnyOrder("rate_limit retry after <n> s 3 3 open",
                            "validation HTTP <n> for order <order-id> 1 1 open");
        }
    }

    private static void failed(DSLContext db, UUID workflowId, String status, String trigger, String errorClass,
                               String message) {
        db.execute("""
                insert into runs (id, workflow_id, workflow_version, trigger_kind, business_key, status, error_class,
                                  error_message, failed_node_id, finished_at)
                values (?, ?, 1, ?, ?, ?, ?, ?, 'send', now())""", UUID.randomUUID(), workflowId, trigger,
                "key-" + UUID.randomUUID(), status, errorClass, message);
    }
}
