import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One kept-alive HTTP/1.1 connection that posts and reads the answer, with nothing else: the JDK's
 * {@code java.net.http} client costs more CPU per request than the server's side of a webhook (measured, see
 * docs/benchmarks.md), and the load generator shares the machine with what it measures.
 */
final class Http1Connection implements AutoCloseable {

    record Answer(int status, String body) {
    }

    private final URI target;
    private final String head;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Http1Connection(URI target, Map<String, String> headers) {
        this.target = target;
        StringBuilder h = new StringBuilder();
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        h.append("POST ").append(path).append(" HTTP/1.1\r\n");
        h.append("Host: ").append(target.getHost()).append(':').append(port(target)).append("\r\n");
        h.append("Content-Type: application/json\r\n");
        headers.forEach((name, value) -> h.append(name).append(": ").append(value).append("\r\n"));
        this.head = h.toString();
    }

    /** Posts {@code body} with these extra headers; opens the connection first when it is not open. */
    Answer post(byte[] body, Map<String, String> extraHeaders) throws IOException {
        if (socket == null) {
            open();
        }
        StringBuilder h = new StringBuilder(head);
        extraHeaders.forEach((name, value) -> h.append(name).append(": ").append(value).append("\r\n"));
        h.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        try {
            out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(target.getHost(), port(target)), 5_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
    }

    private Answer read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("the server closed the connection");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase();
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase().contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                String size = line();
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                        // trailers are not used
                    }
                    break;
                }
                body.write(in.readNBytes(n));
                line();
            }
        } else if (length > 0) {
            body.write(in.readNBytes((int) length));
        } else if (length < 0 && status >= 200 && status != 204 && status != 304) {
            body.write(in.readAllBytes());
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }
}
