package dev.junction.backend.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server for a test class (GreenMail on a free loopback port, for all its tests), and the
 * {@code junction.smtp.*} settings that point Junction at it (sender {@code junction@shop.test}, no STARTTLS).
 */
public final class TestSmtp {

    private TestSmtp() {
    }

    /** The server; register it as a static {@code @RegisterExtension} field. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withPerMethodLifecycle(false);
    }

    /** Points Junction at {@code smtp}: call from the test class's {@code @DynamicPropertySource} method. */
    public static void settings(DynamicPropertyRegistry properties, GreenMailExtension smtp) {
        properties.add("junction.smtp.host", () -> "127.0.0.1");
        properties.add("junction.smtp.port", () -> smtp.getSmtp().getPort());
        properties.add("junction.smtp.from", () -> "junction@shop.test");
        properties.add("junction.smtp.starttls", () -> "false");
    }
}
