package dev.junction.backend.runs;

import dev.junction.backend.BackendTestApplication;
import dev.junction.db.triggers.TriggerStateRepository;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.db.workflows.WorkflowVersionRepository;
import org.jooq.DSLContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.junction.db.schema.Tables.RUNS;

/**
 * Load driver for durable runs (not a test): starts the backend on a fresh embedded PostgreSQL with the in-process
 * test connector, publishes a 3-step workflow (webhook → map → connector), then
 * <ol>
 *   <li>saturation: {@code senders} clients post webhooks as fast as they are answered for {@code seconds}; the
 *   rate is that of runs <em>completed</em> in the window;</li>
 *   <li>latency: webhooks at a fixed rate ({@code rate}, default half the saturation rate) for {@code seconds};
 *   latency is from the moment a webhook is sent to the run's {@code finished_at}.</li>
 * </ol>
 * Arguments: {@code seconds senders workers [rate]}. Run:
 * {@code mvn -q -pl backend test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.junction.backend.runs.RunLoadDriver -Dexec.args="20 16 8"}.
 */
public final class RunLoadDriver {

    private static final String WORKFLOW = """
            {"schemaVersion": 1, "trigger": {"kind": "webhook", "config": {"businessKey": "trigger.orderId"}},
             "nodes": [
               {"id": "shape", "type": "map", "name": "Shape",
                "config": {"rules": [{"target": "sku", "expression": "trigger.sku"},
                                     {"target": "quantity", "expression": "trigger.qty"}]},
                "position": {"x": 0, "y": 0}},
               {"id": "send", "type": "connector", "name": "Send",
                "config": {"connection": "test-shop", "operation": "echo",
                           "input": {"sku": "{{ nodes.shape.sku }}", "quantity": "{{ nodes.shape.quantity }}"}},
                "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"},
                       {"from": "shape", "fromPort": "out", "to": "send"}]}""";

    private RunLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        ConfigurableApplicationContext app = SpringApplication.run(BackendTestApplication.class,
                "--junction.db.embedded.fresh=true", "--junction.admin.password=load-driver", "--server.port=0",
                "--junction.workers.size=" + workers, "--spring.datasource.hikari.maximum-pool-size=" + (workers + 8),
                "--logging.level.root=warn", "--logging.level.junction.notify=warn");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            DSLContext db = app.getBean(DSLContext.class);
            UUID workflow = app.getBean(WorkflowRepository.class).insert("Load " + UUID.randomUUID(), "", "load")
                    .orElseThrow().id();
            WorkflowVersionRepository versions = app.getBean(WorkflowVersionRepository.class);
            int version = versions.append(workflow, 0, WORKFLOW, "", "load").orElseThrow().version();
            versions.publish(workflow, version, "load");
            String token = "load-" + UUID.randomUUID();
            app.getBean(TriggerStateRepository.class).setWebhookToken(workflow, token);
            URI hook = URI.create("http://localhost:" + port + "/hooks/" + workflow + "/" + token);
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4,
                    Thread.ofPlatform().daemon(true).factory())).build();

            System.out.printf("machine: %d cores, %s; workers %d, senders %d%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), workers, senders);
            saturate(http, hook, db, workflow, Math.min(10, seconds), senders);
            double rate = saturate(http, hook, db, workflow, seconds, senders);
            System.out.printf("saturation: %.0f runs/s completed%n", rate);
            double target = args.length > 3 ? Double.parseDouble(args[3]) : Math.floor(rate / 2);
            fixedRate(http, hook, db, workflow, seconds, target);
        } finally {
            app.close();
        }
    }

    private static HttpRequest webhook(URI hook, long n) {
        return HttpRequest.newBuilder(hook).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\": \"206-" + n + "\", \"sku\": \"SKU-" + (n % 50)
                        + "\", \"qty\": " + (1 + n % 3) + "}")).build();
    }

    /** Answers the rate of runs completed while senders keep the queue full. */
    private static double saturate(HttpClient http, URI hook, DSLContext db, UUID workflow, int seconds,
                                   int senders) throws InterruptedException {
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicLong sequence = new AtomicLong();
        CountDownLatch done = new CountDownLatch(senders);
        for (int i = 0; i < senders; i++) {
            Thread.ofPlatform().daemon(true).start(() -> {
                try {
                    while (sending.get()) {
                        http.send(webhook(hook, sequence.incrementAndGet()), HttpResponse.BodyHandlers.discarding());
                    }
                } catch (Exception e) {
                    System.out.println("sender stopped: " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        Thread.sleep(2_000);
        OffsetDateTime from = OffsetDateTime.now();
        Thread.sleep(seconds * 1_000L);
        OffsetDateTime to = OffsetDateTime.now();
        sending.set(false);
        done.await();
        int completed = db.fetchCount(RUNS, RUNS.WORKFLOW_ID.eq(workflow), RUNS.STATUS.eq("succeeded"),
                RUNS.FINISHED_AT.ge(from), RUNS.FINISHED_AT.lt(to));
        drain(db, workflow);
        return completed / ((to.toInstant().toEpochMilli() - from.toInstant().toEpochMilli()) / 1000.0);
    }

    private static void fixedRate(HttpClient http, URI hook, DSLContext db, UUID workflow, int seconds,
                                  double rate) throws InterruptedException {
        Map<UUID, Instant> sent = new ConcurrentHashMap<>();
        AtomicLong sequence = new AtomicLong(1_000_000_000L);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon(true).factory());
        long periodMicros = (long) (1_000_000 / rate);
        var ticking = clock.scheduleAtFixedRate(() -> {
            Instant at = Instant.now();
            http.sendAsync(webhook(hook, sequence.incrementAndGet()), HttpResponse.BodyHandlers.ofString())
                    .thenAccept(response -> {
                        if (response.statusCode() == 202) {
                            String body = response.body();
                            int start = body.indexOf("\"runId\":\"") + 9;
                            sent.put(UUID.fromString(body.substring(start, start + 36)), at);
                        }
                    });
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1_000L);
        ticking.cancel(false);
        clock.shutdown();
        Thread.sleep(500);
        drain(db, workflow);
        List<Long> latencies = new ArrayList<>();
        db.select(RUNS.ID, RUNS.FINISHED_AT).from(RUNS).where(RUNS.ID.in(sent.keySet()))
                .forEach(row -> latencies.add(row.value2().toInstant().toEpochMilli()
                        - sent.get(row.value1()).toEpochMilli()));
        latencies.sort(Long::compare);
        System.out.printf("fixed rate %.0f runs/s for %d s: %d runs; latency p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                rate, seconds, latencies.size(), percentile(latencies, 50), percentile(latencies, 90),
                percentile(latencies, 99), latencies.isEmpty() ? 0 : latencies.getLast());
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static void drain(DSLContext db, UUID workflow) throws InterruptedException {
        while (db.fetchCount(RUNS, RUNS.WORKFLOW_ID.eq(workflow), RUNS.FINISHED_AT.isNull()) > 0) {
            Thread.sleep(50);
        }
    }
}
