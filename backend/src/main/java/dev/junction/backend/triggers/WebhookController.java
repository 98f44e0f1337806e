package dev.junction.backend.triggers;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.runs.RunLauncher;
import dev.junction.engine.definition.TriggerKind;
import dev.junction.engine.runs.PayloadJson;
import dev.junction.engine.runs.WorkflowSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook triggers: {@code POST /hooks/{workflowId}/{token}} with a JSON body starts a run of the workflow's
 * published version and answers {@code 202 {"runId"}} once the run is committed. An unknown workflow or a wrong
 * token answer the same 404 (no hint which); malformed JSON 400; a body over the limit 413; a workflow whose
 * published version is not webhook-triggered 409. Nothing is created on any error.
 */
@RestController
class WebhookController {

    private final WebhookTokens tokens;
    private final WorkflowSource workflows;
    private final RunLauncher launcher;
    private final int maxBodyBytes;

    WebhookController(WebhookTokens tokens, WorkflowSource workflows, RunLauncher launcher,
                      @Value("${junction.webhooks.max-body-bytes}") int maxBodyBytes) {
        this.tokens = tokens;
        this.workflows = workflows;
        this.launcher = launcher;
        this.maxBodyBytes = maxBodyBytes;
    }

    record Accepted(UUID runId) {
    }

    @PostMapping(path = "/hooks/{workflowId}/{token}", produces = "application/json")
    ResponseEntity<?> receive(@PathVariable String workflowId, @PathVariable String token,
                              HttpServletRequest request) throws IOException {
        UUID id = uuid(workflowId);
        if (id == null || !tokens.matches(id, token)) {
            return problem(HttpStatus.NOT_FOUND, "No webhook at this address.");
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            return tooLarge();
        }
        byte[] body = read(request.getInputStream());
        if (body == null) {
            return tooLarge();
        }
        Object payload;
        try {
            payload = body.length == 0 ? Map.of() : PayloadJson.read(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not valid JSON: " + e.getMessage());
        }
        var published = workflows.published(id)
                .filter(version -> version.definition().trigger().kind() == TriggerKind.WEBHOOK);
        if (published.isEmpty()) {
            return problem(HttpStatus.CONFLICT, "This workflow has no published version with a webhook trigger.");
        }
        try {
            UUID runId = launcher.start(published.get(), "webhook", payload, null);
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/runs/{id}")
                            .buildAndExpand(runId).toUri())
                    .body(new Accepted(runId));
        } catch (ConflictException e) {
            return problem(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @GetMapping(path = "/hooks/{workflowId}/{token}", produces = "application/json")
    ResponseEntity<?> get() {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "POST")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                        "A webhook accepts POST with a JSON body."));
    }

    /** The body, or null when it is longer than the limit. */
    private byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }

    private ResponseEntity<ProblemDetail> tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + maxBodyBytes + " bytes.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
