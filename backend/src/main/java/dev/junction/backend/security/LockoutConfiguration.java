package dev.junction.backend.security;

import dev.junction.db.users.LoginFailureRepository;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sign-in throttle's settings and its store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LockoutSettings.class)
class LockoutConfiguration {

    @Bean
    LoginFailureRepository loginFailureRepository(DSLContext db) {
        return new LoginFailureRepository(db);
    }
}
