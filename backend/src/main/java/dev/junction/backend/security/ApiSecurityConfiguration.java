package dev.junction.backend.security;

import dev.junction.backend.api.ApiEndpoints;
import dev.junction.backend.api.ProblemResponses;
import dev.junction.backend.database.DatabaseOutage;
import dev.junction.backend.database.DatabaseOutageAnswer;
import dev.junction.backend.tokens.ApiTokenService;
import dev.junction.backend.tokens.BearerTokenFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Security of the machine-facing endpoints. {@code /api/**}: a personal API token ({@code Authorization: Bearer},
 * see {@link BearerTokenFilter}) or HTTP Basic, stateless, no CSRF (no cookies are involved), errors as problem
 * details. {@code /actuator/**}: health and Prometheus metrics are open to probes and
 * scrapers, everything else there is closed. The browser UI has its own chain (in the ui module) for all other paths.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, ApiTokenService tokens,
                                    ApiEndpoints endpoints,
                                    ObjectProvider<SecurityContextHolderStrategy> strategy) throws Exception {
        // the strategy the chain's own filters use: the bean when there is one (Vaadin's), else the global one
        SecurityContextHolderStrategy contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        return SecurityHeaders.forApi(http)
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> ApiAccessRules.apply(requests, endpoints))
                .addFilterBefore(new BearerTokenFilter(tokens, problems, contexts), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic
                        .realmName("Junction")
                        .authenticationEntryPoint((request, response, failure) -> {
                            // the user could not be looked up (InternalAuthenticationServiceException): not a
                            // refusal of the credentials, and not to be retried as one
                            if (DatabaseOutage.isCause(failure)) {
                                DatabaseOutageAnswer.write(response);
                                return;
                            }
                            response.setHeader("WWW-Authenticate", "Basic realm=\"Junction\"");
                            response.addHeader("WWW-Authenticate", "Bearer realm=\"Junction\"");
                            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required: send HTTP"
                                    + " Basic credentials of a Junction user, or one of your API tokens as"
                                    + " 'Authorization: Bearer <token>'.");
                        }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "Your role does not allow this.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
