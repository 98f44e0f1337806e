package dev.junction.backend.mappings;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MappingPreviewApiTest {

    private static final String SAMPLE = """
            {"AmazonOrderId": "205-1234567-7654321", "PurchaseDate": "2026-11-24T09:00:00Z",
             "LastUpdateDate": "2026-11-24T09:05:00Z", "OrderStatus": "Unshipped",
             "OrderTotal": {"CurrencyCode": "GBP", "Amount": "59.97"},
             "BuyerInfo": {"BuyerName": "Jane Q. Public", "BuyerEmail": "jane@marketplace.amazon.co.uk"},
             "ShippingAddress": {"AddressLine1": "  Unit 7 The Long Industrial Estate Road Number Forty Two  ",
                                 "City": "Leeds", "PostalCode": "ls1 1aa", "CountryCode": "GB"},
             "OrderItems": [{"ASIN": "B000000001", "OrderItemId": "1", "SellerSKU": "SKU-1", "QuantityOrdered": 3}]}""";

    @LocalServerPort
    int port;
    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
    }

    private static String shippedMapping() {
        try (InputStream in = MappingPreviewApiTest.class.getResourceAsStream(
                "/junction/mappings/amazon-order-to-opayo-payment.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> preview(String mapping, String sample) {
        return admin.post("/api/v1/mappings/preview", "{\"mapping\": " + mapping + ", \"sample\": " + sample + "}");
    }

    @Test
    void aPreviewAnswersTheOutputEachFieldsLineageAndItsWarnings() {
        HttpResponse<String> response = preview(shippedMapping(), SAMPLE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = RunsApi.read(response.body());
        assertThat(preview.get("output").get("amount").asLong()).isEqualTo(5997);
        assertThat(preview.get("output").get("billingAddress").get("address1").asString())
                .isEqualTo("Unit 7 The Long Industrial Estate Road Number Fort");
        JsonNode address1 = null;
        for (JsonNode field : preview.get("fields")) {
            if (field.get("targetPath").asString().equals("billingAddress.address1")) {
                address1 = field;
            }
        }
        assertThat(address1).isNotNull();
        assertThat(address1.get("sourcePaths").get(0).asString()).isEqualTo("ShippingAddress.AddressLine1");
        assertThat(address1.get("steps")).extracting(step -> step.get("label").asString())
                .containsExactly("from ShippingAddress.AddressLine1", "trim()", "truncate()");
        assertThat(address1.get("problems").get(0).get("code").asString()).isEqualTo("Truncated");
        assertThat(address1.get("problems").get(0).get("severity").asString()).isEqualTo("WARNING");
    }

    @Test
    void badPreviewsAnswerPreciseErrorsNeverA500() {
        HttpResponse<String> malformed = admin.post("/api/v1/mappings/preview", "{\"mapping\": {");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception");

        HttpResponse<String> unknownTarget = preview(shippedMapping().replace("\"customerEmail\"", "\"customerMail\""),
                SAMPLE);
        assertThat(unknownTarget.statusCode()).isEqualTo(400);
        assertThat(unknownTarget.body()).contains("mapping.rules[7].target")
                .contains("'customerMail' is not a field of the target schema (did you mean 'customerEmail'?)");

        HttpResponse<String> arity = preview(shippedMapping().replace("{\"fn\": \"upper\"}",
                "{\"fn\": \"upper\", \"args\": [1]}"), SAMPLE);
        assertThat(arity.statusCode()).isEqualTo(400);
        assertThat(arity.body()).contains("mapping.rules[3].pipe[0].args").contains("upper takes no arguments, got 1");

        HttpResponse<String> noSample = admin.post("/api/v1/mappings/preview", "{\"mapping\": " + shippedMapping() + "}");
        assertThat(noSample.statusCode()).isEqualTo(400);
        assertThat(noSample.body()).contains("sample");

        HttpResponse<String> anonymous = ApiClient.anonymous(port).post("/api/v1/mappings/preview", "{}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void theEditorsCataloguesListFunctionsSchemasAndValueMaps() {
        JsonNode functions = RunsApi.read(admin.get("/api/v1/mappings/functions").body());
        assertThat(functions).extracting(function -> function.get("name").asString())
                .contains("toMinorUnits", "countryToIso2", "ukPostcode", "truncate", "lookup", "convertCurrency");
        JsonNode toMinorUnits = functions.valueStream().filter(function -> function.get("name").asString()
                .equals("toMinorUnits")).findFirst().orElseThrow();
        assertThat(toMinorUnits.get("resultType").asString()).isEqualTo("integer");
        assertThat(toMinorUnits.get("parameters").get(0).get("name").asString()).isEqualTo("currency");
        assertThat(toMinorUnits.get("parameters").get(0).get("type").asString()).isEqualTo("string");
        assertThat(toMinorUnits.get("parameters").get(0).get("optional").asBoolean()).isFalse();
        assertThat(toMinorUnits.get("minArgs").asInt()).isEqualTo(1);
        assertThat(RunsApi.read(admin.get("/api/v1/mappings/schemas").body())).extracting(JsonNode::asString)
                .contains("sp-api/Order", "opayo/TransactionRequest", "canonical/Order");
        assertThat(RunsApi.read(admin.get("/api/v1/mappings/schemas/opayo/TransactionRequest").body())
                .get("properties").get("vendorTxCode").get("maxLength").asInt()).isEqualTo(40);
        assertThat(admin.get("/api/v1/mappings/schemas/opayo/Nothing").statusCode()).isEqualTo(404);
        assertThat(RunsApi.read(admin.get("/api/v1/mappings/value-maps").body()))
                .extracting(map -> map.get("name").asString()).contains("amazon-order-status→canonical");
    }

    @Test
    void theMappingSchemaIsServed() {
        HttpResponse<String> schema = admin.get("/api/v1/schemas/mapping.json");

        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/schema+json"));
        JsonNode document = RunsApi.read(schema.body());
        assertThat(document.get("title").asString()).isEqualTo("Junction mapping");
        assertThat(document.get("$defs").get("Rule").get("properties").get("expression").get("x-expression")
                .asBoolean()).isTrue();
        assertThat(document.get("examples").get(0).get("schemaVersion").asInt()).isEqualTo(1);
    }

    @Test
    void suggestionsProposeRulesWithConfidenceAndRefuseUnknownSchemas() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");

        HttpResponse<String> suggested = admin.post("/api/v1/mappings/suggestions",
                "{\"source\": \"sp-api/Order\", \"target\": \"canonical/Order\"}");

        assertThat(suggested.statusCode()).as(suggested.body()).isEqualTo(200);
        JsonNode answer = RunsApi.read(suggested.body());
        assertThat(answer.get("suggestions").size()).isGreaterThan(10);
        JsonNode first = answer.get("suggestions").get(0);
        assertThat(first.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(first.get("reasons").size()).isPositive();
        assertThat(answer.get("rules").toString()).contains("AmazonOrderId")
                .contains("{\"target\":\"status\",\"from\":\"OrderStatus\",\"valueMap\":\"amazon-order-status→canonical\"}");

        HttpResponse<String> unknown = admin.post("/api/v1/mappings/suggestions",
                "{\"source\": \"sp-api/Nope\", \"target\": 5}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("source").contains("target").doesNotContain("Exception");
    }
}
