import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The few calls of Junction's REST API the load test makes: with an admin's password, create an API token, an HTTP
 * connection to the remote and the published workflow <b>webhook → map → the HTTP connector's {@code request}
 * POST /orders</b>; with the API token, read the runs a load test started.
 */
final class JunctionApi {

    record Setup(String workflowId, String webhookUrl, String apiToken, String connectionId) {
    }

    record RunTimes(String id, String status, Instant createdAt, Instant finishedAt) {

        boolean finished() {
            return !status.equals("queued") && !status.equals("running") && !status.equals("waiting");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    JunctionApi(String base, String authorization) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = authorization;
    }

    static JunctionApi withPassword(String base, String user, String password) {
        return new JunctionApi(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static JunctionApi withToken(String base, String token) {
        return new JunctionApi(base, "Bearer " + token);
    }

    /** Whether {@code /actuator/health} answers 200 now. */
    boolean healthy() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Creates everything the load test drives (as the admin whose password this API client was made with). */
    Setup setUp(String remoteBase, String suffix) throws IOException, InterruptedException {
        String token = (String) call("POST", "/api/v1/tokens", "{\"name\": \"load test " + suffix + "\"}", 201)
                .get("token");
        String connection = "loadtest-" + suffix;
        call("POST", "/api/v1/connections", """
                {"id": "%s", "name": "Load test remote %s", "connectorId": "http", "environment": "production",
                 "settings": {"baseUrl": %s, "authKind": "none", "testPath": "/stats"}, "secrets": {}}"""
                .formatted(connection, suffix, Json.quote(remoteBase)), 201);
        Map<String, Object> workflow = call("POST", "/api/v1/workflows",
                "{\"name\": \"Load test " + suffix + "\", \"description\": \"webhook → map → HTTP POST /orders\"}",
                201);
        String id = (String) workflow.get("id");
        long base = ((Number) workflow.get("latestVersion")).longValue();
        Map<String, Object> saved = call("POST", "/api/v1/workflows/" + id + "/versions",
                "{\"baseVersion\": " + base + ", \"comment\": \"load test\", \"definition\": "
                        + definition(connection) + "}", 201);
        Object version = saved.getOrDefault("version", base + 1);
        // the go-live checklist lets a workflow be published once its connections passed a test
        Map<String, Object> check = call("POST", "/api/v1/connections/" + connection + "/test", null, 200);
        if (!Boolean.TRUE.equals(check.get("ok"))) {
            throw new IOException("the load test's connection to " + remoteBase + " failed its test: " + check);
        }
        call("POST", "/api/v1/workflows/" + id + "/versions/" + version + "/publish", null, 200);
        String url = (String) call("GET", "/api/v1/workflows/" + id + "/webhook", null, 200).get("url");
        return new Setup(id, url, token, connection);
    }

    /** The job of the comparison: a webhook, a map of three fields, a POST of them to the remote's /orders. */
    static String definition(String connection) {
        return """
                {"schemaVersion": 1,
                 "trigger": {"kind": "webhook", "config": {"businessKey": "trigger.orderId"}, "position": {"x": 0, "y": 0}},
                 "nodes": [
                   {"id": "shape", "type": "map", "name": "Shape", "position": {"x": 200, "y": 0},
                    "config": {"rules": [{"target": "orderId", "expression": "trigger.orderId"},
                                         {"target": "sku", "expression": "trigger.sku"},
                                         {"target": "quantity", "expression": "trigger.qty"}]}},
                   {"id": "send", "type": "connector", "name": "Send order", "position": {"x": 400, "y": 0},
                    "config": {"connection": "%s", "operation": "request",
                               "input": {"method": "POST", "path": "/orders",
                                         "body": {"orderId": "{{ nodes.shape.orderId }}", "sku": "{{ nodes.shape.sku }}",
                                                  "quantity": "{{ nodes.shape.quantity }}"}}}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"},
                           {"from": "shape", "fromPort": "out", "to": "send"}]}""".formatted(connection);
    }

    /** The runs of a workflow created since {@code from} (all pages). */
    List<RunTimes> runs(String workflowId, Instant from) throws IOException, InterruptedException {
        List<RunTimes> runs = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/v1/runs?limit=200&workflowId=" + workflowId + "&from="
                    + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Map<String, Object> page = call("GET", path, null, 200);
            for (Object item : (List<?>) page.get("items")) {
                Map<?, ?> run = (Map<?, ?>) item;
                runs.add(new RunTimes((String) run.get("id"), (String) run.get("status"),
                        instant(run.get("createdAt")), instant(run.get("finishedAt"))));
            }
            cursor = (String) page.get("next");
        } while (cursor != null);
        return runs;
    }

    /** Whether runs of the workflow created since {@code from} are still queued, running or waiting. */
    boolean unfinished(String workflowId, Instant from) throws IOException, InterruptedException {
        Map<String, Object> page = call("GET", "/api/v1/runs?limit=1&status=queued,running,waiting&workflowId="
                + workflowId + "&from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8), null, 200);
        return !((List<?>) page.get("items")).isEmpty();
    }

    private static Instant instant(Object text) {
        return text == null ? null : java.time.OffsetDateTime.parse((String) text).toInstant();
    }

    private Map<String, Object> call(String method, String path, String json, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IOException(method + " " + path.replaceAll("\\?.*", "") + " answered " + answer.statusCode()
                    + " (expected " + expected + "): " + Json.excerpt(answer.body()));
        }
        return answer.body().isBlank() ? Map.of() : Json.object(answer.body());
    }
}
