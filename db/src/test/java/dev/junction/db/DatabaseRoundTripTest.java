package dev.junction.db;

import dev.junction.db.audit.AuditEntry;
import dev.junction.db.audit.AuditLogRepository;
import dev.junction.db.embedded.EmbeddedDatabase;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserAccount;
import dev.junction.db.users.UserRepository;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowPage;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.db.workflows.WorkflowSort;
import dev.junction.db.workflows.WorkflowVersion;
import dev.junction.db.workflows.WorkflowVersionRepository;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrations on an empty embedded PostgreSQL, and the jOOQ repositories against the result. */
class DatabaseRoundTripTest {

    private static EmbeddedDatabase postgres;
    private static MigrateResult migration;
    private static DSLContext db;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        postgres = EmbeddedDatabase.startFresh();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        migration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        db = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @BeforeEach
    void emptyTables() {
        db.execute("truncate workflows, users cascade"); // audit_log is append-only (V12): its tests use unique ids
    }

    @Test
    void everyMigrationAppliesToAnEmptyDatabase() {
        assertThat(migration.success).isTrue();
        // V1–V12: V10 and V11 come from parallel branches (API tokens, user lockout), V12 makes audit_log append-only
        assertThat(migration.migrationsExecuted).isEqualTo(12);
        List<String> tables = db.fetch("select table_name from information_schema.tables where table_schema = 'public'")
                .getValues(0, String.class);
        assertThat(tables).contains("users", "roles", "user_roles", "workflows", "workflow_versions", "audit_log",
                "qrtz_job_details", "qrtz_triggers", "qrtz_locks", "qrtz_scheduler_state", "runs", "steps",
                "mappings", "mapping_versions", "lookup_tables", "currency_rates", "connections", "connection_secrets",
                "step_tasks", "for_each_progress", "payloads", "idempotency_records", "workflow_triggers",
                "lookup_entries");
        assertThat(db.fetch("select name from roles order by name").getValues(0, String.class))
                .containsExactly("ADMIN", "DESIGNER", "OPERATOR", "VIEWER");
    }

    @Test
    void aWorkflowRoundTrips() {
        WorkflowRepository workflows = new WorkflowRepository(db);

        Workflow created = workflows.insert("Opayo capture to FBA", "Sends paid orders to Amazon", "alice").orElseThrow();
        Workflow renamed = workflows.update(created.id(), "Opayo capture to FBA order", "Sends paid orders", "bob")
                .orElseThrow();

        assertThat(workflows.find(created.id())).contains(renamed);
        assertThat(renamed.createdBy()).isEqualTo("alice");
        assertThat(renamed.updatedBy()).isEqualTo("bob");
        assertThat(renamed.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(workflows.delete(created.id())).contains(renamed);
        assertThat(workflows.find(created.id())).isEmpty();
        assertThat(workflows.delete(created.id())).isEmpty();
    }

    @Test
    void twoWorkflowsCannotShareANameWhateverItsCase() {
        WorkflowRepository workflows = new WorkflowRepository(db);
        Workflow first = workflows.insert("Settlement reconciliation", "", "alice").orElseThrow();

        assertThat(workflows.insert("SETTLEMENT reconciliation", "", "bob")).isEmpty();
        assertThat(workflows.nameTaken("settlement RECONCILIATION", null)).isTrue();
        assertThat(workflows.nameTaken("settlement reconciliation", first.id())).isFalse();
    }

    @Test
    void searchFindsByNameOrDescriptionSortsAndPages() {
        WorkflowRepository workflows = new WorkflowRepository(db);
        workflows.insert("Beta", "tracking back to CRM", "alice");
        workflows.insert("alpha", "payment captured", "alice");
        workflows.insert("Gamma 100%", "settlement", "alice");

        WorkflowPage all = workflows.search("", WorkflowSort.NAME, true, 0, 2);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(Workflow::name).containsExactly("alpha", "Beta");
        assertThat(workflows.search("", WorkflowSort.NAME, false, 2, 2).items())
                .extracting(Workflow::name).containsExactly("alpha");
        assertThat(workflows.search("CRM", WorkflowSort.NAME, true, 0, 10).items())
                .extracting(Workflow::name).containsExactly("Beta");
        assertThat(workflows.search("100%", WorkflowSort.NAME, true, 0, 10).items())
                .extracting(Workflow::name).containsExactly("Gamma 100%");
        assertThat(workflows.search("a_", WorkflowSort.NAME, true, 0, 10).total()).isZero();
    }

    @Test
    void versionsAreAppendedOnlyOnTheLatestVersionAndOneCanBePublished() {
        WorkflowRepository workflows = new WorkflowRepository(db);
        WorkflowVersionRepository versions = new WorkflowVersionRepository(db);
        Workflow workflow = workflows.insert("Versioned", "", "alice").orElseThrow();
        assertThat(workflow.latestVersion()).isZero();
        assertThat(workflow.publishedVersion()).isNull();

        WorkflowVersion first = versions.append(workflow.id(), 0, "{\"a\": 1}", "first", "alice").orElseThrow();
        WorkflowVersion second = versions.append(workflow.id(), 1, "{\"a\": 2}", "", "bob").orElseThrow();

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(versions.append(workflow.id(), 1, "{\"a\": 3}", "stale base", "carol")).isEmpty();
        assertThat(versions.append(UUID.randomUUID(), 0, "{}", "", "carol")).isEmpty();
        assertThat(versions.list(workflow.id())).extracting(WorkflowVersion::version).containsExactly(2, 1);
        assertThat(versions.find(workflow.id(), 1).orElseThrow().definitionJson()).isEqualTo("{\"a\": 1}");

        assertThat(versions.publish(workflow.id(), 1, "alice")).isTrue();
        assertThat(versions.publish(workflow.id(), 7, "alice")).isFalse();
        Workflow now = workflows.find(workflow.id()).orElseThrow();
        assertThat(now.latestVersion()).isEqualTo(2);
        assertThat(now.publishedVersion()).isEqualTo(1);
        assertThat(now.updatedBy()).isEqualTo("alice");
    }

    @Test
    void anAuditEntryRoundTrips() {
        AuditLogRepository audit = new AuditLogRepository(db);
        String id = UUID.randomUUID().toString();

        AuditEntry appended = audit.append("alice", "workflow.renamed", "workflow", id,
                "{\"name\": {\"from\": \"a\", \"to\": \"b\"}}");
        audit.append("bob", "workflow.deleted", "workflow", id, "{}");

        List<AuditEntry> history = audit.forEntity("workflow", id, 10);
        assertThat(history).extracting(AuditEntry::action).containsExactly("workflow.deleted", "workflow.renamed");
        assertThat(history.get(1)).isEqualTo(appended);
        assertThat(appended.detailsJson()).contains("\"from\": \"a\"");
        assertThat(appended.occurredAt()).isNotNull();
    }

    @Test
    void aUserRoundTripsWithRolesAndANameInAnyCase() {
        UserRepository users = new UserRepository(db);
        assertThat(users.isEmpty()).isTrue();

        UserAccount inserted = users.insert("Carol", "Carol Ops", "{bcrypt}hash", Set.of(Role.OPERATOR, Role.VIEWER))
                .orElseThrow();

        assertThat(inserted.username()).isEqualTo("carol");
        assertThat(users.findByUsername("CAROL")).contains(inserted);
        assertThat(users.insert("carol", "Another", "{bcrypt}x", Set.of(Role.ADMIN))).isEmpty();
        assertThat(users.isEmpty()).isFalse();
    }
}
