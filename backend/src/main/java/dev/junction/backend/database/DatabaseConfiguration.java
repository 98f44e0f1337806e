package dev.junction.backend.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.junction.db.audit.AuditLogRepository;
import dev.junction.db.embedded.EmbeddedDatabase;
import dev.junction.db.users.UserRepository;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.db.workflows.WorkflowVersionRepository;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Chooses the database. With {@code JUNCTION_DB_URL} (or {@code spring.datasource.url}) set, an external
 * PostgreSQL; otherwise an embedded PostgreSQL whose data lives in {@code <JUNCTION_DATA_DIR>/pgdata}
 * (default {@code ~/.junction/pgdata}), or, with {@code junction.db.embedded.fresh=true} (the tests), in a new
 * directory removed on shutdown.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(Environment environment) {
        String url = firstNonBlank(environment.getProperty("junction.db.url"),
                environment.getProperty("spring.datasource.url"));
        DatabaseServer server;
        if (url != null) {
            server = new DatabaseServer.External(url,
                    firstNonBlankOrEmpty(environment.getProperty("junction.db.user"),
                            environment.getProperty("spring.datasource.username")),
                    firstNonBlankOrEmpty(environment.getProperty("junction.db.password"),
                            environment.getProperty("spring.datasource.password")));
        } else if (environment.getProperty("junction.db.embedded.fresh", Boolean.class, false)) {
            server = new DatabaseServer.Embedded(EmbeddedDatabase.startFresh(false));
        } else {
            Path dataDir = Path.of(environment.getRequiredProperty("junction.data-dir"));
            server = new DatabaseServer.Embedded(EmbeddedDatabase.startKeeping(dataDir.resolve("pgdata")));
        }
        log.info("Database: {}", server.description());
        return server;
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("junction");
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.user());
        dataSource.setPassword(server.password());
        return dataSource;
    }

    /** The {@code db} health (replacing Spring Boot's, which waits for the pool's connection timeout). */
    @Bean(name = "dbHealthIndicator", destroyMethod = "close")
    DatabaseHealthIndicator dbHealthIndicator(DatabaseServer server, Environment environment) {
        return new DatabaseHealthIndicator(server, environment.getProperty("junction.db.health-timeout",
                Duration.class, Duration.ofSeconds(2)));
    }

    /** 503 with Retry-After, not an error page, for webhooks and API calls that meet a database outage. */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
        var registration = new FilterRegistrationBean<>(new DatabaseOutageFilter());
        registration.addUrlPatterns("/hooks/*", "/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    WorkflowRepository workflowRepository(DSLContext db) {
        return new WorkflowRepository(db);
    }

    @Bean
    dev.junction.db.samples.SampleRepository sampleRepository(DSLContext db) {
        return new dev.junction.db.samples.SampleRepository(db);
    }

    @Bean
    dev.junction.db.mappings.MappingRepository mappingRepository(DSLContext db) {
        return new dev.junction.db.mappings.MappingRepository(db);
    }

    @Bean
    dev.junction.db.mappings.MappingTestCaseRepository mappingTestCaseRepository(DSLContext db) {
        return new dev.junction.db.mappings.MappingTestCaseRepository(db);
    }

    @Bean
    dev.junction.db.runs.MapNodeInputs mapNodeInputs(DSLContext db) {
        return new dev.junction.db.runs.MapNodeInputs(db);
    }

    @Bean
    WorkflowVersionRepository workflowVersionRepository(DSLContext db) {
        return new WorkflowVersionRepository(db);
    }

    @Bean
    UserRepository userRepository(DSLContext db) {
        return new UserRepository(db);
    }

    @Bean
    AuditLogRepository auditLogRepository(DSLContext db) {
        return new AuditLogRepository(db);
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }

    private static String firstNonBlankOrEmpty(String first, String second) {
        String value = firstNonBlank(first, second);
        return value == null ? "" : value;
    }
}
