package dev.junction.connectors.rest;

import dev.junction.connectors.rest.sandbox.ShopSimulator;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.ConnectionCheck.Stage;
import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The HTTP connector's poll operation and connection test against the sandbox shop over real HTTP. */
class HttpPollAndCheckTest {

    private static final ShopSimulator SHOP = new ShopSimulator();
    private static SandboxServer sandbox;
    private final HttpConnector connector = new HttpConnector();
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
        connection = FixedConnection.sandbox(SHOP, sandbox.url(SHOP));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> poll(FixedConnection on, Map<String, Object> input) throws ConnectorException {
        return (Map<String, Object>) connector.invoke(on.call("poll", input, "poll-1"));
    }

    private Map<String, Object> poll(String cursor) throws ConnectorException {
        Map<String, Object> input = new HashMap<>();
        input.put("cursor", cursor);
        input.put("query", Map.of("limit", 2));
        return poll(connection, input);
    }

    private String create(String customer) throws ConnectorException {
        @SuppressWarnings("unchecked")
        Map<String, Object> output = (Map<String, Object>) connector.invoke(connection.call("request",
                Map.of("method", "POST", "path", "/orders", "body", Map.of("customer", customer)),
                "create-" + customer));
        return (String) ((Map<?, ?>) output.get("body")).get("id");
    }

    private static List<Object> keys(Map<String, Object> page) {
        return ((List<?>) page.get("records")).stream().map(record -> (Object) ((Map<?, ?>) record).get("key")).toList();
    }

    @Test
    void aPollPagesThroughNewAndChangedOrdersWithTheCursor() throws ConnectorException {
        String first = create("Ada");
        String second = create("Grace");
        String third = create("Edsger");

        Map<String, Object> page1 = poll(null);
        Map<String, Object> page2 = poll((String) page1.get("cursor"));
        Map<String, Object> nothingNew = poll((String) page2.get("cursor"));
        connector.invoke(connection.call("request", Map.of("method", "PATCH", "path", "/orders/{id}",
                "pathParams", Map.of("id", first), "body", Map.of("status", "shipped")), "ship-1"));
        Map<String, Object> changed = poll((String) nothingNew.get("cursor"));

        assertThat(keys(page1)).containsExactly((Object) first, second);
        assertThat(page1.get("cursor")).isEqualTo("2");
        Map<?, ?> record = (Map<?, ?>) ((List<?>) page1.get("records")).getFirst();
        assertThat(((Map<?, ?>) record.get("data")).get("customer")).isEqualTo("Ada");
        assertThat(keys(page2)).containsExactly((Object) third);
        assertThat(keys(nothingNew)).isEmpty();
        assertThat(nothingNew.get("cursor")).isEqualTo("3");
        assertThat(keys(changed)).containsExactly((Object) first);
        assertThat(((Map<?, ?>) ((Map<?, ?>) ((List<?>) changed.get("records")).getFirst()).get("data"))
                .get("status")).isEqualTo("shipped");
    }

    @Test
    void theInputOverridesThePollSettings() throws ConnectorException {
        create("Ada");
        FixedConnection bare = new FixedConnection("bare", Map.of("baseUrl", sandbox.url(SHOP),
                "authKind", "apiKey"), Map.of("apiKey", ShopSimulator.API_KEY));

        ConnectorException noSettings = catchThrowableOfType(ConnectorException.class,
                () -> poll(bare, new HashMap<>()));
        Map<String, Object> page = poll(bare, Map.of("path", "/orders", "cursorParam", "updatedAfter",
                "itemsPath", "orders", "keyPath", "customer", "nextCursorPath", "nextCursor"));

        assertThat(noSettings.errorClass()).isEqualTo("InvalidInput");
        assertThat(noSettings.getMessage()).contains("path:").contains("cursorParam:");
        assertThat(keys(page)).containsExactly((Object) "Ada");
        assertThat(page.get("cursor")).isEqualTo("1");
    }

    @Test
    void anAnswerWithoutAListAtItemsPathIsAPermanentFailure() {
        ConnectorException wrong = catchThrowableOfType(ConnectorException.class,
                () -> poll(connection.withSetting("itemsPath", "data.orders"), new HashMap<>()));

        assertThat(wrong.errorClass()).isEqualTo("UnexpectedAnswer");
        assertThat(wrong.getMessage()).contains("data.orders");
    }

    @Test
    void theSandboxConnectionPassesItsTest() {
        ConnectionCheck check = connector.test(connection);

        assertThat(check.ok()).as(check.message()).isTrue();
        assertThat(check.message()).contains("apiKey");
        for (String kind : List.of("none", "basic", "bearer", "oauth2ClientCredentials")) {
            FixedConnection other = connection.withSetting("authKind", kind).withSetting("testPath", "/echo");
            assertThat(connector.test(other).ok()).as(kind).isEqualTo(!kind.equals("none"));
        }
    }

    @Test
    void refusedCredentialsFailAtAuthAndASuspendedKeyAtPermission() {
        ConnectionCheck wrongKey = connector.test(connection.withSecret("apiKey", "wrong-key-4711"));
        ConnectionCheck noAuth = connector.test(connection.withSetting("authKind", "none"));
        ConnectionCheck wrongClient = connector.test(connection.withSetting("authKind", "oauth2ClientCredentials")
                .withSecret("clientSecret", "wrong-secret-4711"));
        ConnectionCheck suspended = connector.test(connection.withSecret("apiKey", ShopSimulator.SUSPENDED_API_KEY));

        assertThat(wrongKey.stage()).isEqualTo(Stage.AUTH);
        assertThat(wrongKey.message()).contains("401").doesNotContain("wrong-key-4711");
        assertThat(noAuth.stage()).isEqualTo(Stage.AUTH);
        assertThat(wrongClient.stage()).isEqualTo(Stage.AUTH);
        assertThat(wrongClient.message()).contains("invalid_client").doesNotContain("wrong-secret-4711");
        assertThat(suspended.stage()).isEqualTo(Stage.PERMISSION);
    }

    @Test
    void settingsAreCheckedBeforeAnyCall() {
        Map<String, ConnectionCheck> checks = new HashMap<>();
        checks.put("baseUrl", connector.test(connection.withSetting("baseUrl", "")));
        checks.put("baseUrl ", connector.test(connection.withSetting("baseUrl", "ftp://shop.example")));
        checks.put("authKind", connector.test(connection.withSetting("authKind", "digest")));
        checks.put("apiKey", connector.test(connection.withSecret("apiKey", "")));
        checks.put("password", connector.test(connection.withSetting("authKind", "basic").withSecret("password", "")));
        checks.put("username", connector.test(connection.withSetting("authKind", "basic").withSetting("username", "")));
        checks.put("tokenUrl", connector.test(connection.withSetting("authKind", "oauth2ClientCredentials")
                .withSetting("tokenUrl", "not a url")));
        checks.put("defaultHeaders", connector.test(connection.withSetting("defaultHeaders", "no colon here")));
        checks.put("testPath", connector.test(connection.withSetting("testPath", "https://elsewhere.example/")));

        checks.forEach((setting, check) -> {
            assertThat(check.stage()).as(setting + ": " + check.message()).isEqualTo(Stage.SETTINGS);
            assertThat(check.message()).as(setting).contains(setting.strip());
        });
    }

    @Test
    void networkTroubleAndA404AreToldApart() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ConnectionCheck unknownHost = connector.test(connection.withSetting("baseUrl", "http://no-such-shop.invalid"));
        ConnectionCheck refused = connector.test(connection.withSetting("baseUrl", "http://127.0.0.1:" + closed));
        ConnectionCheck notFound = connector.test(connection.withSetting("testPath", "/nothing-here"));

        assertThat(unknownHost.stage()).isEqualTo(Stage.DNS);
        assertThat(refused.stage()).isEqualTo(Stage.CONNECT);
        assertThat(notFound.stage()).isEqualTo(Stage.REMOTE);
        assertThat(notFound.message()).contains("404").contains("testPath");
    }
}
