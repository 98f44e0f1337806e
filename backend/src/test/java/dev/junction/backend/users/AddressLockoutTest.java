package dev.junction.backend.users;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static dev.junction.backend.runs.RunsApi.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle per client address (here 8 failures within 10 minutes block the address for 4 seconds): failed
 * sign-ins under many names from one address block every sign-in from it, the right password of another user
 * included, with a clear 429 (HTTP Basic) or a redirect to {@code /login?blocked} (the login form), and an audit
 * entry; the per-name lock stays as it was. And the login form's POST must come from this server's own page.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.security.address-lockout.max-failures=8",
                "junction.security.address-lockout.window=10m", "junction.security.address-lockout.duration=4s"})
class AddressLockoutTest {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void manyFailedSignInsFromOneAddressRefuseEverySignInFromItForAWhile() {
        ApiClient anonymous = ApiClient.anonymous(port);
        ApiClient admin = anonymous.as("admin", "test-admin-password");
        assertThat(admin.get("/api/v1/workflows").statusCode()).isEqualTo(200);

        for (int i = 1; i <= 8; i++) {
            // a different name each time: no name reaches its own lock (5), the address reaches its limit (8)
            assertThat(anonymous.as("guess-" + i, "wrong password").get("/api/v1/workflows").statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> blocked = admin.get("/api/v1/workflows");

        assertThat(blocked.statusCode()).as("the right password, from a blocked address").isEqualTo(429);
        assertThat(blocked.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(read(blocked.body()).get("detail").asString())
                .startsWith("Too many failed sign-ins came from your address");
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> form = post("/login", "username=admin&password=test-admin-password", null, null);
        assertThat(form.statusCode()).as("the login form, from a blocked address").isEqualTo(302);
        assertThat(form.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login?blocked"));

        List<Record> audit = db.fetch("select entity_id, actor, details->>'until' as until from audit_log"
                + " where action = 'login.address_blocked' order by id");
        assertThat(audit).hasSize(1);
        assertThat(audit.getFirst().get("entity_id", String.class)).isIn("127.0.0.1", "0:0:0:0:0:0:0:0/64");
        assertThat(audit.getFirst().get("actor", String.class)).isEqualTo("guess-8");
        Instant until = Instant.parse(audit.getFirst().get("until", String.class));

        while (!Instant.now().isAfter(until.plusMillis(200))) {
            RunsApi.sleep(100);
        }
        assertThat(admin.get("/api/v1/workflows").statusCode()).as("after the block").isEqualTo(200);
        assertThat(db.fetchCount(db.selectFrom("login_failures").where("username = 'admin'")))
                .as("refused while blocked, the admin's name was never tried").isZero();
    }

    @Test
    void theLoginFormMustBePostedFromThisServersOwnPage() {
        String credentials = "username=admin&password=test-admin-password";
        HttpResponse<String> otherOrigin = post("/login", credentials, "http://attacker.test", null);
        HttpResponse<String> otherSite = post("/login", credentials, null, "cross-site");
        HttpResponse<String> sameSiteOtherOrigin = post("/login", credentials, null, "same-site");
        HttpResponse<String> nullOrigin = post("/login", credentials, "null", null);

        for (HttpResponse<String> refused : List.of(otherOrigin, otherSite, sameSiteOtherOrigin, nullOrigin)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(read(refused.body()).get("detail").asString())
                    .isEqualTo("A sign-in must be sent from Junction's own login page (this one came from another"
                            + " site).");
        }
        HttpResponse<String> own = post("/login", credentials, "http://localhost:" + port, "same-origin");
        assertThat(own.body()).doesNotContain("own login page");
    }

    private HttpResponse<String> post(String path, String form, String origin, String fetchSite) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
