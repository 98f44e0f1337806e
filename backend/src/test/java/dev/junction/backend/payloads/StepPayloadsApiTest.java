package dev.junction.backend.payloads;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step's payload over REST a page at a time, redacted: a 400-item input comes in pages of at most 60 lines with
 * "n of m" facts; its password, its card number and CVV never appear on any page, each named by its rule; a page
 * beyond the last or a wrong side is a problem naming the field; an unknown step is 404.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.alerts.evaluator.enabled=false", "junction.workers.enabled=false"})
class StepPayloadsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CARD = "4111 1111 1111 1111";

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

    @Test
    void aLargePayloadComesInRedactedPages() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        UUID workflow = db.fetchSingle("insert into workflows (name, created_by, updated_by) values (?, 'test', 'test')"
                + " returning id", "Payload pages " + UUID.randomUUID()).get(0, UUID.class);
        UUID run = UUID.randomUUID();
        db.execute("""
                insert into runs (id, workflow_id, workflow_version, trigger_kind, status, created_at, started_at,
                                  finished_at)
                values (?, ?, 1, 'manual', 'succeeded', now(), now(), now())""", run, workflow);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            items.append(i == 0 ? "" : ",").append("{\"sku\": \"SKU-").append(i).append("\", \"orderId\": \"111-2222222-")
                    .append(3333333 + i).append("\"}");
        }
        String input = "{\"auth\": {\"password\": \"hunter2\", \"user\": \"shop\"}, \"payment\": {\"card\": \""
                + CARD + "\", \"cvv\": \"123\", \"note\": \"paid with " + CARD + " today\"}, \"items\": ["
                + items + "], \"sentAt\": 1733560000000}";
        long step = db.fetchSingle("""
                insert into steps (run_id, generation, node_id, attempt, status, input, output, started_at, finished_at)
                values (?, 1, 'send', 1, 'succeeded', ?::jsonb, '{"ok": true}'::jsonb, now(), now()) returning id""",
                run, input).get(0, Long.class);

        JsonNode first = page(admin, run, step, "input", 1);
        int pages = first.get("pages").asInt();
        assertThat(pages).isGreaterThan(10);
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("firstLine").asInt()).isEqualTo(1);
        assertThat(first.get("lastLine").asInt()).isEqualTo(StepPayloads.LINES_PER_PAGE);
        assertThat(first.get("text").asString().split("\n")).hasSize(StepPayloads.LINES_PER_PAGE);
        // (PostgreSQL's jsonb keeps an object's keys shortest first)
        assertThat(first.get("redactionSummary").asString()).isEqualTo("4 values redacted: secret field at"
                + " $.auth.password, card security code at $.payment.cvv, card number at $.payment.card,"
                + " card number at $.payment.note");
        assertThat(first.get("text").asString()).contains("[redacted: secret field]").contains("shop");
        int lines = 0;
        for (int number = 1; number <= pages; number++) {
            JsonNode shown = page(admin, run, step, "input", number);
            String text = shown.get("text").asString();
            assertThat(text).doesNotContain("hunter2").doesNotContain(CARD).doesNotContain("4111111111111111")
                    .doesNotContain("\"123\"");
            assertThat(text.length()).isLessThanOrEqualTo(StepPayloads.CHARACTERS_PER_PAGE);
            assertThat(shown.get("firstLine").asInt()).isEqualTo(lines + 1);
            lines = shown.get("lastLine").asInt();
        }
        JsonNode last = page(admin, run, step, "input", pages);
        assertThat(lines).isEqualTo(last.get("lines").asInt());
        assertThat(last.get("text").asString()).contains("[redacted: card number …1111]")
                .contains("[redacted: card security code]").contains("paid with [redacted: card number …1111] today");
        // order ids and times in epoch milliseconds are no card numbers
        assertThat(last.get("text").asString()).contains("1733560000000");
        assertThat(page(admin, run, step, "input", 2).get("text").asString()).contains("111-2222222-");

        assertThat(page(admin, run, step, "output", 1).get("pages").asInt()).isEqualTo(1);

        HttpResponse<String> beyond = admin.get(path(run, step, "input") + "?page=" + (pages + 1));
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(beyond.body()).contains("page").contains("must be at most " + pages);
        HttpResponse<String> side = admin.get(path(run, step, "secrets"));
        assertThat(side.statusCode()).isEqualTo(400);
        assertThat(side.body()).contains("side").contains("must be input or output");
        assertThat(admin.get(path(run, step + 1_000_000, "input")).statusCode()).isEqualTo(404);
    }

    private static JsonNode page(ApiClient client, UUID run, long step, String side, int page) {
        HttpResponse<String> response = client.get(path(run, step, side) + "?page=" + page);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String path(UUID run, long step, String side) {
        return "/api/v1/runs/" + run + "/steps/" + step + "/" + side;
    }
}
