package dev.junction.backend.reconciliation;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settlement reconciliation over REST against the sandbox simulators, over real HTTP: settlements fetched through the
 * Amazon sandbox connection, reconciled against the Opayo sandbox connection's polled transactions, a discrepancy
 * resolved (and still resolved in the next run), the journal as CSV that balances, and the journal written to the
 * Dynamics simulator — twice, updating the same records.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReconciliationApiTest {

    static final String AMAZON = "amazon-sp-api-sandbox";
    static final String OPAYO = "opayo-pi-sandbox";
    static final String DYNAMICS = "dataverse-sandbox";
    static final String BASE = "/api/v1/reconciliations";

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    /** The seed of the simulators' reconciliation scenario these tests reconcile. */
    static final long SEED = 19;

    private ApiClient admin;
    private JsonNode scenario;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        scenario = scenario(admin);
    }

    /**
     * The simulators' reconciliation scenario of {@link #SEED}: a settlement published by the SP-API simulator and
     * the payments of its orders loaded into the Opayo simulator, with the discrepancies injected (once per app).
     */
    static JsonNode scenario(ApiClient admin) {
        HttpResponse<String> known = admin.get("/sandbox/amazon/_sandbox/reconciliation-scenario");
        if (known.statusCode() == 200 && RunsApi.read(known.body()).get("seed").asLong() == SEED) {
            return RunsApi.read(known.body());
        }
        // ending ten days ago: payments other tests make today fall outside its period and tolerance
        String body = "{\"seed\": " + SEED + ", \"orders\": 40, \"endDate\": \""
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(10) + "\"}";
        json(admin.post("/sandbox/opayo/_sandbox/reconciliation-scenario", body), 201);
        return json(admin.post("/sandbox/amazon/_sandbox/reconciliation-scenario", body), 201);
    }

    private ApiClient user(Role role) {
        String name = "recon-" + role.name().toLowerCase();
        if (users.findByUsername(name).isEmpty()) {
            users.insert(name, "Reconciliation " + role, passwords.encode("recon-password-123"), Set.of(role));
        }
        return ApiClient.anonymous(port).as(name, "recon-password-123");
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return RunsApi.read(response.body());
    }

    /** Fetches the sandbox's settlements and reconciles the scenario's; answers the run. */
    private JsonNode reconciled(ApiClient client) {
        json(client.post(BASE + "/settlements/fetch", "{\"amazonConnection\": \"" + AMAZON + "\"}"), 200);
        String settlementId = scenario.get("settlementId").asString();
        assertThat(client.get(BASE + "/settlements").body()).contains("\"settlementId\":\"" + settlementId + "\"");
        return json(client.post(BASE, """
                {"amazonConnection": "%s", "settlementId": "%s", "opayoConnection": "%s"}"""
                .formatted(AMAZON, settlementId, OPAYO)), 201);
    }

    @Test
    void aSandboxSettlementIsReconciledWithBalancedJournalAndResolutionsThatCarryOver() {
        JsonNode run = reconciled(admin);
        String runId = run.get("id").asString();
        String settlementId = run.get("settlement").get("settlementId").asString();

        assertThat(run.get("status").asString()).isIn("balanced", "discrepancies");
        assertThat(run.get("summary").get("balanced").asBoolean()).isTrue();
        assertThat(run.get("settlement").get("amazonConnection").asString()).isEqualTo(AMAZON);
        JsonNode lines = json(admin.get(BASE + "/" + runId + "/lines?limit=1000"), 200);
        assertThat(lines.get("total").asInt()).isEqualTo(run.get("settlement").get("lines").asInt())
                .isGreaterThan(0);
        // every settlement line ends matched or with a reason, and every line with an amount type has an account
        for (JsonNode line : lines.get("items")) {
            assertThat(line.get("outcome").asString()).isNotBlank();
        }

        JsonNode discrepancies = json(admin.get(BASE + "/" + runId + "/discrepancies?limit=1000"), 200);
        assertThat(discrepancies.get("total").asInt()).isEqualTo(run.get("discrepancies").asInt()).isPositive();
        // every discrepancy the simulators injected is found, on its order
        List<String> foundKinds = new ArrayList<>();
        discrepancies.get("items").forEach(item -> foundKinds.add(item.get("kind").asString() + " "
                + item.get("orderId").asString("")));
        List<String> injected = new ArrayList<>();
        scenario.get("injectedDiscrepancies").forEach(item -> injected.add(item.get("kind").asString() + " "
                + item.get("orderId").asString("")));
        assertThat(injected).isNotEmpty();
        assertThat(foundKinds).containsAll(injected);
        // and the fraud hints are exposed on the run
        List<String> hintOrders = new ArrayList<>();
        run.get("fraudHints").forEach(hint -> hintOrders.add(hint.get("orderId").asString("")));
        scenario.get("injectedHints").forEach(hint -> assertThat(hintOrders).as(run.get("fraudHints").toString())
                .contains(hint.get("orderId").asString()));
        {
            int item = discrepancies.get("items").get(0).get("itemNo").asInt();
            String kind = discrepancies.get("items").get(0).get("kind").asString();
            JsonNode resolved = json(admin.post(BASE + "/" + runId + "/discrepancies/" + item + "/resolve",
                    "{\"note\": \"Paid by bank transfer, ticket FIN-42\"}"), 200);
            assertThat(resolved.get("resolutionNote").asString()).isEqualTo("Paid by bank transfer, ticket FIN-42");
            assertThat(resolved.get("resolvedBy").asString()).isEqualTo("admin");
            assertThat(json(admin.get(BASE + "/" + runId), 200).get("openDiscrepancies").asInt())
                    .isEqualTo(run.get("discrepancies").asInt() - 1);

            // a new run of the same settlement keeps the resolution (by the discrepancy's fingerprint)
            JsonNode again = json(admin.post(BASE, """
                    {"amazonConnection": "%s", "settlementId": "%s", "opayoConnection": "%s"}"""
                    .formatted(AMAZON, settlementId, OPAYO)), 201);
            assertThat(again.get("id").asString()).isNotEqualTo(runId);
            assertThat(again.get("runs").size()).isGreaterThanOrEqualTo(2);
            JsonNode carried = json(admin.get(BASE + "/" + again.get("id").asString() + "/discrepancies?limit=1000"),
                    200);
            List<String> resolvedKinds = new ArrayList<>();
            carried.get("items").forEach(found -> {
                if (!found.get("resolutionNote").isNull()) {
                    resolvedKinds.add(found.get("kind").asString());
                }
            });
            assertThat(resolvedKinds).containsExactly(kind);
            assertThat(admin.get(BASE + "/settlements").body()).contains("\"openDiscrepancies\":"
                    + (run.get("discrepancies").asInt() - 1));
        }

        HttpResponse<String> csv = admin.get(BASE + "/" + runId + "/journal.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .contains("journal-" + settlementId + ".csv");
        assertBalanced(csv.body());
    }

    /** The CSV's debits equal its credits per currency, and it has lines. */
    static void assertBalanced(String csv) {
        String[] rows = csv.split("\r\n");
        List<String> header = List.of(rows[0].split(","));
        int debit = header.indexOf("debit");
        int credit = header.indexOf("credit");
        int currency = header.indexOf("currency");
        assertThat(rows.length).as(csv).isGreaterThan(2);
        Map<String, BigDecimal> balance = new TreeMap<>();
        for (int i = 1; i < rows.length; i++) {
            List<String> cells = csvCells(rows[i]);
            BigDecimal debitAmount = cells.get(debit).isEmpty() ? BigDecimal.ZERO : new BigDecimal(cells.get(debit));
            BigDecimal creditAmount = cells.get(credit).isEmpty() ? BigDecimal.ZERO
                    : new BigDecimal(cells.get(credit));
            balance.merge(cells.get(currency), debitAmount.subtract(creditAmount), BigDecimal::add);
        }
        assertThat(balance.values()).as(csv).allSatisfy(value -> assertThat(value).isEqualByComparingTo("0"));
    }

    private static List<String> csvCells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    void theJournalIsWrittenToTheDynamicsSimulatorOnceAndAgainUpdatesTheSameRecords() throws Exception {
        JsonNode run = reconciled(admin);
        String runId = run.get("id").asString();
        int journalLines = json(admin.get(BASE + "/" + runId + "/journal"), 200).size();

        JsonNode first = json(admin.post(BASE + "/" + runId + "/dynamics",
                "{\"dynamicsConnection\": \"" + DYNAMICS + "\"}"), 200);
        JsonNode second = json(admin.post(BASE + "/" + runId + "/dynamics",
                "{\"dynamicsConnection\": \"" + DYNAMICS + "\"}"), 200);

        assertThat(first.get("written").asInt()).isEqualTo(journalLines);
        assertThat(first.get("entitySet").asString()).isEqualTo("jnc_journallines");
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("updated").asInt()).isEqualTo(journalLines);
        String settlementId = run.get("settlement").get("settlementId").asString();
        List<Map<String, Object>> mine = new DynamicsSandboxJournal(port).lines(settlementId);
        assertThat(mine).hasSize(journalLines);
        double debits = mine.stream().mapToDouble(line -> ((Number) line.get("jnc_debit")).doubleValue()).sum();
        double credits = mine.stream().mapToDouble(line -> ((Number) line.get("jnc_credit")).doubleValue()).sum();
        assertThat(debits).isCloseTo(credits, org.assertj.core.data.Offset.offset(0.001));
        assertThat(json(admin.get(BASE + "/" + runId), 200).get("dynamicsWrittenBy").asString()).isEqualTo("admin");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        HttpResponse<String> noSettlement = admin.post(BASE, """
                {"amazonConnection": "%s", "opayoConnection": "%s"}""".formatted(AMAZON, OPAYO));
        assertThat(noSettlement.statusCode()).isEqualTo(400);
        assertThat(noSettlement.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(noSettlement.body()).contains("settlementId").contains("is required");

        HttpResponse<String> wrongConnector = admin.post(BASE, """
                {"amazonConnection": "%s", "settlementId": "1", "opayoConnection": "%s"}""".formatted(OPAYO, OPAYO));
        assertThat(wrongConnector.statusCode()).isEqualTo(400);
        assertThat(wrongConnector.body()).contains("amazonConnection").contains("amazon-sp-api connection");

        HttpResponse<String> unknownSettlement = admin.post(BASE, """
                {"amazonConnection": "%s", "settlementId": "no-such-settlement", "opayoConnection": "%s"}"""
                .formatted(AMAZON, OPAYO));
        assertThat(unknownSettlement.statusCode()).isEqualTo(400);
        assertThat(unknownSettlement.body()).contains("settlementId").contains("no-such-settlement");

        HttpResponse<String> unknownField = admin.post(BASE, "{\"amazon\": \"x\"}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("amazon").contains("not a known field");

        JsonNode run = reconciled(admin);
        String runId = run.get("id").asString();
        HttpResponse<String> emptyNote = admin.post(BASE + "/" + runId + "/discrepancies/1/resolve",
                "{\"note\": \"  \"}");
        assertThat(emptyNote.statusCode()).isEqualTo(400);
        assertThat(emptyNote.body()).contains("note");
        assertThat(admin.get(BASE + "/" + runId + "/lines?limit=5000").body()).contains("limit");
        assertThat(admin.get(BASE + "/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
        HttpResponse<String> notDynamics = admin.post(BASE + "/" + runId + "/dynamics",
                "{\"dynamicsConnection\": \"" + AMAZON + "\"}");
        assertThat(notDynamics.statusCode()).isEqualTo(400);
        assertThat(notDynamics.body()).contains("dynamicsConnection");
    }

    @Test
    void viewersReadButOnlyAdminsAndOperatorsAct() {
        JsonNode run = reconciled(user(Role.OPERATOR));
        String runId = run.get("id").asString();
        ApiClient viewer = user(Role.VIEWER);

        assertThat(viewer.get(BASE + "/" + runId).statusCode()).isEqualTo(200);
        assertThat(viewer.get(BASE + "/" + runId + "/journal.csv").statusCode()).isEqualTo(200);
        assertThat(viewer.post(BASE + "/settlements/fetch", "{\"amazonConnection\": \"" + AMAZON + "\"}")
                .statusCode()).isEqualTo(403);
        assertThat(user(Role.DESIGNER).post(BASE + "/" + runId + "/discrepancies/1/resolve",
                "{\"note\": \"x\"}").statusCode()).isEqualTo(403);
        JsonNode connections = json(viewer.get(BASE + "/connections"), 200);
        assertThat(connections.get("amazon").toString()).contains(AMAZON).doesNotContain("settings");
    }
}
