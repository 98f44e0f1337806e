import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The remote system of a load test, in its own process (so its CPU stays out of the measured application's): a shop
 * that answers {@code POST /orders} after a configurable latency and honours the {@code Idempotency-Key} header the
 * way Stripe and the IETF draft do — the first request of a key creates an order, a repeated key is answered with the
 * first order and {@code Idempotent-Replayed: true}, creating nothing.
 *
 * <pre>
 *   java tools/loadtest/Remote.java [--port 19090] [--latency-ms 0]
 * </pre>
 *
 * Listens on 127.0.0.1 only. Besides {@code POST /orders}:
 * <ul>
 *   <li>{@code GET /stats}: {@code {"requests", "orders", "replays", "withoutKey", "ordersForSameOrderId"}} —
 *       {@code replays} counts requests whose idempotency key had been seen (a call repeated, its side effect not),
 *       {@code ordersForSameOrderId} orders whose body's {@code orderId} already had an order under another key (a
 *       side effect repeated);</li>
 *   <li>{@code GET /arrivals}: one line per order, {@code <orderId> <epoch microseconds of its arrival>};</li>
 *   <li>{@code POST /reset}: forgets everything.</li>
 * </ul>
 * Every request is answered on a virtual thread, so a long latency costs no platform thread.
 */
public final class Remote {

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]*)\"");

    private final Duration latency;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong orders = new AtomicLong();
    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong withoutKey = new AtomicLong();
    private final AtomicLong sameOrderId = new AtomicLong();
    private final ConcurrentHashMap<String, String> answersByKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> arrivalsByOrderId = new ConcurrentHashMap<>();

    private Remote(Duration latency) {
        this.latency = latency;
    }

    public static void main(String[] args) throws IOException {
        int port = 19090;
        long latencyMs = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--latency-ms" -> latencyMs = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: Remote [--port 19090] [--latency-ms 0]");
                    System.exit(2);
                }
            }
        }
        Remote remote = new Remote(Duration.ofMillis(latencyMs));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", remote::handle);
        server.start();
        System.out.println("remote listening on http://127.0.0.1:" + server.getAddress().getPort()
                + "/orders, latency " + latencyMs + " ms (pid " + ProcessHandle.current().pid() + ")");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (method.equals("POST") && path.equals("/orders")) {
                order(exchange, new String(body, StandardCharsets.UTF_8));
            } else if (method.equals("GET") && path.equals("/stats")) {
                answer(exchange, 200, "{\"requests\": " + requests.get() + ", \"orders\": " + orders.get()
                        + ", \"replays\": " + replays.get() + ", \"withoutKey\": " + withoutKey.get()
                        + ", \"ordersForSameOrderId\": " + sameOrderId.get() + "}");
            } else if (method.equals("GET") && path.equals("/arrivals")) {
                StringBuilder lines = new StringBuilder();
                arrivalsByOrderId.forEach((orderId, micros) -> lines.append(orderId).append(' ').append(micros)
                        .append('\n'));
                answer(exchange, 200, lines.toString());
            } else if (method.equals("POST") && path.equals("/reset")) {
                requests.set(0);
                orders.set(0);
                replays.set(0);
                withoutKey.set(0);
                sameOrderId.set(0);
                answersByKey.clear();
                arrivalsByOrderId.clear();
                answer(exchange, 204, null);
            } else {
                answer(exchange, 404, "{\"error\": \"no such resource: " + method + " " + path + "\"}");
            }
        }
    }

    private void order(HttpExchange exchange, String body) throws IOException {
        long arrived = micros(Instant.now());
        requests.incrementAndGet();
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Matcher match = ORDER_ID.matcher(body);
        String orderId = match.find() ? match.group(1) : "";
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || key.isBlank()) {
            withoutKey.incrementAndGet();
            key = "no-key-" + requests.get();
        }
        String created = "{\"id\": \"ord-" + (orders.get() + 1) + "\", \"orderId\": \"" + orderId
                + "\", \"status\": \"accepted\"}";
        String first = answersByKey.putIfAbsent(key, created);
        if (first != null) {
            replays.incrementAndGet();
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
            answer(exchange, 201, first);
            return;
        }
        orders.incrementAndGet();
        if (arrivalsByOrderId.putIfAbsent(orderId, arrived) != null) {
            sameOrderId.incrementAndGet();
        }
        answer(exchange, 201, created);
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 && json.indexOf('{') != 0
                ? "text/plain; charset=utf-8" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
