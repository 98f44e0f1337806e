package dev.junction.connectors.outbound;

import com.sun.net.httpserver.HttpServer;
import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The outbound client applies the policy before anything is sent and connects to the admitted address. Only
 * loopback servers take part: one on 127.0.0.1 (allowed by the tests' allow-list) and one on 127.0.0.2 (a loopback
 * address the policy refuses), each recording every request that reaches it.
 */
class OutboundClientTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer allowed;
    private HttpServer refused;

    @BeforeEach
    void startRecorders() throws IOException {
        allowed = recorder("127.0.0.1");
        refused = recorder("127.0.0.2");
    }

    @AfterEach
    void stopRecorders() {
        allowed.stop(0);
        refused.stop(0);
    }

    private HttpServer recorder(String address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(address + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " Host: "
                    + exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = "recorded".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void aRefusedAddressGetsNoPacketAndTheRefusalNamesIt() {
        URI target = URI.create("http://127.0.0.2:" + refused.getAddress().getPort() + "/hook");

        ConnectorException refusal = catchThrowableOfType(ConnectorException.class, () -> OutboundClient.shared()
                .send(HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString()));

        assertThat(refusal).isNotNull();
        assertThat(refusal.errorClass()).isEqualTo("OutboundAddressRefused");
        assertThat(refusal.getMessage()).contains("127.0.0.2").contains("loopback").contains("outbound address policy");
        assertThat(seen).as("nothing reached the refused address").isEmpty();
    }

    @Test
    void anAllowedAddressIsCalled() throws Exception {
        HttpResponse<String> answer = OutboundClient.shared().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + allowed.getAddress().getPort() + "/orders")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.body()).isEqualTo("recorded");
        assertThat(seen).singleElement().asString().startsWith("127.0.0.1 GET /orders");
    }

    @Test
    void aNameIsConnectedToTheAdmittedAddressWithoutASecondLookup() throws Exception {
        // "pinned.invalid" cannot resolve: a client that looked the name up again would fail; the request goes to
        // the address the policy admitted, with the name in the Host header
        int port = allowed.getAddress().getPort();
        OutboundClient client = new OutboundClient(() -> new OutboundPolicy(Allowance.parseList("127.0.0.1"),
                host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")}));

        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://pinned.invalid:" + port
                + "/report")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.body()).isEqualTo("recorded");
        assertThat(seen).singleElement().asString().isEqualTo("127.0.0.1 GET /report Host: pinned.invalid:" + port);
    }

    @Test
    void aNameThatRebindsToARefusedAddressIsNotCalledThere() throws Exception {
        // the first answer is allowed, the next ones name a refused loopback address: the second call is refused
        // before anything is sent, and the kept-alive connection of the first is not used for it
        int port = allowed.getAddress().getPort();
        List<String> answers = new CopyOnWriteArrayList<>(List.of("127.0.0.1", "127.0.0.2", "127.0.0.2"));
        OutboundClient client = new OutboundClient(() -> new OutboundPolicy(Allowance.parseList("127.0.0.1"),
                host -> new InetAddress[] {InetAddress.getByName(answers.removeFirst())}));
        URI target = URI.create("http://rebinding.invalid:" + port + "/orders");

        client.send(HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        ConnectorException refusal = catchThrowableOfType(ConnectorException.class, () -> client.send(
                HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()));

        assertThat(refusal.errorClass()).isEqualTo("OutboundAddressRefused");
        assertThat(seen).singleElement().asString().startsWith("127.0.0.1 POST /orders");
    }
}
