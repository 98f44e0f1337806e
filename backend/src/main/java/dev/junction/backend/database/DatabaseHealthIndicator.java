package dev.junction.backend.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The {@code db} health of {@code /actuator/health} and of the readiness probe: whether the database answers within
 * a short timeout. It asks over a pool of its own (one connection), so that it answers DOWN within that timeout
 * when the database is gone — instead of waiting for the application pool's connection timeout — and UP whenever
 * the database answers, however busy the application's pool is.
 */
final class DatabaseHealthIndicator implements HealthIndicator, AutoCloseable {

    private final HikariDataSource pool;
    private final int validSeconds;

    DatabaseHealthIndicator(DatabaseServer server, Duration timeout) {
        long millis = Math.max(500, timeout.toMillis());
        HikariConfig config = new HikariConfig();
        config.setPoolName("junction-health");
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(millis);
        config.setValidationTimeout(Math.max(250, millis / 2));
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, millis / 1000)));
        config.addDataSourceProperty("socketTimeout", Long.toString(Math.max(1, millis / 1000)));
        this.pool = new HikariDataSource(config);
        this.validSeconds = (int) Math.max(1, millis / 1000);
    }

    @Override
    public Health health() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(validSeconds) ? Health.up().build()
                    : Health.down().withDetail("error", "the database did not answer in time").build();
        } catch (SQLException | RuntimeException e) {
            return Health.down().withDetail("error", "the database cannot be reached: " + e.getMessage()).build();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
