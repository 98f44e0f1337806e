package dev.junction.db;

import dev.junction.db.embedded.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * A fresh embedded PostgreSQL for a test: started empty, migrated by Flyway (to the latest version, or to a
 * {@code target} for tests of a migration), read and written through jOOQ or plain JDBC. The one way the db module's
 * tests start a database (see {@link MigratedDatabaseTestBase} for a database per test class).
 */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedDatabase postgres;
    private final PGSimpleDataSource dataSource;
    private final DSLContext db;

    private TestDatabase(EmbeddedDatabase postgres) {
        this.postgres = postgres;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        dataSource.setUser(postgres.user());
        dataSource.setPassword(postgres.password());
        this.db = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /** A fresh database, not migrated: no tables yet. */
    public static TestDatabase empty() {
        return new TestDatabase(EmbeddedDatabase.startFresh());
    }

    /** A fresh database migrated to version {@code target}, to test a later migration on data from before it. */
    public static TestDatabase migratedTo(String target) {
        return empty().migrateTo(target);
    }

    /** A fresh database migrated to the latest version. */
    public static TestDatabase migrated() {
        return empty().migrate();
    }

    /** Migrates to the latest version. */
    public TestDatabase migrate() {
        flyway().load().migrate();
        return this;
    }

    /** Migrates to version {@code target} (e.g. {@code "26"}), to test a later migration on data from before it. */
    public TestDatabase migrateTo(String target) {
        flyway().target(target).load().migrate();
        return this;
    }

    /** Inserts a workflow named {@code name} by plain SQL (as any schema version since V1 takes it); its id. */
    public UUID insertWorkflow(String name) {
        UUID id = UUID.randomUUID();
        db.execute("insert into workflows (id, name, created_by, updated_by) values (?, ?, 'test', 'test')", id, name);
        return id;
    }

    public DSLContext db() {
        return db;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        postgres.close();
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    }
}
