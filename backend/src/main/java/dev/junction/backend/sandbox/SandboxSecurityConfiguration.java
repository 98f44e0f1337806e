package dev.junction.backend.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /sandbox/**} is the in-app mount of the simulators, called by sandbox connections with the simulators' own
 * sandbox credentials: open to all, no session, no CSRF token, no anonymous user, no logout — only the security
 * headers. Only for that path, and only while the sandbox is on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "junction.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxSecurityConfiguration {

    @Bean
    @Order(4)
    SecurityFilterChain sandboxSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/sandbox/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }
}
