package dev.junction.db;

import dev.junction.db.audit.AuditEntry;
import dev.junction.db.audit.AuditLogRepository;
import dev.junction.db.embedded.EmbeddedDatabase;
import dev.junction.db.tokens.ApiTokenRepository;
import dev.junction.db.tokens.StoredApiToken;
import dev.junction.db.users.LoginFailureRepository;
import dev.junction.db.users.LoginFailures;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserAccount;
import dev.junction.db.users.UserRepository;
import dev.junction.db.users.UserSummary;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrations on an empty embedded PostgreSQL, and the jOOQ repositories against the result. */
class DatabaseRoundTripTest {

    private static EmbeddedDatabase postgres;
    private static MigrateResult migration;
    private static DSLContext db;
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        postgres = EmbeddedDatabase.startFresh();
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        dataSource.setUser(postgres.user());
        dataSource.setPassword(postgres.password());
        migration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        db = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @BeforeEach
    void emptyTables() {
        db.execute("truncate workflows, users, login_failures cascade"); // audit_log is append-only (V12)
    }

    @Test
    void everyMigrationAppliesToAnEmptyDatabase() throws Exception {
        assertThat(migration.success).isTrue();
        // every migration file, V1–V13 and those of parallel branches (V14 webhook dedup keys, V15 archives
        // workflows, V16 retry budgets' deadlines, V21 a step's attempts from before a replay, V22 pinned samples,
        // V23 test runs' stop node; V28 error groups is a Java migration, compiled next to the SQL files)
        try (Stream<Path> files = Files.list(Path.of(DatabaseRoundTripTest.class.getResource("/db/migration").toURI()))) {
            assertThat(migration.migrationsExecuted).isEqualTo(
                    (int) files.filter(file -> file.getFileName().toString().matches("V\\d+__[^$]+\\.(sql|class)")).count())
                    .isGreaterThanOrEqualTo(17);
        }
        List<String> tables = db.fetch("select table_name from information_schema.tables where table_schema = 'public'")
                .getValues(0, String.class);
        assertThat(tables).contains("users", "roles", "user_roles", "workflows", "workflow_versions", "audit_log",
                "qrtz_job_details", "qrtz_triggers", "qrtz_locks", "qrtz_scheduler_state", "runs", "steps",
                "mappings", "mapping_versions", "lookup_tables", "currency_rates", "connections", "connection_secrets", "rate_limit_buckets",
                "step_tasks", "for_each_progress", "payloads", "idempotency_records", "workflow_triggers",
                "lookup_entries", "api_tokens", "login_failures", "webhook_dedup_keys");
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

    @Test
    void rateLimitBucketsAreSharedByEveryNodeOfTheDatabase() {
        var nodeA = new dev.junction.db.connections.RateLimitBuckets(db);
        var nodeB = new dev.junction.db.connections.RateLimitBuckets(db);

        assertThat(nodeA.take("amazon-eu", "getOrders", 0.0167, 2)).isZero();
        assertThat(nodeB.take("amazon-eu", "getOrders", 0.0167, 2)).as("the burst is shared").isZero();
        java.time.Duration wait = nodeA.take("amazon-eu", "getOrders", 0.0167, 2);
        assertThat(wait).as("empty for both nodes: about a minute until the next token")
                .isBetween(java.time.Duration.ofSeconds(55), java.time.Duration.ofSeconds(61));
        assertThat(nodeB.take("amazon-eu", "getOrders", 0.0167, 2)).isPositive();
        assertThat(nodeB.take("amazon-eu", "getOrder", 0.5, 30)).as("another operation has its own bucket").isZero();
        assertThat(nodeB.take("amazon-us", "getOrders", 0.0167, 2)).as("another connection too").isZero();
    }

    /**
     * A take that waits for the bucket's row lock behind another node's take reads its clock once it holds the lock:
     * had it read it before (as V13 did), it would write an updated_at older than the one it found, and the next take
     * would refill that stretch of time a second time (more tokens than the rate, a 429 from the remote).
     */
    @Test
    void aTakeThatWaitedForTheBucketsLockNeverMovesItsClockBack() throws Exception {
        var buckets = new dev.junction.db.connections.RateLimitBuckets(db);
        assertThat(buckets.take("contended", "getOrder", 10, 10)).isZero();
        var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            try (var lock = otherNode.createStatement()) {
                lock.execute("select * from rate_limit_buckets where connection_id = 'contended' for update");
            }
            var waiting = executor.submit(() -> buckets.take("contended", "getOrder", 10, 10));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (db.fetchCount(DSL.table("pg_stat_activity"), DSL.condition("wait_event_type = 'Lock'")
                    .and(DSL.condition("query like '%take_rate_limit_token%'"))) == 0) {
                assertThat(System.nanoTime()).as("the second take waits for the lock").isLessThan(deadline);
                Thread.sleep(10);
            }
            OffsetDateTime otherNodesClock;
            try (var take = otherNode.createStatement()) {
                take.execute("select take_rate_limit_token('contended', 'getOrder', 10, 10)");
                var read = take.executeQuery("select updated_at from rate_limit_buckets"
                        + " where connection_id = 'contended'");
                read.next();
                otherNodesClock = read.getObject(1, OffsetDateTime.class);
            }
            otherNode.commit();
            assertThat(waiting.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();
            OffsetDateTime after = db.fetchOne("select updated_at from rate_limit_buckets"
                    + " where connection_id = 'contended'").get(0, OffsetDateTime.class);
            assertThat(after).as("the bucket's clock after the waiting take").isAfterOrEqualTo(otherNodesClock);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void anApiTokenRoundTripsByItsHashAndItsNameIsFreedByRevoking() {
        UserRepository users = new UserRepository(db);
        ApiTokenRepository tokens = new ApiTokenRepository(db);
        UserAccount dora = users.insert("dora", "Dora", "{bcrypt}hash", Set.of(Role.DESIGNER)).orElseThrow();
        String hash = "ab".repeat(32);
        OffsetDateTime expires = OffsetDateTime.now().plusDays(30);

        StoredApiToken token = tokens.insert(dora.id(), "CI", hash, "abcdEFGH", expires).orElseThrow();

        assertThat(token.username()).isEqualTo("dora");
        assertThat(token.prefix()).isEqualTo("abcdEFGH");
        assertThat(token.lastUsedAt()).isNull();
        assertThat(tokens.findByHash(hash)).contains(token);
        assertThat(tokens.insert(dora.id(), "ci", "cd".repeat(32), "12345678", null)).as("same name, other case")
                .isEmpty();
        assertThat(tokens.nameInUse(dora.id(), "Ci")).isTrue();

        assertThat(tokens.markUsed(token.id(), Duration.ofMinutes(1))).isTrue();
        assertThat(tokens.markUsed(token.id(), Duration.ofMinutes(1))).as("used again within the minute").isFalse();
        assertThat(tokens.find(token.id()).orElseThrow().lastUsedAt()).isNotNull();

        assertThat(tokens.revoke(token.id())).isTrue();
        assertThat(tokens.revoke(token.id())).as("revoked already").isFalse();
        assertThat(tokens.find(token.id()).orElseThrow().revokedAt()).isNotNull();
        assertThat(tokens.insert(dora.id(), "CI", "cd".repeat(32), "12345678", null)).isPresent();
        assertThat(tokens.ofUser(dora.id())).hasSize(2);
    }

    @Test
    void aUsersRolesNameAndStateChangeAndTheListShowsThem() {
        UserRepository users = new UserRepository(db);
        users.insert("dora", "Dora", "{bcrypt}a", Set.of(Role.DESIGNER));
        users.insert("adam", "Adam", "{bcrypt}b", Set.of(Role.ADMIN, Role.VIEWER));

        assertThat(users.replaceRoles("DORA", Set.of(Role.OPERATOR, Role.ADMIN))).isTrue();
        assertThat(users.updateDisplayName("dora", "Dora Ops")).isTrue();
        assertThat(users.setEnabled("adam", false)).isTrue();
        assertThat(users.setPasswordHash("dora", "{bcrypt}c")).isTrue();
        assertThat(users.replaceRoles("nobody", Set.of(Role.ADMIN))).isFalse();

        List<UserSummary> listed = users.list();
        assertThat(listed).extracting(UserSummary::username).containsExactly("adam", "dora");
        UserSummary dora = listed.get(1);
        assertThat(dora.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.ADMIN);
        assertThat(dora.displayName()).isEqualTo("Dora Ops");
        assertThat(dora.enabled()).isTrue();
        assertThat(dora.createdAt()).isNotNull();
        assertThat(dora.lastLoginAt()).isNull();
        assertThat(listed.get(0).enabled()).isFalse();
        assertThat(users.findByUsername("dora").orElseThrow().passwordHash()).isEqualTo("{bcrypt}c");
        assertThat(users.lockEnabledWithRole(Role.ADMIN)).containsExactly("dora");

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        assertThat(users.recordLogin("dora", now, Duration.ofMinutes(1))).isTrue();
        assertThat(users.recordLogin("dora", now.plusSeconds(30), Duration.ofMinutes(1))).isFalse();
        assertThat(users.recordLogin("dora", now.plusSeconds(60), Duration.ofMinutes(1))).isTrue();
        assertThat(users.summary("Dora").orElseThrow().lastLoginAt()).isEqualTo(now.plusSeconds(60));
    }

    @Test
    void aLoginFailureCounterIsKeptPerNameTriedAndCleared() {
        LoginFailureRepository failures = new LoginFailureRepository(db);
        UserRepository users = new UserRepository(db);
        users.insert("lena", "Lena", "{bcrypt}a", Set.of(Role.VIEWER));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);

        LoginFailures fresh = failures.lockCounter("lena", now, "10.0.0.1");
        assertThat(fresh).isEqualTo(new LoginFailures("lena", 0, now, null));
        failures.save(new LoginFailures("lena", 5, now, now.plusMinutes(15)), now, "10.0.0.2");

        assertThat(failures.lockCounter("lena", now.plusSeconds(1), "10.0.0.3"))
                .isEqualTo(new LoginFailures("lena", 5, now, now.plusMinutes(15)));
        assertThat(failures.lockedUntil("lena")).contains(now.plusMinutes(15));
        assertThat(users.summary("lena").orElseThrow().lockedUntil()).isEqualTo(now.plusMinutes(15));
        assertThat(failures.lockedUntil("no-such-user")).isEmpty();
        assertThat(failures.clear("lena")).isTrue();
        assertThat(failures.clear("lena")).isFalse();
        assertThat(users.summary("lena").orElseThrow().lockedUntil()).isNull();
    }
}
