package dev.junction.db;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;

/**
 * Base of the db tests that share one fresh, migrated embedded PostgreSQL per test class: {@link #db} (jOOQ) and
 * {@link #dataSource} (plain JDBC) are ready before the first test and the database stops after the last. Each test
 * class still clears the tables it writes (in its {@code @BeforeEach}).
 */
public abstract class MigratedDatabaseTestBase {

    protected static DSLContext db;
    protected static DataSource dataSource;
    private static TestDatabase database;

    @BeforeAll
    static void startMigratedDatabase() {
        database = TestDatabase.migrated();
        db = database.db();
        dataSource = database.dataSource();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }
}
