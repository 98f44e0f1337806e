package dev.junction.backend.notifications;

import dev.junction.engine.connectors.ConnectorException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Sends notify nodes' and alert channels' e-mails through the configured SMTP server (Spring's
 * {@link JavaMailSenderImpl}). Answers what was sent; an unreachable or failing server is a transient failure
 * (retried), refused credentials, a missing server or a malformed address a permanent one.
 */
public final class EmailSender {

    static final String DEFAULT_SUBJECT = "Junction notification";
    private static final String TIMEOUT_MILLIS = "10000";

    private final SmtpSettings settings;
    private final JavaMailSenderImpl mail;

    public EmailSender(SmtpSettings settings) {
        this.settings = settings;
        this.mail = settings.whatIsMissing().isPresent() ? null : sender(settings);
    }

    private static JavaMailSenderImpl sender(SmtpSettings settings) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(settings.host());
        sender.setPort(settings.port());
        sender.setUsername(settings.user());
        sender.setPassword(settings.password());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.auth", String.valueOf(settings.user() != null));
        properties.setProperty("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
        properties.setProperty("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
        properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        sender.setJavaMailProperties(properties);
        return sender;
    }

    public Object send(String message, Map<String, Object> config, String idempotencyKey) throws ConnectorException {
        if (mail == null) {
            throw ConnectorException.permanentFailure("NotConfigured", settings.whatIsMissing().orElseThrow(),
                    null, null);
        }
        List<String> to = recipients(config.get("to"));
        String subject = config.get("subject") instanceof String text && !text.isBlank() ? text.strip()
                : DEFAULT_SUBJECT;
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(subject);
            helper.setText(message);
            mime.setHeader("X-Junction-Idempotency-Key", idempotencyKey);
            mail.send(mime);
        } catch (MessagingException e) {
            throw ConnectorException.permanentFailure("InvalidConfig", "could not write the e-mail: "
                    + e.getMessage(), null, null);
        } catch (MailAuthenticationException e) {
            throw ConnectorException.permanentFailure("AuthenticationFailed", "the SMTP server " + settings.host()
                    + " refused the user and password of JUNCTION_SMTP_USER / JUNCTION_SMTP_PASSWORD", null, null);
        } catch (MailSendException e) {
            throw ConnectorException.transientFailure("Unreachable", "could not send through the SMTP server "
                    + settings.host() + ":" + settings.port() + ": " + rootMessage(e), null, null, null);
        } catch (MailException e) {
            throw ConnectorException.transientFailure("MailFailed", "the SMTP server " + settings.host()
                    + " did not take the e-mail: " + rootMessage(e), null, null, null);
        }
        return Map.of("channel", "email", "to", to, "subject", subject, "sentAt", Instant.now().toString());
    }

    /** The addresses of {@code to} (a comma-separated text), each checked; a bad one is a permanent failure. */
    private static List<String> recipients(Object value) throws ConnectorException {
        if (!(value instanceof String text) || text.isBlank()) {
            throw ConnectorException.permanentFailure("InvalidConfig", "an e-mail notification needs 'to': one or"
                    + " more e-mail addresses separated by commas", null, null);
        }
        try {
            InternetAddress[] addresses = InternetAddress.parse(text, true);
            for (InternetAddress address : addresses) {
                address.validate();
            }
            if (addresses.length == 0) {
                throw new AddressException("no address", text);
            }
            return Arrays.stream(addresses).map(InternetAddress::getAddress).toList();
        } catch (AddressException e) {
            throw ConnectorException.permanentFailure("InvalidConfig", "'to' must be e-mail addresses separated by"
                    + " commas, was '" + text + "'", null, null);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
    }
}
