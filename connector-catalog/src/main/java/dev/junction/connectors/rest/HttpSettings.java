package dev.junction.connectors.rest;

import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.SettingField;
import dev.junction.engine.connectors.SettingProblem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plain settings of one HTTP connection, read and checked for one call: where the API is, how to authenticate
 * (the secret of the chosen kind must be set), the default headers, the idempotency header and the poll defaults.
 * Everything wrong is one permanent {@code InvalidSetting} (or {@code MissingSetting} / {@code MissingSecret})
 * failure naming the setting; no call is made.
 */
record HttpSettings(URI baseUrl, Auth auth, Map<String, String> defaultHeaders, Optional<String> apiKeyHeader,
                    Optional<String> idempotencyKeyHeader, String testPath, PollDefaults poll) {

    static final String BASE_URL = "baseUrl";
    static final String AUTH_KIND = "authKind";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String BEARER_TOKEN = "bearerToken";
    static final String API_KEY_HEADER = "apiKeyHeader";
    static final String API_KEY = "apiKey";
    static final String TOKEN_URL = "tokenUrl";
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String SCOPE = "scope";
    static final String DEFAULT_HEADERS = "defaultHeaders";
    static final String IDEMPOTENCY_KEY_HEADER = "idempotencyKeyHeader";
    static final String TEST_PATH = "testPath";
    static final String WEBHOOK_SECRET = "webhookSecret";
    static final String POLL_PATH = "pollPath";
    static final String CURSOR_PARAM = "cursorParam";
    static final String ITEMS_PATH = "itemsPath";
    static final String KEY_PATH = "keyPath";
    static final String NEXT_CURSOR_PATH = "nextCursorPath";

    static final String DEFAULT_API_KEY_HEADER = "X-API-Key";
    static final String DEFAULT_IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    /** How the connection authenticates, by the value of the {@code authKind} setting, and how the form names it. */
    enum Auth {
        NONE("none", "No authentication"),
        BASIC("basic", "User name and password (HTTP Basic)"),
        BEARER("bearer", "Fixed bearer token"),
        API_KEY("apiKey", "API key in a header"),
        OAUTH2_CLIENT_CREDENTIALS("oauth2ClientCredentials", "OAuth 2.0 client credentials");

        final String setting;
        final String label;

        Auth(String setting, String label) {
            this.setting = setting;
            this.label = label;
        }

        static List<String> choices() {
            return Arrays.stream(values()).map(auth -> auth.setting).toList();
        }

        /** The choices of the {@code authKind} setting: each value with the words the form shows for it. */
        static SettingField.Choice[] labelledChoices() {
            return Arrays.stream(values()).map(auth -> SettingField.Choice.of(auth.setting, auth.label))
                    .toArray(SettingField.Choice[]::new);
        }

        static Optional<Auth> of(String setting) {
            return Arrays.stream(values()).filter(auth -> auth.setting.equals(setting)).findFirst();
        }
    }

    /** Where a poll goes and how it reads the answer, when the poll's input does not say. */
    record PollDefaults(Optional<String> path, Optional<String> cursorParam, Optional<String> itemsPath,
                        Optional<String> keyPath, Optional<String> nextCursorPath) {
    }

    /** The connection's settings, checked; the secret of the chosen auth kind must be set (it is not kept). */
    static HttpSettings of(ConnectionAccess connection) throws ConnectorException {
        URI baseUrl = url(BASE_URL, connection.requiredSetting(BASE_URL));
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw invalid(BASE_URL, "must not have a query or fragment (put query parameters in the step)");
        }
        String kind = connection.setting(AUTH_KIND).orElse(Auth.NONE.setting);
        Auth auth = Auth.of(kind).orElseThrow(() -> invalid(AUTH_KIND, "must be one of " + Auth.choices()
                + ", not '" + kind + "'"));
        switch (auth) {
            case NONE -> {
            }
            case BASIC -> {
                connection.requiredSetting(USERNAME);
                connection.requiredSecret(PASSWORD);
            }
            case BEARER -> connection.requiredSecret(BEARER_TOKEN);
            case API_KEY -> connection.requiredSecret(API_KEY);
            case OAUTH2_CLIENT_CREDENTIALS -> {
                url(TOKEN_URL, connection.requiredSetting(TOKEN_URL));
                connection.requiredSetting(CLIENT_ID);
                connection.requiredSecret(CLIENT_SECRET);
            }
        }
        Optional<String> apiKeyHeader = Optional.empty();
        if (auth == Auth.API_KEY) {
            String header = connection.setting(API_KEY_HEADER).orElse(DEFAULT_API_KEY_HEADER).strip();
            if (!header.matches("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
                    || HttpHeaders.RESERVED.contains(header.toLowerCase(java.util.Locale.ROOT))) {
                throw invalid(API_KEY_HEADER, "must be a header name such as X-API-Key, not '" + header + "'");
            }
            apiKeyHeader = Optional.of(header);
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> headers = HttpHeaders.parseLines(connection.setting(DEFAULT_HEADERS).orElse(""),
                apiKeyHeader, problems);
        if (!problems.isEmpty()) {
            throw invalid(DEFAULT_HEADERS, "has " + String.join("; ", problems));
        }
        Optional<String> idempotencyHeader = connection.setting(IDEMPOTENCY_KEY_HEADER).map(String::strip);
        if (idempotencyHeader.isPresent()
                && HttpHeaders.problem(idempotencyHeader.get(), "", apiKeyHeader).isPresent()) {
            throw invalid(IDEMPOTENCY_KEY_HEADER, HttpHeaders.problem(idempotencyHeader.get(), "", apiKeyHeader)
                    .get());
        }
        String testPath = connection.setting(TEST_PATH).orElse("/").strip();
        testUri(baseUrl, testPath);
        PollDefaults poll = new PollDefaults(connection.setting(POLL_PATH), connection.setting(CURSOR_PARAM),
                connection.setting(ITEMS_PATH), connection.setting(KEY_PATH), connection.setting(NEXT_CURSOR_PATH));
        return new HttpSettings(baseUrl, auth, java.util.Collections.unmodifiableMap(headers), apiKeyHeader, idempotencyHeader, testPath, poll);
    }

    /** The URL the connection test GETs: the test path (no placeholders, an optional query) under the base URL. */
    URI testUri() throws ConnectorException {
        return testUri(baseUrl, testPath);
    }

    private static URI testUri(URI baseUrl, String testPath) throws ConnectorException {
        int question = testPath.indexOf('?');
        String path = question < 0 ? testPath : testPath.substring(0, question);
        String query = question < 0 ? null : testPath.substring(question + 1);
        if (path.contains("{")) {
            throw invalid(TEST_PATH, "must be a plain path without {placeholders}, not '" + testPath + "'");
        }
        if (query != null && !query.matches("([A-Za-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*")) {
            throw invalid(TEST_PATH, "has a query with characters that must be encoded: '" + query + "'");
        }
        try {
            return PathTemplate.resolve(baseUrl, PathTemplate.expand(path, Map.of()), query);
        } catch (IllegalArgumentException e) {
            throw invalid(TEST_PATH, e.getMessage());
        }
    }

    static URI url(String name, String value) throws ConnectorException {
        try {
            URI uri = new URI(value.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(name, "must be an http(s) URL with a host");
            }
            if (uri.getRawUserInfo() != null) {
                throw invalid(name, "must not carry a user name or password (use the auth settings)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(name, "is not a URL: " + e.getReason());
        }
    }

    static ConnectorException invalid(String name, String message) {
        return new InvalidSetting(name, message);
    }

    /**
     * What {@link #of} refuses in settings about to be saved (secrets are taken as set: they are checked apart):
     * empty when every call could use them.
     */
    static Optional<SettingProblem> problem(Map<String, String> settings) {
        ConnectionAccess saved = new ConnectionAccess() {
            @Override
            public String id() {
                return "";
            }

            @Override
            public Environment environment() {
                return Environment.SANDBOX;
            }

            @Override
            public Optional<String> setting(String name) {
                return Optional.ofNullable(settings.get(name)).filter(value -> !value.isBlank());
            }

            @Override
            public Optional<String> secret(String name) {
                return Optional.of("set");
            }

            @Override
            public String requiredSetting(String name) throws ConnectorException {
                return setting(name).orElseThrow(() -> invalid(name, "is required with authKind '"
                        + setting(AUTH_KIND).orElse(Auth.NONE.setting) + "'"));
            }
        };
        try {
            of(saved);
            return Optional.empty();
        } catch (InvalidSetting e) {
            return Optional.of(new SettingProblem(e.setting, e.problem));
        } catch (ConnectorException e) {
            return Optional.of(new SettingProblem("", e.getMessage()));
        }
    }

    /** A setting every call would refuse: a permanent {@code InvalidSetting} failure naming it. */
    static final class InvalidSetting extends ConnectorException {

        final String setting;
        final String problem;

        InvalidSetting(String setting, String problem) {
            super("InvalidSetting", "the setting '" + setting + "' " + problem, false, null, null, null);
            this.setting = setting;
            this.problem = problem;
        }
    }
}
