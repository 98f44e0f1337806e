package dev.junction.backend.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The security headers of a webhook's answer, written before the webhook servlet runs (so every answer has them,
 * the errors included): the API's content security policy (an answer is data: nothing in it may load or run), no
 * framing, no sniffing, the referrer and permissions policies of {@link SecurityHeaders}, and no caching — what the
 * REST API's answers carry. {@code Strict-Transport-Security} only over HTTPS, as Spring Security writes it.
 */
final class WebhookSecurityHeaders implements Filter {

    static final String NO_CACHE = "no-cache, no-store, max-age=0, must-revalidate";
    static final String HSTS = "max-age=31536000 ; includeSubDomains";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse answer = (HttpServletResponse) response;
        answer.setHeader("Content-Security-Policy", SecurityHeaders.API_POLICY);
        answer.setHeader("X-Frame-Options", "DENY");
        answer.setHeader("X-Content-Type-Options", "nosniff");
        answer.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        answer.setHeader("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY);
        answer.setHeader("Cache-Control", NO_CACHE);
        answer.setHeader("Pragma", "no-cache");
        answer.setHeader("Expires", "0");
        answer.setHeader("X-XSS-Protection", "0");
        if (request.isSecure()) {
            answer.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
