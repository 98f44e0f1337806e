package dev.junction.connectors.outbound;

import dev.junction.engine.connectors.ConnectorException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The one HTTP client of Junction's outbound calls — connectors and their token endpoints, notify webhooks, the
 * simulators' notifications: each request is admitted by the {@link OutboundPolicy} (after name resolution) before
 * anything is sent, and the TCP connection goes to the admitted address — the exchange's target carries that
 * address, and the client's own name resolver refuses every name ({@link AdmittedAddressesOnly}), so no second
 * lookup a rebinding DNS server could answer differently happens. HTTPS verifies the certificate against the host
 * name (and sends it as SNI), so the name is proved, the address pinned.
 *
 * <p>The exchange is Apache HttpClient 5's classic one: HTTP/1.1, blocking in the caller's thread, connections
 * pooled per target address (idle ones evicted, one idle for over a second checked before it is used again). It
 * never retries a request (a second POST could be a second payment) and never follows a redirect (a caller that
 * follows one sends a new request, admitted again); no cookies are kept, no content encoding is asked for. The
 * callers keep the JDK's request and response types ({@link HttpRequest}, {@link HttpResponse.BodyHandler}): the
 * request's {@link HttpRequest#timeout() timeout} bounds the time to the answer's head as the JDK client's does, and
 * failures are the JDK client's ({@link OutboundFailures}).
 */
public final class OutboundClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Calls in flight to one address at most: the run workers and the workers waiting on remotes (4 + 60). */
    private static final int MAX_PER_ADDRESS = 64;
    private static final int MAX_TOTAL = 256;
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    private static final OutboundClient SHARED = new OutboundClient(OutboundPolicy::current);
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final Supplier<OutboundPolicy> policy;
    private final CloseableHttpClient client;

    OutboundClient(Supplier<OutboundPolicy> policy) {
        this.policy = policy;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new AdmittedAddressesOnly())
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(defaultTls()))
                        .setMaxConnPerRoute(MAX_PER_ADDRESS).setMaxConnTotal(MAX_TOTAL)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setProtocolUpgradeEnabled(false).build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                .disableContentCompression().disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30)).evictExpiredConnections()
                .build();
    }

    /** The process's outbound client. */
    public static OutboundClient shared() {
        return SHARED;
    }

    /**
     * Admits and sends {@code request}. Throws the policy's refusal (nothing sent), else what the JDK client would
     * throw: {@link java.net.http.HttpTimeoutException} when no answer came within the request's timeout
     * ({@link java.net.http.HttpConnectTimeoutException} when no connection), {@link java.net.ConnectException} when
     * nothing listens, another {@link IOException} when the exchange broke (its outcome unknown).
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws ConnectorException, IOException, InterruptedException {
        OutboundPolicy.Admitted admitted = policy.get().admit(request.uri());
        HttpUriRequestBase exchange = exchange(request);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = request.timeout().<ScheduledFuture<?>>map(timeout -> DEADLINES.schedule(() -> {
            timedOut.set(true);
            exchange.cancel();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS)).orElse(null);
        CloseableHttpResponse response;
        try {
            response = client.execute(target(request, admitted), exchange, HttpClientContext.create());
        } catch (IOException e) {
            throw OutboundFailures.of(e, timedOut.get());
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
        return ResponseBodies.answer(request, response, body);
    }

    private static HttpHost target(HttpRequest request, OutboundPolicy.Admitted admitted) {
        return new HttpHost(request.uri().getScheme().toLowerCase(java.util.Locale.ROOT), admitted.address(),
                admitted.host(), admitted.port());
    }

    private static HttpUriRequestBase exchange(HttpRequest request) throws IOException, InterruptedException {
        HttpUriRequestBase exchange = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().map().forEach((name, values) -> values.forEach(value -> exchange.addHeader(name, value)));
        request.timeout().ifPresent(timeout -> exchange.setConfig(RequestConfig.custom()
                .setProtocolUpgradeEnabled(false).setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout)).build()));
        byte[] content = RequestBodies.bytes(request);
        if (content.length > 0 || BODY_METHODS.contains(request.method())) {
            exchange.setEntity(new ByteArrayEntity(content, null));
        }
        return exchange;
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default TLS context", e);
        }
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, work -> {
            Thread thread = new Thread(work, "outbound-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
