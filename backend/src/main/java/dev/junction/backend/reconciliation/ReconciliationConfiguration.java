package dev.junction.backend.reconciliation;

import dev.junction.db.reconciliation.ReconciliationRepository;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reconciliation's repository. */
@Configuration(proxyBeanMethods = false)
class ReconciliationConfiguration {

    @Bean
    ReconciliationRepository reconciliationRepository(DSLContext db) {
        return new ReconciliationRepository(db);
    }
}
