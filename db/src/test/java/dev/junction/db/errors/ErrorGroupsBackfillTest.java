package dev.junction.db.errors;

import dev.junction.db.embedded.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** V28 groups the runs that failed before it by the same rules as the runs that fail after it. */
class ErrorGroupsBackfillTest {

    @Test
    void runsThatFailedBeforeV28AreGrouped() {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.startFresh()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(postgres.jdbcUrl());
            dataSource.setUser(postgres.user());
            dataSource.setPassword(postgres.password());
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("26").load()
                    .migrate();
            DSLContext db = DSL.using(dataSource, SQLDialect.POSTGRES);
            UUID workflowId = UUID.randomUUID();
            db.execute("insert into workflows (id, name, created_by, updated_by)"
                    + " values (?, 'Orders', 'test', 'test')", workflowId);
            for (int i = 0; i < 3; i++) {
                failed(db, workflowId, "dead_lettered", "webhook", "RateLimited", "retry after " + i + " s");
            }
            failed(db, workflowId, "failed", "webhook", "RemoteValidation", "HTTP 422 for order 206-1234567-7654321");
            failed(db, workflowId, "dead_lettered", "test", "RateLimited", "a designer test run, not grouped");
            failed(db, workflowId, "succeeded", "webhook", null, null);

            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

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
