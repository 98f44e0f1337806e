package dev.junction.backend.users;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** With no JUNCTION_ADMIN_PASSWORD, the first start creates admin with a random password printed once. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "junction.admin.password=")
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminAccountTest {

    private static final Pattern LOGGED = Pattern.compile("user: admin\\s+password: (\\S+)");

    @LocalServerPort
    int port;

    @Test
    void theGeneratedPasswordIsLoggedOnceAndSignsIn(CapturedOutput output) {
        Matcher logged = LOGGED.matcher(output.getAll());
        assertThat(logged.find()).as("a log line with the generated password").isTrue();
        String password = logged.group(1);
        assertThat(password).hasSize(20);
        assertThat(logged.find()).as("the password is logged only once").isFalse();

        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.as("admin", password).get("/api/v1/workflows").statusCode()).isEqualTo(200);
        assertThat(anonymous.as("admin", "test-admin-password").get("/api/v1/workflows").statusCode())
                .isEqualTo(401);
    }
}
