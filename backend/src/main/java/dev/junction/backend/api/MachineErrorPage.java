package dev.junction.backend.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.util.UUID;

/**
 * The error page of the machine-facing paths ({@code /api/**} and the webhooks under {@code /hooks/**}): when the
 * servlet container turns a failure there into an error dispatch (a method the webhook servlet does not take, such
 * as TRACE or PATCH; anything that escapes a servlet), the caller gets a problem detail with the status the
 * container chose. Without this the dispatch went to {@code /error}, which the UI's security rules answer with a
 * redirect to the login page: a sender following it saw {@code 200} and HTML.
 */
@Configuration(proxyBeanMethods = false)
class MachineErrorPage {

    private static final Logger log = LoggerFactory.getLogger(MachineErrorPage.class);
    /** The method of the request that failed (Servlet 6.1; the error dispatch itself is a GET). */
    private static final String ERROR_METHOD = "jakarta.servlet.error.method";

    @Bean
    FilterRegistrationBean<Filter> machineErrorPageFilter(ProblemResponses problems) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                (request, response, chain) -> answer(problems, request, response, chain));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        // before Spring Security's filter, whose UI chain would otherwise take the error dispatch
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.setName("machineErrorPage");
        return registration;
    }

    private static void answer(ProblemResponses problems, ServletRequest servletRequest,
                               ServletResponse servletResponse, FilterChain chain) throws IOException,
            ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri.substring(request.getContextPath().length()) : "";
        if (!ApiPaths.isApi(path) && !path.startsWith("/hooks/")) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        if (path.startsWith("/hooks/")) {
            path = "/hooks/…"; // a webhook's address holds its token: never echoed
        }
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code) : null;
        if (status == null || status.is5xxServerError()) {
            String reference = UUID.randomUUID().toString();
            log.error("Unexpected failure of {} {} (reference {})", request.getAttribute(ERROR_METHOD), path, reference,
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            problems.write(response, status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, "Something went"
                    + " wrong on our side. The server log has the details under reference " + reference + ".");
            return;
        }
        problems.write(response, status, switch (status) {
            case METHOD_NOT_ALLOWED -> (request.getAttribute(ERROR_METHOD) instanceof String method ? method
                    : "This method") + " is not allowed on " + path
                    + (response.getHeader("Allow") == null ? "" : "; allowed: " + response.getHeader("Allow"));
            case NOT_FOUND -> "There is nothing at " + path + ".";
            default -> "The request was refused (" + status.value() + " " + status.getReasonPhrase() + ").";
        });
    }
}
