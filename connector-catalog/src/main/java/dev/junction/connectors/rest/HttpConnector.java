package dev.junction.connectors.rest;

import dev.junction.connectors.auth.AccessTokens;
import dev.junction.connectors.http.ConnectionChecks;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.SettingProblem;
import dev.junction.engine.connectors.Operation;
import dev.junction.engine.connectors.OperationCall;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generic HTTP connector ({@code http}): one JSON REST API per connection — the customer's own shop or ERP —
 * called with a path template under the connection's base URL, query, headers and a JSON body, authenticated by
 * the connection's chosen kind (none, basic, bearer, API key header, OAuth 2.0 client credentials). POST and PATCH
 * carry the step's idempotency key in the connection's idempotency header, so an API that honours it never acts
 * twice on a retry; a replayed answer ({@code Idempotent-Replayed: true}) to a step's first call belongs to another
 * request that used the same key and fails as {@code DuplicateIdempotencyKey}. A poll operation pages through a list
 * with a cursor. Incoming webhooks are verified by {@link HmacWebhookSignature}.
 */
public final class HttpConnector implements Connector {

    /** The answer header that marks a replayed answer of an idempotency key used before. */
    static final String REPLAYED = "Idempotent-Replayed";

    /** More connection revisions than this kept at once: the kept settings start over rather than grow. */
    private static final int MAX_KEPT_SETTINGS = 1_000;

    private final RemoteHttp http;
    private final AccessTokens tokens;
    private final Map<String, HttpSettings> settingsByRevision = new ConcurrentHashMap<>();
    private final List<Operation> operations = List.of(
            new Operation(HttpDescriptor.REQUEST, call -> request(api(call), call)),
            new Operation(HttpDescriptor.POLL, call -> poll(api(call), call.input())));
    private final ConnectorDescriptor descriptor = HttpDescriptor.descriptor(
            operations.stream().map(Operation::descriptor).toList());

    public HttpConnector() {
        this(new RemoteHttp(), new AccessTokens());
    }

    public HttpConnector(RemoteHttp http, AccessTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    /**
     * Version 1.0 took the request's method in any case ({@code "patch"}); the schema now lists the methods as the
     * forms offer them, upper case, so a node saved with another case is upgraded (white space stripped too).
     */
    @Override
    public Map<String, Object> migrate(String operation, Map<String, Object> input) {
        if (HttpDescriptor.REQUEST_ID.equals(operation) && input.get("method") instanceof String method) {
            String upper = method.strip().toUpperCase(Locale.ROOT);
            if (!upper.equals(method) && RequestInput.METHODS.contains(upper)) {
                Map<String, Object> upgraded = new LinkedHashMap<>(input);
                upgraded.put("method", upper);
                return upgraded;
            }
        }
        return input;
    }

    private HttpApi api(OperationCall call) throws ConnectorException {
        return new HttpApi(http, tokens, settings(call.connection()), call.connection(), call.deadline());
    }

    /**
     * The connection's settings, checked and parsed once per revision of the connection (a changed setting or secret
     * moves the revision on): parsing them took a tenth of a worker's CPU per call, measured.
     */
    private HttpSettings settings(ConnectionAccess connection) throws ConnectorException {
        String revision = connection.revision();
        if (revision.isEmpty()) {
            return HttpSettings.of(connection);
        }
        String key = connection.id() + ":" + revision;
        HttpSettings known = settingsByRevision.get(key);
        if (known != null) {
            return known;
        }
        HttpSettings settings = HttpSettings.of(connection);
        if (settingsByRevision.size() >= MAX_KEPT_SETTINGS) {
            settingsByRevision.clear();
        }
        settingsByRevision.put(key, settings);
        return settings;
    }

    @Override
    public List<SettingProblem> settingsProblems(Map<String, String> settings) {
        return HttpSettings.problem(settings).stream().toList();
    }

    @Override
    public ConnectionCheck test(ConnectionAccess connection) {
        HttpSettings settings;
        URI uri;
        try {
            settings = HttpSettings.of(connection);
            uri = settings.testUri();
        } catch (ConnectorException e) {
            return ConnectionChecks.failed(e);
        }
        String target = "GET " + settings.testPath();
        try {
            RemoteResponse response = new HttpApi(http, tokens, settings, connection, Instant.now().plusSeconds(15))
                    .send("GET", uri, Map.of(), Optional.empty());
            if (response.ok()) {
                return ConnectionCheck.ok(target + " at " + settings.baseUrl() + " answered HTTP "
                        + response.status() + (settings.auth() == HttpSettings.Auth.NONE ? " (no authentication)"
                        : " with " + settings.auth().setting + " authentication"));
            }
            if (response.status() == 404) {
                return ConnectionCheck.failed(ConnectionCheck.Stage.REMOTE, settings.baseUrl() + " is reachable, but "
                        + target + " answered HTTP 404, which does not show that the credentials work: set the "
                        + "testPath setting to a path the API answers (e.g. /orders?limit=1)");
            }
            return ConnectionChecks.failed(HttpAnswers.failure("GET", settings.testPath(), response));
        } catch (ConnectorException e) {
            return ConnectionChecks.failed(e);
        }
    }

    private Map<String, Object> request(HttpApi api, OperationCall call) throws ConnectorException {
        RequestInput input = RequestInput.of(call.input(), api.settings());
        Map<String, String> headers = new LinkedHashMap<>(input.headers());
        Optional<String> idempotencyHeader = api.settings().idempotencyKeyHeader();
        boolean write = input.method().equals("POST") || input.method().equals("PATCH");
        if (idempotencyHeader.isPresent() && write
                && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase(idempotencyHeader.get()))) {
            headers.put(idempotencyHeader.get(), call.idempotencyKey());
        }
        RemoteResponse response = api.send(input.method(), input.uri(), headers, input.body());
        if (write && !call.possibleRepeat() && replayed(response)) {
            String sentKey = headers.entrySet().stream()
                    .filter(header -> idempotencyHeader.isPresent()
                            && header.getKey().equalsIgnoreCase(idempotencyHeader.get()))
                    .map(Map.Entry::getValue).findFirst().orElse("(none)");
            throw ConnectorException.permanentFailure("DuplicateIdempotencyKey", input.method() + " "
                    + input.path() + " was answered with the kept answer of an earlier request under the idempotency"
                    + " key " + sentKey + " (" + REPLAYED + ": true), and this step had never sent it: another"
                    + " request used the same key, so the API did not act on this one — give each request its own"
                    + " key", response.status(), null);
        }
        return HttpAnswers.output(input.method(), input.path(), response, input.expectStatus(),
                input.responsePath());
    }

    /**
     * Whether the API answered a replay of a kept answer rather than acting (the {@value #REPLAYED} header, as
     * Stripe and the shop simulator send it; an API that marks no replays cannot be checked here).
     */
    private static boolean replayed(RemoteResponse response) {
        return response.header(REPLAYED).map(value -> value.strip().equalsIgnoreCase("true")).orElse(false);
    }

    private Map<String, Object> poll(HttpApi api, Map<String, Object> input) throws ConnectorException {
        List<String> problems = new ArrayList<>();
        HttpSettings.PollDefaults defaults = api.settings().poll();
        Optional<String> path = RequestInput.text(input, "path").or(defaults::path);
        Optional<String> cursorParam = RequestInput.text(input, "cursorParam").or(defaults::cursorParam);
        String itemsPath = RequestInput.text(input, "itemsPath").or(defaults::itemsPath).orElse("");
        String keyPath = RequestInput.text(input, "keyPath").or(defaults::keyPath).orElse("");
        String nextCursorPath = RequestInput.text(input, "nextCursorPath").or(defaults::nextCursorPath)
                .orElse("");
        Object cursor = input.get("cursor");
        if (path.isEmpty()) {
            problems.add("input.path: is required (in the input or the connection's pollPath setting)");
        }
        if (cursorParam.isEmpty()) {
            problems.add("input.cursorParam: is required (in the input or the connection's cursorParam setting)");
        }
        for (Map.Entry<String, String> dotted : Map.of("itemsPath", itemsPath, "keyPath", keyPath,
                "nextCursorPath", nextCursorPath).entrySet()) {
            try {
                DottedPath.check(dotted.getValue());
            } catch (IllegalArgumentException e) {
                problems.add("input." + dotted.getKey() + ": " + e.getMessage());
            }
        }
        RequestInput.failOn("poll", problems);

        Map<String, Object> query = new LinkedHashMap<>();
        if (input.get("query") instanceof Map<?, ?> given) {
            given.forEach((name, value) -> query.put(String.valueOf(name), value));
        }
        if (cursor != null) {
            query.put(cursorParam.get(), String.valueOf(cursor));
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("path", path.get());
        target.put("pathParams", input.get("pathParams"));
        target.put("query", query);
        URI uri = RequestInput.target(target, api.settings(), problems);
        RequestInput.failOn("poll", problems);

        RemoteResponse response = api.send("GET", uri, Map.of(), Optional.empty());
        Map<String, Object> answer = HttpAnswers.output("GET", path.get(), response, Set.of(), "");
        Object body = answer.get("body");
        Object items = DottedPath.read(body, itemsPath).orElse(null);
        if (!(items instanceof List<?> list)) {
            throw ConnectorException.permanentFailure("UnexpectedAnswer", "GET " + path.get() + " answered no list"
                    + (itemsPath.isEmpty() ? "" : " at itemsPath '" + itemsPath + "'"), response.status(),
                    response.body());
        }
        List<Object> records = new ArrayList<>();
        for (Object item : list) {
            Map<String, Object> record = new LinkedHashMap<>();
            Object key = keyPath.isEmpty() ? null : DottedPath.read(item, keyPath).orElse(null);
            record.put("key", key == null ? null : String.valueOf(key));
            record.put("data", item);
            records.add(record);
        }
        Object next = nextCursorPath.isEmpty() ? null : DottedPath.read(body, nextCursorPath).orElse(null);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("records", records);
        page.put("cursor", next != null ? String.valueOf(next) : cursor == null ? null : String.valueOf(cursor));
        return page;
    }
}
