package dev.junction.connectors.rest;

import dev.junction.connectors.rest.sandbox.ShopSimulator;
import dev.junction.connectors.sandbox.Faults;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The HTTP connector's request operation against the sandbox shop over real HTTP. */
class HttpRequestTest {

    private static final ShopSimulator SHOP = new ShopSimulator();
    private static SandboxServer sandbox;
    private HttpConnector connector;
    private FixedConnection connection;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxServer.start(0, List.of(SHOP));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void fresh() {
        SHOP.reset();
        connector = new HttpConnector();
        connection = FixedConnection.sandbox(SHOP, sandbox.url(SHOP));
    }

    private Map<String, Object> call(FixedConnection on, Map<String, Object> input, String idempotencyKey)
            throws ConnectorException {
        @SuppressWarnings("unchecked")
        Map<String, Object> output = (Map<String, Object>) connector.invoke(on.call("request", input,
                idempotencyKey));
        return output;
    }

    private Map<String, Object> call(Map<String, Object> input) throws ConnectorException {
        return call(connection, input, "step-" + UUID.randomUUID());
    }

    private ConnectorException failure(FixedConnection on, Map<String, Object> input) {
        return catchThrowableOfType(ConnectorException.class, () -> call(on, input, "step-" + UUID.randomUUID()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> output) {
        return (Map<String, Object>) output.get("body");
    }

    private static Map<String, Object> input(Object... pairs) {
        Map<String, Object> input = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            input.put((String) pairs[i], pairs[i + 1]);
        }
        return input;
    }

    private Map<String, Object> createOrder(String customer) throws ConnectorException {
        return body(call(input("method", "POST", "path", "/orders", "body",
                Map.of("customer", customer, "items", List.of(Map.of("sku", "SKU-1", "quantity", 2))))));
    }

    @Test
    void theDescriptorIsConfigurableWithSecretsFlagged() {
        var descriptor = connector.descriptor();

        assertThat(descriptor.id()).isEqualTo("http");
        assertThat(descriptor.auth()).isEqualTo(dev.junction.engine.connectors.ConnectorDescriptor.AuthKind.CONFIGURABLE);
        assertThat(descriptor.setting("authKind").orElseThrow().choiceValues())
                .containsExactly("none", "basic", "bearer", "apiKey", "oauth2ClientCredentials");
        for (String secret : List.of("password", "bearerToken", "apiKey", "clientSecret", "webhookSecret")) {
            assertThat(descriptor.setting(secret).orElseThrow().secret()).as(secret).isTrue();
        }
        assertThat(descriptor.setting("apiKeyHeader").orElseThrow().defaultValue()).isEqualTo("X-API-Key");
        assertThat(descriptor.setting("idempotencyKeyHeader").orElseThrow().defaultValue())
                .isEqualTo("Idempotency-Key");
        assertThat(descriptor.operation("request").orElseThrow().idempotencyKeyField()).isNull();
        assertThat(descriptor.operation("poll").orElseThrow().kind())
                .isEqualTo(dev.junction.engine.connectors.OperationDescriptor.Kind.POLL);
    }

    @Test
    void eachAuthKindReachesTheShop() throws ConnectorException {
        Map<String, String> seen = new HashMap<>();
        for (String kind : List.of("apiKey", "basic", "bearer", "oauth2ClientCredentials")) {
            Map<String, Object> echo = body(call(connection.withSetting("authKind", kind),
                    input("method", "GET", "path", "/echo"), "step-1"));
            seen.put(kind, (String) echo.get("auth"));
        }

        assertThat(seen).isEqualTo(Map.of("apiKey", "apiKey", "basic", "basic", "bearer", "bearer",
                "oauth2ClientCredentials", "oauth2"));
    }

    @Test
    void settingsAreParsedOncePerRevisionOfTheConnectionAndANewRevisionIsUsedAtOnce() throws ConnectorException {
        FixedConnection shop = connection;
        FixedConnection moved = connection.withSetting("baseUrl", "http://127.0.0.1:9/nowhere");

        Map<String, Object> first = callAt(shop, "1");
        // the same revision: what was parsed for it stands (the vault hands out a new revision with every change)
        Map<String, Object> sameRevision = callAt(moved, "1");
        ConnectorException newRevision = catchThrowableOfType(ConnectorException.class, () -> callAt(moved, "2"));

        assertThat(first).containsEntry("status", 200L);
        assertThat(sameRevision).containsEntry("status", 200L);
        assertThat(newRevision).isNotNull();
        assertThat(newRevision.getMessage()).contains("127.0.0.1:9");
    }

    /** A GET /echo through {@code fixed}, as the connection at {@code revision}. */
    private Map<String, Object> callAt(FixedConnection fixed, String revision) throws ConnectorException {
        ConnectionAccess versioned = new ConnectionAccess() {
            @Override
            public String id() {
                return fixed.id();
            }

            @Override
            public Environment environment() {
                return fixed.environment();
            }

            @Override
            public Optional<String> setting(String name) {
                return fixed.setting(name);
            }

            @Override
            public Optional<String> secret(String name) {
                return fixed.secret(name);
            }

            @Override
            public String revision() {
                return revision;
            }
        };
        @SuppressWarnings("unchecked")
        Map<String, Object> output = (Map<String, Object>) connector.invoke(new OperationCall(versioned, "request",
                input("method", "GET", "path", "/echo"), "step-" + UUID.randomUUID(), Instant.now().plusSeconds(10),
                false));
        return output;
    }

    @Test
    void anApiKeyInAnotherHeaderIsSentThere() throws ConnectorException {
        FixedConnection elsewhere = connection.withSetting("apiKeyHeader", "X-Shop-Key");

        ConnectorException refused = failure(elsewhere, input("method", "GET", "path", "/echo"));

        assertThat(refused.errorClass()).isEqualTo("AuthenticationFailed");
        assertThat(refused.remoteStatus()).isEqualTo(401);
    }

    @Test
    void wrongOrMissingCredentialsAreAuthenticationFailures() {
        ConnectorException none = failure(connection.withSetting("authKind", "none"),
                input("method", "GET", "path", "/orders"));
        ConnectorException wrongPassword = failure(connection.withSetting("authKind", "basic")
                .withSecret("password", "not-the-password"), input("method", "GET", "path", "/orders"));

        assertThat(none.errorClass()).isEqualTo("AuthenticationFailed");
        assertThat(none.retryable()).isFalse();
        assertThat(none.getMessage()).contains("GET /orders answered HTTP 401");
        assertThat(wrongPassword.errorClass()).isEqualTo("AuthenticationFailed");
        assertThat(wrongPassword.getMessage()).doesNotContain("not-the-password");
    }

    @Test
    void aReadOnlyKeyMayNotWrite() {
        ConnectorException refused = failure(connection.withSecret("apiKey", ShopSimulator.READ_ONLY_API_KEY),
                input("method", "POST", "path", "/orders", "body", Map.of("customer", "Ada")));

        assertThat(refused.errorClass()).isEqualTo("PermissionDenied");
        assertThat(refused.retryable()).isFalse();
        assertThat(SHOP.orderCount()).isZero();
    }

    private static Map<String, Object> orderFor(String customer, String idempotencyKey) {
        return input("method", "POST", "path", "/orders", "headers", Map.of("Idempotency-Key", idempotencyKey),
                "body", Map.of("customer", customer, "items", List.of(Map.of("sku", "SKU-1", "quantity", 2))));
    }

    @Test
    void anotherRequestReusingAnIdempotencyKeyIsNeverAnsweredWithTheFirstOrder() throws ConnectorException {
        Map<String, Object> first = body(call(connection, orderFor("Ada Lovelace", "order-1001"), "run-a:post"));

        // another run, the same business key as its idempotency key: the same body, then another customer's
        ConnectorException sameBody = catchThrowableOfType(ConnectorException.class, () -> call(connection,
                orderFor("Ada Lovelace", "order-1001"), "run-b:post"));
        ConnectorException otherBody = catchThrowableOfType(ConnectorException.class, () -> connector.invoke(
                connection.repeatedCall("request", orderFor("Grace Hopper", "order-1001"), "run-c:post")));

        assertThat(first.get("customer")).isEqualTo("Ada Lovelace");
        assertThat(sameBody.errorClass()).isEqualTo("DuplicateIdempotencyKey");
        assertThat(sameBody.retryable()).isFalse();
        assertThat(sameBody.getMessage()).contains("order-1001").contains("never sent it");
        assertThat(sameBody.remoteBody()).as("the other request's answer is not kept as this step's").isNull();
        assertThat(otherBody.errorClass()).isEqualTo("RemoteValidation");
        assertThat(otherBody.remoteStatus()).isEqualTo(422);
        assertThat(otherBody.getMessage()).contains("another request body");
        assertThat(SHOP.orderCount()).isEqualTo(1);
    }

    @Test
    void aPostSendsJsonAndAnswersStatusSafeHeadersAndBody() throws ConnectorException {
        Map<String, Object> created = call(input("method", "POST", "path", "/orders",
                "body", Map.of("customer", "Ada Lovelace", "total", 12.5)));

        assertThat(created.get("status")).isEqualTo(201L);
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) created.get("headers");
        assertThat(headers).containsKeys("content-type", "etag", "location");
        assertThat(headers.keySet()).isSubsetOf(HttpAnswers.SAFE_HEADERS);
        assertThat((String) headers.get("location")).endsWith("/shop/orders/ord-1001");
        assertThat(body(created)).containsEntry("id", "ord-1001").containsEntry("customer", "Ada Lovelace")
                .containsEntry("total", 12.5);
    }

    @Test
    void pathParametersAreEncodedWithinTheirSegment() throws ConnectorException {
        Map<String, Object> echo = body(call(input("method", "GET", "path", "/echo/{kind}/{id}",
                "pathParams", Map.of("kind", "orders", "id", "a b/c?d=1#e%"))));
        ConnectorException missing = failure(connection, input("method", "GET", "path", "/orders/{orderId}",
                "pathParams", Map.of("orderId", "ord 9/../x")));

        assertThat(echo.get("path")).isEqualTo("/echo/orders/a b/c?d=1#e%");
        assertThat(echo.get("query")).isEqualTo(Map.of());
        assertThat(missing.errorClass()).isEqualTo("NotFound");
        assertThat(missing.getMessage()).contains("no order 'ord 9/../x'");
    }

    @Test
    void aTemplateCannotLeaveTheBaseUrl() {
        for (String path : List.of("http://evil.example/orders", "https://evil.example", "//evil.example/orders",
                "/../admin", "/orders/../../admin", "/%2e%2e/admin", "/orders/%2E./x", "orders", "/orders?all=1",
                "/orders\\..\\admin", "/or ders")) {
            ConnectorException refused = failure(connection, input("method", "GET", "path", path));

            assertThat(refused).as(path).isNotNull();
            assertThat(refused.errorClass()).as(path).isEqualTo("InvalidInput");
            assertThat(refused.getMessage()).as(path).contains("path:");
            assertThat(refused.remoteStatus()).as(path).isNull();
        }
        ConnectorException dots = failure(connection, input("method", "GET", "path", "/orders/{id}",
                "pathParams", Map.of("id", "..")));
        ConnectorException unfilled = failure(connection, input("method", "GET", "path", "/orders/{id}"));

        assertThat(dots.getMessage()).contains("pathParams.id");
        assertThat(unfilled.getMessage()).contains("pathParams.id");
    }

    @Test
    void queryAndHeadersAreSentEncodedAndDefaultHeadersApply() throws ConnectorException {
        FixedConnection withDefaults = connection.withSetting("defaultHeaders",
                "X-Source: junction\n# a comment\n\nX-Tenant: default");

        Map<String, Object> echo = body(call(withDefaults, input("method", "GET", "path", "/echo",
                "query", Map.of("q", "a&b=c ä", "tag", List.of("x", "y"), "limit", 5),
                "headers", Map.of("X-Tenant", "acme", "X-Correlation-Id", 42)), "step-1"));

        assertThat(echo.get("query")).isEqualTo(Map.of("q", List.of("a&b=c ä"), "tag", List.of("x", "y"),
                "limit", List.of("5")));
        assertThat(echo.get("headers")).isEqualTo(Map.of("accept", "application/json, */*;q=0.5",
                "x-source", "junction", "x-tenant", "acme", "x-correlation-id", "42",
                "user-agent", ((Map<?, ?>) echo.get("headers")).get("user-agent")));
    }

    @Test
    void headersTheConnectorOwnsCannotBeSet() {
        for (String header : List.of("Authorization", "host", "X-API-Key", "Content-Length", "Bad Header")) {
            ConnectorException refused = failure(connection, input("method", "GET", "path", "/echo",
                    "headers", Map.of(header, "x")));

            assertThat(refused.errorClass()).as(header).isEqualTo("InvalidInput");
            assertThat(refused.getMessage()).as(header).contains("headers." + header);
        }
        ConnectorException lineBreak = failure(connection, input("method", "GET", "path", "/echo",
                "headers", Map.of("X-Tenant", "a\r\nX-Evil: 1")));
        ConnectorException badDefaults = failure(connection.withSetting("defaultHeaders", "Authorization: x"),
                input("method", "GET", "path", "/echo"));

        assertThat(lineBreak.getMessage()).contains("line break");
        assertThat(badDefaults.errorClass()).isEqualTo("InvalidSetting");
        assertThat(badDefaults.getMessage()).contains("defaultHeaders").contains("line 1");
    }

    @Test
    void badInputIsNamedFieldByFieldAndNothingIsSent() {
        ConnectorException refused = failure(connection, input("method", "TRACE", "path", "/orders",
                "query", "limit=1", "expectStatus", List.of(200, 999), "responsePath", "a..b"));
        ConnectorException getWithBody = failure(connection, input("method", "GET", "path", "/orders",
                "body", Map.of("x", 1)));

        assertThat(refused.errorClass()).isEqualTo("InvalidInput");
        assertThat(refused.getMessage()).contains("input.method:").contains("input.query:")
                .contains("input.expectStatus[1]:").contains("input.responsePath:");
        assertThat(getWithBody.getMessage()).contains("body: a GET sends no body");
    }

    @Test
    void responsePathAnswersOnlyThatPart() throws ConnectorException {
        Map<String, Object> order = createOrder("Grace Hopper");

        Map<String, Object> sku = call(input("method", "GET", "path", "/orders/{id}",
                "pathParams", Map.of("id", order.get("id")), "responsePath", "items.0.sku"));
        Map<String, Object> absent = call(input("method", "GET", "path", "/orders/{id}",
                "pathParams", Map.of("id", order.get("id")), "responsePath", "shipping.address"));

        assertThat(sku.get("status")).isEqualTo(200L);
        assertThat(sku.get("body")).isEqualTo("SKU-1");
        assertThat(absent).containsEntry("body", null);
    }

    @Test
    void aPatchChangesTheOrder() throws ConnectorException {
        Map<String, Object> order = createOrder("Ada");

        Map<String, Object> patched = body(call(input("method", "patch", "path", "/orders/{id}",
                "pathParams", Map.of("id", order.get("id")), "body", Map.of("status", "shipped"))));

        assertThat(patched).containsEntry("status", "shipped").containsEntry("version", 2L);
    }

    @Test
    void aRequestSavedWithTheMethodInAnotherCaseIsUpgradedBeforeTheCentralCheck() {
        Map<String, Object> saved = input("method", " patch", "path", "/orders/{id}");
        dev.junction.engine.connectors.OperationDescriptor request = connector.descriptor().operation("request")
                .orElseThrow();

        assertThat(dev.junction.engine.connectors.OperationInputCheck.problems(request, saved))
                .as("the schema lists the methods in upper case").isNotEmpty();
        assertThat(connector.migrate("request", saved)).containsEntry("method", "PATCH")
                .containsEntry("path", "/orders/{id}");
        assertThat(connector.migrate("request", input("method", "PATCH", "path", "/x")))
                .containsEntry("method", "PATCH");
        assertThat(connector.migrate("poll", saved)).isSameAs(saved);
        assertThat(connector.migrate("request", input("method", "trace", "path", "/x")))
                .as("not a method it takes: left for the check to refuse").containsEntry("method", "trace");
    }

    @Test
    void expectStatusTakesListedStatusesAsAnswersAndRefusesOthers() throws ConnectorException {
        Map<String, Object> notFound = call(input("method", "GET", "path", "/orders/ord-404",
                "expectStatus", List.of(200, 404)));
        ConnectorException unexpected = failure(connection, input("method", "GET", "path", "/orders",
                "expectStatus", List.of(204)));

        assertThat(notFound.get("status")).isEqualTo(404L);
        assertThat(body(notFound)).containsEntry("error", "no order 'ord-404'");
        assertThat(unexpected.errorClass()).isEqualTo("UnexpectedStatus");
        assertThat(unexpected.retryable()).isFalse();
        assertThat(unexpected.getMessage()).contains("HTTP 200").contains("[204]");
    }

    @Test
    void aRemoteValidationErrorIsPermanentWithTheBodyExcerpt() {
        ConnectorException refused = failure(connection, input("method", "POST", "path", "/orders",
                "body", Map.of("total", 3)));

        assertThat(refused.errorClass()).isEqualTo("RemoteValidation");
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.remoteStatus()).isEqualTo(422);
        assertThat(refused.getMessage()).contains("customer is required");
        assertThat(refused.remoteBody()).contains("customer is required");
    }

    @Test
    void rateLimitsAndOutagesAreRetryableWithRetryAfter() {
        SHOP.faults().plan(new Faults.Fault("listOrders", 429, 7, 0), 1);
        SHOP.faults().plan(new Faults.Fault("getOrder", 503, null, 0), 1);

        ConnectorException limited = failure(connection, input("method", "GET", "path", "/orders"));
        ConnectorException down = failure(connection, input("method", "GET", "path", "/orders/ord-1"));

        assertThat(limited.errorClass()).isEqualTo("RateLimited");
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(down.errorClass()).isEqualTo("RemoteUnavailable");
        assertThat(down.retryable()).isTrue();
    }

    @Test
    void aRetriedPostWhoseAnswerWasLostCreatesOnce() throws ConnectorException {
        SHOP.faults().plan(new Faults.Fault("createOrder" + ShopSimulator.AFTER_COMMIT, 502, null, 0), 1);
        Map<String, Object> input = input("method", "POST", "path", "/orders", "body", Map.of("customer", "Ada"));

        ConnectorException lost = catchThrowableOfType(ConnectorException.class,
                () -> call(connection, input, "run-7:step-pay"));
        @SuppressWarnings("unchecked")
        Map<String, Object> retried = (Map<String, Object>) connector.invoke(
                connection.repeatedCall("request", input, "run-7:step-pay"));
        Map<String, Object> another = call(connection, input, "run-8:step-pay");

        assertThat(lost.retryable()).isTrue();
        assertThat(retried.get("status")).isEqualTo(201L);
        assertThat(body(retried)).containsEntry("id", "ord-1001");
        assertThat(body(another)).containsEntry("id", "ord-1002");
        assertThat(SHOP.orderCount()).isEqualTo(2);
    }

    @Test
    void theIdempotencyHeaderGoesOnPostAndPatchOnlyAndCanBeTurnedOff() throws ConnectorException {
        Map<?, ?> post = (Map<?, ?>) body(call(connection, input("method", "POST", "path", "/echo"), "key-1"))
                .get("headers");
        Map<?, ?> put = (Map<?, ?>) body(call(connection, input("method", "PUT", "path", "/echo"), "key-2"))
                .get("headers");
        Map<?, ?> own = (Map<?, ?>) body(call(connection, input("method", "PATCH", "path", "/echo",
                "headers", Map.of("idempotency-key", "order-1001-shipped")), "key-3")).get("headers");
        Map<?, ?> off = (Map<?, ?>) body(call(connection.withSetting("idempotencyKeyHeader", ""),
                input("method", "POST", "path", "/echo"), "key-4")).get("headers");

        assertThat(post.get("idempotency-key")).isEqualTo("key-1");
        assertThat(put.get("idempotency-key")).isNull();
        assertThat(own.get("idempotency-key")).isEqualTo("order-1001-shipped");
        assertThat(off.get("idempotency-key")).isNull();
    }

    @Test
    void anOAuthTokenIsCachedAndRefreshedAfterA401() throws ConnectorException {
        FixedConnection oauth = connection.withSetting("authKind", "oauth2ClientCredentials");

        call(oauth, input("method", "GET", "path", "/orders"), "a");
        call(oauth, input("method", "GET", "path", "/orders"), "b");
        assertThat(SHOP.tokensIssued()).isEqualTo(1);

        SHOP.revokeTokens();
        Map<String, Object> afterRevocation = call(oauth, input("method", "GET", "path", "/orders"), "c");
        call(oauth, input("method", "GET", "path", "/orders"), "d");

        assertThat(afterRevocation.get("status")).isEqualTo(200L);
        assertThat(SHOP.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aRefusedClientSecretIsAnAuthenticationFailureWithoutTheSecret() {
        FixedConnection oauth = connection.withSetting("authKind", "oauth2ClientCredentials")
                .withSecret("clientSecret", "wrong-client-secret");

        ConnectorException refused = failure(oauth, input("method", "GET", "path", "/orders"));

        assertThat(refused.errorClass()).isEqualTo("AuthenticationFailed");
        assertThat(refused.getMessage()).contains("invalid_client").doesNotContain("wrong-client-secret");
        assertThat(SHOP.tokensIssued()).isZero();
    }

    @Test
    void aMissingSecretOfTheChosenKindIsNamed() {
        ConnectorException noToken = failure(connection.withSetting("authKind", "bearer")
                .withSecret("bearerToken", ""), input("method", "GET", "path", "/orders"));

        assertThat(noToken.errorClass()).isEqualTo("MissingSecret");
        assertThat(noToken.getMessage()).contains("bearerToken");
    }

    @Test
    void theConnectorAndSimulatorAreFoundByTheirServiceLoaders() {
        assertThat(java.util.ServiceLoader.load(dev.junction.engine.connectors.Connector.class).stream()
                .map(provider -> provider.type().getName())).contains(HttpConnector.class.getName());
        assertThat(java.util.ServiceLoader.load(dev.junction.connectors.sandbox.Simulator.class).stream()
                .map(provider -> provider.type().getName())).contains(ShopSimulator.class.getName());
    }
}
