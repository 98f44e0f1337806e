package dev.junction.connectors.rest;

import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.OperationDescriptor.Kind;
import dev.junction.engine.connectors.SettingField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the catalog shows of the generic HTTP connector: its connection form and its two operations. */
final class HttpDescriptor {

    static final String ID = "http";
    static final String REQUEST = "request";
    static final String POLL = "poll";

    private HttpDescriptor() {
    }

    static ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(ID, "HTTP / REST", "1.0.0", "vaadin:globe",
                "Any JSON REST API, such as your own shop or ERP: requests with path templates, query, headers and "
                        + "a JSON body; basic, bearer, API key or OAuth 2.0 client-credentials authentication; "
                        + "polling with a cursor.",
                ConnectorDescriptor.AuthKind.CONFIGURABLE, settings(), operations());
    }

    private static List<SettingField> settings() {
        return List.of(
                SettingField.url(HttpSettings.BASE_URL, "Base URL",
                        "Every path is relative to it, e.g. https://shop.example.com/api/v2", null),
                SettingField.choice(HttpSettings.AUTH_KIND, "Authentication",
                        "none, basic (user name and password), bearer (a fixed token), apiKey (a key in a header) "
                                + "or oauth2ClientCredentials (tokens from a token URL)",
                        HttpSettings.Auth.NONE.setting, HttpSettings.Auth.choices()),
                SettingField.text(HttpSettings.USERNAME, "User name", "For basic authentication", false, null),
                SettingField.secret(HttpSettings.PASSWORD, "Password", "For basic authentication", false),
                SettingField.secret(HttpSettings.BEARER_TOKEN, "Bearer token",
                        "For bearer authentication: sent as 'Authorization: Bearer <token>'", false),
                SettingField.text(HttpSettings.API_KEY_HEADER, "API key header",
                        "For apiKey authentication: the header that carries the key", false,
                        HttpSettings.DEFAULT_API_KEY_HEADER),
                SettingField.secret(HttpSettings.API_KEY, "API key", "For apiKey authentication", false),
                new SettingField(HttpSettings.TOKEN_URL, "OAuth 2.0 token URL",
                        "For oauth2ClientCredentials: where tokens are obtained", SettingField.Type.URL, false, false,
                        null, List.of()),
                SettingField.text(HttpSettings.CLIENT_ID, "OAuth 2.0 client id", "For oauth2ClientCredentials",
                        false, null),
                SettingField.secret(HttpSettings.CLIENT_SECRET, "OAuth 2.0 client secret",
                        "For oauth2ClientCredentials (sent by HTTP Basic to the token URL)", false),
                SettingField.text(HttpSettings.SCOPE, "OAuth 2.0 scope", "Space-separated scopes, if the API wants any",
                        false, null),
                SettingField.text(HttpSettings.DEFAULT_HEADERS, "Default headers",
                        "Sent with every request, one 'Name: value' per line; Authorization and Host cannot be set",
                        false, null),
                SettingField.text(HttpSettings.IDEMPOTENCY_KEY_HEADER, "Idempotency key header",
                        "Carries the step's idempotency key on POST and PATCH (the same on every retry); clear it "
                                + "when the API does not take one", false,
                        HttpSettings.DEFAULT_IDEMPOTENCY_KEY_HEADER),
                SettingField.text(HttpSettings.TEST_PATH, "Connection test path",
                        "An authenticated GET the connection test sends, e.g. /orders?limit=1", false, "/"),
                SettingField.text(HttpSettings.POLL_PATH, "Poll path", "What the poll operation GETs, e.g. /orders",
                        false, null),
                SettingField.text(HttpSettings.CURSOR_PARAM, "Poll cursor parameter",
                        "The query parameter that carries the cursor, e.g. updatedAfter", false, null),
                SettingField.text(HttpSettings.ITEMS_PATH, "Poll items path",
                        "Where the records are in the answer, e.g. data.orders (empty: the answer is the list)",
                        false, null),
                SettingField.text(HttpSettings.KEY_PATH, "Poll key path",
                        "A record's key within it, e.g. id (the run's business key)", false, null),
                SettingField.text(HttpSettings.NEXT_CURSOR_PATH, "Poll next cursor path",
                        "Where the answer gives the next cursor, e.g. nextCursor", false, null),
                SettingField.secret(HttpSettings.WEBHOOK_SECRET, "Webhook signing secret",
                        "Verifies HMAC-SHA256 signatures of incoming webhooks (optional)", false));
    }

    private static List<OperationDescriptor> operations() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", Map.of("type", "string", "enum", RequestInput.METHODS));
        request.put("path", Map.of("type", "string", "description",
                "Relative to the base URL, with {placeholders}, e.g. /orders/{orderId}"));
        request.put("pathParams", Map.of("type", "object", "description", "Values of the placeholders (encoded)"));
        request.put("query", Map.of("type", "object", "description", "Query parameters; a list repeats the name"));
        request.put("headers", Map.of("type", "object", "description", "Authorization and Host cannot be set"));
        request.put("body", Map.of("description", "Any JSON value, sent as application/json"));
        request.put("expectStatus", Map.of("type", "array", "items", Map.of("type", "integer"),
                "description", "Statuses taken as answers (default: any 2xx)"));
        request.put("responsePath", Map.of("type", "string",
                "description", "A dotted path into the JSON answer to return only that part, e.g. data.order"));

        Map<String, Object> poll = new LinkedHashMap<>();
        poll.put("cursor", Map.of("type", List.of("string", "null"), "description", "The stored cursor (null on the first poll)"));
        poll.put("path", Map.of("type", "string", "description", "Overrides the pollPath setting"));
        poll.put("pathParams", Map.of("type", "object"));
        poll.put("query", Map.of("type", "object", "description", "Further query parameters"));
        for (String field : List.of("cursorParam", "itemsPath", "keyPath", "nextCursorPath")) {
            poll.put(field, Map.of("type", "string", "description", "Overrides the " + field + " setting"));
        }

        return List.of(
                new OperationDescriptor(REQUEST, "HTTP request",
                        "Sends one request and answers its status, safe headers and body. POST and PATCH carry the "
                                + "step's idempotency key in the connection's idempotency key header",
                        Kind.ACTION, object(request, List.of("method", "path")),
                        object(Map.of("status", Map.of("type", "integer"),
                                "headers", object(Map.of("content-type", string(), "etag", string(),
                                        "location", string(), "retry-after", string()), List.of()),
                                "body", Map.of("description", "The JSON answer (or text), at most 1 MB")),
                                List.of("status")), null, null),
                new OperationDescriptor(POLL, "Poll for new records",
                        "GETs a path with the cursor in a query parameter and answers the records and the next "
                                + "cursor", Kind.POLL, object(poll, List.of()),
                        object(Map.of("records", Map.of("type", "array", "items", object(Map.of("key", string(),
                                        "data", Map.of()), List.of("data"))),
                                "cursor", string()), List.of("records")), null, null));
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        return Map.of("type", "object", "properties", properties, "required", required);
    }

    private static Map<String, Object> string() {
        return Map.of("type", "string");
    }
}
