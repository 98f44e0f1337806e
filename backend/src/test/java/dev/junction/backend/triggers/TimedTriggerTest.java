package dev.junction.backend.triggers;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunLauncher;
import dev.junction.backend.runs.RunsApi;
import dev.junction.backend.testconnector.TestShop;
import dev.junction.db.triggers.TriggerStateRepository;
import dev.junction.engine.runs.RunStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schedule triggers through clustered Quartz, and polling triggers with a cursor kept with the runs it made. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimedTriggerTest {

    @LocalServerPort
    int port;
    @Autowired
    Scheduler scheduler;
    @Autowired
    TestShop shop;
    @Autowired
    TriggerFirings firings;
    @Autowired
    TriggerStateRepository triggerState;
    @Autowired
    RunLauncher launcher;

    private RunsApi api;

    @BeforeEach
    void setUp() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
        shop.pollPages.clear();
    }

    private static String timed(String trigger) {
        return """
                {"schemaVersion": 1, "trigger": %s,
                 "nodes": [{"id": "seen", "type": "script", "name": "Seen", "config": {"code": "return trigger;"},
                            "position": {"x": 0, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "seen"}]}""".formatted(trigger);
    }

    private List<JsonNode> runsOf(String workflowId) {
        List<JsonNode> runs = new ArrayList<>();
        RunsApi.read(api.admin().get("/api/v1/runs?workflowId=" + workflowId).body()).get("items").forEach(runs::add);
        return runs;
    }

    private boolean scheduled(String workflowId) throws SchedulerException {
        return scheduler.checkExists(JobKey.jobKey(workflowId, ScheduleTriggers.GROUP));
    }

    @Test
    void aPublishedScheduleStartsRunsAndStopsWhenAnotherTriggerIsPublished() throws SchedulerException {
        String workflow = api.published("Every second " + UUID.randomUUID(),
                timed("{\"kind\": \"schedule\", \"config\": {\"cron\": \"* * * * * ?\", \"timeZone\": \"Europe/London\"}}"));
        assertThat(scheduled(workflow)).isTrue();

        List<JsonNode> runs = List.of();
        for (int i = 0; i < 500 && runs.size() < 2; i++) {
            RunsApi.sleep(20);
            runs = runsOf(workflow);
        }

        assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
        assertThat(runs.getFirst().get("triggerKind").asString()).isEqualTo("schedule");
        JsonNode detail = api.finished(runs.getLast().get("id").asString());
        assertThat(detail.get("input").get("value").get("scheduledFor").asString()).endsWith("Z");

        var saved = api.admin().post("/api/v1/workflows/" + workflow + "/versions", "{\"baseVersion\": 2,"
                + " \"definition\": " + timed("{\"kind\": \"manual\"}") + "}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(api.admin().post("/api/v1/workflows/" + workflow + "/versions/3/publish", null).statusCode())
                .isEqualTo(200);
        assertThat(scheduled(workflow)).isFalse();
    }

    @Test
    void deletingAWorkflowRemovesItsSchedule() throws SchedulerException {
        String workflow = api.published("Yearly " + UUID.randomUUID(),
                timed("{\"kind\": \"schedule\", \"config\": {\"cron\": \"0 0 0 1 1 ? 2099\"}}"));
        assertThat(scheduled(workflow)).isTrue();

        assertThat(api.admin().delete("/api/v1/workflows/" + workflow).statusCode()).isEqualTo(204);

        assertThat(scheduled(workflow)).isFalse();
    }

    @Test
    void pollingStartsOneRunPerRecordAndMovesTheCursorWithThem() {
        String workflow = api.published("Poll orders " + UUID.randomUUID(), timed("""
                {"kind": "polling", "config": {"connection": "test-shop", "operation": "pollOrders",
                                               "cron": "0 0 0 1 1 ? 2099"}}"""));
        shop.pollPages.add(Map.of("records", List.of(
                Map.of("key", "206-0000001", "data", Map.of("AmazonOrderId", "206-0000001")),
                Map.of("key", "206-0000002", "data", Map.of("AmazonOrderId", "206-0000002"))),
                "cursor", "2026-11-23T10:00:00Z"));
        shop.pollPages.add(Map.of("records", List.of(
                Map.of("key", "206-0000003", "data", Map.of("AmazonOrderId", "206-0000003"))),
                "cursor", "2026-11-23T11:00:00Z"));
        UUID id = UUID.fromString(workflow);

        List<UUID> first = firings.poll(id);
        List<UUID> second = firings.poll(id);
        List<UUID> third = firings.poll(id);

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1);
        assertThat(third).isEmpty();
        assertThat(shop.pollCursors.subList(shop.pollCursors.size() - 3, shop.pollCursors.size()))
                .containsExactly(null, "2026-11-23T10:00:00Z", "2026-11-23T11:00:00Z");
        assertThat(triggerState.pollCursor(id)).contains("2026-11-23T11:00:00Z");
        JsonNode run = api.finished(second.getFirst().toString());
        assertThat(run.get("run").get("businessKey").asString()).isEqualTo("206-0000003");
        assertThat(run.get("run").get("triggerKind").asString()).isEqualTo("polling");
        assertThat(run.get("input").get("value").get("AmazonOrderId").asString()).isEqualTo("206-0000003");
    }

    @Test
    void aPollWhoseCursorMovedMeanwhileCreatesNothing() {
        String workflow = api.published("Racing polls " + UUID.randomUUID(), timed("""
                {"kind": "polling", "config": {"connection": "test-shop", "operation": "pollOrders",
                                               "cron": "0 0 0 1 1 ? 2099"}}"""));
        UUID id = UUID.fromString(workflow);
        launcher.startAll(id, "polling", List.of(new RunLauncher.Payload("k-1", Map.of())),
                new RunStore.PollCursor(id, null, "c-1"));

        assertThatThrownBy(() -> launcher.startAll(id, "polling", List.of(new RunLauncher.Payload("k-2", Map.of())),
                new RunStore.PollCursor(id, null, "c-2")))
                .isInstanceOf(RunStore.CursorMovedException.class);

        assertThat(runsOf(workflow)).extracting(run -> run.get("businessKey").asString()).containsExactly("k-1");
        assertThat(triggerState.pollCursor(id)).contains("c-1");
    }
}
