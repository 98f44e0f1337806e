package dev.junction.backend.tokens;

import dev.junction.backend.api.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Signs in a REST request that carries {@code Authorization: Bearer <personal API token>}. A token that is unknown,
 * revoked or expired, or whose owner is disabled, is answered 401 at once with one message for all four cases (the
 * reason goes to the debug log); a request without a bearer token passes on untouched (to HTTP Basic). Webhook
 * secrets are not API tokens: they are not in the token table, so they are refused like any unknown token.
 *
 * <p>Not a Spring bean on purpose: a {@code Filter} bean would be registered for every path of the servlet
 * container. The API security chain creates it, with the chain's own {@link SecurityContextHolderStrategy}: with
 * Vaadin on the class path that is Vaadin's strategy (a bean, made the global one only later at start-up), and an
 * authentication set in another strategy would be invisible to the chain's authorization (every bearer request
 * then answered "authentication required").
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer";

    private final ApiTokenService tokens;
    private final ProblemResponses problems;
    private final SecurityContextHolderStrategy contexts;

    public BearerTokenFilter(ApiTokenService tokens, ProblemResponses problems,
                             SecurityContextHolderStrategy contexts) {
        this.tokens = tokens;
        this.problems = problems;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !isBearer(header)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokenAuthentication> authentication = tokens.authenticate(header.substring(SCHEME.length()).strip());
        if (authentication.isEmpty()) {
            contexts.clearContext();
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Junction\", error=\"invalid_token\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "The API token is not valid. Send a token you created"
                    + " under /api/v1/tokens that is neither revoked nor expired, or HTTP Basic credentials.");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication.get());
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    /** {@code Bearer} followed by white space or nothing, in any case (auth schemes are case-insensitive). */
    private static boolean isBearer(String header) {
        return header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (header.length() == SCHEME.length() || Character.isWhitespace(header.charAt(SCHEME.length())));
    }
}
