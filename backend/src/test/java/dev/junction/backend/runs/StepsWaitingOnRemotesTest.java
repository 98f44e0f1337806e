package dev.junction.backend.runs;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.OrdersRemote;
import dev.junction.backend.Polling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step waiting on a slow remote gives up its worker's place: with four workers (the default), twelve runs whose
 * connector call waits at the remote have all twelve calls at the remote at once, instead of four at a time; the
 * workers started for the wait stop again once there is no work. The remote holds every call until twelve have
 * arrived (or twenty seconds have passed), so the count does not depend on timing.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StepsWaitingOnRemotesTest {

    private static final int RUNS = 12;

    @LocalServerPort
    int port;
    @Autowired
    WorkerPool pool;
    @Autowired
    WorkerSettings settings;

    private OrdersRemote remote;
    private final CountDownLatch allArrived = new CountDownLatch(RUNS);
    /** The most workers the pool counted waiting on remotes while all the calls were at the remote. */
    private final AtomicInteger mostWaiting = new AtomicInteger();

    @BeforeEach
    void startRemoteThatWaitsForEveryCall() throws IOException {
        remote = OrdersRemote.start(() -> {
            allArrived.countDown();
            if (allArrived.await(20, TimeUnit.SECONDS)) {
                mostWaiting.accumulateAndGet(pool.waitingOnRemotes(), Math::max);
            }
        });
    }

    @AfterEach
    void stopRemote() {
        remote.close();
    }

    @Test
    void stepsWaitingOnARemoteDoNotHoldTheWorkersPlaces() {
        assertThat(settings.size()).as("the pool's size in this test").isEqualTo(4);
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        RunsApi runs = new RunsApi(admin);
        String workflow = remote.publishedSendWorkflow(runs, admin, "Slow remote", "");

        List<String> started = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            started.add(runs.start(workflow, "{}"));
        }
        for (String runId : started) {
            JsonNode run = runs.finished(runId);
            assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        }

        assertThat(remote.mostInFlight()).as("calls waiting at the remote at once, with 4 workers").isEqualTo(RUNS);
        Polling.until("the workers started for the wait to stop", Duration.ofSeconds(60), Duration.ofMillis(200),
                () -> pool.workerThreads() == settings.size());
    }
}
