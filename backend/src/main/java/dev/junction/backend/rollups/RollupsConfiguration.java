package dev.junction.backend.rollups;

import dev.junction.db.amounts.AmountSettingsRepository;
import dev.junction.db.rollups.RunRollups;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The hourly rollups of ended runs that dashboards, alert rules and anomaly baselines read. */
@Configuration(proxyBeanMethods = false)
class RollupsConfiguration {

    @Bean
    RunRollups runRollups(DSLContext db) {
        return new RunRollups(db);
    }

    @Bean
    AmountSettingsRepository amountSettingsRepository(DSLContext db) {
        return new AmountSettingsRepository(db);
    }

    @Bean
    RollupFolder rollupFolder(RunRollups rollups,
                              @Value("${junction.rollups.fold-interval:2s}") Duration interval) {
        return new RollupFolder(rollups, interval);
    }
}
