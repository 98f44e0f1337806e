package dev.junction.backend.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Around the machine-facing paths ({@code /hooks/*}, {@code /api/*}), ahead of security: a failure that escapes
 * the request because the database cannot be reached (an API token looked up, a sign-in recorded, a webhook's run
 * committed) is answered {@link DatabaseOutageAnswer 503 with Retry-After} instead of going on to the error page,
 * which the browser UI's rules would turn into a redirect to the login page.
 */
final class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(),
                    shownPath(request), rootMessage(e));
            DatabaseOutageAnswer.write(response);
        }
    }

    /** The path for the log: a webhook's without its token (a credential). */
    static String shownPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/hooks/")) {
            int token = path.indexOf('/', "/hooks/".length());
            return token < 0 ? path : path.substring(0, token) + "/…";
        }
        return path;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
