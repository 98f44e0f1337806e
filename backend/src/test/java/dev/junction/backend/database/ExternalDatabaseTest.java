package dev.junction.backend.database;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.db.embedded.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code junction.db.url} (JUNCTION_DB_URL) set, Junction uses that PostgreSQL and starts none of its own.
 * The "external" server here is a separately started PostgreSQL that the app only knows by its URL.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.workers.enabled=false", "spring.quartz.auto-startup=false"})
@DirtiesContext // the external server stops after this class: its context must not outlive it (no workers, no Quartz)
class ExternalDatabaseTest {

    private static final EmbeddedDatabase EXTERNAL = EmbeddedDatabase.startFresh();

    @DynamicPropertySource
    static void pointAtTheExternalDatabase(DynamicPropertyRegistry properties) {
        properties.add("junction.db.url", () -> "jdbc:postgresql://localhost:" + EXTERNAL.port() + "/postgres");
        properties.add("junction.db.user", EXTERNAL::user);
        properties.add("junction.db.password", EXTERNAL::password);
    }

    @AfterAll
    static void stop() {
        EXTERNAL.close();
    }

    @LocalServerPort
    int port;

    @Test
    void theSchemaAndTheDataLiveInTheConfiguredDatabase() throws SQLException {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        assertThat(admin.post("/api/v1/workflows", "{\"name\": \"Stored externally\"}").statusCode()).isEqualTo(201);

        try (Connection connection = DriverManager.getConnection(EXTERNAL.jdbcUrl(), EXTERNAL.user(),
                EXTERNAL.password());
             ResultSet row = connection.createStatement().executeQuery(
                     "select created_by from workflows where name = 'Stored externally'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("admin");
        }
    }
}
