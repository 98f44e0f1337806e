package dev.junction.connectors.http;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** What a remote API answered: status, headers and the body as text. */
public record RemoteResponse(int status, HttpHeaders headers, String body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }
}
