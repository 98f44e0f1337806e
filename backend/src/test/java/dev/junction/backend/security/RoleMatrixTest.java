package dev.junction.backend.security;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST endpoint × every role: who gets past authorization must be exactly what the matrix below says. A new
 * endpoint fails this test until it is added to the matrix — a missing annotation cannot slip through unseen.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleMatrixTest {

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private static final Set<Role> ALL = Set.of(Role.ADMIN, Role.DESIGNER, Role.OPERATOR, Role.VIEWER);
    private static final Set<Role> DESIGN = Set.of(Role.ADMIN, Role.DESIGNER);
    private static final Set<Role> OPERATE = Set.of(Role.ADMIN, Role.DESIGNER, Role.OPERATOR);
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);
    private static final Set<Role> TRIAGE = Set.of(Role.ADMIN, Role.OPERATOR);

    /** Every endpoint and the roles that may call it (docs/security.md has the same matrix for people). */
    private static final Map<String, Set<Role>> MATRIX = Map.ofEntries(
            Map.entry("GET /api/v1/connectors", ALL),
            Map.entry("GET /api/v1/connectors/{id}", ALL),
            Map.entry("GET /api/v1/connections", DESIGN),
            Map.entry("GET /api/v1/connections/{id}", DESIGN),
            Map.entry("GET /api/v1/connections/health", ALL),
            Map.entry("POST /api/v1/connections", ADMIN),
            Map.entry("PUT /api/v1/connections/{id}", ADMIN),
            Map.entry("DELETE /api/v1/connections/{id}", ADMIN),
            Map.entry("POST /api/v1/connections/{id}/test", ADMIN),
            Map.entry("POST /api/v1/vault/rotate", ADMIN),
            Map.entry("GET /api/v1/audit", ADMIN),
            Map.entry("GET /api/v1/audit/export", ADMIN),
            Map.entry("GET /api/v1/users", ADMIN),
            Map.entry("POST /api/v1/users", ADMIN),
            Map.entry("GET /api/v1/users/{username}", ADMIN),
            Map.entry("PUT /api/v1/users/{username}", ADMIN),
            Map.entry("PUT /api/v1/users/{username}/enabled", ADMIN),
            Map.entry("PUT /api/v1/users/{username}/password", ADMIN),
            Map.entry("PUT /api/v1/me/password", ALL),
            Map.entry("GET /api/v1/tokens", ALL),
            Map.entry("POST /api/v1/tokens", ALL),
            Map.entry("DELETE /api/v1/tokens/{id}", ALL),
            Map.entry("GET /api/v1/currency-rates", ALL),
            Map.entry("POST /api/v1/currency-rates", DESIGN),
            Map.entry("DELETE /api/v1/currency-rates/{id}", DESIGN),
            Map.entry("GET /api/v1/lookup-tables", ALL),
            Map.entry("POST /api/v1/lookup-tables", DESIGN),
            Map.entry("GET /api/v1/lookup-tables/{name}", ALL),
            Map.entry("PUT /api/v1/lookup-tables/{name}", DESIGN),
            Map.entry("DELETE /api/v1/lookup-tables/{name}", DESIGN),
            Map.entry("GET /api/v1/lookup-tables/{name}/csv", ALL),
            Map.entry("POST /api/v1/lookup-tables/{name}/csv", DESIGN),
            Map.entry("GET /api/v1/lookup-tables/{name}/entries", ALL),
            Map.entry("PUT /api/v1/lookup-tables/{name}/entries/{key}", DESIGN),
            Map.entry("DELETE /api/v1/lookup-tables/{name}/entries/{key}", DESIGN),
            Map.entry("GET /api/v1/mappings", ALL),
            Map.entry("POST /api/v1/mappings", DESIGN),
            Map.entry("GET /api/v1/mappings/{id}", ALL),
            Map.entry("DELETE /api/v1/mappings/{id}", DESIGN),
            Map.entry("PATCH /api/v1/mappings/{id}", DESIGN),
            Map.entry("GET /api/v1/mappings/{id}/versions", ALL),
            Map.entry("GET /api/v1/mappings/{id}/versions/diff", ALL),
            Map.entry("POST /api/v1/mappings/{id}/versions", DESIGN),
            Map.entry("GET /api/v1/mappings/{id}/versions/{version}", ALL),
            Map.entry("POST /api/v1/mappings/{id}/versions/{version}/publish", DESIGN),
            Map.entry("POST /api/v1/mappings/preview", ALL),
            Map.entry("GET /api/v1/mappings/{id}/tests", ALL),
            Map.entry("POST /api/v1/mappings/{id}/tests", DESIGN),
            Map.entry("DELETE /api/v1/mappings/{id}/tests/{testId}", DESIGN),
            Map.entry("POST /api/v1/mappings/{id}/tests/run", ALL),
            Map.entry("POST /api/v1/mappings/suggestions", DESIGN),
            Map.entry("POST /api/v1/mappings/sample", DESIGN),
            Map.entry("GET /api/v1/mappings/functions", ALL),
            Map.entry("GET /api/v1/mappings/schemas", ALL),
            Map.entry("GET /api/v1/mappings/schemas/{group}/{name}", ALL),
            Map.entry("GET /api/v1/mappings/value-maps", ALL),
            Map.entry("GET /api/v1/schemas/workflow.json", ALL),
            Map.entry("GET /api/v1/schemas/mapping.json", ALL),
            Map.entry("GET /api/v1/schemas/catalog.json", ALL),
            Map.entry("GET /api/v1/catalog", ALL),
            Map.entry("GET /api/v1/openapi.json", ALL),
            Map.entry("GET /api/v1/openapi.json.yaml", ALL),
            Map.entry("GET /api/v1/openapi.json/swagger-config", ALL),
            Map.entry("GET /api/v1/workflows", ALL),
            Map.entry("POST /api/v1/workflows", DESIGN),
            Map.entry("POST /api/v1/workflows/import", DESIGN),
            Map.entry("GET /api/v1/workflows/{id}", ALL),
            Map.entry("PATCH /api/v1/workflows/{id}", DESIGN),
            Map.entry("DELETE /api/v1/workflows/{id}", DESIGN),
            Map.entry("GET /api/v1/workflows/{id}/export", ALL),
            Map.entry("GET /api/v1/workflows/{id}/versions", ALL),
            Map.entry("POST /api/v1/workflows/{id}/versions", DESIGN),
            Map.entry("GET /api/v1/workflows/{id}/versions/diff", ALL),
            Map.entry("GET /api/v1/workflows/{id}/versions/{version}", ALL),
            Map.entry("POST /api/v1/workflows/{id}/versions/{version}/publish", DESIGN),
            Map.entry("POST /api/v1/workflows/{id}/versions/{version}/rollback", DESIGN),
            Map.entry("GET /api/v1/workflows/{id}/webhook", DESIGN),
            Map.entry("POST /api/v1/workflows/{id}/webhook/rotate", DESIGN),
            Map.entry("POST /api/v1/workflows/{workflowId}/runs", OPERATE),
            Map.entry("GET /api/v1/runs", ALL),
            Map.entry("GET /api/v1/anomalies", ALL),
            Map.entry("GET /api/v1/anomalies/baseline", ALL),
            Map.entry("GET /api/v1/workflows/{id}/amounts", ALL),
            Map.entry("PUT /api/v1/workflows/{id}/amounts", DESIGN),
            Map.entry("DELETE /api/v1/workflows/{id}/amounts", DESIGN),
            Map.entry("GET /api/v1/workflows/tags", ALL),
            Map.entry("POST /api/v1/runs/{id}/debug-pins", DESIGN),
            Map.entry("GET /api/v1/runs/{id}", ALL),
            Map.entry("GET /api/v1/runs/{runId}/steps/{stepId}/{side}", ALL),
            Map.entry("GET /api/v1/runs/export.csv", ALL),
            Map.entry("POST /api/v1/runs/{id}/cancel", OPERATE),
            Map.entry("POST /api/v1/runs/{id}/replay", OPERATE),
            Map.entry("GET /api/v1/dead-letters", ALL),
            Map.entry("POST /api/v1/dead-letters/replay", OPERATE),
            Map.entry("GET /api/v1/errors/groups", ALL),
            Map.entry("GET /api/v1/errors/groups/{id}", ALL),
            Map.entry("GET /api/v1/errors/groups/{id}/runs", ALL),
            Map.entry("PUT /api/v1/errors/groups/{id}/assignee", TRIAGE),
            Map.entry("PUT /api/v1/errors/groups/{id}/tags", TRIAGE),
            Map.entry("POST /api/v1/errors/groups/{id}/resolve", TRIAGE),
            Map.entry("POST /api/v1/errors/groups/{id}/reopen", TRIAGE),
            Map.entry("POST /api/v1/errors/groups/{id}/retry", TRIAGE),
            Map.entry("POST /api/v1/errors/runs/{runId}/retry", OPERATE),
            Map.entry("GET /api/v1/dashboard", ALL),
            Map.entry("GET /api/v1/reconciliations/settlements", ALL),
            Map.entry("POST /api/v1/reconciliations/settlements/fetch", TRIAGE),
            Map.entry("GET /api/v1/reconciliations/connections", ALL),
            Map.entry("POST /api/v1/reconciliations", TRIAGE),
            Map.entry("GET /api/v1/reconciliations/{runId}", ALL),
            Map.entry("GET /api/v1/reconciliations/{runId}/lines", ALL),
            Map.entry("GET /api/v1/reconciliations/{runId}/matches", ALL),
            Map.entry("GET /api/v1/reconciliations/{runId}/unmatched", ALL),
            Map.entry("GET /api/v1/reconciliations/{runId}/discrepancies", ALL),
            Map.entry("POST /api/v1/reconciliations/{runId}/discrepancies/{itemNo}/resolve", TRIAGE),
            Map.entry("GET /api/v1/reconciliations/{runId}/journal", ALL),
            Map.entry("GET /api/v1/reconciliations/{runId}/journal.csv", ALL),
            Map.entry("POST /api/v1/reconciliations/{runId}/dynamics", TRIAGE),
            Map.entry("GET /api/v1/alert-channels", TRIAGE),
            Map.entry("GET /api/v1/alert-channels/kinds", TRIAGE),
            Map.entry("POST /api/v1/alert-channels", TRIAGE),
            Map.entry("GET /api/v1/alert-channels/{id}", TRIAGE),
            Map.entry("PUT /api/v1/alert-channels/{id}", TRIAGE),
            Map.entry("DELETE /api/v1/alert-channels/{id}", TRIAGE),
            Map.entry("POST /api/v1/alert-channels/{id}/test", TRIAGE),
            Map.entry("GET /api/v1/alert-conditions", ALL),
            Map.entry("GET /api/v1/alert-rules", ALL),
            Map.entry("POST /api/v1/alert-rules", TRIAGE),
            Map.entry("GET /api/v1/alert-rules/{id}", ALL),
            Map.entry("PUT /api/v1/alert-rules/{id}", TRIAGE),
            Map.entry("DELETE /api/v1/alert-rules/{id}", TRIAGE),
            Map.entry("GET /api/v1/alerts", ALL),
            Map.entry("GET /api/v1/alerts/{id}", ALL),
            Map.entry("POST /api/v1/alerts/{id}/acknowledge", TRIAGE),
            Map.entry("POST /api/v1/alerts/{id}/snooze", TRIAGE),
            Map.entry("POST /api/v1/alerts/{id}/unsnooze", TRIAGE),
            Map.entry("POST /api/v1/alerts/{id}/resolve", TRIAGE),
            Map.entry("GET /api/v1/templates", ALL),
            Map.entry("POST /api/v1/templates", ADMIN),
            Map.entry("GET /api/v1/templates/{id}", ALL),
            Map.entry("GET /api/v1/templates/{id}/sample-run", ALL),
            Map.entry("POST /api/v1/templates/{id}/sample-run", DESIGN),
            Map.entry("POST /api/v1/templates/{id}/install", DESIGN),
            Map.entry("GET /api/v1/templates/drafts", DESIGN),
            Map.entry("POST /api/v1/templates/drafts", DESIGN),
            Map.entry("GET /api/v1/templates/drafts/{draftId}", DESIGN),
            Map.entry("PUT /api/v1/templates/drafts/{draftId}", DESIGN),
            Map.entry("DELETE /api/v1/templates/drafts/{draftId}", DESIGN),
            Map.entry("POST /api/v1/templates/from-workflow/{workflowId}", DESIGN),
            Map.entry("POST /api/v1/templates/fix-up", DESIGN),
            Map.entry("GET /api/v1/workflows/{id}/template", ALL),
            Map.entry("GET /api/v1/workflows/{id}/readiness", ALL),
            Map.entry("PUT /api/v1/workflows/{id}/owner", DESIGN),
            Map.entry("GET /api/v1/workflows/{id}/template-update", ALL),
            Map.entry("POST /api/v1/workflows/{id}/template-update", DESIGN),
            Map.entry("POST /api/v1/workflows/{id}/template-test-run", DESIGN),
            Map.entry("GET /api/v1/maintenance-windows", ALL),
            Map.entry("POST /api/v1/maintenance-windows", TRIAGE),
            Map.entry("DELETE /api/v1/maintenance-windows/{id}", TRIAGE));

    @Test
    void everyEndpointLetsThroughExactlyTheRolesOfTheMatrix() {
        Map<Role, ApiClient> clients = RoleMatrixProbe.users(port, users, passwords);
        Set<String> endpoints = RoleMatrixProbe.endpoints(mapping);

        assertThat(endpoints).as("endpoints the matrix does not list: add them with their roles")
                .isSubsetOf(MATRIX.keySet());
        assertThat(MATRIX.keySet()).as("endpoints in the matrix that no longer exist").isSubsetOf(endpoints);
        Map<String, Set<Role>> observed = RoleMatrixProbe.observe(endpoints, clients);
        Map<String, Set<Role>> expected = new java.util.TreeMap<>();
        endpoints.forEach(endpoint -> expected.put(endpoint, java.util.EnumSet.copyOf(MATRIX.get(endpoint))));
        assertThat(observed).isEqualTo(expected);
    }
}
