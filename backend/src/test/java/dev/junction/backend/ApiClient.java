package dev.junction.backend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Talks to the running app over real HTTP, as a script or another system would. */
public record ApiClient(HttpClient http, String baseUrl, String authorization) {

    public static ApiClient anonymous(int port) {
        return new ApiClient(HttpClient.newHttpClient(), "http://localhost:" + port, null);
    }

    public ApiClient as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(http, baseUrl, "Basic " + token);
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    public HttpResponse<String> patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    public HttpResponse<String> send(String method, String path, String json) {
        return send(method, path, json, "application/json");
    }

    public HttpResponse<String> send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
