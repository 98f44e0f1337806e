package dev.junction.connectors.dataverse;

import dev.junction.connectors.sandbox.SandboxControls;
import dev.junction.connectors.dataverse.sandbox.DataverseSimulator;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationCall;
import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The simulator on the wire, where the connector would never send what is tried here. */
class DataverseSimulatorTest {

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

    private HttpResponse<String> get(String token, String path, String prefer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl + "/api/data/v9.2/" + path))
                .header("Authorization", "Bearer " + token);
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return sandbox.raw(request);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<?, ?> error(HttpResponse<String> response) {
        return (Map<?, ?>) ((Map<?, ?>) PayloadJson.read(response.body())).get("error");
    }

    @Test
    void theApiWantsALiveBearerTokenAndTheTokenEndpointTheRightScope() throws Exception {
        HttpResponse<String> anonymous = get("not-a-token", "WhoAmI", null);
        HttpResponse<String> wrongScope = sandbox.raw(HttpRequest.newBuilder(URI.create(sandbox.baseUrl + "/"
                        + DataverseSimulator.TENANT_ID + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + DataverseSimulator.CLIENT_ID + "&client_secret=" + DataverseSimulator.CLIENT_SECRET
                        + "&scope=https://other.crm.dynamics.com/.default")));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Bearer error=\"invalid_token\""));
        assertThat(wrongScope.statusCode()).isEqualTo(400);
        assertThat(((Map<?, ?>) PayloadJson.read(wrongScope.body())).get("error")).isEqualTo("invalid_scope");
    }

    @Test
    void filtersCombineComparisonsAndRefuseWhatTheSandboxCannotEvaluate() throws Exception {
        String token = sandbox.token();
        HttpResponse<String> combined = get(token, "salesorders?$select=ordernumber&$filter=" + encode(
                "(statecode eq 0 or statecode eq 1) and totalamount ge 500 and shipto_country ne 'Ireland'"), null);
        HttpResponse<String> function = get(token, "salesorders?$filter=" + encode("contains(name,'Teak')"), null);
        HttpResponse<String> wrongType = get(token, "salesorders?$filter=" + encode("modifiedon gt '2026-01-01'"),
                null);
        HttpResponse<String> unterminated = get(token, "salesorders?$filter=" + encode("name eq 'Teak"), null);

        List<?> rows = (List<?>) ((Map<?, ?>) PayloadJson.read(combined.body())).get("value");
        assertThat(rows).extracting(row -> (Object) ((Map<?, ?>) row).get("ordernumber"))
                .containsExactlyInAnyOrder("ORD-01042-Q7F2R9", "ORD-01043-B2K8M1", "ORD-01044-C9D3E7");
        assertThat(function.statusCode()).isEqualTo(400);
        assertThat(error(function).get("code")).isEqualTo("0x80060888");
        assertThat(error(function).get("message").toString()).contains("contains");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(error(wrongType).get("message").toString()).contains("Edm.DateTimeOffset").contains("Edm.String");
        assertThat(unterminated.statusCode()).isEqualTo(400);
    }

    @Test
    void changeTrackingRefusesAFilterAndTopWithoutMaxPageSizeLimitsRows() throws Exception {
        String token = sandbox.token();
        HttpResponse<String> tracked = get(token, "salesorders?$select=name&$filter=" + encode("statecode eq 0"),
                "odata.track-changes");
        HttpResponse<String> top = get(token, "salesorders?$select=name&$top=2", null);

        assertThat(tracked.statusCode()).isEqualTo(400);
        assertThat(error(tracked).get("message"))
                .isEqualTo("The \"$filter\" query parameter isn't supported when Change Tracking is enabled.");
        assertThat((List<?>) ((Map<?, ?>) PayloadJson.read(top.body())).get("value")).hasSize(2);
    }

    @Test
    void aCreateWithoutRepresentationAnswers204WithTheEntityIdAndAlternateKeysStayUnique() throws Exception {
        String token = sandbox.token();
        HttpResponse<String> created = sandbox.raw(HttpRequest.newBuilder(URI.create(sandbox.baseUrl
                        + "/api/data/v9.2/products")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Hammock\",\"productnumber\":\"GF-HAMMOCK\"}")));
        HttpResponse<String> duplicate = sandbox.raw(HttpRequest.newBuilder(URI.create(sandbox.baseUrl
                        + "/api/data/v9.2/products")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench\",\"productnumber\":\"gf-bench-150\"}")));

        assertThat(created.statusCode()).isEqualTo(204);
        assertThat(created.headers().firstValue("OData-EntityId")).hasValueSatisfying(value ->
                assertThat(value).matches(".*/api/data/v9\\.2/products\\([0-9a-f-]{36}\\)"));
        assertThat(duplicate.statusCode()).isEqualTo(412);
        assertThat(error(duplicate).get("code")).isEqualTo("0x80060892");
    }

    @Test
    void aDelayFaultHoldsTheAnswerBackPastTheStepsDeadline() throws Exception {
        String body = PayloadJson.write(Map.of("operation", "GET products", "delayMillis", 1500));
        sandbox.raw(HttpRequest.newBuilder(URI.create(sandbox.baseUrl + "/_sandbox/faults"))
                .header(SandboxControls.TOKEN_HEADER, sandbox.server.controlToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        ConnectorException timeout = catchThrowableOfType(ConnectorException.class, () -> sandbox.connector.invoke(
                new OperationCall(sandbox.connection, "findProductByNumber", Map.of("productnumber", "GF-BENCH-150"),
                        "run-1/step-1/0", Instant.now().plusMillis(700))));

        assertThat(timeout.errorClass()).isEqualTo("Timeout");
        assertThat(timeout.retryable()).isTrue();
    }
}
