package dev.junction.backend.security;

import dev.junction.backend.api.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Refuses a sign-in from a blocked client address before any password is checked (see {@link AddressThrottle}):
 * HTTP Basic credentials get 429 problem+json with {@code Retry-After}; the login form's POST is sent back to
 * {@code /login?blocked}, which says why. Runs before Spring Security's filters.
 */
class AddressThrottleFilter extends OncePerRequestFilter {

    static final String LOGIN_PATH = "/login";

    private final AddressThrottle throttle;
    private final ProblemResponses problems;

    AddressThrottleFilter(AddressThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = isLoginForm(request);
        boolean basic = hasBasicCredentials(request);
        Optional<Instant> blocked = form || basic ? throttle.blockedUntil(request.getRemoteAddr()) : Optional.empty();
        if (blocked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, Duration.between(Instant.now(), blocked.get()).toSeconds() + 1);
        response.setHeader("Retry-After", String.valueOf(seconds));
        if (form) {
            response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?blocked");
        } else {
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins came from your address;"
                    + " sign-ins from it are refused until " + blocked.get() + " (in " + minutes(seconds) + ").");
        }
    }

    static boolean isLoginForm(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && (request.getContextPath() + LOGIN_PATH).equals(request.getRequestURI());
    }

    private static boolean hasBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static String minutes(long seconds) {
        return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }
}
