package dev.junction.backend.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notify node with channel email sends through the configured SMTP server: a real one (GreenMail) on a loopback
 * port, without STARTTLS.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmailNotificationTest {

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry properties) {
        TestSmtp.settings(properties, smtp);
    }

    @LocalServerPort
    int port;

    @Test
    void aRunsEmailArrivesAtTheSmtpServerWithItsRecipientsSubjectAndMessage() throws Exception {
        RunsApi api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
        String workflow = api.published("Mail " + UUID.randomUUID(), "{\"schemaVersion\": 1, \"trigger\": {\"kind\":"
                + " \"manual\", \"config\": {}}, \"nodes\": [{\"id\": \"mail\", \"type\": \"notify\", \"name\": \"Mail\","
                + " \"config\": {\"channel\": \"email\", \"to\": \"ops@shop.test, {{ trigger.owner }}\","
                + " \"subject\": \"Order {{ trigger.orderId }} failed\", \"message\": \"Order {{ trigger.orderId }}"
                + " could not be sent to Amazon.\"}, \"position\": {\"x\": 0, \"y\": 0}}],"
                + " \"edges\": [{\"from\": \"trigger\", \"fromPort\": \"out\", \"to\": \"mail\"}]}");

        String runId = api.start(workflow, "{\"orderId\": \"206-1\", \"owner\": \"anna@shop.test\"}");
        JsonNode run = api.finished(runId);

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("one delivery to each recipient's mailbox").hasSize(2);
        MimeMessage first = received[0];
        assertThat(recipients(first)).containsExactly("ops@shop.test", "anna@shop.test");
        assertThat(first.getSubject()).isEqualTo("Order 206-1 failed");
        assertThat(first.getFrom()[0].toString()).isEqualTo("junction@shop.test");
        assertThat(((String) first.getContent()).strip()).isEqualTo("Order 206-1 could not be sent to Amazon.");
        assertThat(first.getHeader("X-Junction-Idempotency-Key")).containsExactly(runId + ":mail");
        JsonNode output = run.get("steps").get(0).get("output").get("value");
        assertThat(output.get("channel").asString()).isEqualTo("email");
        assertThat(output.get("subject").asString()).isEqualTo("Order 206-1 failed");
    }

    private static String[] recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toArray(String[]::new);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
