package dev.junction.connectors.outbound;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * The outbound client's failures as the JDK client's, which the callers tell apart ({@code RemoteHttp.kind}): a
 * timeout is an {@link HttpTimeoutException} ({@link HttpConnectTimeoutException} when the connection was not made),
 * nothing listening a {@link java.net.ConnectException} (Apache's is one already), an unknown name an
 * {@link java.net.UnknownHostException}, TLS trouble an {@link javax.net.ssl.SSLException}, anything else on the way
 * an {@link IOException} whose outcome is unknown. An interrupted caller gets {@link InterruptedException}.
 */
final class OutboundFailures {

    private OutboundFailures() {
    }

    /** {@code failure} as the JDK client would have thrown it; {@code pastDeadline}: the request's timeout fired. */
    static IOException of(IOException failure, boolean pastDeadline) throws InterruptedException {
        if (failure instanceof ConnectTimeoutException) {
            return timeout(new HttpConnectTimeoutException("HTTP connect timed out"), failure);
        }
        if (pastDeadline || failure instanceof SocketTimeoutException
                || failure instanceof ConnectionRequestTimeoutException) {
            return timeout(new HttpTimeoutException("request timed out"), failure);
        }
        if (failure instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
            InterruptedException interrupted = new InterruptedException("the call was interrupted");
            interrupted.initCause(failure);
            throw interrupted;
        }
        return failure;
    }

    private static HttpTimeoutException timeout(HttpTimeoutException timeout, IOException cause) {
        timeout.initCause(cause);
        return timeout;
    }
}
