package dev.junction.engine.mapping.bench;

import dev.junction.engine.mapping.MappingJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.Parser;
import dev.junction.engine.mapping.CompiledMapping;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.MappingTestSupport;
import dev.junction.engine.json.PayloadJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The ratios of {@link MappingBenchmark}, measured paired: the compiled mapping, hand-written Java and JSLT take turns
 * over the same 100,000 orders in short slices (each slice 10,000 records, the order of the three changing every
 * round through all six), and each round's ratios are computed from slices a few milliseconds apart. On a shared
 * machine whose speed drifts by tens of percent from one second to the next (this KVM guest), JMH's separate runs of
 * each contender measure the drift as much as the code; paired slices see the same drift and their ratio does not.
 * Prints the median and the quartiles of the per-round ratios, and each contender's median records/s. Run it with
 * the command in docs/benchmarks.md (arguments: warm-up seconds, rounds, and how many different orders — 100,000
 * unless given; a few hundred fit in the processor's cache, which shows how much of a record's cost is waiting for
 * memory).
 */
public final class MappingRatioDriver {

    private static final int SLICE = 10_000;
    /**
     * The order of the three in a round: all six in turn, so that each follows each of the others equally often (a
     * contender that runs right after another over the same orders finds what that one brought into the cache).
     */
    private static final int[][] ORDERS = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}, {1, 0, 2}, {0, 2, 1}};
    /** Where outputs go so that the JIT cannot drop the work; read once at the end. */
    private static volatile Object sink;

    private MappingRatioDriver() {
    }

    public static void main(String[] args) throws IOException {
        int warmUpSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int records = args.length > 2 ? Integer.parseInt(args[2]) : MappingBenchmark.RECORDS;
        List<Map<String, Object>> orders = OrderSamples.orders(records);
        ObjectMapper jackson = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>(orders.size());
        for (Map<String, Object> order : orders) {
            nodes.add(jackson.readTree(PayloadJson.write(order)));
        }
        CompiledMapping compiled = MappingTestSupport.COMPILER.compile(MappingJson.read(
                MappingTestSupport.resource("/junction/mappings/amazon-order-to-opayo-payment.json")));
        Expression jslt;
        try (InputStream in = MappingRatioDriver.class.getResourceAsStream("/bench/order-to-opayo.jslt")) {
            jslt = Parser.compileString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<IntFunction<Object>> contenders = List.of(
                i -> compiled.apply(orders.get(i), MappingEnvironment.NONE),
                i -> HandWrittenOrderToOpayo.map(orders.get(i)),
                i -> jslt.apply(nodes.get(i)));
        String[] names = {"compiled mapping", "hand-written Java", "JSLT"};

        long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        int start = 0;
        while (System.nanoTime() < warmUpEnd) {
            for (IntFunction<Object> contender : contenders) {
                slice(contender, start, orders.size());
            }
            start = (start + SLICE) % orders.size();
        }

        double[][] rates = new double[3][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < 3; k++) {
                int which = ORDERS[round % ORDERS.length][k];
                long nanos = slice(contenders.get(which), start, orders.size());
                rates[which][round] = SLICE * 1e9 / nanos;
            }
            start = (start + SLICE) % orders.size();
        }
        double[] toHand = new double[rounds];
        double[] toJslt = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            toHand[round] = rates[0][round] / rates[1][round];
            toJslt[round] = rates[0][round] / rates[2][round];
        }
        System.out.printf("%d rounds of %,d records each, after %d s of warm-up (%s)%n", rounds, SLICE, warmUpSeconds,
                sink == null ? "no output" : "outputs kept");
        for (int k = 0; k < 3; k++) {
            System.out.printf("%-18s median %,.0f records/s (quartiles %,.0f – %,.0f)%n", names[k],
                    quantile(rates[k], 0.5), quantile(rates[k], 0.25), quantile(rates[k], 0.75));
        }
        System.out.printf("compiled / hand-written: median %.2f (quartiles %.2f – %.2f)%n", quantile(toHand, 0.5),
                quantile(toHand, 0.25), quantile(toHand, 0.75));
        System.out.printf("compiled / JSLT:         median %.2f (quartiles %.2f – %.2f)%n", quantile(toJslt, 0.5),
                quantile(toJslt, 0.25), quantile(toJslt, 0.75));
    }

    private static long slice(IntFunction<Object> contender, int start, int size) {
        long began = System.nanoTime();
        int index = start;
        for (int i = 0; i < SLICE; i++) {
            sink = contender.apply(index);
            index = index + 1 == size ? 0 : index + 1;
        }
        return System.nanoTime() - began;
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
