package dev.junction.backend.database;

import dev.junction.backend.api.ServletProblems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;

/**
 * The answer to a request that met a {@link DatabaseOutage}: {@code 503 Service Unavailable} with
 * {@code Retry-After} and a problem detail saying that nothing was done — never a redirect, never HTML, so that a
 * webhook sender retries rather than believe its event delivered.
 */
public final class DatabaseOutageAnswer {

    public static final String DETAIL = "The database cannot be reached right now, so nothing was done. Try again in "
            + DatabaseOutage.RETRY_AFTER.toSeconds() + " seconds.";

    private DatabaseOutageAnswer() {
    }

    /** Writes the answer, unless the response is committed already (then nothing more can be said). */
    public static void write(HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer(); // a body begun is not the answer (the headers set so far, security ones, stay)
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()));
        ServletProblems.write(response, HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
    }

    /** The same answer for a Spring MVC handler. */
    public static ResponseEntity<ProblemDetail> entity() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL));
    }
}
