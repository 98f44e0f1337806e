package dev.junction.backend.sandbox;

import dev.junction.backend.api.ProblemResponses;
import dev.junction.backend.tokens.ApiTokenService;
import dev.junction.backend.tokens.BearerTokenFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * {@code /sandbox/**} is the in-app mount of the simulators, called by sandbox connections with the simulators' own
 * sandbox credentials: open to all, no session, no CSRF token, no anonymous user, no logout — only the security
 * headers. Only for that path, and only while the sandbox is on.
 *
 * <p>Its controls (everything under {@code <basePath>/_sandbox/}) have a chain of their own, ahead of it: reading
 * them ({@code GET}) is open, changing anything (fault profiles, planned faults, counters, resets, the SP-API
 * simulator's orders, the Opayo simulator's batches and notifications, the reconciliation scenarios) needs an
 * ADMIN — signed in to the UI (the session), with HTTP Basic or an API token ({@code Authorization: Bearer}) — or the sandbox control token ({@code JUNCTION_SANDBOX_CONTROL_TOKEN}) in the
 * {@code Junction-Sandbox-Token} header. Anything else: 401 (no credentials) or 403 (another role), problem+json.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "junction.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxSecurityConfiguration {

    @Bean
    @Order(4)
    SecurityFilterChain sandboxControlSecurity(HttpSecurity http, ProblemResponses problems, ApiTokenService tokens,
                                               ObjectProvider<SecurityContextHolderStrategy> strategy,
                                               @Value("${junction.sandbox.control-token:}") String controlToken)
            throws Exception {
        SecurityContextHolderStrategy contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        return http
                .securityMatcher(SandboxControlPaths::isControl)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(request -> "GET".equals(request.getMethod())).permitAll()
                        .anyRequest().hasAnyRole("ADMIN", SandboxControlPaths.CONTROL_ROLE))
                .addFilterBefore(new BearerTokenFilter(tokens, problems, contexts), BasicAuthenticationFilter.class)
                .addFilterBefore(new SandboxTokenFilter(controlToken, contexts), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.realmName("Junction").authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Junction\"");
                    problems.write(response, HttpStatus.UNAUTHORIZED, "Changing the sandbox needs an ADMIN (signed"
                            + " in, HTTP Basic or an API token) or the sandbox control token in the"
                            + " Junction-Sandbox-Token header.");
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "Only an ADMIN (or the sandbox control"
                                + " token) may change the sandbox.")))
                // a UI sign-in counts (the session is read, never created); the session cookie is SameSite=Lax,
                // so a cross-site page cannot send it with a state-changing request
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(5)
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
