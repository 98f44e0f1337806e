package dev.junction.backend.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Optional;

/**
 * The SMTP server e-mail notifications go through ({@code junction.smtp.*}, environment {@code JUNCTION_SMTP_*}):
 * {@code host} (unset: no e-mail), {@code port}, {@code user} and {@code password} (both unset: no
 * authentication), {@code from} (the sender address; required with a host), {@code starttls} (true: refuse to send
 * unless the server upgrades the connection with STARTTLS).
 */
@ConfigurationProperties("junction.smtp")
public record SmtpSettings(String host, int port, String user, String password, String from, boolean starttls) {

    public SmtpSettings {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("junction.smtp.port (JUNCTION_SMTP_PORT) must be from 1 to 65535, was "
                    + port);
        }
        host = blankToNull(host);
        user = blankToNull(user);
        password = password == null || password.isEmpty() ? null : password;
        from = blankToNull(from);
    }

    /**
     * Why e-mail cannot be sent with these settings, naming what to set; empty when it can.
     */
    public Optional<String> whatIsMissing() {
        if (host == null && from == null) {
            return Optional.of("e-mail needs an SMTP server: set JUNCTION_SMTP_HOST (junction.smtp.host) and"
                    + " JUNCTION_SMTP_FROM (junction.smtp.from)");
        }
        if (host == null) {
            return Optional.of("e-mail needs an SMTP server: set JUNCTION_SMTP_HOST (junction.smtp.host)");
        }
        if (from == null) {
            return Optional.of("e-mail needs a sender address: set JUNCTION_SMTP_FROM (junction.smtp.from)");
        }
        return Optional.empty();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", user=" + user + ", password="
                + (password == null ? "unset" : "(set)") + ", from=" + from + ", starttls=" + starttls + "]";
    }
}
