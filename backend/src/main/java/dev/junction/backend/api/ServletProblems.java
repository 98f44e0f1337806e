package dev.junction.backend.api;

import dev.junction.engine.json.PayloadJson;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem details written straight to a servlet response, for the places that answer outside Spring MVC
 * (the webhook servlet, filters): the same shape as {@link ProblemResponses}, titled by the status's reason.
 */
public final class ServletProblems {

    private ServletProblems() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", (long) status.value());
        problem.put("detail", detail);
        writeJson(response, status.value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, problem);
    }

    /** Any JSON body with its status and content type, its length known before it is sent. */
    public static void writeJson(HttpServletResponse response, int status, String contentType, Object body)
            throws IOException {
        byte[] bytes = PayloadJson.write(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
