package dev.junction.backend.api;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests are the REST API's: the paths under {@code /api/}, within the application's context path. */
public final class ApiPaths {

    private ApiPaths() {
    }

    /** The request's path within the application (no context path, no query). */
    public static String of(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    public static boolean isApi(HttpServletRequest request) {
        return isApi(of(request));
    }

    public static boolean isApi(String path) {
        return path.startsWith("/api/");
    }
}
