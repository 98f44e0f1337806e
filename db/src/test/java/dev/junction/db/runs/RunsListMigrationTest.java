package dev.junction.db.runs;

import dev.junction.db.TestDatabase;
import dev.junction.engine.runs.ErrorCategory;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** V27 backfills the error category of runs that ended before it exactly as ErrorCategory.of places them. */
class RunsListMigrationTest {

    @Test
    void theBackfillPlacesEveryErrorClassAsErrorCategoryDoes() {
        try (TestDatabase database = TestDatabase.migratedTo("26")) {
            DSLContext db = database.db();
            UUID workflow = database.insertWorkflow("w");
            List<String> classes = new ArrayList<>(ErrorCategory.knownClasses().keySet());
            classes.addAll(List.of("DuplicateOrder", "ExpressionFailed", "ScriptError", "InvalidAmount",
                    "MappingFailed", "SchemaValidation", "PayloadTooLarge", "MissingField", "UnknownThing",
                    "AuthExpired", "SomethingElse", "HttpError"));
            Map<UUID, String> runs = new LinkedHashMap<>();
            for (String errorClass : classes) {
                UUID id = UUID.randomUUID();
                runs.put(id, errorClass);
                db.execute("insert into runs (id, workflow_id, workflow_version, trigger_kind, status, error_class)"
                        + " values (?, ?, 1, 'manual', 'dead_lettered', ?)", id, workflow, errorClass);
            }
            db.execute("insert into runs (id, workflow_id, workflow_version, trigger_kind, status)"
                    + " values (?, ?, 1, 'manual', 'succeeded')", UUID.randomUUID(), workflow);

            database.migrateTo("27");

            Map<String, String> placed = new LinkedHashMap<>();
            Map<String, String> expected = new LinkedHashMap<>();
            runs.forEach((id, errorClass) -> {
                placed.put(errorClass, db.fetchValue("select error_category from runs where id = ?", id)
                        .toString());
                expected.put(errorClass, ErrorCategory.of(errorClass).jsonName());
            });
            assertThat(placed).isEqualTo(expected);
            assertThat(db.fetchCount(DSL.table("runs"), DSL.condition("error_category is null"))).isEqualTo(1);
        }
    }
}
