package dev.junction.backend.tokens;

import dev.junction.db.tokens.ApiTokenRepository;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The repository of personal API tokens. */
@Configuration(proxyBeanMethods = false)
class ApiTokenConfiguration {

    @Bean
    ApiTokenRepository apiTokenRepository(DSLContext db) {
        return new ApiTokenRepository(db);
    }
}
