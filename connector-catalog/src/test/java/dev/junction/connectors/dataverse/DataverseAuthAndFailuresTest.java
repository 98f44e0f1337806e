package dev.junction.connectors.dataverse;

import dev.junction.connectors.dataverse.sandbox.DataverseSimulator;
import dev.junction.connectors.sandbox.Simulator;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.ConnectionCheck.Stage;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in, the connection test, and how every kind of Web API failure is classified. */
class DataverseAuthAndFailuresTest {

    private static final String WRONG_SECRET = "typo-in-the-secret-value-42";
    private static DataverseSandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new DataverseSandbox();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void theConnectionTestSignsInAndAsksWhoAmI() {
        ConnectionCheck check = sandbox.connector.test(sandbox.connection);

        assertThat(check.ok()).as(check.message()).isTrue();
        assertThat(check.message()).contains("a0f1b2c3-d4e5-4f60-8172-93a4b5c6d7e8").contains(sandbox.baseUrl);
    }

    @Test
    void aWrongSecretFailsAtTheAuthStageWithEntrasErrorAndNeverShowsTheSecret() {
        var connection = sandbox.connection.withSecret("clientSecret", WRONG_SECRET);

        ConnectionCheck check = sandbox.connector.test(connection);
        sandbox.connection = connection;
        ConnectorException failure = sandbox.failure("querySalesOrders", Map.of());

        assertThat(check.stage()).isEqualTo(Stage.AUTH);
        assertThat(check.message()).contains("invalid_client").contains("AADSTS7000215")
                .doesNotContain(WRONG_SECRET);
        assertThat(failure.errorClass()).isEqualTo("AuthenticationFailed");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.remoteStatus()).isEqualTo(401);
        assertThat(failure.getMessage() + failure.remoteBody()).doesNotContain(WRONG_SECRET)
                .doesNotContain(DataverseSimulator.CLIENT_SECRET);
    }

    @Test
    void anApplicationWithoutASecurityRoleFailsAtThePermissionStage() {
        ConnectionCheck check = sandbox.connector.test(sandbox.connection.withSetting("clientId",
                DataverseSimulator.CLIENT_ID_WITHOUT_ROLE));

        assertThat(check.stage()).isEqualTo(Stage.PERMISSION);
        assertThat(check.message()).contains("403").contains("0x80040220").contains("GET WhoAmI");
    }

    @Test
    void aWrongTenantOrAnInsecureOrganisationUrlIsASettingsProblem() {
        ConnectionCheck tenant = sandbox.connector.test(sandbox.connection.withSetting("tenantId", "contoso.example"));
        ConnectionCheck insecure = sandbox.connector.test(sandbox.connection
                .withSetting("organizationUrl", "http://contoso.crm4.dynamics.com"));
        ConnectionCheck missing = sandbox.connector.test(sandbox.connection.withSetting("clientId", ""));

        assertThat(tenant.stage()).isEqualTo(Stage.SETTINGS);
        assertThat(tenant.message()).contains("AADSTS90002").contains("contoso.example");
        assertThat(insecure.stage()).isEqualTo(Stage.SETTINGS);
        assertThat(insecure.message()).contains("organizationUrl").contains("https");
        assertThat(missing.stage()).isEqualTo(Stage.SETTINGS);
        assertThat(missing.message()).contains("clientId");
    }

    @Test
    void anExpiredTokenIsReplacedOnceAndTheCallGoesThrough() throws Exception {
        sandbox.call("findProductByNumber", Map.of("productnumber", "GF-BENCH-150"));
        sandbox.simulator.expireTokens();

        Map<String, Object> found = sandbox.call("findProductByNumber", Map.of("productnumber", "GF-BENCH-150"));

        assertThat(found.get("found")).isEqualTo(true);
        assertThat(sandbox.simulator.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aTokenRefusedTwiceIsAPermanentAuthenticationFailure() throws Exception {
        sandbox.planFault("GET products", 401, null, 2);

        ConnectorException failure = sandbox.failure("findProductByNumber", Map.of("productnumber", "GF-BENCH-150"));

        assertThat(failure.errorClass()).isEqualTo("AuthenticationFailed");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("401").contains("invalid_token");
        assertThat(sandbox.simulator.tokensIssued()).isEqualTo(2);
    }

    @Test
    void serviceProtection429IsRetryableAfterTheServersRetryAfter() throws Exception {
        sandbox.planFault("GET salesorders", 429, 7, 1);

        ConnectorException failure = sandbox.failure("querySalesOrders", Map.of());

        assertThat(failure.errorClass()).isEqualTo("ServiceProtectionLimit");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failure.getMessage()).contains("0x80072322").contains("GET salesorders");
    }

    @Test
    void theSimulatorCountsRequestsAgainstItsLimitInTheWindow() throws Exception {
        sandbox.simulator.limitRequests(2, Duration.ofSeconds(60));
        sandbox.call("findProductByNumber", Map.of("productnumber", "GF-BENCH-150"));
        sandbox.call("findProductByNumber", Map.of("productnumber", "GF-TABLE-200"));

        ConnectorException failure = sandbox.failure("findProductByNumber", Map.of("productnumber", "GF-BENCH-150"));

        assertThat(failure.remoteStatus()).isEqualTo(429);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).hasValueSatisfying(wait -> assertThat(wait)
                .isGreaterThan(Duration.ofSeconds(50)).isLessThanOrEqualTo(Duration.ofSeconds(60)));
        assertThat(failure.getMessage()).contains("limit of 2 over time window of 60 seconds");
    }

    @Test
    void serverErrorsAreRetryableAndTokenEndpointOutagesToo() throws Exception {
        sandbox.planFault("GET salesorders", 503, null, 1);
        ConnectorException unavailable = sandbox.failure("querySalesOrders", Map.of());
        sandbox.planFault("token", 503, 3, 1);
        sandbox.connection = sandbox.connection.withSecret("clientSecret", DataverseSimulator.CLIENT_SECRET);
        ConnectorException tokenDown = sandbox.failure("querySalesOrders", Map.of());

        assertThat(unavailable.errorClass()).isEqualTo("RemoteUnavailable");
        assertThat(unavailable.retryable()).isTrue();
        assertThat(unavailable.getMessage()).contains("0x80040216");
        assertThat(tokenDown.errorClass()).isEqualTo("TokenEndpointUnavailable");
        assertThat(tokenDown.retryable()).isTrue();
        assertThat(tokenDown.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void anUnknownColumnIsAPermanentValidationFailureNamingItAndTheCode() {
        ConnectorException failure = sandbox.failure("getRecord", Map.of("entitySet", "salesorders",
                "id", "7e1b6f02-3c8d-ef11-8a69-000000000001", "select", java.util.List.of("trackingnumber")));

        assertThat(failure.errorClass()).isEqualTo("RemoteValidation");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("0x80060888").contains("trackingnumber");
    }

    @Test
    void theDescriptorDeclaresTheServiceProtectionRateAndASecretSecret() {
        var descriptor = sandbox.connector.descriptor();

        assertThat(descriptor.id()).isEqualTo("dataverse");
        assertThat(descriptor.setting("clientSecret").orElseThrow().secret()).isTrue();
        assertThat(descriptor.setting("organizationUrl").orElseThrow().secret()).isFalse();
        assertThat(descriptor.operations()).hasSize(12).allSatisfy(operation -> assertThat(operation.rateLimit())
                .isEqualTo(new OperationDescriptor.RateLimit(20.0, 52)));
        assertThat(descriptor.operation("pollSalesOrders").orElseThrow().kind())
                .isEqualTo(OperationDescriptor.Kind.POLL);
        assertThat(descriptor.operation("upsertByAlternateKey").orElseThrow().idempotencyKeyField())
                .isEqualTo("keyValue");
    }

    @Test
    void theConnectorAndItsSimulatorAreFoundByTheServiceLoader() {
        assertThat(ConnectorCatalog.discovered().find("dataverse")).containsInstanceOf(DataverseConnector.class);
        assertThat(ServiceLoader.load(Simulator.class).stream().map(ServiceLoader.Provider::type))
                .contains(DataverseSimulator.class);
        assertThat(ServiceLoader.load(Connector.class).stream().map(ServiceLoader.Provider::type))
                .contains(DataverseConnector.class);
    }
}
