package dev.junction.backend.security;

import dev.junction.backend.api.ApiEndpoints;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.Optional;

/**
 * Who may call which part of the REST API, by path and method: the web layer of the role rules. The services carry
 * the same rules as method security, so a rule missing in one layer is still enforced by the other — and since the
 * path rules act before a request body is read, a caller without the role learns nothing from validation messages.
 * The rules are data ({@link #RULES}, first match wins), so that the API's description names each endpoint's roles
 * from the same rules ({@link #rolesFor}). {@code RoleMatrixTest} walks every endpoint with every role against the
 * matrix of docs/security.md.
 */
public final class ApiAccessRules {

    private static final List<String> DESIGN = List.of("ADMIN", "DESIGNER");
    private static final List<String> OPERATE = List.of("ADMIN", "DESIGNER", "OPERATOR");
    private static final List<String> TRIAGE = List.of("ADMIN", "OPERATOR");
    /** Roles of a rule that lets in every signed-in user. */
    private static final List<String> ANY_USER = List.of();

    /** One rule: the method ({@code null}: any), the path patterns, the roles ({@link #ANY_USER}: any user). */
    record Rule(HttpMethod method, List<String> patterns, List<String> roles) {
    }

    static final List<Rule> RULES = List.of(
            // admins only: people, credentials, the vault, the audit log
            new Rule(null, List.of("/api/v1/users", "/api/v1/users/**", "/api/v1/vault/**", "/api/v1/audit",
                    "/api/v1/audit/**"), List.of("ADMIN")),
            // connection health (no settings, no secrets) is part of the dashboard every user reads
            new Rule(HttpMethod.GET, List.of("/api/v1/connections/health"), ANY_USER),
            new Rule(HttpMethod.GET, List.of("/api/v1/connections", "/api/v1/connections/*"), DESIGN),
            new Rule(null, List.of("/api/v1/connections", "/api/v1/connections/**"), List.of("ADMIN")),
            // alert channels (their settings name recipients and hosts): admins and operators
            new Rule(null, List.of("/api/v1/alert-channels", "/api/v1/alert-channels/**"), TRIAGE),
            // every user: their own password and API tokens
            new Rule(null, List.of("/api/v1/me/**", "/api/v1/tokens", "/api/v1/tokens/**"), ANY_USER),
            // operating runs: start by hand, cancel, replay
            new Rule(HttpMethod.POST, List.of("/api/v1/workflows/*/runs", "/api/v1/runs/*/cancel",
                    "/api/v1/runs/*/replay", "/api/v1/dead-letters/replay", "/api/v1/errors/runs/*/retry"), OPERATE),
            // triaging the error inbox: assign, tag, resolve, reopen, retry a group
            new Rule(HttpMethod.POST, List.of("/api/v1/errors/groups/*/*"), TRIAGE),
            new Rule(HttpMethod.PUT, List.of("/api/v1/errors/groups/*/*"), TRIAGE),
            // settlement reconciliation: fetch, reconcile, resolve, write to Dynamics (reading is every user's)
            new Rule(HttpMethod.POST, List.of("/api/v1/reconciliations", "/api/v1/reconciliations/**"), TRIAGE),
            // "Debug in editor": pinning a run's data on its workflow is a workflow edit
            new Rule(HttpMethod.POST, List.of("/api/v1/runs/*/debug-pins"), DESIGN),
            // a workflow's webhook address holds its secret token
            new Rule(null, List.of("/api/v1/workflows/*/webhook", "/api/v1/workflows/*/webhook/**"), DESIGN),
            // reading: every user (the connector catalog, workflows, runs, mappings, …)
            new Rule(HttpMethod.GET, List.of("/api/**"), ANY_USER),
            // watching: alert rules, alert actions (acknowledge, snooze, resolve), maintenance windows
            new Rule(null, List.of("/api/v1/alert-rules", "/api/v1/alert-rules/**", "/api/v1/alerts/**",
                    "/api/v1/maintenance-windows", "/api/v1/maintenance-windows/**"), TRIAGE),
            // trying a mapping changes nothing: every user may preview one and run its test cases
            new Rule(HttpMethod.POST, List.of("/api/v1/mappings/preview", "/api/v1/mappings/*/tests/run"), ANY_USER),
            // templates: admins upload template versions; designers install, keep wizard drafts, save as template
            new Rule(HttpMethod.POST, List.of("/api/v1/templates"), List.of("ADMIN")),
            new Rule(null, List.of("/api/v1/templates/**"), DESIGN),
            // designing: any change to workflows, mappings (and their test cases), lookup tables, rates; suggestions
            new Rule(null, List.of("/api/v1/workflows/**", "/api/v1/workflows", "/api/v1/mappings/**",
                    "/api/v1/mappings", "/api/v1/lookup-tables/**", "/api/v1/lookup-tables",
                    "/api/v1/currency-rates/**", "/api/v1/currency-rates"), DESIGN));

    private ApiAccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests,
                      ApiEndpoints endpoints) {
        for (Rule rule : RULES) {
            String[] patterns = rule.patterns().toArray(String[]::new);
            var matched = rule.method() == null ? requests.requestMatchers(patterns)
                    : requests.requestMatchers(rule.method(), patterns);
            if (rule.roles().isEmpty()) {
                matched.authenticated();
            } else {
                matched.hasAnyRole(rule.roles().toArray(String[]::new));
            }
        }
        // a path no endpoint has is let through to signed-in callers, to be answered 404; anything else is refused
        // until a rule names it
        requests.anyRequest().access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
                noEndpointAt(endpoints)));
    }

    /**
     * The roles that may call {@code method} on {@code path} (a concrete path, or an endpoint's template such as
     * {@code /api/v1/runs/{id}}): empty when any signed-in user may, absent when no rule lets anyone in.
     */
    public static Optional<List<String>> rolesFor(HttpMethod method, String path) {
        PathContainer concrete = PathContainer.parsePath(path.replaceAll("\\{[^}/]+}", "x"));
        for (Rule rule : RULES) {
            if ((rule.method() == null || rule.method().equals(method)) && rule.patterns().stream()
                    .map(PathPatternParser.defaultInstance::parse).anyMatch(pattern -> pattern.matches(concrete))) {
                return Optional.of(rule.roles());
            }
        }
        return Optional.empty();
    }

    private static AuthorizationManager<RequestAuthorizationContext> noEndpointAt(ApiEndpoints endpoints) {
        return (authentication, context) -> new AuthorizationDecision(!endpoints.exists(context.getRequest()));
    }
}
