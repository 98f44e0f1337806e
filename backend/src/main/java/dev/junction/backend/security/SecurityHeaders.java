package dev.junction.backend.security;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security headers and session hardening of every browser-facing and API answer, in one place; each security
 * chain calls {@link #forBrowser} or {@link #forApi} once.
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: for the UI, what Vaadin Flow needs and no more — its bootstrap page starts
 *       the client engine with an inline script and the engine evaluates the JavaScript the server sends
 *       ({@code executeJs}, event data), hence {@code script-src 'unsafe-inline' 'unsafe-eval'}; components and
 *       React Flow set inline styles, hence {@code style-src 'unsafe-inline'}. Everything loads from this origin
 *       only; no plugins, no foreign forms, no {@code <base>} games. For the API (JSON, never a page) nothing may
 *       load at all. Both forbid framing: {@code frame-ancestors 'none'}.</li>
 *   <li>{@code X-Frame-Options: DENY} (for browsers without CSP level 2), {@code X-Content-Type-Options: nosniff},
 *       {@code Referrer-Policy: strict-origin-when-cross-origin}, and a {@code Permissions-Policy} that turns off
 *       device features Junction never uses.</li>
 *   <li>Session fixation protection: the session id changes at sign-in ({@code changeSessionId}, Spring's
 *       default, made explicit). The session cookie's {@code HttpOnly}, {@code SameSite=Lax} and {@code Secure}
 *       (behind HTTPS: {@code JUNCTION_COOKIE_SECURE=true}) are set in {@code application.properties}.</li>
 * </ul>
 *
 * Spring Security's other defaults stay on: {@code Cache-Control: no-store} on authenticated answers, and
 * {@code Strict-Transport-Security} on answers over HTTPS.
 */
public final class SecurityHeaders {

    /** The policy of the Vaadin UI (pages, its static resources and its UIDL/upload/download requests). */
    public static final String BROWSER_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** The policy of REST answers: they are data, nothing in them may load or run. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'none'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /**
     * Writes the headers before the request is handled, not when the answer is committed: Vaadin's pages are
     * forwarded from Spring MVC to the Vaadin servlet, and the servlet container then completes the answer around
     * Spring Security's response wrapper, so headers written lazily never reached the login page.
     */
    private static final ObjectPostProcessor<HeaderWriterFilter> WRITE_EAGERLY = new ObjectPostProcessor<>() {
        @Override
        public <O extends HeaderWriterFilter> O postProcess(O filter) {
            filter.setShouldWriteHeadersEagerly(true);
            return filter;
        }
    };

    private SecurityHeaders() {
    }

    /** The headers of the browser UI, and session fixation protection. */
    public static HttpSecurity forBrowser(HttpSecurity http) {
        return apply(http, BROWSER_POLICY);
    }

    /** The headers of the REST API. */
    public static HttpSecurity forApi(HttpSecurity http) {
        return apply(http, API_POLICY);
    }

    private static HttpSecurity apply(HttpSecurity http, String contentSecurityPolicy) {
        return http
                .headers(headers -> headers
                        .withObjectPostProcessor(WRITE_EAGERLY)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                        .frameOptions(frame -> frame.deny())
                        .contentTypeOptions(nosniff -> {
                        })
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
    }
}
