package dev.junction.backend.rates;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CurrencyRateApiTest {

    @LocalServerPort
    int port;
    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
    }

    private JsonNode convert(String date) {
        HttpResponse<String> preview = admin.post("/api/v1/mappings/preview", """
                {"mapping": {"schemaVersion": 1, "rules": [{"target": "gbp", "from": "amount",
                  "pipe": [{"fn": "convertCurrency", "args": ["CHF", "GBP", "%s"]}]}]},
                 "sample": {"amount": "100.00"}}""".formatted(date));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        return RunsApi.read(preview.body());
    }

    @Test
    void conversionsUseTheRateInEffectOnTheDateAndNameItsSource() {
        HttpResponse<String> first = admin.post("/api/v1/currency-rates", "{\"from\": \"chf\", \"to\": \"GBP\","
                + " \"rate\": \"0.8800\", \"effectiveFrom\": \"2026-10-01\", \"source\": \"ECB\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/currency-rates", "{\"from\": \"CHF\", \"to\": \"GBP\", \"rate\": 0.9,"
                + " \"effectiveFrom\": \"2026-11-01\", \"source\": \"Treasury\"}").statusCode()).isEqualTo(201);

        JsonNode october = convert("2026-10-15").get("output").get("gbp");
        assertThat(october.get("amount").decimalValue()).isEqualByComparingTo("88.00");
        assertThat(october.get("rateSource").asString()).isEqualTo("ECB");
        JsonNode november = convert("2026-11-24").get("output").get("gbp");
        assertThat(november.get("amount").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(november.get("rateDate").asString()).isEqualTo("2026-11-01");
        assertThat(convert("2026-09-30").get("problems").get(0).get("message").asString())
                .isEqualTo("convertCurrency: the rates table has no rate from CHF to GBP in effect on 2026-09-30");

        assertThat(admin.post("/api/v1/currency-rates", "{\"from\": \"CHF\", \"to\": \"GBP\", \"rate\": 1,"
                + " \"effectiveFrom\": \"2026-11-01\"}").statusCode()).as("one rate per pair and date").isEqualTo(409);
        assertThat(admin.post("/api/v1/currency-rates", "{\"from\": \"XXY\", \"to\": \"GBP\", \"rate\": 1,"
                + " \"effectiveFrom\": \"2026-11-01\"}").body()).contains("from").contains("ISO 4217");
        assertThat(admin.post("/api/v1/currency-rates", "{\"from\": \"EUR\", \"to\": \"GBP\", \"rate\": -1,"
                + " \"effectiveFrom\": \"2026-11-01\"}").body()).contains("rate").contains("positive");
        JsonNode listed = RunsApi.read(admin.get("/api/v1/currency-rates?from=CHF").body());
        assertThat(listed).extracting(rate -> rate.get("effectiveFrom").asString())
                .containsExactly("2026-11-01", "2026-10-01");
        assertThat(admin.delete("/api/v1/currency-rates/" + listed.get(0).get("id").asLong()).statusCode())
                .isEqualTo(204);
        assertThat(convert("2026-11-24").get("output").get("gbp").get("rateSource").asString()).isEqualTo("ECB");
    }
}
