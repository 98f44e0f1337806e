package dev.junction.backend.security;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The security headers on REST answers, the successful and the refused ones alike. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void everyApiAnswerForbidsFramingSniffingAndLoadingAnything() {
        ApiClient anonymous = ApiClient.anonymous(port);
        HttpResponse<String> ok = anonymous.as("admin", "test-admin-password").get("/api/v1/workflows");
        HttpResponse<String> unauthorized = anonymous.get("/api/v1/workflows");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(unauthorized.statusCode()).isEqualTo(401);

        for (HttpResponse<String> answer : new HttpResponse[] {ok, unauthorized}) {
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as("CSP")
                    .contains("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
            assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
            assertThat(answer.headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("camera=()").contains("geolocation=()"));
            assertThat(answer.headers().firstValue("Set-Cookie")).as("the API is stateless").isEmpty();
        }
    }
}
