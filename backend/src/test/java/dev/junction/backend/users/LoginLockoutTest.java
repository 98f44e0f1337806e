package dev.junction.backend.users;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static dev.junction.backend.runs.RunsApi.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five wrong passwords for one user name lock it (here for a few seconds instead of 15 minutes): while locked the
 * right password is refused with the same answer as a wrong one, for a name that exists or not; afterwards it
 * works again. Every attempt is audited with its source address and never with the password.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.security.lockout.duration=3s", "junction.security.lockout.window=10m"})
class LoginLockoutTest {

    private static final String PASSWORD = "lotte-right-password";
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    DSLContext db;

    @Test
    void sixWrongPasswordsLockTheAccountForAWhile() {
        users.insert("lotte", "Lotte", passwords.encode(PASSWORD), Set.of(Role.VIEWER));
        ApiClient anonymous = ApiClient.anonymous(port);
        ApiClient admin = anonymous.as("admin", "test-admin-password");
        ApiClient right = anonymous.as("lotte", PASSWORD);

        HttpResponse<String> wrongAnswer = null;
        for (int i = 1; i <= 6; i++) {
            wrongAnswer = anonymous.as("Lotte", "wrong password " + i).get("/api/v1/workflows");
            assertThat(wrongAnswer.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> whileLocked = right.get("/api/v1/workflows");

        assertThat(whileLocked.statusCode()).as("the right password, while locked").isEqualTo(401);
        assertThat(whileLocked.body()).isEqualTo(wrongAnswer.body());
        assertThat(whileLocked.headers().firstValue("WWW-Authenticate"))
                .isEqualTo(wrongAnswer.headers().firstValue("WWW-Authenticate"));
        JsonNode shown = read(admin.get("/api/v1/users/lotte").body());
        assertThat(shown.get("lockedUntil").isNull()).as(shown.toString()).isFalse();
        OffsetDateTime lockedUntil = OffsetDateTime.parse(shown.get("lockedUntil").asString());

        while (!OffsetDateTime.now().isAfter(lockedUntil.plusNanos(200_000_000))) {
            RunsApi.sleep(100);
        }
        assertThat(right.get("/api/v1/workflows").statusCode()).as("after the lock").isEqualTo(200);
        assertThat(read(admin.get("/api/v1/users/lotte").body()).get("lockedUntil").isNull()).isTrue();
        assertThat(db.fetchCount(db.selectFrom("login_failures").where("username = 'lotte'")))
                .as("a successful sign-in clears the count").isZero();

        List<Record> audit = db.fetch("select actor, action, details->>'source' as source, details->>'reason'"
                + " as reason, details::text as details from audit_log where entity_type = 'user'"
                + " and entity_id = 'lotte' and action like 'login.%' order by id");
        assertThat(audit).extracting(row -> row.get("action", String.class)).containsExactly(
                "login.failed", "login.failed", "login.failed", "login.failed", "login.failed", "login.locked",
                "login.failed", "login.failed", "login.succeeded");
        assertThat(audit).extracting(row -> row.get("reason", String.class)).containsExactly(
                "bad_credentials", "bad_credentials", "bad_credentials", "bad_credentials", "bad_credentials", null,
                "locked", "locked", null);
        assertThat(audit).allSatisfy(row -> {
            assertThat(row.get("source", String.class)).isIn(LOOPBACK);
            assertThat(row.get("actor", String.class)).isEqualTo("lotte");
            assertThat(row.get("details", String.class)).doesNotContain("password");
        });
    }

    @Test
    void aNameNobodyHasIsLockedTheSameWay() {
        ApiClient anonymous = ApiClient.anonymous(port);
        HttpResponse<String> first = anonymous.as("ghost", "wrong password").get("/api/v1/workflows");
        for (int i = 2; i <= 6; i++) {
            assertThat(anonymous.as("ghost", "wrong password " + i).get("/api/v1/workflows").statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> locked = anonymous.as("ghost", "wrong password").get("/api/v1/workflows");

        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).isEqualTo(first.body());
        assertThat(db.fetch("select action from audit_log where entity_id = 'ghost' order by id")
                .getValues(0, String.class)).containsSubsequence("login.failed", "login.locked", "login.failed");
        assertThat(db.fetchOne("select details->>'reason' from audit_log where entity_id = 'ghost'"
                + " order by id desc limit 1").get(0, String.class)).isEqualTo("locked");
    }
}
