package dev.junction.connectors.opayo;

import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Opayo's three error shapes read into one failure naming property and code, classified by status. */
class OpayoFailuresTest {

    private static RemoteResponse response(int status, String body) {
        return new RemoteResponse(status, HttpHeaders.of(Map.of(), (name, value) -> true), body);
    }

    @Test
    void aValidationListNamesEveryPropertyAndCode() {
        ConnectorException failure = OpayoFailures.of("createTransaction", response(422, """
                {"errors":[{"code":1003,"description":"Missing mandatory field","property":"billingAddress.city"},
                           {"code":1004,"description":"Invalid length","property":"customerFirstName",
                            "clientMessage":"Too long"},
                           {"code":1009,"description":"No property here"}]}"""));

        assertThat(failure.errorClass()).isEqualTo("RemoteValidation");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("billingAddress.city (1003)").contains("customerFirstName (1004)")
                .contains("(1009) No property here").contains("HTTP 422");
    }

    @Test
    void aSingleErrorIsReadByItsStatus() {
        ConnectorException auth = OpayoFailures.of("getTransaction",
                response(401, "{\"code\":1002,\"description\":\"Authentication failed\"}"));
        ConnectorException forbidden = OpayoFailures.of("getTransaction",
                response(403, "{\"code\":1020,\"description\":\"Not permitted\"}"));
        ConnectorException duplicate = OpayoFailures.of("createTransaction",
                response(422, "{\"code\":4042,\"description\":\"VendorTxCode has been used before\"}"));

        assertThat(auth.errorClass()).isEqualTo("AuthenticationFailed");
        assertThat(auth.getMessage()).contains("(1002) Authentication failed");
        assertThat(forbidden.errorClass()).isEqualTo("PermissionDenied");
        assertThat(duplicate.errorClass()).isEqualTo("DuplicateVendorTxCode");
        assertThat(OpayoFailures.refusesDuplicate(response(422, "{\"code\":4042}"))).isTrue();
    }

    @Test
    void aTransactionShapedFailureNamesStatusCodeAndDetail() {
        ConnectorException invalid = OpayoFailures.of("createTransaction", response(400, """
                {"status":"Invalid","statusCode":"5055","statusDetail":"A Postcode field contains invalid characters."}"""));
        Map<String, Object> rejected = Map.of("transactionId", "T-1", "status", "Rejected", "statusCode", "4021",
                "statusDetail", "The Card Range not supported by the system.");

        ConnectorException refused = OpayoFailures.ofTransaction("createTransaction", response(201, "{}"), rejected)
                .orElseThrow();

        assertThat(invalid.errorClass()).isEqualTo("RemoteValidation");
        assertThat(invalid.getMessage()).contains("Invalid (5055): A Postcode field contains invalid characters.");
        assertThat(refused.errorClass()).isEqualTo("PaymentRejected");
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("4021").contains("T-1");
        assertThat(OpayoFailures.ofTransaction("x", response(201, "{}"), Map.of("status", "Ok"))).isEmpty();
    }

    @Test
    void rateLimitsServerErrorsAndTimeoutsMayPassLaterWhateverTheBody() {
        for (int status : List.of(408, 429, 500, 502, 503)) {
            ConnectorException failure = OpayoFailures.of("getTransaction", response(status, "<html>busy</html>"));
            assertThat(failure.retryable()).as("HTTP " + status).isTrue();
        }
        assertThat(OpayoFailures.of("getTransaction", response(404, "")).retryable()).isFalse();
        assertThat(OpayoFailures.of("getTransaction", response(404, "")).errorClass()).isEqualTo("NotFound");
    }
}
