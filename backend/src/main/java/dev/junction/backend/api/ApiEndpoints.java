package dev.junction.backend.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.List;

/**
 * The paths the REST controllers map, whatever their methods: tells a path no endpoint has (404) from a known path
 * asked with a method its role rules do not name.
 */
@Component
public class ApiEndpoints {

    private final ObjectProvider<RequestMappingHandlerMapping> controllers;
    private volatile List<PathPattern> patterns;

    ApiEndpoints(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> controllers) {
        this.controllers = controllers;
    }

    /** Whether some controller maps the request's path (with any method). */
    public boolean exists(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(ApiPaths.of(request));
        return patterns().stream().anyMatch(pattern -> pattern.matches(path));
    }

    private List<PathPattern> patterns() {
        List<PathPattern> known = patterns;
        if (known == null) {
            known = controllers.getObject().getHandlerMethods().keySet().stream()
                    .map(RequestMappingInfo::getPathPatternsCondition)
                    .filter(condition -> condition != null)
                    .flatMap(condition -> condition.getPatterns().stream())
                    .toList();
            patterns = known;
        }
        return known;
    }
}
