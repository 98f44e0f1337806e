package dev.junction.backend.triggers;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.JsonText;
import dev.junction.backend.api.ServletProblems;
import dev.junction.backend.database.DatabaseOutage;
import dev.junction.backend.database.DatabaseOutageAnswer;
import dev.junction.backend.runs.RunIntakeFailedException;
import dev.junction.backend.runs.RunLauncher;
import dev.junction.db.triggers.TriggerStateRepository;
import dev.junction.engine.definition.TriggerKind;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.runs.WorkflowSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook triggers: {@code POST /hooks/{workflowId}/{token}} with a JSON body starts a run of the workflow's
 * published version and answers {@code 202 {"runId"}} once the run is committed. A delivery with a dedup key (the
 * {@code Idempotency-Key} header, else the trigger's {@code dedupKey} expression over the body) that the workflow
 * has taken before starts nothing and answers the first run's id, with {@code "duplicate": true} and the header
 * {@code Idempotent-Replayed: true}. While the database cannot be reached, or when the group of concurrent run
 * starts this one was committed with failed, 503 with {@code Retry-After}. An
 * unknown workflow or a wrong token answer the same 404 (no hint which); malformed JSON 400; a body over the limit
 * 413; a workflow whose published version is not webhook-triggered 409. Nothing is created on any error; errors
 * are problem details.
 * A trigger with an {@code opayo-server} verification takes Opayo Server notifications instead (form fields,
 * signature checked, plain-text reply: {@link OpayoServerWebhook}); one with an {@code hmac-sha256} verification
 * refuses (401, recorded) a body whose signature does not match ({@link HmacWebhook}).
 *
 * <p>A plain servlet rather than a Spring MVC controller: it is the one endpoint remote systems call at volume, and
 * the MVC dispatch (handler lookup, argument resolution, message converters) cost more CPU than the whole run
 * intake (measured, docs/benchmarks.md).
 */
class WebhookServlet extends HttpServlet {

    /** The request header a sender names one event's deliveries with: a repeat starts no second run. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The answer header that says a delivery was a repeat, answered with the run of the first. */
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(WebhookServlet.class);
    /** The answer when the run's group commit failed for another reason than an outage. */
    static final String NOT_COMMITTED = "The run could not be committed, so nothing was started. Try again in "
            + DatabaseOutage.RETRY_AFTER.toSeconds() + " seconds.";

    private final WebhookTargets targets;
    private final WorkflowSource workflows;
    private final RunLauncher launcher;
    private final int maxBodyBytes;
    private final MeterRegistry meters;
    private final OpayoServerWebhook opayoServer;
    private final HmacWebhook hmac;

    WebhookServlet(WebhookTargets targets, WorkflowSource workflows, RunLauncher launcher, int maxBodyBytes,
                   MeterRegistry meters, OpayoServerWebhook opayoServer, HmacWebhook hmac) {
        this.targets = targets;
        this.workflows = workflows;
        this.launcher = launcher;
        this.maxBodyBytes = maxBodyBytes;
        this.meters = meters;
        this.opayoServer = opayoServer;
        this.hmac = hmac;
    }

    /**
     * Counts every webhook by its answer ({@code junction.webhooks{status}}): the generic HTTP observation is
     * switched off for this path (see {@link WebhookConfiguration}), as it cost more than taking the webhook in.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException,
            IOException {
        try {
            if ("POST".equals(request.getMethod())) {
                super.service(request, response);
            } else {
                notAllowed(response);
            }
        } finally {
            meters.counter("junction.webhooks", "status", Integer.toString(response.getStatus())).increment();
        }
    }

    /**
     * Takes one webhook; when the database cannot be reached (the workflow looked up, the run committed), answers
     * 503 with {@code Retry-After}: nothing was started, and the sender is to try again.
     */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            receive(request, response);
        } catch (RuntimeException e) {
            if (e instanceof RunIntakeFailedException && !DatabaseOutage.isCause(e)) {
                log.warn("A webhook for workflow {} answered 503: {}", workflowPart(request), e.getMessage());
                if (!response.isCommitted()) {
                    response.resetBuffer();
                    response.setHeader("Retry-After", Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()));
                    ServletProblems.write(response, HttpStatus.SERVICE_UNAVAILABLE, NOT_COMMITTED);
                }
                return;
            }
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            log.warn("A webhook for workflow {} answered 503: the database cannot be reached ({})",
                    workflowPart(request), e.getMessage());
            DatabaseOutageAnswer.write(response);
        }
    }

    /** The workflow id of the address, never its token (the token is a credential: it stays out of the log). */
    private static String workflowPart(HttpServletRequest request) {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
        return parts.length > 1 ? parts[1] : "?";
    }

    private void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
        UUID id = parts.length == 3 ? uuid(parts[1]) : null;
        Optional<TriggerStateRepository.WebhookTarget> target = id == null ? Optional.empty() : targets.find(id);
        if (target.isEmpty() || !matches(target.get().token(), parts[2])) {
            ServletProblems.write(response, HttpStatus.NOT_FOUND, "No webhook at this address.");
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        Integer version = target.get().publishedVersion();
        Optional<WorkflowSource.Published> published = version == null ? Optional.empty()
                : workflows.version(id, version)
                .filter(definition -> definition.trigger().kind() == TriggerKind.WEBHOOK)
                .map(definition -> new WorkflowSource.Published(id, version, definition));
        if (published.isEmpty()) {
            ServletProblems.write(response, HttpStatus.CONFLICT, "This workflow has no published version with a webhook trigger.");
            return;
        }
        Object verification = published.get().definition().trigger().config().get("verification");
        if (verification instanceof Map<?, ?> check && "hmac-sha256".equals(check.get("kind"))) {
            Optional<String> refusal = hmac.refusal(published.get(), check, body, request);
            if (refusal.isPresent()) {
                ServletProblems.write(response, HttpStatus.UNAUTHORIZED, "The webhook's signature was refused: " + refusal.get());
                return;
            }
        } else if (verification instanceof Map<?, ?> check) {
            if (!"opayo-server".equals(check.get("kind"))) {
                ServletProblems.write(response, HttpStatus.CONFLICT, "This workflow's webhook verification '" + check.get("kind")
                        + "' is not supported by this installation.");
                return;
            }
            OpayoServerWebhook.Answer answer = opayoServer.receive(published.get(), check, body,
                    request.getRemoteAddr());
            response.setStatus(200);
            byte[] text = answer.body().getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/plain;charset=UTF-8");
            response.setContentLength(text.length);
            response.getOutputStream().write(text);
            return;
        }
        String idempotencyKey = request.getHeader(IDEMPOTENCY_KEY);
        if (idempotencyKey != null && idempotencyKey.isBlank()) {
            ServletProblems.write(response, HttpStatus.BAD_REQUEST, IDEMPOTENCY_KEY + ": must not be blank when sent; send the"
                    + " same unique value with every delivery of one event, or leave the header out");
            return;
        }
        Object payload;
        try {
            payload = body.length == 0 ? Map.of() : PayloadJson.read(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            ServletProblems.write(response, HttpStatus.BAD_REQUEST, "The body is not valid JSON: " + JsonText.syntaxError(e));
            return;
        }
        Optional<String> nul = JsonText.nulAt(payload, "");
        if (nul.isPresent()) {
            ServletProblems.write(response, HttpStatus.BAD_REQUEST, (nul.get().isEmpty() ? "The body" : nul.get()) + ": "
                    + JsonText.NUL_MESSAGE + ".");
            return;
        }
        String dedupKey = idempotencyKey != null ? idempotencyKey.strip()
                : launcher.dedupKey(published.get(), payload).orElse(null);
        RunLauncher.Started started;
        try {
            started = launcher.startOnce(published.get(), "webhook", payload, null, dedupKey);
        } catch (ConflictException e) {
            ServletProblems.write(response, HttpStatus.CONFLICT, e.getMessage());
            return;
        }
        response.setHeader("Location", request.getContextPath() + "/api/v1/runs/" + started.runId());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("runId", started.runId().toString());
        if (started.duplicate()) {
            response.setHeader(REPLAYED, "true");
            answer.put("duplicate", true);
        }
        ServletProblems.writeJson(response, 202, "application/json", answer);
    }

    /** Any method but POST (the container refuses TRACE itself, with the methods this servlet declares). */
    private static void notAllowed(HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        ServletProblems.write(response, HttpStatus.METHOD_NOT_ALLOWED, "A webhook accepts POST with a JSON body.");
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        ServletProblems.write(response, HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + maxBodyBytes + " bytes.");
    }

    private static boolean matches(String expected, String given) {
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
