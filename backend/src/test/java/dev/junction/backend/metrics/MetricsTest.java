package dev.junction.backend.metrics;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.rollups.RollupFolder;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Run metrics on /actuator/prometheus after real runs, read over HTTP as Prometheus would. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsTest {

    @LocalServerPort
    int port;
    @Autowired
    RollupFolder folder;

    @Test
    void endedRunsFailuresDurationsAndQueueGaugesAreExported() {
        RunsApi api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
        String workflow = api.published("Metrics " + UUID.randomUUID(), """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}},
                 "nodes": [{"id": "check", "type": "script", "name": "Check",
                            "config": {"code": "if (trigger.fail) { throw new Error('refused'); } return trigger;"},
                            "position": {"x": 0, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "check"}]}""");
        List<String> runs = List.of(api.start(workflow, "{}"), api.start(workflow, "{}"),
                api.start(workflow, "{\"fail\": true}"));
        runs.forEach(api::finished);
        folder.foldNow();

        String metrics = ApiClient.anonymous(port).get("/actuator/prometheus").body();

        String ofWorkflow = "workflow=\"" + workflow + "\"";
        assertThat(metrics)
                .containsPattern("junction_runs_ended_total\\{status=\"succeeded\"," + ofWorkflow + "} 2\\.0")
                .containsPattern("junction_runs_ended_total\\{status=\"dead_lettered\"," + ofWorkflow + "} 1\\.0")
                .containsPattern("junction_run_failures_total\\{category=\"[a-z_]+\"," + ofWorkflow + "} 1\\.0")
                .containsPattern("junction_run_duration_seconds_count\\{" + ofWorkflow + "} 3")
                .containsPattern("junction_run_duration_seconds_bucket\\{" + ofWorkflow + ",le=\"[^\"]+\"}")
                .containsPattern("junction_queue_depth(\\{[^}]*})? \\d")
                .containsPattern("junction_dlq_size(\\{[^}]*})? [1-9]")
                .containsPattern("junction_workers_threads(\\{[^}]*})? [1-9]")
                .containsPattern("junction_workers_waiting_on_remotes(\\{[^}]*})? \\d");
        assertThat(metrics).doesNotContain("business_key").doesNotContain("businessKey");
    }
}
