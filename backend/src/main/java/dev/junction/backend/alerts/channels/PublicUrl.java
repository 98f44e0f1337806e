package dev.junction.backend.alerts.channels;

import org.springframework.core.env.Environment;

import java.net.URI;

/**
 * Makes the UI paths of alerts ({@code runs/<id>}) and of other e-mails (an assigned error group's
 * {@code errors?group=<id>}) absolute for people reading a notification elsewhere:
 * {@code junction.public-url} (JUNCTION_PUBLIC_URL) when set; otherwise, as a notification has no request to take an
 * address from, {@code http://localhost:<port>} — right only for someone on the same machine, so set the public URL.
 */
public final class PublicUrl {

    private final Environment environment;

    public PublicUrl(Environment environment) {
        this.environment = environment;
    }

    /** The address of Junction's UI, without a trailing slash. */
    public String base() {
        String configured = environment.getProperty("junction.public-url");
        if (configured != null && !configured.isBlank()) {
            String base = configured.strip();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    /** {@code link} (a UI path, or already an http(s) address) as an absolute address; null: the UI's home. */
    public String absolute(String link) {
        if (link == null || link.isBlank()) {
            return base() + "/";
        }
        String path = link.strip();
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return URI.create(path).toString();
        }
        return base() + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }
}
