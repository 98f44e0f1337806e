package dev.junction.connectors.amazon;

import com.sun.net.httpserver.HttpServer;
import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A report document's URL that redirects is followed hop by hop, each hop admitted by the outbound address policy
 * again: a redirect to an allowed address is followed; one to a refused address (127.0.0.2, loopback outside the
 * tests' allow-list) is refused before anything reaches it.
 */
class ReportDocumentRedirectsTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    private HttpServer server(String address, String redirectTo) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(address + " " + exchange.getRequestURI().getPath());
            if (redirectTo != null) {
                exchange.getResponseHeaders().set("Location", redirectTo);
                exchange.sendResponseHeaders(302, -1);
            } else {
                byte[] body = "sku\tqty\nJN-MUG-001\t3\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server;
    }

    @Test
    void aRedirectIsAdmittedAgainBeforeItIsFollowed() throws Exception {
        HttpServer internal = server("127.0.0.2", null);
        HttpServer toInternal = server("127.0.0.1", "http://127.0.0.2:" + internal.getAddress().getPort() + "/doc");
        HttpServer document = server("127.0.0.1", null);
        HttpServer toDocument = server("127.0.0.1", "http://127.0.0.1:" + document.getAddress().getPort() + "/doc");
        ReportDocuments documents = new ReportDocuments();

        String followed = documents.download("http://127.0.0.1:" + toDocument.getAddress().getPort() + "/start",
                false, Instant.now().plusSeconds(30));
        ConnectorException refused = catchThrowableOfType(ConnectorException.class, () -> documents.download(
                "http://127.0.0.1:" + toInternal.getAddress().getPort() + "/start", false,
                Instant.now().plusSeconds(30)));

        assertThat(followed).contains("JN-MUG-001");
        assertThat(refused).isNotNull();
        assertThat(refused.errorClass()).isEqualTo("OutboundAddressRefused");
        assertThat(refused.getMessage()).contains("127.0.0.2");
        assertThat(seen).as("the refused address was never reached").noneMatch(hit -> hit.startsWith("127.0.0.2"))
                .hasSize(3);
    }
}
