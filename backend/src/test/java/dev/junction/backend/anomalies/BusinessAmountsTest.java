package dev.junction.backend.anomalies;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.rollups.RollupFolder;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.workflows.WorkflowRepository;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business amounts end to end in the backend: a workflow says where its amount is, runs that end record it, the
 * folder adds it to the hourly amount rollups, and a refund burst in (seeded) history is flagged with its sentence and
 * shown against its hour-of-week baseline.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BusinessAmountsTest {

    @LocalServerPort
    int port;
    @Autowired
    RollupFolder folder;
    @Autowired
    DSLContext db;
    @Autowired
    WorkflowRepository workflows;

    private ApiClient admin() {
        return ApiClient.anonymous(port).as("admin", "test-admin-password");
    }

    @Test
    void runsThatSucceedRecordTheirAmountAndKindWhichTheFolderAddsUpByHourAndCurrency() {
        RunsApi api = new RunsApi(admin());
        // an Opayo-like payment notification: the total in pence on the trigger, sale or refund said by a step
        String workflow = api.published("Payments " + UUID.randomUUID(), """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}},
                 "nodes": [{"id": "classify", "type": "script", "name": "Classify",
                            "config": {"code": "if (trigger.fail) { throw new Error('refused'); } return {type: trigger.transactionType};"},
                            "position": {"x": 0, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "classify"}]}""");
        HttpResponse<String> saved = admin().send("PUT", "/api/v1/workflows/" + workflow + "/amounts", """
                {"amount": "{{ trigger.amount.totalAmount }}", "kind": "expression",
                 "kindExpression": "nodes.classify.type", "currency": "trigger.amount.currency", "minorUnits": true}""");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(RunsApi.read(saved.body()).path("amountExpression").asString())
                .isEqualTo("trigger.amount.totalAmount");

        List<String> runs = List.of(
                api.start(workflow, payment("Payment", 4520, "gbp", false)),
                api.start(workflow, payment("Payment", 1000, "GBP", false)),
                api.start(workflow, payment("Refund", 500, "GBP", false)),
                api.start(workflow, payment("Payment", 2000, "GBP", true)),
                api.start(workflow, "{\"transactionType\": \"Payment\"}"));
        runs.forEach(api::finished);
        folder.foldNow();

        List<Record> rows = db.fetch("select currency, sales, sale_amount, refunds, refund_amount, settlements"
                + " from run_amount_rollups where workflow_id = ?::uuid", workflow);
        assertThat(rows).as("the failed run and the run without an amount record none").hasSize(1);
        Record row = rows.getFirst();
        assertThat(row.get("currency", String.class)).isEqualTo("GBP");
        assertThat(row.get("sales", Long.class)).isEqualTo(2);
        assertThat(row.get("sale_amount", BigDecimal.class)).isEqualByComparingTo("55.20");
        assertThat(row.get("refunds", Long.class)).isEqualTo(1);
        assertThat(row.get("refund_amount", BigDecimal.class)).isEqualByComparingTo("5.00");
        assertThat(row.get("settlements", Long.class)).isZero();
    }

    private static String payment(String type, long pence, String currency, boolean fail) {
        return "{\"transactionType\": \"" + type + "\", \"fail\": " + fail + ", \"amount\": {\"totalAmount\": " + pence
                + ", \"currency\": \"" + currency + "\"}}";
    }

    @Test
    void settingsThatCannotBeReadAreRefusedNamingTheFieldAndChangeNothing() {
        UUID workflow = workflows.insert("refused amounts " + UUID.randomUUID(), "", "test").orElseThrow().id();

        HttpResponse<String> refused = admin().send("PUT", "/api/v1/workflows/" + workflow + "/amounts", """
                {"amount": "totalAmount", "kind": "bogus", "currency": "", "fee": "nodes.reconcile.feeAmountMinor"}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"amount\"").contains("trigger.amount.totalAmount")
                .contains("\"kind\"").contains("sale, refund, settlement").contains("\"currency\"")
                .contains("\"fee\"").doesNotContain("Exception");
        assertThat(admin().get("/api/v1/workflows/" + workflow + "/amounts").statusCode()).isEqualTo(404);
    }

    @Test
    void aRefundBurstInSeededHistoryIsFlaggedWithItsSentenceAndShownAgainstItsHourOfWeekBaseline() {
        UUID payments = workflows.insert("payments " + UUID.randomUUID(), "", "test").orElseThrow().id();
        OffsetDateTime hour = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        new SeededRollups(db).refundBurst(payments, hour.minusWeeks(4), hour, 2);

        JsonNode flags = RunsApi.read(admin().get("/api/v1/anomalies?workflow=" + payments).body());

        assertThat(flags).hasSize(1);
        JsonNode flag = flags.get(0);
        assertThat(flag.path("metric").asString()).isEqualTo("refund_share");
        assertThat(flag.path("kind").asString()).isEqualTo("spike");
        assertThat(flag.path("sentence").asString()).startsWith("payments ")
                .endsWith(": refund share 67 % in the last 2 h, usually 3.4 %");

        JsonNode baseline = RunsApi.read(admin().get("/api/v1/anomalies/baseline?workflow=" + payments
                + "&metric=refund_share").body());
        assertThat(baseline.path("hours")).hasSize(168);
        assertThat(baseline.path("median")).hasSize(168);
        assertThat(baseline.path("median").get(100).asDouble()).isCloseTo(30 / 870.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(baseline.path("actual").get(167).asDouble()).isCloseTo(360 / 540.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(baseline.path("flagged").get(166).asBoolean()).isTrue();
        assertThat(baseline.path("flagged").get(165).asBoolean()).isFalse();
        assertThat(baseline.path("sentence").asString()).isEqualTo(flag.path("sentence").asString());

        HttpResponse<String> unknown = admin().get("/api/v1/anomalies/baseline?workflow=" + payments
                + "&metric=happiness");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("metric").contains("order_value");
    }
}
