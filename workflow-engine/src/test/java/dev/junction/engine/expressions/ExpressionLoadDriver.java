package dev.junction.engine.expressions;

import dev.junction.engine.expressions.ExpressionSession.Scope;

import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Measures what the expression runtime costs (docs/benchmarks.md): evaluations per second of a small expression
 * over an SP-API-like order (5 items) handed in as read-only proxies and, for comparison, converted (serialized to
 * JSON and parsed inside JavaScript); a condition; a script that builds a result; contexts (sessions) per second;
 * and syntax checks per second. One thread, after a warm-up; the median of several rounds is printed.
 *
 * <pre>mvn -q -pl workflow-engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.junction.engine.expressions.ExpressionLoadDriver [-Dexec.args="rounds seconds"]</pre>
 */
public final class ExpressionLoadDriver {

    /** Numbers the syntax checks' expressions across rounds: the runtime keeps each text's answer. */
    private static final AtomicInteger NEVER_SEEN = new AtomicInteger();

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        try (ExpressionRuntime runtime = new ExpressionRuntime()) {
            System.out.printf("runtime: %s, Java %s, %d cores%n", runtime.implementationName(),
                    Runtime.version(), Runtime.getRuntime().availableProcessors());
            List<Scope> orders = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                orders.add(new Scope(order(i), Map.of(), Map.of("region", "eu")));
            }
            try (ExpressionSession session = runtime.openSession()) {
                report("expression, read-only proxy in", rounds, seconds, i ->
                        session.evaluate("trigger.Items.map(i => i.Quantity * i.Price).reduce((a, b) => a + b, 0)",
                                orders.get(i % orders.size())));
                JsonMapper json = JsonMapper.builder().build();
                report("same expression, input converted (JSON text, JSON.parse)", rounds, seconds, i ->
                        session.evaluate("JSON.parse(trigger).Items.map(i => i.Quantity * i.Price)"
                                + ".reduce((a, b) => a + b, 0)", new Scope(json.writeValueAsString(
                                orders.get(i % orders.size()).trigger()), Map.of(), Map.of())));
                report("condition (test)", rounds, seconds, i ->
                        session.test("trigger.OrderStatus === 'Shipped' && vars.region === 'eu'",
                                orders.get(i % orders.size())));
                report("script building a 5-line result (copied out)", rounds, seconds, i ->
                        session.runScript("return { id: trigger.AmazonOrderId, lines: trigger.Items.map(i =>"
                                + " ({ sku: i.SellerSKU, quantity: i.Quantity })) };", orders.get(i % orders.size())));
            }
            report("session (context) opened, one expression, closed", rounds, seconds, i -> {
                try (ExpressionSession session = runtime.openSession()) {
                    // not a plain path: a plain path is read in Java and never opens a context
                    session.evaluate("vars.region + ''", orders.get(i % orders.size()));
                }
            });
            report("plain path read in a new session (no context)", rounds, seconds, i -> {
                try (ExpressionSession session = runtime.openSession()) {
                    session.evaluate("trigger.Items[0].SellerSKU", orders.get(i % orders.size()));
                }
            });
            report("syntax check of a new expression", rounds, seconds, i ->
                    runtime.syntaxErrorOfExpression("trigger.Items.length > " + NEVER_SEEN.getAndIncrement()));
        }
    }

    private static void report(String what, int rounds, double seconds, IntConsumer operation) {
        measure(operation, Duration.ofMillis((long) (seconds * 1000))); // warm-up
        double[] rates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            rates[round] = measure(operation, Duration.ofMillis((long) (seconds * 1000)));
        }
        Arrays.sort(rates);
        System.out.printf("%-52s median %,10.0f /s   (min %,.0f, max %,.0f over %d rounds of %.1f s)%n", what,
                rates[rounds / 2], rates[0], rates[rounds - 1], rounds, seconds);
    }

    private static double measure(IntConsumer operation, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        int count = 0;
        while (System.nanoTime() < end) {
            operation.accept(count++);
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private static Map<String, Object> order(int n) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(Map.of("SellerSKU", "SKU-" + n + "-" + i, "ASIN", "B0" + (1000000 + n * 5 + i),
                    "Quantity", 1 + i % 3, "Price", 9.99 + i, "Title", "Item " + i));
        }
        return Map.of("AmazonOrderId", "902-" + (3000000 + n) + "-1390916", "OrderStatus", n % 3 == 0 ? "Shipped"
                : "Unshipped", "PurchaseDate", "2026-11-20T10:15:30Z", "Items", items,
                "ShippingAddress", Map.of("Name", "Jane Doe", "City", "London", "CountryCode", "GB"));
    }
}
