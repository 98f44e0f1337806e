package dev.junction.backend.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * Problem details for API requests that failed before any controller was chosen: a known path asked with a method
 * it does not take (405, with {@code Allow}), with a body type it does not read (415), or for an answer type it
 * cannot give (406). Spring would otherwise send these through the servlet container's error page, which is not
 * the API's and which the UI's security rules turn into a redirect or an empty 403.
 */
@Component
class ApiRoutingErrors implements HandlerExceptionResolver, Ordered {

    private final ProblemResponses problems;

    ApiRoutingErrors(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        if (handler != null || !ApiPaths.isApi(request) || !(failure instanceof ErrorResponse error)) {
            return null;
        }
        String path = ApiPaths.of(request);
        String detail = switch (failure) {
            case HttpRequestMethodNotSupportedException method -> method.getMethod() + " is not allowed on " + path
                    + (method.getSupportedHttpMethods() == null ? "" : "; allowed: "
                    + method.getSupportedHttpMethods().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")));
            case HttpMediaTypeNotSupportedException type -> "The body's Content-Type "
                    + (type.getContentType() == null ? "(none)" : "'" + type.getContentType() + "'")
                    + " is not accepted by " + request.getMethod() + " " + path + "; send "
                    + type.getSupportedMediaTypes().stream().map(MediaType::toString)
                    .collect(Collectors.joining(" or "));
            case HttpMediaTypeNotAcceptableException accept -> request.getMethod() + " " + path + " can only answer "
                    + accept.getSupportedMediaTypes().stream().map(MediaType::toString)
                    .collect(Collectors.joining(" or ")) + "; change the Accept header";
            default -> error.getBody().getDetail();
        };
        error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        try {
            problems.write(response, HttpStatus.valueOf(error.getStatusCode().value()), detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView();
    }
}
