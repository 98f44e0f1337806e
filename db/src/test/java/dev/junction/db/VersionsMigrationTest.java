package dev.junction.db;

import dev.junction.db.embedded.EmbeddedDatabase;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.db.workflows.WorkflowVersionRepository;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A database with workflows from before versions existed is upgraded: each gets version 1, a manual trigger. */
class VersionsMigrationTest {

    @Test
    void workflowsMadeBeforeVersionsGetVersionOne() {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.startFresh()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(postgres.jdbcUrl());
            dataSource.setUser(postgres.user());
            dataSource.setPassword(postgres.password());
            Flyway.configure().dataSource(dataSource).target("3").load().migrate();
            DSLContext db = DSL.using(dataSource, SQLDialect.POSTGRES);
            db.execute("insert into workflows (name, created_by, updated_by) values ('Old one', 'alice', 'alice')");

            Flyway.configure().dataSource(dataSource).load().migrate();

            Workflow old = new WorkflowRepository(db).search("Old one", dev.junction.db.workflows.WorkflowSort.NAME,
                    true, 0, 1).items().getFirst();
            assertThat(old.latestVersion()).isEqualTo(1);
            assertThat(old.publishedVersion()).isNull();
            assertThat(new WorkflowVersionRepository(db).find(old.id(), 1).orElseThrow().definitionJson())
                    .contains("\"kind\": \"manual\"").contains("\"schemaVersion\": 1");
        }
    }
}
