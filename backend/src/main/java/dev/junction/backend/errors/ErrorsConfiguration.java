package dev.junction.backend.errors;

import dev.junction.db.errors.ErrorGroups;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ErrorsConfiguration {

    @Bean
    ErrorGroups errorGroups(DSLContext db) {
        return new ErrorGroups(db);
    }
}
