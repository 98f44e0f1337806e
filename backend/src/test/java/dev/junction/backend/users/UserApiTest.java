package dev.junction.backend.users;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.junction.backend.runs.RunsApi.read;
import static org.assertj.core.api.Assertions.assertThat;

/** Users over REST: create, list, roles, disable, reset, the password policy, the last admin, audit, roles. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserApiTest {

    private static final String ADMIN_PASSWORD = "test-admin-password";
    private static final String DESIGNER_PASSWORD = "dana-designer-password";

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    DSLContext db;
    private ApiClient anonymous;
    private ApiClient admin;

    @BeforeEach
    void setUp() {
        anonymous = ApiClient.anonymous(port);
        admin = anonymous.as("admin", ADMIN_PASSWORD);
        if (users.findByUsername("ut-dana").isEmpty()) {
            users.insert("ut-dana", "Dana Designer", passwords.encode(DESIGNER_PASSWORD), Set.of(Role.DESIGNER));
        }
    }

    private static String uniqueName() {
        return "ut-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode created(String username, String roles, String password) {
        HttpResponse<String> response = admin.post("/api/v1/users", """
                {"username": "%s", "displayName": "Test %s", "roles": %s, "password": "%s"}"""
                .formatted(username, username, roles, password));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/users/" + username.toLowerCase()));
        return read(response.body());
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = read(response.body());
        assertThat(problem.get("errors").findValues("field").stream().map(JsonNode::asString)).as(response.body())
                .contains(field);
        return problem;
    }

    private List<String> auditActions(String username) {
        return db.fetch("select action from audit_log where entity_type = 'user' and entity_id = ? order by id",
                username).getValues(0, String.class);
    }

    @Test
    void anAdminCreatesAUserWhoSignsInAndIsListed() {
        String name = uniqueName();
        String password = "correct horse battery";

        JsonNode user = created(name.toUpperCase(), "[\"DESIGNER\", \"viewer\"]", password);

        assertThat(user.get("username").asString()).isEqualTo(name);
        assertThat(user.get("displayName").asString()).isEqualTo("Test " + name.toUpperCase());
        assertThat(user.get("roles").toString()).isEqualTo("[\"DESIGNER\",\"VIEWER\"]");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(user.get("createdAt").isNull()).isFalse();
        assertThat(user.get("lastLoginAt").isNull()).isTrue();
        assertThat(user.get("lockedUntil").isNull()).isTrue();
        assertThat(user.toString()).doesNotContain(password).doesNotContain("bcrypt").doesNotContain("passwordHash");

        assertThat(anonymous.as(name, password).get("/api/v1/workflows").statusCode()).isEqualTo(200);
        JsonNode listed = read(admin.get("/api/v1/users").body());
        JsonNode mine = null;
        for (JsonNode entry : listed) {
            if (entry.get("username").asString().equals(name)) {
                mine = entry;
            }
        }
        assertThat(mine).as(listed.toString()).isNotNull();
        assertThat(mine.get("lastLoginAt").isNull()).as("the sign-in is noted").isFalse();
        assertThat(read(admin.get("/api/v1/users/" + name).body()).get("displayName").asString())
                .isEqualTo("Test " + name.toUpperCase());
        assertThat(admin.get("/api/v1/users/no-such-user").statusCode()).isEqualTo(404);
        assertThat(auditActions(name)).startsWith("user.created");
        assertThat(problem(admin.post("/api/v1/users", """
                {"username": "%s", "displayName": "Again", "roles": ["VIEWER"], "password": "another password"}"""
                .formatted(name)), 409, "username").get("detail").asString()).contains("exists already");
    }

    @Test
    void thePasswordPolicyNamesThePasswordFieldAndItsRule() {
        String name = uniqueName();
        String create = """
                {"username": "%s", "displayName": "Policy", "roles": ["VIEWER"], "password": "%s"}""";

        assertThat(problem(admin.post("/api/v1/users", create.formatted(name, "short-one")), 400, "password")
                .get("detail").asString()).contains("password: must be at least 12 characters long (has 9)");
        assertThat(problem(admin.post("/api/v1/users", create.formatted(name, "my-" + name.toUpperCase() + "-pass")),
                400, "password").get("detail").asString()).contains("must not be or contain the user name");
        assertThat(problem(admin.post("/api/v1/users", create.formatted(name, "x".repeat(129))), 400, "password")
                .get("detail").asString()).contains("at most 72 bytes");
        assertThat(admin.get("/api/v1/users/" + name).statusCode()).as("nothing was created").isEqualTo(404);

        JsonNode several = problem(admin.post("/api/v1/users", """
                {"username": "-bad name", "displayName": " ", "roles": [], "password": ""}"""), 400, "username");
        assertThat(several.get("errors").findValues("field").stream().map(JsonNode::asString))
                .containsExactly("username", "displayName", "roles", "password");
        problem(admin.post("/api/v1/users", create.formatted(name, "long enough password").replace("VIEWER", "BOSS")),
                400, "roles");
        problem(admin.post("/api/v1/users", "{\"username\": \"" + name + "\", \"pasword\": \"x\"}"), 400, "pasword");

        created(name, "[\"VIEWER\"]", "long enough password");
        assertThat(problem(admin.send("PUT", "/api/v1/users/" + name + "/password",
                "{\"password\": \"" + name + "-and-more\"}"), 400, "password").get("detail").asString())
                .contains("user name");
        assertThat(anonymous.as(name, "long enough password").get("/api/v1/workflows").statusCode())
                .as("a refused reset changes nothing").isEqualTo(200);
    }

    @Test
    void rolesChangeAndAreAudited() {
        String name = uniqueName();
        created(name, "[\"VIEWER\"]", "viewer password 1");

        HttpResponse<String> changed = admin.send("PUT", "/api/v1/users/" + name,
                "{\"displayName\": \"Olga Operator\", \"roles\": [\"OPERATOR\", \"DESIGNER\"]}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(read(changed.body()).get("roles").toString()).isEqualTo("[\"DESIGNER\",\"OPERATOR\"]");
        assertThat(read(changed.body()).get("displayName").asString()).isEqualTo("Olga Operator");
        String details = db.fetchOne("select details::text from audit_log where entity_id = ?"
                + " and action = 'user.roles_changed'", name).get(0, String.class);
        assertThat(read(details).get("from").toString()).isEqualTo("[\"VIEWER\"]");
        assertThat(read(details).get("to").toString()).isEqualTo("[\"DESIGNER\",\"OPERATOR\"]");
        assertThat(auditActions(name)).containsExactly("user.created", "user.display_name_changed",
                "user.roles_changed");

        problem(admin.send("PUT", "/api/v1/users/" + name, "{\"roles\": []}"), 400, "roles");
        assertThat(admin.send("PUT", "/api/v1/users/nobody-here", "{\"roles\": [\"VIEWER\"]}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDisabledUserCannotSignInUntilEnabledAgain() {
        String name = uniqueName();
        created(name, "[\"OPERATOR\"]", "operator password");
        ApiClient user = anonymous.as(name, "operator password");

        HttpResponse<String> disabled = admin.send("PUT", "/api/v1/users/" + name + "/enabled", "{\"enabled\": false}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(read(disabled.body()).get("enabled").asBoolean()).isFalse();
        assertThat(user.get("/api/v1/workflows").statusCode()).isEqualTo(401);

        assertThat(admin.send("PUT", "/api/v1/users/" + name + "/enabled", "{\"enabled\": true}").statusCode())
                .isEqualTo(200);
        assertThat(user.get("/api/v1/workflows").statusCode()).isEqualTo(200);
        assertThat(auditActions(name)).containsSubsequence("user.disabled", "user.enabled");
        problem(admin.send("PUT", "/api/v1/users/" + name + "/enabled", "{}"), 400, "enabled");
    }

    @Test
    void anAdminResetsAPasswordAndTheAuditHoldsNoPassword() {
        String name = uniqueName();
        String first = "first password " + UUID.randomUUID();
        String second = "second password " + UUID.randomUUID();
        created(name, "[\"VIEWER\"]", first);

        HttpResponse<String> reset = admin.send("PUT", "/api/v1/users/" + name + "/password",
                "{\"password\": \"" + second + "\"}");

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
        assertThat(anonymous.as(name, first).get("/api/v1/workflows").statusCode()).isEqualTo(401);
        assertThat(anonymous.as(name, second).get("/api/v1/workflows").statusCode()).isEqualTo(200);
        assertThat(auditActions(name)).contains("user.created", "user.password_reset");
        String audit = db.fetch("select actor, action, details::text from audit_log where entity_id = ?", name)
                .formatJSON();
        assertThat(audit).doesNotContain(first).doesNotContain(second).doesNotContain("bcrypt");
        assertThat(admin.send("PUT", "/api/v1/users/nobody-here/password", "{\"password\": \"" + second + "\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aUserChangesTheirOwnPassword() {
        String name = uniqueName();
        created(name, "[\"VIEWER\"]", "my first password");
        ApiClient user = anonymous.as(name, "my first password");

        problem(user.send("PUT", "/api/v1/me/password", "{\"current\": \"not it at all\", \"new\": \"my second pass\"}"),
                400, "current");
        problem(user.send("PUT", "/api/v1/me/password", "{\"current\": \"my first password\", \"new\": \"short\"}"),
                400, "new");
        HttpResponse<String> changed = user.send("PUT", "/api/v1/me/password",
                "{\"current\": \"my first password\", \"new\": \"my second password\"}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(user.get("/api/v1/workflows").statusCode()).isEqualTo(401);
        assertThat(anonymous.as(name, "my second password").get("/api/v1/workflows").statusCode()).isEqualTo(200);
        assertThat(auditActions(name)).contains("user.password_changed");
    }

    @Test
    void theLastEnabledAdminKeepsTheRoleAndNobodyDisablesThemself() {
        for (JsonNode user : read(admin.get("/api/v1/users").body())) {
            String other = user.get("username").asString();
            if (!other.equals("admin") && user.get("enabled").asBoolean()
                    && user.get("roles").toString().contains("ADMIN")) {
                assertThat(admin.send("PUT", "/api/v1/users/" + other + "/enabled", "{\"enabled\": false}")
                        .statusCode()).isEqualTo(200);
            }
        }

        JsonNode lastAdmin = problem(admin.send("PUT", "/api/v1/users/admin", "{\"roles\": [\"VIEWER\"]}"), 409,
                "roles");
        assertThat(lastAdmin.get("detail").asString()).contains("last enabled ADMIN");
        JsonNode self = problem(admin.send("PUT", "/api/v1/users/admin/enabled", "{\"enabled\": false}"), 409,
                "enabled");
        assertThat(self.get("detail").asString()).contains("your own account");
        assertThat(read(admin.get("/api/v1/users/admin").body()).get("roles").toString()).contains("ADMIN");

        String second = uniqueName();
        created(second, "[\"ADMIN\"]", "second admin password");
        HttpResponse<String> stepDown = anonymous.as(second, "second admin password").send("PUT",
                "/api/v1/users/" + second, "{\"roles\": [\"VIEWER\"]}");
        assertThat(stepDown.statusCode()).as("not the last: " + stepDown.body()).isEqualTo(200);
    }

    @Test
    void onlyAdminsManageUsers() {
        ApiClient designer = anonymous.as("ut-dana", DESIGNER_PASSWORD);

        assertThat(designer.get("/api/v1/users").statusCode()).isEqualTo(403);
        assertThat(designer.get("/api/v1/users/ut-dana").statusCode()).isEqualTo(403);
        assertThat(designer.post("/api/v1/users", """
                {"username": "sneaky", "displayName": "S", "roles": ["ADMIN"], "password": "sneaky password"}""")
                .statusCode()).isEqualTo(403);
        assertThat(designer.send("PUT", "/api/v1/users/ut-dana", "{\"roles\": [\"ADMIN\"]}").statusCode())
                .isEqualTo(403);
        assertThat(designer.send("PUT", "/api/v1/users/admin/password", "{\"password\": \"taken over now\"}")
                .statusCode()).isEqualTo(403);
        assertThat(designer.send("PUT", "/api/v1/users/admin/enabled", "{\"enabled\": false}").statusCode())
                .isEqualTo(403);
        assertThat(anonymous.get("/api/v1/users").statusCode()).isEqualTo(401);
        assertThat(users.findByUsername("sneaky")).isEmpty();
        assertThat(users.findByUsername("ut-dana").orElseThrow().roles()).containsExactly(Role.DESIGNER);
    }
}
