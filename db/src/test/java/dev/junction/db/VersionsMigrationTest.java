package dev.junction.db;

import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.db.workflows.WorkflowVersionRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A database with workflows from before versions existed is upgraded: each gets version 1, a manual trigger. */
class VersionsMigrationTest {

    @Test
    void workflowsMadeBeforeVersionsGetVersionOne() {
        try (TestDatabase database = TestDatabase.migratedTo("3")) {
            DSLContext db = database.db();
            db.execute("insert into workflows (name, created_by, updated_by) values ('Old one', 'alice', 'alice')");

            database.migrate();

            Workflow old = new WorkflowRepository(db).search("Old one", dev.junction.db.workflows.WorkflowSort.NAME,
                    true, 0, 1).items().getFirst();
            assertThat(old.latestVersion()).isEqualTo(1);
            assertThat(old.publishedVersion()).isNull();
            assertThat(new WorkflowVersionRepository(db).find(old.id(), 1).orElseThrow().definitionJson())
                    .contains("\"kind\": \"manual\"").contains("\"schemaVersion\": 1");
        }
    }
}
