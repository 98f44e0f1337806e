package dev.junction.backend.connections.health;

import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** Connector call tallies in memory, written to the database every {@code junction.connections.usage-flush-interval}. */
@Configuration(proxyBeanMethods = false)
class ConnectionHealthConfiguration {

    @Bean
    ConnectionUsage connectionUsage(MeterRegistry meters, Clock clock) {
        return new ConnectionUsage(meters, clock);
    }

    @Bean
    ConnectionUsageFlusher connectionUsageFlusher(ConnectionUsage usage, DSLContext db,
                                                  @Value("${junction.connections.usage-flush-interval:5s}")
                                                  Duration interval) {
        return new ConnectionUsageFlusher(usage, db, interval);
    }
}
