package dev.junction.connectors.amazon;

import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.sandbox.Simulator;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectionCheck.Stage;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** LWA against the simulator: cached tokens, an expired token refreshed once, refusals, connection tests. */
class AmazonAuthTest {

    private static AmazonSandbox sandbox;
    private FixedConnection connection;

    @BeforeAll
    static void start() throws IOException {
        sandbox = new AmazonSandbox();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.simulator.reset();
        connection = sandbox.connection();
    }

    private Object anyCall(FixedConnection on) throws ConnectorException {
        return sandbox.invoke(on, "getOrder", Map.of("AmazonOrderId", "111-4830211-0000101"));
    }

    @Test
    void aTokenIsExchangedOnceAndKeptForLaterCalls() throws ConnectorException {
        anyCall(connection);
        anyCall(connection);
        anyCall(connection);

        assertThat(sandbox.simulator.tokenExchanges()).isEqualTo(1);
    }

    @Test
    void aTokenSpApiCallsExpiredIsReplacedOnceAndTheCallSucceeds() throws ConnectorException {
        anyCall(connection);
        sandbox.simulator.expireIssuedTokens();

        Map<?, ?> order = (Map<?, ?>) anyCall(connection);

        assertThat(order.get("AmazonOrderId")).isEqualTo("111-4830211-0000101");
        assertThat(sandbox.simulator.tokenExchanges()).isEqualTo(2);
    }

    @Test
    void tokensEndedThroughTheSimulatorControlAreReplacedToo() throws Exception {
        anyCall(connection);
        sandbox.control("tokens/expire", "");

        anyCall(connection);

        assertThat(sandbox.simulator.tokenExchanges()).isEqualTo(2);
    }

    @Test
    void aTokenThatLivesShorterThanAnnouncedIsReplacedWhenItRunsOut() throws Exception {
        sandbox.simulator.tokenLifetime(Duration.ofMillis(300));
        anyCall(connection);
        Thread.sleep(400);
        anyCall(connection);

        assertThat(sandbox.simulator.tokenExchanges()).isEqualTo(2);
    }

    @Test
    void aWrongClientSecretIsAPermanentAuthenticationFailureThatShowsNoSecret() {
        FixedConnection wrong = connection.withSecret("lwaClientSecret", "wrong-client-secret-123");

        ConnectorException refused = catchThrowableOfType(ConnectorException.class, () -> anyCall(wrong));
        ConnectionCheck check = sandbox.connector.test(wrong);

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.errorClass()).isEqualTo("AuthenticationFailed");
        assertThat(refused.getMessage()).contains("invalid_client").doesNotContain("wrong-client-secret-123");
        assertThat(refused.remoteBody()).doesNotContain("wrong-client-secret-123", "Atzr|");
        assertThat(check.stage()).isEqualTo(Stage.AUTH);
        assertThat(check.message()).contains("invalid_client");
    }

    @Test
    void aRevokedRefreshTokenIsInvalidGrantAtTheAuthStage() {
        FixedConnection revoked = connection.withSecret("refreshToken", "Atzr|revoked-refresh-token");

        ConnectorException refused = catchThrowableOfType(ConnectorException.class, () -> anyCall(revoked));
        ConnectionCheck check = sandbox.connector.test(revoked);

        assertThat(refused.errorClass()).isEqualTo("AuthenticationFailed");
        assertThat(refused.getMessage()).contains("invalid_grant").doesNotContain("revoked-refresh-token");
        assertThat(check.stage()).isEqualTo(Stage.AUTH);
        assertThat(check.message()).doesNotContain("revoked-refresh-token");
    }

    @Test
    void theSandboxConnectionTestsOkAndASellerWithoutTheOrdersRoleFailsAtPermission() throws ConnectorException {
        ConnectionCheck ok = sandbox.connector.test(connection);
        FixedConnection limited = connection.withSecret("refreshToken",
                SpApiSimulator.REFRESH_TOKEN_WITHOUT_ORDERS_ROLE);
        ConnectionCheck denied = sandbox.connector.test(limited);
        ConnectorException forbidden = catchThrowableOfType(ConnectorException.class, () -> anyCall(limited));

        assertThat(ok.ok()).as(ok.message()).isTrue();
        assertThat(denied.stage()).isEqualTo(Stage.PERMISSION);
        assertThat(denied.message()).contains("Unauthorized");
        assertThat(forbidden.retryable()).isFalse();
        assertThat(forbidden.errorClass()).isEqualTo("PermissionDenied");
        assertThat(sandbox.invoke(limited, "getReports", Map.of("reportTypes", "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2")))
                .as("the other roles still work").isNotNull();
    }

    @Test
    void lwaBeingUnavailableIsRetryable() throws Exception {
        sandbox.plan("{\"operation\": \"token\", \"status\": 503, \"retryAfterSeconds\": 2}");

        ConnectorException unavailable = catchThrowableOfType(ConnectorException.class, () -> anyCall(connection));

        assertThat(unavailable.retryable()).isTrue();
        assertThat(unavailable.errorClass()).isEqualTo("AuthenticationUnavailable");
        assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void missingOrBrokenSettingsFailAtTheSettingsStageAndAnUnknownHostAtDns() {
        FixedConnection noSecret = connection.withSecret("lwaClientSecret", "");
        FixedConnection badRegion = connection.withSetting("endpoint", "").withSetting("region", "mars");
        FixedConnection unknownHost = connection.withSetting("lwaTokenUrl", "http://no-such-host.invalid/auth/o2/token");

        assertThat(sandbox.connector.test(noSecret).stage()).isEqualTo(Stage.SETTINGS);
        assertThat(sandbox.connector.test(noSecret).message()).contains("lwaClientSecret");
        assertThat(sandbox.connector.test(badRegion).stage()).isEqualTo(Stage.SETTINGS);
        assertThat(sandbox.connector.test(unknownHost).stage()).isEqualTo(Stage.DNS);
    }

    @Test
    void theDescriptorCarriesTheUsagePlansTheIdempotencyFieldAndSecretFields() {
        ConnectorDescriptor descriptor = sandbox.connector.descriptor();

        assertThat(descriptor.id()).isEqualTo("amazon-sp-api");
        assertThat(descriptor.operation("getOrders").orElseThrow().rateLimit())
                .isEqualTo(new OperationDescriptor.RateLimit(0.0167, 20));
        assertThat(descriptor.operation("createReport").orElseThrow().rateLimit())
                .isEqualTo(new OperationDescriptor.RateLimit(0.0167, 15));
        assertThat(descriptor.operation("createFulfillmentOrder").orElseThrow().idempotencyKeyField())
                .isEqualTo("sellerFulfillmentOrderId");
        assertThat(descriptor.operation("pollOrders").orElseThrow().kind()).isEqualTo(OperationDescriptor.Kind.POLL);
        assertThat(descriptor.operations()).allMatch(operation -> operation.rateLimit() != null);
        assertThat(descriptor.setting("lwaClientSecret").orElseThrow().secret()).isTrue();
        assertThat(descriptor.setting("refreshToken").orElseThrow().secret()).isTrue();
        assertThat(descriptor.setting("region").orElseThrow().choiceValues()).containsExactly("na", "eu", "fe");
    }

    @Test
    void theServiceLoaderFindsTheConnectorAndItsSimulator() {
        assertThat(ConnectorCatalog.discovered().find("amazon-sp-api")).map(Connector::getClass)
                .contains(AmazonSpApiConnector.class);
        assertThat(ServiceLoader.load(Simulator.class).stream().map(ServiceLoader.Provider::type))
                .contains(SpApiSimulator.class);
    }

    @Test
    void aPassedDeadlineSendsNothing() {
        ConnectorException late = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(connection,
                "getOrder", Map.of("AmazonOrderId", "111-4830211-0000101"), "late", Instant.now().minusSeconds(1)));

        assertThat(late.errorClass()).isEqualTo("Timeout");
        assertThat(sandbox.simulator.tokenExchanges()).isZero();
    }
}
