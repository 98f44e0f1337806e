package dev.junction.backend.runs;

import dev.junction.backend.BackendTestApplication;
import dev.junction.db.triggers.TriggerStateRepository;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.db.workflows.WorkflowVersionRepository;
import org.jooq.DSLContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.junction.db.schema.Tables.RUNS;
import static dev.junction.db.schema.Tables.STEPS;

/**
 * Load driver for durable runs (not a test): starts the backend on a fresh embedded PostgreSQL with the in-process
 * test connector, publishes a 3-step workflow (webhook → map → connector), then
 * <ol>
 *   <li>saturation: {@code senders} clients post webhooks as fast as they are answered for {@code seconds}; the
 *   rate is those runs divided by the time until the last of them finished;</li>
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

            System.out.printf("machine: %d cores, %s; workers %d, senders %d%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), workers, senders);
            saturate(hook, db, workflow, Math.min(10, seconds), senders);
            double rate = saturate(hook, db, workflow, seconds, senders);
            System.out.printf("saturation: %.0f runs/s completed%n", rate);
            double target = args.length > 3 ? Double.parseDouble(args[3]) : Math.floor(rate / 2);
            fixedRate(hook, db, workflow, seconds, target);
        } finally {
            app.close();
        }
    }

    private static byte[] webhook(URI hook, long n) {
        String body = "{\"orderId\": \"206-" + n + "\", \"sku\": \"SKU-" + (n % 50) + "\", \"qty\": " + (1 + n % 3) + "}";
        return ("POST " + hook.getPath() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A minimal HTTP/1.1 client on one kept-alive connection: writes a prepared request, reads the status line,
     * the headers and the body. (java.net.http cost the machine more CPU than the server's side of a webhook.)
     */
    private static final class RawClient implements AutoCloseable {

        private final URI hook;
        private Socket socket;
        private OutputStream out;
        private BufferedInputStream in;

        RawClient(URI hook) throws IOException {
            this.hook = hook;
            connect();
        }

        private void connect() throws IOException {
            socket = new Socket(hook.getHost(), hook.getPort());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }

        /** Sends one request; answers the response body (and fails on a status other than 202). */
        String post(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int length = 0;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).strip());
                } else if (header.regionMatches(true, 0, "Connection: close", 0, 17)) {
                    closing = true;
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            if (closing) {
                // Tomcat ends a kept-alive connection after a number of requests
                socket.close();
                connect();
            }
            if (!status.contains(" 202 ")) {
                throw new IOException("answered " + status + ": " + body);
            }
            return body;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * Answers the sustained rate: senders keep webhooks coming for {@code seconds}; the runs they started, divided by
     * the time from the first send until the last of those runs finished (taking them in and running them both).
     */
    private static double saturate(URI hook, DSLContext db, UUID workflow, int seconds, int senders)
            throws InterruptedException {
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicLong sequence = new AtomicLong();
        CountDownLatch done = new CountDownLatch(senders);
        for (int i = 0; i < senders; i++) {
            Thread.ofPlatform().daemon(true).start(() -> {
                try (RawClient client = new RawClient(hook)) {
                    while (sending.get()) {
                        client.post(webhook(hook, sequence.incrementAndGet()));
                    }
                } catch (Exception e) {
                    System.out.println("sender stopped: " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        OffsetDateTime from = OffsetDateTime.now();
        long postmaster = CpuTime.parentOf(db.select(org.jooq.impl.DSL.field("pg_backend_pid()", Integer.class))
                .fetchSingle().value1());
        CpuTime.Sample before = CpuTime.sample(postmaster);
        Thread.sleep(seconds * 1_000L);
        sending.set(false);
        done.await();
        drain(db, workflow);
        CpuTime.Sample after = CpuTime.sample(postmaster);
        var window = db.select(org.jooq.impl.DSL.count(), org.jooq.impl.DSL.max(RUNS.FINISHED_AT)).from(RUNS)
                .where(RUNS.WORKFLOW_ID.eq(workflow), RUNS.CREATED_AT.ge(from), RUNS.STATUS.eq("succeeded"))
                .fetchSingle();
        long millis = window.value2().toInstant().toEpochMilli() - from.toInstant().toEpochMilli();
        System.out.println("  " + after.since(before, window.value1()));
        int handed = db.fetchCount(db.selectDistinct(STEPS.RUN_ID).from(STEPS).join(RUNS).on(RUNS.ID.eq(STEPS.RUN_ID))
                .where(RUNS.WORKFLOW_ID.eq(workflow), RUNS.CREATED_AT.ge(from), STEPS.WORKER_ID.endsWith("/handed")));
        System.out.printf("  runs handed to a worker in memory: %d of %d; the rest went through the queue%n", handed,
                window.value1());
        return window.value1() / (millis / 1000.0);
    }

    /** Webhooks at a fixed rate, spread over a few paced senders; latency from sending to the run's end. */
    private static void fixedRate(URI hook, DSLContext db, UUID workflow, int seconds, double rate)
            throws InterruptedException {
        Map<UUID, Instant> sent = new ConcurrentHashMap<>();
        AtomicLong sequence = new AtomicLong(1_000_000_000L);
        int senders = 8;
        long periodNanos = (long) (1e9 * senders / rate);
        long start = System.nanoTime() + 50_000_000L;
        long end = start + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(senders);
        for (int i = 0; i < senders; i++) {
            long offset = periodNanos * i / senders;
            Thread.ofPlatform().daemon(true).start(() -> {
                try (RawClient client = new RawClient(hook)) {
                    for (long slot = start + offset; slot < end; slot += periodNanos) {
                        long wait = slot - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        Instant at = Instant.now();
                        String body = client.post(webhook(hook, sequence.incrementAndGet()));
                        int from = body.indexOf("\"runId\":\"") + 9;
                        sent.put(UUID.fromString(body.substring(from, from + 36)), at);
                    }
                } catch (Exception e) {
                    System.out.println("sender stopped: " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
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
