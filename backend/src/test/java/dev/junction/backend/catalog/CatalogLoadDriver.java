package dev.junction.backend.catalog;

import dev.junction.backend.BackendTestApplication;
import dev.junction.engine.json.PayloadJson;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Load driver for {@code GET /api/v1/catalog} (not a test): starts the backend on a fresh embedded PostgreSQL,
 * creates an API token for the admin, then asks for the catalog one request at a time over loopback HTTP/1.1
 * (kept-alive connection), {@code warmUp} times unmeasured and {@code requests} times measured, in three ways:
 * with the bearer token (what an editor or script does), with the bearer token and {@code If-None-Match} (a client
 * holding the catalog: 304), and with HTTP Basic (the password hash is checked on every request). Prints the
 * percentiles, the answer's size and the machine's load average before and after.
 * Arguments: {@code [requests [warmUp]]}. Run (see docs/benchmarks.md, "Catalog"):
 * {@code java -cp <backend test class path> dev.junction.backend.catalog.CatalogLoadDriver 1000 500}.
 */
public final class CatalogLoadDriver {

    private static final String PASSWORD = "load-driver";

    private CatalogLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        ConfigurableApplicationContext app = SpringApplication.run(BackendTestApplication.class,
                "--junction.db.embedded.fresh=true", "--junction.admin.password=" + PASSWORD, "--server.port=0",
                "--logging.level.root=warn");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"catalog load driver\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String bearer = "Bearer " + ((Map<?, ?>) PayloadJson.read(created.body())).get("token");
            URI catalog = URI.create(base + "/api/v1/catalog");
            HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(catalog).header("Authorization", bearer)
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            String etag = first.headers().firstValue("ETag").orElseThrow();

            System.out.printf("machine: %d cores, %s, %s; load average before: %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                    Runtime.version(), loadAverage());
            System.out.printf("answer: %d bytes, ETag %s%n", first.body().length, etag);
            measure("bearer token, 200 with the catalog", http, HttpRequest.newBuilder(catalog)
                    .header("Authorization", bearer).build(), 200, requests, warmUp);
            measure("bearer token + If-None-Match, 304", http, HttpRequest.newBuilder(catalog)
                    .header("Authorization", bearer).header("If-None-Match", etag).build(), 304, requests, warmUp);
            measure("HTTP Basic (password hash per request), 200", http, HttpRequest.newBuilder(catalog)
                    .header("Authorization", basic).build(), 200, Math.max(50, requests / 10), warmUp / 10);
            System.out.printf("load average after: %s%n", loadAverage());
        } finally {
            app.close();
        }
    }

    private static void measure(String what, HttpClient http, HttpRequest request, int status, int requests,
                                int warmUp) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            send(http, request, status);
        }
        long[] micros = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            send(http, request, status);
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("%s: %d requests, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, requests,
                at(micros, 0.50), at(micros, 0.90), at(micros, 0.99), micros[requests - 1] / 1000.0);
    }

    private static void send(HttpClient http, HttpRequest request, int status) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode());
        }
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }

    private static String loadAverage() throws Exception {
        Path proc = Path.of("/proc/loadavg");
        return Files.exists(proc) ? Files.readString(proc).strip() : "unknown";
    }
}
