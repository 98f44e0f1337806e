import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Load test of a published webhook workflow, for any installation: Junction's (with its REST API for the runs'
 * completion) or another engine's (completion then seen at the remote). A source program: needs only a JDK 25.
 *
 * <pre>
 *   java tools/loadtest/LoadTest.java run --url http://127.0.0.1:8080/hooks/{workflow}/{token} [options]
 *   java tools/loadtest/LoadTest.java setup --app http://127.0.0.1:8080 --admin-password … --remote http://127.0.0.1:19090
 *   java tools/loadtest/LoadTest.java crash-check --jar ui/target/junction-exec.jar --remote http://127.0.0.1:19090
 * </pre>
 *
 * See docs/benchmarks.md, "Run path over HTTP (issue 20)", for every option and what each figure means.
 */
public final class LoadTest {

    static final String DEFAULT_TEMPLATE = "{\"orderId\": \"{{orderId}}\", \"sku\": \"SKU-{{seq}}\", \"qty\": 2}";

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            usage(null);
            return;
        }
        String mode = args[0].startsWith("--") ? "run" : args[0];
        try {
            Options options = Options.parse(mode.equals("run") && args[0].startsWith("--") ? args
                    : Arrays.copyOfRange(args, 1, args.length));
            switch (mode) {
                case "run" -> System.exit(run(options) ? 0 : 1);
                case "setup" -> setup(options);
                case "crash-check" -> System.exit(CrashCheck.run(options) ? 0 : 1);
                default -> usage("unknown mode '" + mode + "'");
            }
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
    }

    static void usage(String problem) {
        if (problem != null) {
            System.err.println("LoadTest: " + problem);
        }
        System.err.println("""
                usage:
                  LoadTest run --url <webhook URL> [--url <another node's>] [--secret <HMAC secret>]
                               [--signature-header X-Signature] [--template-file <file> | --template <json>]
                               [--mode saturation|rate] [--connections 16] [--rate <requests/s>]
                               [--duration 20] [--warmup 10] [--label <name>]
                               [--api <Junction base URL> --api-token <jn_…>] [--remote <remote base URL>]
                               [--pids <pid,pid…>] [--drain-timeout 300]
                  LoadTest setup --app <Junction base URL> --admin-password <pw> [--admin-user admin]
                                 --remote <remote base URL>
                  LoadTest crash-check --jar <junction-exec.jar> --remote <remote base URL> [--port 18090]
                                 [--rate 150] [--duration 24] [--kill-after 8] [--lease 10s] [--data-dir <dir>]
                The template's {{orderId}} is replaced by a unique order id, {{seq}} by the request's number.""");
        if (problem != null) {
            System.exit(2);
        }
    }

    private static void setup(Options options) throws IOException, InterruptedException {
        JunctionApi admin = JunctionApi.withPassword(options.required("app"), options.get("admin-user", "admin"),
                options.required("admin-password"));
        JunctionApi.Setup setup = admin.setUp(options.required("remote"), UUID.randomUUID().toString().substring(0, 8));
        System.out.println("workflow=" + setup.workflowId());
        System.out.println("webhook=" + setup.webhookUrl());
        System.out.println("apiToken=" + setup.apiToken());
        System.out.println("connection=" + setup.connectionId());
    }

    /** The figures of one measured window. */
    record Result(double acceptedPerSecond, double completedPerSecond, double sustainedPerSecond,
                  double remoteOrdersPerSecond, double cpuMsPerRun, long[] intakeMs, long[] completionMs) {
    }

    static boolean run(Options options) throws Exception {
        Load.Settings settings = loadSettings(options);
        String label = options.get("label", "target");
        double warmup = Double.parseDouble(options.get("warmup", "10"));
        double duration = Double.parseDouble(options.get("duration", "20"));
        String apiBase = options.get("api", null);
        JunctionApi api = apiBase == null ? null : JunctionApi.withToken(apiBase, options.required("api-token"));
        String workflowId = api == null ? null : workflowOf(settings.targets().getFirst());
        Remote remote = options.has("remote") ? new Remote(options.get("remote", null)) : null;
        CpuMeter cpu = new CpuMeter(options.pids());

        Load load = new Load(settings, "lt" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36));
        long begin = System.nanoTime();
        long windowStart = begin + (long) (warmup * 1e9);
        long windowEnd = windowStart + (long) (duration * 1e9);
        Instant beginWall = Instant.now();
        System.out.printf("%s: %s for %.0f s after %.0f s of warm-up, %s%n", label,
                settings.rate() ? String.format("%.0f requests/s", settings.requestsPerSecond())
                        : settings.connections() + " connections at saturation", duration, warmup,
                settings.targets().size() == 1 ? settings.targets().getFirst().getHost() + ":"
                        + settings.targets().getFirst().getPort() : settings.targets().size() + " targets");
        Thread driver = Thread.ofPlatform().name("driver").start(() -> {
            try {
                load.drive(windowEnd);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sleepUntil(windowStart);
        CpuMeter.Sample cpuFrom = cpu.sample();
        Instant windowStartWall = Instant.now();
        long remoteFrom = remote == null ? 0 : remote.orders();
        String loadFrom = loadAverage();
        sleepUntil(windowEnd);
        CpuMeter.Sample cpuTo = cpu.sample();
        Instant windowEndWall = Instant.now();
        long remoteTo = remote == null ? 0 : remote.orders();
        String loadTo = loadAverage();
        driver.join();

        List<Load.Sent> window = load.sent().stream()
                .filter(s -> s.dueNanos() >= windowStart && s.dueNanos() < windowEnd).toList();
        List<Load.Sent> accepted = window.stream().filter(Load.Sent::accepted).toList();
        long[] intake = accepted.stream().mapToLong(s -> s.latencyNanos() / 1_000).sorted().toArray();
        Map<String, Long> statuses = new LinkedHashMap<>();
        window.forEach(s -> statuses.merge(s.status() == 0 ? "no answer" : Integer.toString(s.status()), 1L,
                Long::sum));
        CpuMeter.Usage usage = CpuMeter.between(cpuFrom, cpuTo);
        double seconds = usage.wallSeconds();

        System.out.printf("  requests in the window: %d sent, %d accepted (%.0f/s), by answer %s; failures over the"
                + " whole test: %s%n", window.size(), accepted.size(), accepted.size() / seconds, statuses,
                load.failures());
        System.out.printf("  intake latency of accepted requests (ms): %s%n", percentiles(intake));
        double completedPerSecond = Double.NaN;
        double sustained = Double.NaN;
        long[] completion = new long[0];
        double runsForCpu = Double.NaN;
        CpuMeter.Sample drained = null;
        Instant drainedWall = null;
        long runsUntilDrained = 0;
        if (api != null) {
            long drainUntil = System.nanoTime() + (long) (Double.parseDouble(options.get("drain-timeout", "300")) * 1e9);
            while (api.unfinished(workflowId, beginWall.minusSeconds(2)) && System.nanoTime() < drainUntil) {
                Thread.sleep(500);
            }
            drained = cpu.sample();
            drainedWall = Instant.now();
            Map<String, JunctionApi.RunTimes> runs = new HashMap<>();
            api.runs(workflowId, beginWall.minusSeconds(2)).forEach(r -> runs.put(r.id(), r));
            Instant drainEnd = drainedWall;
            runsUntilDrained = runs.values().stream().filter(r -> r.finishedAt() != null
                    && !r.finishedAt().isBefore(windowStartWall) && !r.finishedAt().isAfter(drainEnd)).count();
            long finishedInWindow = runs.values().stream().filter(r -> r.finishedAt() != null
                    && !r.finishedAt().isBefore(windowStartWall) && r.finishedAt().isBefore(windowEndWall)).count();
            Map<String, Long> byStatus = new LinkedHashMap<>();
            Instant lastFinish = windowStartWall;
            List<Long> latencies = new ArrayList<>();
            for (Load.Sent s : accepted) {
                JunctionApi.RunTimes run = s.runId() == null ? null : runs.get(s.runId());
                String status = run == null ? "missing" : run.status();
                byStatus.merge(status, 1L, Long::sum);
                if (run != null && run.finishedAt() != null) {
                    latencies.add(Load.micros(run.finishedAt()) - s.dueMicros());
                    if (run.finishedAt().isAfter(lastFinish)) {
                        lastFinish = run.finishedAt();
                    }
                }
            }
            completion = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            completedPerSecond = finishedInWindow / seconds;
            sustained = accepted.size() / (Duration.between(windowStartWall, lastFinish).toNanos() / 1e9);
            runsForCpu = finishedInWindow;
            System.out.printf("  runs finished in the window: %d (%.0f runs/s); the window's %d accepted runs: %s,"
                    + " the last finished %.1f s after the window began (sustained %.0f runs/s)%n",
                    finishedInWindow, completedPerSecond, accepted.size(), byStatus,
                    Duration.between(windowStartWall, lastFinish).toMillis() / 1000.0, sustained);
            System.out.printf("  trigger → completion of the window's runs (ms): %s%n", percentiles(completion));
        }
        double remoteRate = Double.NaN;
        if (remote != null) {
            remoteRate = (remoteTo - remoteFrom) / seconds;
            Map<String, Long> arrivals = remote.arrivals();
            long[] toRemote = accepted.stream().filter(s -> arrivals.containsKey(s.orderId()))
                    .mapToLong(s -> arrivals.get(s.orderId()) - s.dueMicros()).sorted().toArray();
            System.out.printf("  remote: %d orders created in the window (%.0f/s); stats now %s%n",
                    remoteTo - remoteFrom, remoteRate, remote.stats());
            System.out.printf("  trigger → the remote's call, of the window's accepted requests (ms): %s%n",
                    percentiles(toRemote));
            if (api == null) {
                runsForCpu = remoteTo - remoteFrom;
                completion = toRemote;
            }
        }
        double cpuPerRun = Double.NaN;
        if (!options.pids().isEmpty() && cpu.available()) {
            cpuPerRun = usage.measuredSeconds() * 1000 / runsForCpu;
            if (drained != null && runsUntilDrained > 0) {
                // at saturation the intake outruns the workers: count the CPU until the window's runs are done
                CpuMeter.Usage untilDrained = CpuMeter.between(cpuFrom, drained);
                cpuPerRun = untilDrained.measuredSeconds() * 1000 / runsUntilDrained;
                System.out.printf("  CPU from the window's start until its runs were done (%.1f s): %.1f s for %d"
                        + " runs finished meanwhile, %.2f ms per run%n", untilDrained.wallSeconds(),
                        untilDrained.measuredSeconds(), runsUntilDrained, cpuPerRun);
            }
            System.out.printf("  CPU of pids %s and their children in the window: %.1f s in %.1f s (%.0f%% of %d"
                    + " cores), %.2f ms per run finished in it; the load generator %.1f s, others %.1f s of the machine's %.1f s%n",
                    options.pids(), usage.measuredSeconds(), seconds,
                    100 * usage.measuredSeconds() / (seconds * Runtime.getRuntime().availableProcessors()),
                    Runtime.getRuntime().availableProcessors(), usage.measuredSeconds() * 1000 / runsForCpu,
                    usage.selfSeconds(),
                    usage.othersSeconds(), usage.machineSeconds());
            StringBuilder byProcess = new StringBuilder();
            for (int i = 0; i < options.pids().size(); i++) {
                byProcess.append(i == 0 ? "" : ", ").append(String.format("pid %d %.2f ms", options.pids().get(i),
                        usage.byRootSeconds()[i] * 1000 / runsForCpu));
            }
            System.out.printf("  of which per run finished in the window, by process (with its children): %s%n",
                    byProcess);
        }
        System.out.printf("  load average at the window's start / end: %s / %s%n", loadFrom, loadTo);
        System.out.printf("summary label=%s accepted_per_s=%.0f completed_per_s=%.0f sustained_per_s=%.0f"
                + " remote_orders_per_s=%.0f intake_ms=%s completion_ms=%s cpu_ms_per_run=%.2f load=\"%s\"%n",
                label.replace(' ', '_'), accepted.size() / seconds, completedPerSecond, sustained, remoteRate,
                compact(intake), compact(completion), cpuPerRun, loadTo);
        return true;
    }

    static Load.Settings loadSettings(Options options) throws IOException {
        List<URI> targets = options.all("url").stream().map(URI::create).toList();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("--url is required: the webhook URL of the published workflow");
        }
        for (URI target : targets) {
            if (!"http".equals(target.getScheme())) {
                throw new IllegalArgumentException("--url must be an http:// URL, got " + target);
            }
        }
        String template = options.has("template-file")
                ? Files.readString(Path.of(options.required("template-file")))
                : options.get("template", DEFAULT_TEMPLATE);
        if (!template.contains("{{orderId}}")) {
            throw new IllegalArgumentException("the template must hold {{orderId}} (a unique order id per request)");
        }
        String mode = options.get("mode", options.has("rate") ? "rate" : "saturation");
        if (!mode.equals("rate") && !mode.equals("saturation")) {
            throw new IllegalArgumentException("--mode must be rate or saturation, got " + mode);
        }
        boolean rate = mode.equals("rate");
        double perSecond = rate ? Double.parseDouble(options.required("rate")) : 0;
        int connections = Integer.parseInt(options.get("connections", rate ? "64" : "16"));
        return new Load.Settings(targets, template, options.get("secret", null),
                options.get("signature-header", "X-Signature"), rate, perSecond, connections);
    }

    /** The workflow id of a Junction webhook URL, {@code …/hooks/{workflowId}/{token}}. */
    static String workflowOf(URI webhook) {
        String[] parts = webhook.getPath().split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("hooks")) {
                return parts[i + 1];
            }
        }
        throw new IllegalArgumentException("--api needs a Junction webhook URL (…/hooks/{workflowId}/{token}), got "
                + webhook);
    }

    static String percentiles(long[] sortedMicros) {
        if (sortedMicros.length == 0) {
            return "none";
        }
        return String.format("p50 %.1f  p90 %.1f  p99 %.1f  max %.1f  (%d)", at(sortedMicros, 0.50) / 1000.0,
                at(sortedMicros, 0.90) / 1000.0, at(sortedMicros, 0.99) / 1000.0,
                sortedMicros[sortedMicros.length - 1] / 1000.0, sortedMicros.length);
    }

    static String compact(long[] sortedMicros) {
        if (sortedMicros.length == 0) {
            return "none";
        }
        return String.format("%.1f/%.1f/%.1f/%.1f", at(sortedMicros, 0.50) / 1000.0, at(sortedMicros, 0.90) / 1000.0,
                at(sortedMicros, 0.99) / 1000.0, sortedMicros[sortedMicros.length - 1] / 1000.0);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            Thread.sleep(Duration.ofNanos(Math.min(left, 100_000_000)));
        }
    }

    /** The remote stand-in's counters ({@code tools/loadtest/Remote.java}). */
    static final class Remote {

        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;

        Remote(String base) {
            this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        String stats() throws IOException, InterruptedException {
            return get("/stats");
        }

        long orders() throws IOException, InterruptedException {
            return ((Number) Json.object(stats()).get("orders")).longValue();
        }

        Map<String, Long> arrivals() throws IOException, InterruptedException {
            Map<String, Long> arrivals = new HashMap<>();
            for (String line : get("/arrivals").split("\n")) {
                int space = line.lastIndexOf(' ');
                if (space > 0) {
                    arrivals.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
                }
            }
            return arrivals;
        }

        void reset() throws IOException, InterruptedException {
            http.send(HttpRequest.newBuilder(URI.create(base + "/reset")).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding());
        }

        private String get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** {@code --name value} options; a name may repeat ({@code --url}). */
    record Options(Map<String, List<String>> values) {

        static Options parse(String[] args) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
                }
                values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
            }
            return new Options(values);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String get(String name, String otherwise) {
            List<String> all = values.get(name);
            return all == null ? otherwise : all.getLast();
        }

        String required(String name) {
            String value = get(name, null);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        List<Long> pids() {
            Set<Long> pids = new HashSet<>();
            for (String list : all("pids")) {
                for (String pid : list.split(",")) {
                    if (!pid.isBlank()) {
                        pids.add(Long.parseLong(pid.trim()));
                    }
                }
            }
            return List.copyOf(pids);
        }
    }
}
