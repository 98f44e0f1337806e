package dev.junction.backend.apidocs;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description: for signed-in callers only, and every endpoint of every controller in it — found by
 * walking the handler methods Spring MVC maps, so that a new endpoint cannot be left out — with its roles and its
 * error answers as problem details.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDescriptionTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping controllers;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    private JsonNode description() {
        if (users.findByUsername("olga").isEmpty()) {
            users.insert("olga", "Olga Operator", passwords.encode("operator-password-9"), Set.of(Role.OPERATOR));
        }
        HttpResponse<String> response = ApiClient.anonymous(port).as("olga", "operator-password-9")
                .get("/api/v1/openapi.json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunsApi.read(response.body());
    }

    @Test
    void onlySignedInCallersReadTheDescription() {
        assertThat(ApiClient.anonymous(port).get("/api/v1/openapi.json").statusCode()).isEqualTo(401);
        assertThat(description().get("openapi").asString()).startsWith("3.");
    }

    @Test
    void everyControllerMethodIsDescribedWithItsRolesAndProblemAnswers() {
        JsonNode paths = description().get("paths");
        List<String> endpoints = new ArrayList<>();
        controllers.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("org.springdoc")) {
                return;
            }
            for (String pattern : patterns(info)) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                    endpoints.add(verb + " " + pattern);
                }
            }
        });
        assertThat(endpoints).as("the controllers' endpoints").hasSizeGreaterThan(60);

        for (String endpoint : endpoints) {
            String verb = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            JsonNode operation = paths.path(path).path(verb);
            assertThat(operation.isObject()).as(endpoint + " is described").isTrue();
            assertThat(operation.get("description").asString()).as(endpoint).contains("Roles: ");
            assertThat(operation.get("x-roles").isArray()).as(endpoint).isTrue();
            assertThat(operation.path("responses").path("401").path("content").has("application/problem+json"))
                    .as(endpoint + " answers 401 as a problem").isTrue();
            assertThat(operation.path("responses").path("400").path("content").path("application/problem+json")
                    .path("schema").path("$ref").asString()).as(endpoint).isEqualTo("#/components/schemas/Problem");
        }
    }

    @Test
    void rolesAreThoseTheSecurityRulesEnforceAndBodiesHaveSchemas() {
        JsonNode description = description();
        JsonNode paths = description.get("paths");
        assertThat(paths.path("/api/v1/users").path("post").get("description").asString())
                .contains("Roles: ADMIN.");
        assertThat(paths.path("/api/v1/runs/{id}/replay").path("post").get("x-roles").toString())
                .isEqualTo("[\"ADMIN\",\"DESIGNER\",\"OPERATOR\"]");
        assertThat(paths.path("/api/v1/workflows").path("get").get("description").asString())
                .contains("Roles: any signed-in user.");
        assertThat(paths.path("/api/v1/workflows").path("get").path("responses").has("403")).isFalse();
        String createWorkflow = paths.path("/api/v1/workflows").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asString();
        assertThat(createWorkflow).startsWith("#/components/schemas/");
        JsonNode schema = description.get("components").get("schemas")
                .get(createWorkflow.substring(createWorkflow.lastIndexOf('/') + 1));
        assertThat(schema.get("properties").has("name")).isTrue();
        assertThat(description.get("components").get("securitySchemes").has("basic")).isTrue();
        assertThat(description.get("components").get("securitySchemes").has("apiToken")).isTrue();
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() == null ? Set.of() : info.getPathPatternsCondition().getPatternValues();
    }
}
