import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code LoadTest crash-check}: runs Junction's jar as its own process on a fresh data directory, drives webhooks at
 * a fixed rate, kills the process with SIGKILL mid-load, starts it again on the same data (the load goes on meanwhile
 * and for {@code duration - kill-after} seconds after the restart), and checks that every
 * request answered 202 became a run that succeeded, and that the remote created exactly one order for each of them
 * (a call repeated after the crash carries the same idempotency key and is answered with the first order).
 */
final class CrashCheck {

    private static final String PASSWORD = "crash-check-" + UUID.randomUUID();

    private CrashCheck() {
    }

    static boolean run(LoadTest.Options options) throws Exception {
        Path jar = Path.of(options.required("jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--jar " + jar + " is not a file (build it: mvn -DskipTests package)");
        }
        String remoteBase = options.required("remote");
        int port = Integer.parseInt(options.get("port", "18090"));
        double rate = Double.parseDouble(options.get("rate", "150"));
        double duration = Double.parseDouble(options.get("duration", "24"));
        double killAfter = Double.parseDouble(options.get("kill-after", "8"));
        String lease = options.get("lease", "10s");
        Path dataDir = options.has("data-dir") ? Path.of(options.required("data-dir"))
                : Files.createTempDirectory("junction-crash-check-");
        String base = "http://127.0.0.1:" + port;
        LoadTest.Remote remote = new LoadTest.Remote(remoteBase);
        remote.reset();

        Process app = start(jar, dataDir, port, lease, 1);
        JunctionApi.Setup setup = JunctionApi.withPassword(base, "admin", PASSWORD).setUp(remoteBase,
                UUID.randomUUID().toString().substring(0, 8));
        JunctionApi api = JunctionApi.withToken(base, setup.apiToken());
        Instant began = Instant.now();
        Load load = new Load(new Load.Settings(List.of(URI.create(setup.webhookUrl())), LoadTest.DEFAULT_TEMPLATE,
                null, "X-Signature", true, rate, 64), "cc" + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
        long start = System.nanoTime();
        Thread driver = Thread.ofPlatform().start(() -> {
            try {
                load.drive(Long.MAX_VALUE); // until stopped: the load goes on after the restart
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        LoadTest.sleepUntil(start + (long) (killAfter * 1e9));
        System.out.printf("kill -9 of the app (pid %d) after %.0f s at %.0f webhooks/s, load average %s%n",
                app.pid(), killAfter, rate, LoadTest.loadAverage());
        app.destroyForcibly(); // SIGKILL on Linux
        app.waitFor();
        long killed = System.nanoTime();
        app = start(jar, dataDir, port, lease, 2);
        long restarted = System.nanoTime();
        System.out.printf("restarted on the same data (pid %d), healthy %.1f s after the kill; driving %.0f s more%n",
                app.pid(), (System.nanoTime() - killed) / 1e9, duration - killAfter);
        Thread.sleep((long) ((duration - killAfter) * 1000));
        load.stop();
        driver.join();
        try {
            long until = System.nanoTime() + 300_000_000_000L;
            while (api.unfinished(setup.workflowId(), began.minusSeconds(5)) && System.nanoTime() < until) {
                Thread.sleep(500);
            }
            Map<String, JunctionApi.RunTimes> runs = new HashMap<>();
            api.runs(setup.workflowId(), began.minusSeconds(5)).forEach(r -> runs.put(r.id(), r));
            Map<String, Long> arrivals = remote.arrivals();
            Map<String, Object> stats = Json.object(remote.stats());

            List<Load.Sent> accepted = load.sent().stream().filter(Load.Sent::accepted).toList();
            Map<String, Long> acceptedStatuses = new LinkedHashMap<>();
            long withoutOrder = 0;
            for (Load.Sent s : accepted) {
                JunctionApi.RunTimes run = s.runId() == null ? null : runs.get(s.runId());
                acceptedStatuses.merge(run == null ? "missing" : run.status(), 1L, Long::sum);
                if (!arrivals.containsKey(s.orderId())) {
                    withoutOrder++;
                }
            }
            Map<String, Long> allStatuses = new LinkedHashMap<>();
            runs.values().forEach(r -> allStatuses.merge(r.status(), 1L, Long::sum));
            long sameOrderId = ((Number) stats.get("ordersForSameOrderId")).longValue();
            long replays = ((Number) stats.get("replays")).longValue();
            long succeeded = acceptedStatuses.getOrDefault("succeeded", 0L);
            // accepted before the kill and after the restart: a check where nothing was taken proves nothing
            long beforeKill = accepted.stream().filter(s -> s.dueNanos() < killed).count();
            long afterRestart = accepted.stream().filter(s -> s.dueNanos() > restarted).count();
            boolean pass = beforeKill > 0 && afterRestart > 0 && succeeded == accepted.size() && withoutOrder == 0
                    && sameOrderId == 0 && ((Number) stats.get("orders")).longValue() == runs.size();
            System.out.printf("accepted before the kill: %d; after the restart: %d%n", beforeKill, afterRestart);
            System.out.printf("requests: %d sent, %d accepted (202); failures %s%n", load.sent().size(),
                    accepted.size(), load.failures());
            System.out.printf("accepted runs by status: %s; all runs of the workflow: %d %s (a run whose 202 the kill"
                    + " cut off is there, unknown to the sender)%n", acceptedStatuses, runs.size(), allStatuses);
            System.out.printf("remote: %s; accepted runs without an order: %d%n", stats, withoutOrder);
            System.out.printf("repeated calls with an idempotency key already seen (answered with the first order,"
                    + " nothing created): %d%n", replays);
            System.out.println(pass ? "crash-check PASSED: every accepted run succeeded, one order each, no order twice"
                    : "crash-check FAILED");
            return pass;
        } finally {
            app.destroy();
            app.waitFor();
            System.out.println("app logs: " + dataDir.resolve("app-1.log") + ", " + dataDir.resolve("app-2.log"));
        }
    }

    private static Process start(Path jar, Path dataDir, int port, String lease, int n)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                jar.toString());
        Map<String, String> env = builder.environment();
        env.put("JUNCTION_DATA_DIR", dataDir.toString());
        env.put("JUNCTION_PORT", Integer.toString(port));
        env.put("JUNCTION_ADMIN_PASSWORD", PASSWORD);
        env.put("JUNCTION_OUTBOUND_ALLOW", "127.0.0.1");
        env.put("JUNCTION_WORKER_LEASE", lease);
        builder.redirectErrorStream(true).redirectOutput(new File(dataDir.toFile(), "app-" + n + ".log"));
        Process process = builder.start();
        JunctionApi probe = new JunctionApi("http://127.0.0.1:" + port, "none");
        long until = System.nanoTime() + 240_000_000_000L;
        while (!probe.healthy()) {
            if (!process.isAlive() || System.nanoTime() > until) {
                throw new IllegalStateException("the app did not become healthy; see " + dataDir.resolve("app-" + n
                        + ".log"));
            }
            Thread.sleep(200);
        }
        return process;
    }
}
