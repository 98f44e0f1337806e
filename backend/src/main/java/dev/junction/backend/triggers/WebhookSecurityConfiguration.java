package dev.junction.backend.triggers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /hooks/**} is called by remote systems, which authenticate with the secret token in the path: no login, no
 * session, no CSRF token, no anonymous user, no logout — only the security headers. (Every filter left out here is
 * work saved on each webhook call: see docs/benchmarks.md.)
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurityConfiguration {

    @Bean
    @Order(3)
    SecurityFilterChain webhookSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/hooks/**")
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }
}
