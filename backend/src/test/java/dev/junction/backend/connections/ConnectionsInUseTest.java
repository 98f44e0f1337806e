package dev.junction.backend.connections;

import dev.junction.backend.BackendTestApplication;
import dev.junction.db.connections.ConnectionRepository;
import dev.junction.db.connections.StoredConnection;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connections connector calls go through: read from the database once per time to live, read again at once
 * after a change written on this node, and after the time to live when another node (here: a plain SQL update
 * beside the repository) changed the row.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectionsInUseTest {

    @Autowired
    ConnectionRepository repository;
    @Autowired
    DSLContext db;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final String id = "cache-" + UUID.randomUUID();

    @BeforeEach
    void createConnection() {
        assertThat(repository.create(id, "Cache " + id, "http", "sandbox", Map.of("baseUrl", "http://127.0.0.1:1/a"),
                "test")).isTrue();
    }

    @AfterEach
    void deleteConnection() {
        repository.delete(id);
    }

    @Test
    void aChangeByAnotherNodeIsSeenAfterTheTimeToLiveAndNotBefore() {
        ConnectionsInUse inUse = new ConnectionsInUse(repository, Duration.ofSeconds(2), nanos::get);
        assertThat(baseUrl(inUse)).isEqualTo("http://127.0.0.1:1/a");

        // another node changes the row: this repository's change count does not move
        db.execute("update connections set settings = '{\"baseUrl\": \"http://127.0.0.1:1/b\"}'::jsonb where id = ?", id);
        nanos.addAndGet(Duration.ofMillis(1_900).toNanos());
        assertThat(baseUrl(inUse)).isEqualTo("http://127.0.0.1:1/a");

        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(baseUrl(inUse)).isEqualTo("http://127.0.0.1:1/b");
    }

    @Test
    void aChangeOnThisNodeIsSeenAtOnce() {
        ConnectionsInUse inUse = new ConnectionsInUse(repository, Duration.ofMinutes(10), nanos::get);
        assertThat(baseUrl(inUse)).isEqualTo("http://127.0.0.1:1/a");

        repository.update(id, "Cache " + id, "sandbox", Map.of("baseUrl", "http://127.0.0.1:1/c"), "test");
        assertThat(baseUrl(inUse)).isEqualTo("http://127.0.0.1:1/c");

        repository.delete(id);
        assertThat(inUse.find(id)).isEmpty();
    }

    @Test
    void aTimeToLiveOfZeroReadsEveryTime() {
        ConnectionsInUse inUse = new ConnectionsInUse(repository, Duration.ZERO, nanos::get);
        assertThat(baseUrl(inUse)).isEqualTo("http://127.0.0.1:1/a");
        db.execute("update connections set settings = '{\"baseUrl\": \"http://127.0.0.1:1/d\"}'::jsonb where id = ?", id);
        assertThat(baseUrl(inUse)).isEqualTo("http://127.0.0.1:1/d");
    }

    @Test
    void aNegativeTimeToLiveIsRefusedWithItsSettingsName() {
        assertThatThrownBy(() -> new ConnectionsInUse(repository, Duration.ofSeconds(-1), nanos::get))
                .hasMessageContaining("junction.connections.cache-ttl");
    }

    private String baseUrl(ConnectionsInUse inUse) {
        return inUse.find(id).map(StoredConnection::settings).map(settings -> settings.get("baseUrl")).orElseThrow();
    }
}
