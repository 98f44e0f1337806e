package dev.junction.backend.templates;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.reconciliation.DynamicsSandboxJournal;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template "Amazon settlement reconciliation" installed with the sandbox connections and run against the
 * simulators: a settlement the SP-API simulator publishes (with the Opayo simulator holding its orders' payments
 * and the injected discrepancies) is the latest one, so the run reconciles it — a stored reconciliation run with
 * every injected discrepancy —, writes its balanced journal to the Dataverse simulator and notifies an admin; the
 * schedule firing again finds it reconciled and neither writes nor notifies a second time.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SettlementReconciliationTemplateTest {

    @LocalServerPort
    int port;

    @Test
    void theLatestSettlementIsReconciledItsJournalWrittenToDynamicsAndAnAdminNotifiedOnce() throws Exception {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        TemplateApi templates = new TemplateApi(admin);
        // the latest settlement: ending yesterday, after the settlements other tests publish
        String body = "{\"seed\": 505, \"orders\": 40, \"endDate\": \""
                + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\"}";
        HttpResponse<String> payments = admin.post("/sandbox/opayo/_sandbox/reconciliation-scenario", body);
        assertThat(payments.statusCode()).as(payments.body()).isEqualTo(201);
        HttpResponse<String> published = admin.post("/sandbox/amazon/_sandbox/reconciliation-scenario", body);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        JsonNode scenario = RunsApi.read(published.body());
        String settlementId = scenario.get("settlementId").asString();

        JsonNode installed = templates.install("settlement-reconciliation", "{\"workflowName\": \""
                + TemplateApi.unique("Settlement reconciliation") + "\", \"parameters\": {\"schedule\":"
                + " \"0 0 3 1 1 ? 2099\", \"adminEmail\": \"finance@example.com\"}}");
        String workflowId = templates.readyAndPublished(installed, "amazon-sp-api-sandbox", "opayo-pi-sandbox",
                "dataverse-sandbox");

        JsonNode run = templates.run(workflowId, "{}");
        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        JsonNode reconciled = TemplateApi.output(run, "reconcile");
        assertThat(reconciled.get("settlementId").asString()).isEqualTo(settlementId);
        assertThat(reconciled.get("alreadyReconciled").asBoolean()).isFalse();
        assertThat(reconciled.get("status").asString()).isEqualTo("discrepancies");
        assertThat(reconciled.get("journal").get("balanced").asBoolean()).isTrue();
        assertThat(reconciled.get("journal").get("debitMinor").asLong())
                .isEqualTo(reconciled.get("journal").get("creditMinor").asLong()).isPositive();
        List<String> found = new ArrayList<>();
        reconciled.get("discrepancyList").forEach(item -> found.add(item.get("kind").asString() + " "
                + item.get("orderId").asString("")));
        List<String> injected = new ArrayList<>();
        scenario.get("injectedDiscrepancies").forEach(item -> injected.add(item.get("kind").asString() + " "
                + item.get("orderId").asString("")));
        assertThat(injected).isNotEmpty();
        assertThat(found).containsAll(injected);

        // the reconciliation is a stored run like one made in the Reconciliation view
        String runId = reconciled.get("runId").asString();
        HttpResponse<String> stored = admin.get("/api/v1/reconciliations/" + runId);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(RunsApi.read(stored.body()).get("settlement").get("settlementId").asString())
                .isEqualTo(settlementId);

        // the journal is in Dynamics, balanced
        int journalLines = reconciled.get("journal").get("lines").asInt();
        assertThat(TemplateApi.output(run, "writeJournal").get("written").asInt()).isEqualTo(journalLines);
        List<Map<String, Object>> inDynamics = new DynamicsSandboxJournal(port).lines(settlementId);
        assertThat(inDynamics).hasSize(journalLines);
        double debits = inDynamics.stream().mapToDouble(line -> ((Number) line.get("jnc_debit")).doubleValue()).sum();
        double credits = inDynamics.stream().mapToDouble(line -> ((Number) line.get("jnc_credit")).doubleValue())
                .sum();
        assertThat(debits).isCloseTo(credits, org.assertj.core.data.Offset.offset(0.001));
        // the admin's notification names the settlement (the message is the notify step's input)
        List<String> messages = new ArrayList<>();
        run.get("steps").forEach(step -> {
            if (step.get("nodeId").asString().equals("notifyAdmin")) {
                messages.add(step.get("input").toString());
            }
        });
        assertThat(messages).singleElement().asString().contains("settlement " + settlementId)
                .contains("finance@example.com");

        // the schedule firing again: the settlement was reconciled, nothing is written or sent twice
        JsonNode again = templates.run(workflowId, "{}");
        assertThat(again.get("run").get("status").asString()).as(again.toString()).isEqualTo("succeeded");
        assertThat(TemplateApi.output(again, "reconcile").get("alreadyReconciled").asBoolean()).isTrue();
        assertThat(TemplateApi.output(again, "reconcile").get("runId").asString()).isEqualTo(runId);
        List<String> ranAgain = new ArrayList<>();
        again.get("steps").forEach(step -> ranAgain.add(step.get("nodeId").asString()));
        assertThat(ranAgain).doesNotContain("writeJournal", "notifyAdmin");
    }
}
