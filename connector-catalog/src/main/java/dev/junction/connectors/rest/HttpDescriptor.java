package dev.junction.connectors.rest;

import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.SettingField;
import dev.junction.engine.schema.Schemas;

import java.util.List;
import java.util.Map;

import static dev.junction.engine.schema.Schemas.anyObject;
import static dev.junction.engine.schema.Schemas.anyValue;
import static dev.junction.engine.schema.Schemas.integer;
import static dev.junction.engine.schema.Schemas.object;
import static dev.junction.engine.schema.Schemas.string;

/**
 * What the catalog shows of the generic HTTP connector: its connection form (the settings of each authentication
 * kind depend on that choice) and its two operations. The input schemas are what the central check holds every call
 * to; what depends on the connection (the path template under the base URL, forbidden headers) stays in
 * {@link RequestInput} and is named in the schema's {@code x-check}.
 */
final class HttpDescriptor {

    static final String ID = "http";
    static final String REQUEST_ID = "request";
    static final String POLL_ID = "poll";

    /** A dotted path into a JSON answer ({@link DottedPath}): parts that are not empty, or nothing. */
    private static final String DOTTED_PATH = "^([^.]+(\\.[^.]+)*)?$";

    static final OperationDescriptor REQUEST = OperationDescriptor.action(REQUEST_ID, "HTTP request",
                    "Sends one request and answers its status, safe headers and body. POST and PATCH carry the step's "
                            + "idempotency key in the connection's idempotency key header")
            .input(object()
                    .required("method", Schemas.oneOf("the HTTP method", RequestInput.METHODS))
                    .required("path", Schemas.with(string("Relative to the base URL, with {placeholders}, e.g. "
                            + "/orders/{orderId}"), "minLength", 1))
                    .optional("pathParams", anyObject("Values of the placeholders (encoded)"))
                    .optional("query", anyObject("Query parameters; a list repeats the name"))
                    .optional("headers", anyObject("Authorization and Host cannot be set"))
                    .optional("body", anyValue("Any JSON value, sent as application/json; not with GET"))
                    .optional("expectStatus", Schemas.with(Schemas.with(Schemas.with(Schemas.array(
                                    "Statuses taken as answers (default: any 2xx); one status or a list",
                                    integer("an HTTP status", 100, 599)), "type", List.of("array", "integer")),
                            "minimum", 100), "maximum", 599))
                    .optional("responsePath", Schemas.pattern("A dotted path into the JSON answer to return only "
                            + "that part, e.g. data.order", DOTTED_PATH))
                    .keyword("x-check", "path: filled from pathParams, stays under the base URL; headers: no "
                            + "Authorization, Host, Content-Length or the API key header, no line breaks; body: "
                            + "not with GET")
                    .keyword("examples", List.of(
                            Map.of("method", "GET", "path", "/orders/{orderId}", "pathParams",
                                    Map.of("orderId", "ord-1"), "expectStatus", List.of(200, 404)),
                            Map.of("method", "POST", "path", "/orders", "body", Map.of("customer", "Ada Lovelace",
                                    "items", List.of(Map.of("sku", "SKU-1", "quantity", 2))),
                                    "expectStatus", List.of(201))))
                    .build())
            .output(object()
                    .required("status", integer("the HTTP status"))
                    .optional("headers", object()
                            .optional("content-type", string(null))
                            .optional("etag", string(null))
                            .optional("location", string(null))
                            .optional("retry-after", string(null))
                            .build())
                    .optional("body", anyValue("The JSON answer (or text), at most 1 MB"))
                    .build())
            .build();

    static final OperationDescriptor POLL = OperationDescriptor.poll(POLL_ID, "Poll for new records",
                    "GETs a path with the cursor in a query parameter and answers the records and the next cursor")
            .input(object()
                    .optional("cursor", Schemas.with(string("The stored cursor (null on the first poll)"), "type",
                            List.of("string", "null")))
                    .optional("path", string("Overrides the pollPath setting"))
                    .optional("pathParams", anyObject("Values of the placeholders (encoded)"))
                    .optional("query", anyObject("Further query parameters"))
                    .optional("cursorParam", string("Overrides the cursorParam setting"))
                    .optional("itemsPath", Schemas.pattern("Overrides the itemsPath setting", DOTTED_PATH))
                    .optional("keyPath", Schemas.pattern("Overrides the keyPath setting", DOTTED_PATH))
                    .optional("nextCursorPath", Schemas.pattern("Overrides the nextCursorPath setting", DOTTED_PATH))
                    .keyword("x-check", "path and cursorParam: from the input or the connection's settings")
                    .keyword("examples", List.of(Map.of("path", "/orders", "cursorParam", "updatedAfter",
                            "itemsPath", "orders", "keyPath", "id", "nextCursorPath", "nextCursor")))
                    .build())
            .output(object()
                    .required("records", Schemas.array("the new records", object()
                            .optional("key", string("the record's key (keyPath)"))
                            .required("data", anyValue("the record"))
                            .build()))
                    .optional("cursor", string("where the next poll goes on"))
                    .build())
            .build();

    private HttpDescriptor() {
    }

    static ConnectorDescriptor descriptor(List<OperationDescriptor> operations) {
        return new ConnectorDescriptor(ID, "HTTP / REST", "1.0.0", "vaadin:globe",
                "Any JSON REST API, such as your own shop or ERP: requests with path templates, query, headers and "
                        + "a JSON body; basic, bearer, API key or OAuth 2.0 client-credentials authentication; "
                        + "polling with a cursor.",
                ConnectorDescriptor.AuthKind.CONFIGURABLE, settings(), operations);
    }

    private static List<SettingField> settings() {
        List<String> basic = List.of(HttpSettings.Auth.BASIC.setting);
        List<String> bearer = List.of(HttpSettings.Auth.BEARER.setting);
        List<String> apiKey = List.of(HttpSettings.Auth.API_KEY.setting);
        List<String> oauth2 = List.of(HttpSettings.Auth.OAUTH2_CLIENT_CREDENTIALS.setting);
        return List.of(
                SettingField.url(HttpSettings.BASE_URL, "Base URL",
                        "Every path is relative to it, e.g. https://shop.example.com/api/v2", null),
                SettingField.choice(HttpSettings.AUTH_KIND, "Authentication",
                        "How requests prove who sends them: not at all, a user name and password, a fixed token, "
                                + "a key in a header, or OAuth 2.0 tokens fetched from a token URL",
                        HttpSettings.Auth.NONE.setting, HttpSettings.Auth.labelledChoices()),
                SettingField.text(HttpSettings.USERNAME, "User name", "For user name and password authentication", false, null)
                        .dependingOn(HttpSettings.AUTH_KIND, basic),
                SettingField.secret(HttpSettings.PASSWORD, "Password", "For user name and password authentication", false)
                        .dependingOn(HttpSettings.AUTH_KIND, basic),
                SettingField.secret(HttpSettings.BEARER_TOKEN, "Bearer token",
                        "For bearer token authentication: sent as 'Authorization: Bearer <token>'", false)
                        .dependingOn(HttpSettings.AUTH_KIND, bearer),
                SettingField.text(HttpSettings.API_KEY_HEADER, "API key header",
                        "For API key authentication: the header that carries the key", false,
                        HttpSettings.DEFAULT_API_KEY_HEADER).dependingOn(HttpSettings.AUTH_KIND, apiKey),
                SettingField.secret(HttpSettings.API_KEY, "API key", "For API key authentication", false)
                        .dependingOn(HttpSettings.AUTH_KIND, apiKey),
                new SettingField(HttpSettings.TOKEN_URL, "OAuth 2.0 token URL",
                        "For OAuth 2.0 client credentials: where tokens are obtained", SettingField.Type.URL, false, false,
                        null, List.of()).dependingOn(HttpSettings.AUTH_KIND, oauth2),
                SettingField.text(HttpSettings.CLIENT_ID, "OAuth 2.0 client id", "For OAuth 2.0 client credentials",
                        false, null).dependingOn(HttpSettings.AUTH_KIND, oauth2),
                SettingField.secret(HttpSettings.CLIENT_SECRET, "OAuth 2.0 client secret",
                        "For OAuth 2.0 client credentials (sent by HTTP Basic to the token URL)", false)
                        .dependingOn(HttpSettings.AUTH_KIND, oauth2),
                SettingField.text(HttpSettings.SCOPE, "OAuth 2.0 scope", "Space-separated scopes, if the API wants any",
                        false, null).dependingOn(HttpSettings.AUTH_KIND, oauth2),
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
}
