package dev.junction.connectors.outbound;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The outbound client's exchange against real loopback servers: methods with bodies and headers, the answer's
 * head and body through the JDK body handlers, the request timeout, and no second sending of a request whose
 * connection broke.
 */
class OutboundExchangeTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(byte[] answer, CountDownLatch release) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("X-Answer", "one");
            exchange.getResponseHeaders().add("X-Answer", "two");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/things/1?x=y");
    }

    @Test
    void everyMethodSendsItsBodyAndHeadersAndGetsTheAnswersHead() throws Exception {
        URI target = serve("done".getBytes(StandardCharsets.UTF_8), new CountDownLatch(0));

        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            HttpResponse<String> answer = OutboundClient.shared().send(HttpRequest.newBuilder(target)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"m\": \"" + method + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(201);
            assertThat(answer.body()).isEqualTo("done");
            assertThat(answer.headers().allValues("x-answer")).containsExactly("one", "two");
            assertThat(answer.uri()).isEqualTo(target);
        }
        assertThat(seen).containsExactly(
                "POST /things/1?x=y application/json {\"m\": \"POST\"}",
                "PUT /things/1?x=y application/json {\"m\": \"PUT\"}",
                "PATCH /things/1?x=y application/json {\"m\": \"PATCH\"}",
                "DELETE /things/1?x=y application/json {\"m\": \"DELETE\"}");
    }

    @Test
    void aLargeAnswerIsReadAsAStreamAndItsConnectionIsLetGoWhenClosedEarly() throws Exception {
        byte[] large = new byte[1_000_000];
        java.util.Arrays.fill(large, (byte) 'a');
        URI target = serve(large, new CountDownLatch(0));

        HttpResponse<InputStream> answer = OutboundClient.shared().send(HttpRequest.newBuilder(target).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = answer.body()) {
            assertThat(in.readNBytes(100_001)).hasSize(100_001);
        }
        HttpResponse<byte[]> whole = OutboundClient.shared().send(HttpRequest.newBuilder(target).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(whole.body()).isEqualTo(large);
    }

    @Test
    void noAnswerWithinTheRequestsTimeoutIsAnHttpTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        URI target = serve("late".getBytes(StandardCharsets.UTF_8), release);
        try {
            Throwable failure = catchThrowable(() -> OutboundClient.shared().send(HttpRequest.newBuilder(target)
                    .timeout(Duration.ofMillis(300)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString()));

            assertThat(failure).isInstanceOf(HttpTimeoutException.class);
        } finally {
            release.countDown();
        }
    }

    @Test
    void nothingListeningIsAConnectException() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }

        Throwable failure = catchThrowable(() -> OutboundClient.shared().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString()));

        assertThat(failure).isInstanceOf(ConnectException.class);
    }

    @Test
    void aPostWhoseConnectionBrokeBeforeTheAnswerIsNotSentAgain() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try (Socket socket = listener.accept()) {
                        byte[] head = new byte[4096];
                        if (socket.getInputStream().read(head) > 0) {
                            requests.incrementAndGet();
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            URI target = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/payments");

            Throwable failure = catchThrowable(() -> OutboundClient.shared().send(HttpRequest.newBuilder(target)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 1}")).build(),
                    HttpResponse.BodyHandlers.ofString()));

            assertThat(failure).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class)
                    .isNotInstanceOf(ConnectException.class);
            assertThat(requests).as("the payment was sent once").hasValue(1);
        }
    }
}
