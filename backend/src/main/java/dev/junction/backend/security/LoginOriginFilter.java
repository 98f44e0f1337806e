package dev.junction.backend.security;

import dev.junction.backend.api.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Guards the login form against login CSRF (another site signing a victim's browser in as the attacker): Vaadin's
 * security configuration exempts the login POST from Spring's CSRF token, so the POST to {@code /login} is refused
 * with 403 when the browser says it comes from elsewhere: {@code Sec-Fetch-Site} other than {@code same-origin},
 * or an {@code Origin} other than this server's own (as the request reached it, or {@code junction.public-url}).
 * Every browser sends one of the two on a form POST; a client that sends neither is not a browser, so it cannot be
 * the victim of a forged sign-in, and its POST is let through.
 */
class LoginOriginFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;
    private final Optional<String> publicOrigin;

    LoginOriginFilter(ProblemResponses problems, String publicUrl) {
        this.problems = problems;
        this.publicOrigin = publicUrl == null || publicUrl.isBlank() ? Optional.empty() : origin(publicUrl.strip());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (AddressThrottleFilter.isLoginForm(request) && !sameOrigin(request)) {
            problems.write(response, HttpStatus.FORBIDDEN, "A sign-in must be sent from Junction's own login page"
                    + " (this one came from another site).");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean sameOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !"same-origin".equalsIgnoreCase(fetchSite.strip())) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        Optional<String> claimed = origin(origin.strip());
        return claimed.isPresent() && (claimed.equals(Optional.of(ownOrigin(request))) || claimed.equals(publicOrigin));
    }

    /** This server's origin as the request reached it: scheme, host and port (default ports left out). */
    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = port == ("https".equals(scheme) ? 443 : 80);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** {@code scheme://host[:port]} of a URL (default ports left out); empty when it is not an http(s) URL. */
    static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port < 0 || port == ("https".equals(scheme) ? 443 : 80);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
