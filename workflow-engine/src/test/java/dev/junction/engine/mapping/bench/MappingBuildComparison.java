package dev.junction.engine.mapping.bench;

import dev.junction.engine.mapping.MappingJson;
import dev.junction.engine.mapping.CompiledMapping;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.MappingTestSupport;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Two builds of the engine compared in one JVM: each build's compiled classes (a copy of {@code target/classes})
 * get their own class loader, and the shipped Amazon order → Opayo payment mapping of each takes turns with the
 * other's over the same orders, in slices of 10,000 records (which goes first alternating every round). Each
 * round's speed ratio comes from two slices milliseconds apart, on the same input in the same memory, so neither the
 * guest's drift nor a difference in heap layout between two runs enters it: comparing a build with itself gives
 * medians within 1–2% of 1. Prints the median and quartiles of B's speed over A's. Run it with the command in
 * docs/benchmarks.md (arguments: build A's classes, build B's classes, warm-up seconds, rounds, different orders).
 */
public final class MappingBuildComparison {

    private static final int SLICE = 10_000;
    /** Where outputs go so that the JIT cannot drop the work. */
    private static volatile Object sink;

    private MappingBuildComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MappingBuildComparison <classes of build A> <classes of build B>"
                    + " [warm-up seconds] [rounds] [different orders]");
            System.exit(2);
        }
        int warmUpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int records = args.length > 4 ? Integer.parseInt(args[4]) : MappingBenchmark.RECORDS;
        List<Map<String, Object>> orders = OrderSamples.orders(records);
        Function<Object, Object> a = mapping(args[0]);
        Function<Object, Object> b = mapping(args[1]);
        if (!String.valueOf(a.apply(orders.get(7))).equals(String.valueOf(b.apply(orders.get(7))))) {
            System.err.println("the two builds map an order differently");
            System.exit(1);
        }
        int start = 0;
        long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            slice(a, orders, start);
            slice(b, orders, start);
            start = (start + SLICE) % orders.size();
        }
        double[] speedups = new double[rounds];
        double[] rates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long nanosA;
            long nanosB;
            if (round % 2 == 0) {
                nanosA = slice(a, orders, start);
                nanosB = slice(b, orders, start);
            } else {
                nanosB = slice(b, orders, start);
                nanosA = slice(a, orders, start);
            }
            speedups[round] = (double) nanosA / nanosB;
            rates[round] = SLICE * 1e9 / nanosA;
            start = (start + SLICE) % orders.size();
        }
        Arrays.sort(speedups);
        Arrays.sort(rates);
        System.out.printf("B's speed / A's: median %.3f (quartiles %.3f – %.3f) over %d rounds of %,d records;"
                        + " A: median %,.0f records/s%n", speedups[rounds / 2], speedups[rounds / 4],
                speedups[3 * rounds / 4], rounds, SLICE, rates[rounds / 2]);
    }

    private static long slice(Function<Object, Object> mapping, List<Map<String, Object>> orders, int start) {
        long began = System.nanoTime();
        int index = start;
        for (int i = 0; i < SLICE; i++) {
            sink = mapping.apply(orders.get(index));
            index = index + 1 == orders.size() ? 0 : index + 1;
        }
        return System.nanoTime() - began;
    }

    /** The shipped mapping as compiled by the build in {@code classes}: its own loader, the same tests and libraries. */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> mapping(String classes) throws Exception {
        List<URL> path = new ArrayList<>();
        path.add(Path.of(MappingBuildComparison.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toUri().toURL());
        path.add(Path.of(classes).toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                path.add(Path.of(entry).toUri().toURL());
            }
        }
        ClassLoader loader = new URLClassLoader(path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        return (Function<Object, Object>) loader.loadClass(OrderToOpayo.class.getName()).getConstructor()
                .newInstance();
    }

    /** The mapping one build runs (loaded by that build's loader, so it links to that build's engine). */
    public static final class OrderToOpayo implements Function<Object, Object> {

        private final CompiledMapping mapping = MappingTestSupport.COMPILER.compile(MappingJson.read(
                MappingTestSupport.resource("/junction/mappings/amazon-order-to-opayo-payment.json")));

        @Override
        public Object apply(Object order) {
            return mapping.apply(order, MappingEnvironment.NONE);
        }
    }
}
