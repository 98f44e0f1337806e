package dev.junction.backend.security;

import dev.junction.backend.api.ApiEndpoints;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call which part of the REST API, by path and method: the web layer of the role rules. The services carry
 * the same rules as method security, so a rule missing in one layer is still enforced by the other — and since the
 * path rules act before a request body is read, a caller without the role learns nothing from validation messages.
 * {@code RoleMatrixTest} walks every endpoint with every role against the matrix of docs/security.md.
 */
final class ApiAccessRules {

    private static final String[] DESIGN = {"ADMIN", "DESIGNER"};
    private static final String[] OPERATE = {"ADMIN", "DESIGNER", "OPERATOR"};

    private ApiAccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests,
                      ApiEndpoints endpoints) {
        requests
                // admins only: people, credentials, the vault, the audit log
                .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/vault/**", "/api/v1/audit",
                        "/api/v1/audit/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/v1/connections", "/api/v1/connections/*").hasAnyRole(DESIGN)
                .requestMatchers("/api/v1/connections", "/api/v1/connections/**").hasRole("ADMIN")
                // every user: their own password and API tokens, the connector catalog
                .requestMatchers("/api/v1/me/**", "/api/v1/tokens", "/api/v1/tokens/**").authenticated()
                // operating runs: start by hand, cancel, replay
                .requestMatchers(HttpMethod.POST, "/api/v1/workflows/*/runs", "/api/v1/runs/*/cancel",
                        "/api/v1/runs/*/replay", "/api/v1/dead-letters/replay").hasAnyRole(OPERATE)
                // a workflow's webhook address holds its secret token
                .requestMatchers("/api/v1/workflows/*/webhook", "/api/v1/workflows/*/webhook/**").hasAnyRole(DESIGN)
                // designing: any change to workflows, mappings, lookup tables, rates; previews and suggestions
                .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                .requestMatchers("/api/v1/workflows/**", "/api/v1/workflows", "/api/v1/mappings/**",
                        "/api/v1/mappings", "/api/v1/lookup-tables/**", "/api/v1/lookup-tables",
                        "/api/v1/currency-rates/**", "/api/v1/currency-rates").hasAnyRole(DESIGN)
                // a path no endpoint has is let through to signed-in callers, to be answered 404; anything else
                // is refused until a rule names it
                .anyRequest().access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
                        noEndpointAt(endpoints)));
    }

    private static AuthorizationManager<RequestAuthorizationContext> noEndpointAt(ApiEndpoints endpoints) {
        return (authentication, context) -> new AuthorizationDecision(!endpoints.exists(context.getRequest()));
    }
}
