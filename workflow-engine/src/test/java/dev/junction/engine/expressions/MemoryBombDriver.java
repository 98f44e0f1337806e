package dev.junction.engine.expressions;

import dev.junction.engine.expressions.ExpressionSession.Scope;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures what memory bombs do to other evaluations (docs/benchmarks.md, issue 14 item 11): one thread evaluates
 * ordinary steps (a new session, a script over an order, closed — as a worker does) back to back and records each
 * one's latency, first alone, then while another thread runs memory bombs
 * ({@code let a = []; while (true) a.push(new Array(1e6).fill(1))}) one after the other. Prints p50 / p99 / max of
 * the ordinary evaluations in both phases, how long each bomb took to be stopped, and the heap afterwards.
 *
 * <p>Arguments: seconds per phase (default 20), the allocation limit in MB (default 64; 0: none, as before the
 * limit existed: only the 2-second CPU-time watchdog stops a bomb).
 *
 * <pre>java -cp "workflow-engine/target/test-classes:workflow-engine/target/classes:$(cat cp.txt)" \
 *   dev.junction.engine.expressions.MemoryBombDriver [seconds per phase] [limit MB]</pre>
 */
public final class MemoryBombDriver {

    private static final String ORDINARY = "return { id: trigger.AmazonOrderId, lines: trigger.Items.map(i =>"
            + " ({ sku: i.SellerSKU, quantity: i.Quantity })) };";
    private static final String BOMB = "let a = []; while (true) a.push(new Array(1e6).fill(1));";

    public static void main(String[] args) throws InterruptedException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        long limitMegabytes = args.length > 1 ? Long.parseLong(args[1]) : 64;
        long limit = limitMegabytes == 0 ? Long.MAX_VALUE : limitMegabytes << 20;
        Runtime jvm = Runtime.getRuntime();
        try (ExpressionRuntime runtime = new ExpressionRuntime(ExpressionRuntime.DEFAULT_STATEMENT_LIMIT,
                ExpressionRuntime.DEFAULT_TIME_LIMIT, limit)) {
            System.out.printf("runtime: %s, Java %s, %d cores, max heap %d MB, allocation limit %d MB%n",
                    runtime.implementationName(), Runtime.version(), jvm.availableProcessors(),
                    jvm.maxMemory() >> 20, runtime.allocationLimit() >> 20);
            Scope scope = new Scope(order(), Map.of(), Map.of());
            ordinary(runtime, scope, seconds / 2); // warm-up
            report("ordinary evaluations alone", ordinary(runtime, scope, seconds));

            AtomicBoolean bombing = new AtomicBoolean(true);
            List<Double> stops = new ArrayList<>();
            List<Double> stopCpu = new ArrayList<>();
            List<Double> stopAllocated = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            Thread bomber = Thread.ofPlatform().name("bomber").start(() -> {
                while (bombing.get()) {
                    long started = System.nanoTime();
                    long cpu = threads.getCurrentThreadCpuTime();
                    long allocated = threads.getCurrentThreadAllocatedBytes();
                    try (ExpressionSession session = runtime.openSession()) {
                        session.runScript(BOMB, scope);
                    } catch (ExpressionException e) {
                        stops.add((System.nanoTime() - started) / 1e6);
                        stopCpu.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
                        stopAllocated.add((threads.getCurrentThreadAllocatedBytes() - allocated) / 1048576.0);
                        messages.add(e.getMessage());
                    }
                }
            });
            double[] withBombs = ordinary(runtime, scope, seconds);
            bombing.set(false);
            bomber.join();
            report("ordinary evaluations while bombs run", withBombs);
            double[] stopTimes = stops.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("bombs stopped: %d, time to stop p50 %.0f ms, p99 %.0f ms, max %.0f ms; message: %s%n",
                    stopTimes.length, percentile(stopTimes, 50), percentile(stopTimes, 99),
                    stopTimes.length == 0 ? 0 : stopTimes[stopTimes.length - 1],
                    messages.stream().distinct().toList());
            System.out.printf("a bomb until stopped: CPU time p50 %.0f ms, allocated p50 %.0f MB, max %.0f MB%n",
                    percentile(sorted(stopCpu), 50), percentile(sorted(stopAllocated), 50),
                    stopAllocated.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            System.gc();
            System.out.printf("heap used after a GC: %d MB; GC time in all: %d ms%n",
                    (jvm.totalMemory() - jvm.freeMemory()) >> 20, ManagementFactory.getGarbageCollectorMXBeans()
                            .stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum());
        }
    }

    /** Latencies (ms) of ordinary evaluations, each in a session of its own, for {@code seconds}. */
    private static double[] ordinary(ExpressionRuntime runtime, Scope scope, double seconds) {
        List<Double> latencies = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            try (ExpressionSession session = runtime.openSession()) {
                session.runScript(ORDINARY, scope);
            }
            latencies.add((System.nanoTime() - started) / 1e6);
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static void report(String what, double[] sorted) {
        System.out.printf("%-40s n=%,d  p50 %.2f ms  p99 %.2f ms  max %.0f ms%n", what, sorted.length,
                percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static Map<String, Object> order() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(Map.of("SellerSKU", "SKU-" + i, "Quantity", 1 + i % 3, "Price", 9.99 + i));
        }
        return Map.of("AmazonOrderId", "902-3000001-1390916", "Items", items);
    }
}
