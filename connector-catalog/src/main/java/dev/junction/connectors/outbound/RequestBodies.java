package dev.junction.connectors.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/** A JDK request's body, as bytes: its {@link HttpRequest.BodyPublisher} drained through a subscriber. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** The body's bytes; none for a request without a body publisher. */
    static byte[] bytes(HttpRequest request) throws IOException, InterruptedException {
        if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0) {
            return new byte[0];
        }
        CompletableFuture<byte[]> drained = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable failure) {
                drained.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                drained.complete(bytes.toByteArray());
            }
        });
        try {
            return drained.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io
                    : new IOException("the request body could not be read: " + e.getCause(), e.getCause());
        }
    }
}
