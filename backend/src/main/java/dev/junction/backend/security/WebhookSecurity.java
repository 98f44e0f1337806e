package dev.junction.backend.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * {@code /hooks/*} outside Spring Security's filter chain. Webhooks are called by remote systems that authenticate
 * with the secret token in the path (or a signature of the body), which the webhook servlet checks itself: no login,
 * session, CSRF token, anonymous user or authorization rule applies to them, so the only thing Spring Security's
 * chain still did there was write the security headers — and its filters, with Tomcat's, were most of a webhook's
 * CPU (docs/benchmarks.md, "Run path over HTTP (issue 20)"). {@link WebhookSecurityHeaders} writes those headers now.
 *
 * <p>What stays: Spring Security's {@code FilterChainProxy} still wraps every request, {@code /hooks/*} included,
 * in its firewall before it looks for a chain — a path with {@code ..}, {@code ;}, an encoded slash or dot, or a
 * backslash is refused (400) before anything matches it, so no path that <em>looks</em> like {@code /hooks/…}
 * can reach another servlet or controller without the checks of its own chain. Everything the servlet container
 * maps under {@code /hooks/*} is the webhook servlet.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurity {

    static final String WEBHOOK_PATHS = "/hooks/**";

    @Bean
    WebSecurityCustomizer webhooksOutsideTheSecurityChain() {
        return web -> web.ignoring().requestMatchers(WEBHOOK_PATHS);
    }

    @Bean
    FilterRegistrationBean<WebhookSecurityHeaders> webhookSecurityHeaders() {
        FilterRegistrationBean<WebhookSecurityHeaders> registration =
                new FilterRegistrationBean<>(new WebhookSecurityHeaders());
        registration.addUrlPatterns("/hooks/*");
        registration.setName("webhookSecurityHeaders");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
