package dev.junction.connectors.outbound;

import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.Header;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSession;

/**
 * An answer's head and body given to the caller's {@link HttpResponse.BodyHandler}: the handler's subscriber pulls the
 * body from the connection as it asks for it ({@link Feed}) — all of it at once for a string or bytes, as it is read
 * for an input stream. The connection goes back to the pool when the body was read to its end, and is closed when
 * the subscriber cancels before.
 */
final class ResponseBodies {

    private static final int CHUNK = 16 * 1024;

    private ResponseBodies() {
    }

    /** The JDK response of {@code request}'s Apache {@code response}, its body as {@code handler} makes it. */
    static <T> HttpResponse<T> answer(HttpRequest request, CloseableHttpResponse response,
                                      HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        try {
            HttpHeaders headers = headers(response.getHeaders());
            int status = response.getCode();
            HttpResponse.BodySubscriber<T> subscriber = handler.apply(new Info(status, headers));
            InputStream content = response.getEntity() == null ? InputStream.nullInputStream()
                    : response.getEntity().getContent();
            new Feed(content, response, subscriber).start();
            CompletableFuture<T> body = subscriber.getBody().toCompletableFuture();
            if (!body.isDone()) {
                response.close();
                throw new IOException("the response body handler did not take the body");
            }
            return new Answer<>(status, request, headers, body.get(), request.uri());
        } catch (ExecutionException e) {
            response.close();
            throw e.getCause() instanceof IOException io ? OutboundFailures.of(io, false)
                    : new IOException("the response body could not be read: " + e.getCause(), e.getCause());
        } catch (IOException | RuntimeException e) {
            response.close();
            throw e;
        }
    }

    private static HttpHeaders headers(Header[] all) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : all) {
            map.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private record Info(int statusCode, HttpHeaders headers) implements HttpResponse.ResponseInfo {
        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    private record Answer<T>(int statusCode, HttpRequest request, HttpHeaders headers, T body, URI uri)
            implements HttpResponse<T> {
        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    /**
     * The subscription of a body subscriber: each item asked for is one read of the connection, in the thread that
     * asks (a request made while items are being given is added to the demand, not recursed into).
     */
    private static final class Feed implements Flow.Subscription {

        private final InputStream content;
        private final CloseableHttpResponse response;
        private final Flow.Subscriber<? super List<ByteBuffer>> subscriber;
        private final ReentrantLock lock = new ReentrantLock();
        private long demand;
        private boolean giving;
        private boolean done;

        Feed(InputStream content, CloseableHttpResponse response, Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
            this.content = content;
            this.response = response;
            this.subscriber = subscriber;
        }

        void start() {
            subscriber.onSubscribe(this);
        }

        @Override
        public void request(long n) {
            lock.lock();
            try {
                if (done) {
                    return;
                }
                if (n <= 0) {
                    end();
                    subscriber.onError(new IllegalArgumentException("a subscriber must ask for 1 or more items, not "
                            + n));
                    return;
                }
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                if (giving) {
                    return;
                }
                giving = true;
            } finally {
                lock.unlock();
            }
            give();
        }

        private void give() {
            while (true) {
                lock.lock();
                try {
                    if (done || demand == 0) {
                        giving = false;
                        return;
                    }
                    demand--;
                } finally {
                    lock.unlock();
                }
                byte[] chunk = new byte[CHUNK];
                int read;
                try {
                    read = content.read(chunk);
                } catch (IOException e) {
                    if (end()) {
                        subscriber.onError(e);
                    }
                    return;
                }
                if (read < 0) {
                    if (end()) {
                        subscriber.onComplete();
                    }
                    return;
                }
                subscriber.onNext(List.of(ByteBuffer.wrap(chunk, 0, read)));
            }
        }

        @Override
        public void cancel() {
            end();
        }

        /** Ends the feed (true if this call did): the connection is released if the body was read, else closed. */
        private boolean end() {
            lock.lock();
            try {
                if (done) {
                    return false;
                }
                done = true;
                giving = false;
            } finally {
                lock.unlock();
            }
            try {
                response.close();
            } catch (IOException e) {
                // the connection is discarded either way
            }
            return true;
        }
    }
}
