import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends webhooks: at a fixed rate (open loop: a request's latency counts from when it was due, so a server that falls
 * behind shows it) or at saturation (N connections, each sending as soon as it has its answer). Every request's body
 * is the template with a unique order id; each answer is recorded with its send time.
 */
final class Load {

    /** One sent request: when it was due (wall clock, µs), how long its answer took, its status and run id. */
    record Sent(String orderId, long dueMicros, long dueNanos, long latencyNanos, int status, String runId,
                boolean duplicate) {

        /** Answered 2xx: taken (by Junction: committed; a repeated delivery is marked {@code duplicate}). */
        boolean accepted() {
            return status >= 200 && status < 300 && !duplicate;
        }
    }

    record Settings(List<URI> targets, String template, String secret, String signatureHeader, boolean rate,
                    double requestsPerSecond, int connections) {
    }

    private static final Pattern RUN_ID = Pattern.compile("\"runId\"\\s*:\\s*\"([^\"]+)\"");

    private final Settings settings;
    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    Load(Settings settings, String prefix) {
        this.settings = settings;
        this.prefix = prefix;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Failed requests by kind: an HTTP status other than 202, or the I/O exception's class. */
    Map<String, Long> failures() {
        Map<String, Long> copy = new LinkedHashMap<>();
        failures.forEach((kind, count) -> copy.put(kind, count.sum()));
        return copy;
    }

    /** Sends until {@code endNanos} (System.nanoTime), then waits for the answers in flight. */
    void drive(long endNanos) throws InterruptedException {
        if (settings.rate()) {
            driveAtRate(endNanos);
        } else {
            driveAtSaturation(endNanos);
        }
    }

    void stop() {
        stopping = true;
    }

    private void driveAtSaturation(long endNanos) throws InterruptedException {
        List<Thread> senders = new java.util.ArrayList<>();
        for (int i = 0; i < settings.connections(); i++) {
            Sender sender = new Sender(settings.targets().get(i % settings.targets().size()));
            senders.add(Thread.ofPlatform().name("sender-" + i).start(() -> {
                try (sender) {
                    while (!stopping && System.nanoTime() < endNanos) {
                        sender.send(System.nanoTime());
                    }
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
    }

    private void driveAtRate(long endNanos) throws InterruptedException {
        ArrayBlockingQueue<Sender> idle = new ArrayBlockingQueue<>(settings.connections());
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long period = (long) (1e9 / settings.requestsPerSecond());
        long start = System.nanoTime();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; !stopping; i++) {
                long due = start + i * period;
                if (due >= endNanos) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                requests.submit(() -> {
                    Sender sender = idle.poll();
                    if (sender == null && opened.incrementAndGet() <= settings.connections()) {
                        sender = new Sender(settings.targets().get(next.getAndIncrement() % settings.targets().size()));
                    } else if (sender == null) {
                        sender = idle.take();
                    }
                    sender.send(due);
                    idle.put(sender);
                    return null;
                });
            }
        }
        idle.forEach(Sender::close);
    }

    /** One connection and what it needs to sign a body. */
    private final class Sender implements AutoCloseable {

        private final Http1Connection connection;
        private final Mac mac;

        Sender(URI target) {
            this.connection = new Http1Connection(target, Map.of());
            try {
                if (settings.secret() != null) {
                    mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                } else {
                    mac = null;
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        void send(long dueNanos) {
            long n = sequence.incrementAndGet();
            String orderId = prefix + "-" + n;
            byte[] body = settings.template().replace("{{orderId}}", orderId).replace("{{seq}}", Long.toString(n))
                    .getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = mac == null ? Map.of()
                    : Map.of(settings.signatureHeader(), "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)));
            long dueMicros = micros(Instant.now()) - (System.nanoTime() - dueNanos) / 1_000;
            try {
                Http1Connection.Answer answer = connection.post(body, headers);
                long latency = System.nanoTime() - dueNanos;
                String runId = null;
                boolean duplicate = false;
                if (answer.status() >= 200 && answer.status() < 300) {
                    Matcher match = RUN_ID.matcher(answer.body());
                    runId = match.find() ? match.group(1) : null;
                    duplicate = answer.body().contains("\"duplicate\":true")
                            || answer.body().contains("\"duplicate\": true");
                } else {
                    failures.computeIfAbsent("HTTP " + answer.status(), k -> new LongAdder()).increment();
                }
                sent.add(new Sent(orderId, dueMicros, dueNanos, latency, answer.status(), runId, duplicate));
            } catch (IOException | RuntimeException e) {
                failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                sent.add(new Sent(orderId, dueMicros, dueNanos, System.nanoTime() - dueNanos, 0, null, false));
                if (e instanceof java.net.ConnectException) {
                    try {
                        Thread.sleep(20); // nothing listens (a restart): do not spin
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }
}
