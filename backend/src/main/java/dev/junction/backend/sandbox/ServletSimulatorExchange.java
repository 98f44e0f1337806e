package dev.junction.backend.sandbox;

import dev.junction.connectors.sandbox.SimulatorExchange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A simulator exchange carried by the app's servlet container (the {@code /sandbox/*} mount). */
final class ServletSimulatorExchange extends SimulatorExchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;

    ServletSimulatorExchange(HttpServletRequest request, HttpServletResponse response, String path, String baseUrl) {
        super(path, baseUrl);
        this.request = request;
        this.response = response;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    protected String requestHeader(String name) {
        return request.getHeader(name);
    }

    @Override
    protected String rawQuery() {
        return request.getQueryString();
    }

    @Override
    protected InputStream requestBody() throws IOException {
        return request.getInputStream();
    }

    @Override
    protected void setResponseHeader(String name, String value) {
        response.setHeader(name, value);
    }

    @Override
    protected void send(int status, String contentType, byte[] bytes) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(bytes);
            }
        }
    }
}
