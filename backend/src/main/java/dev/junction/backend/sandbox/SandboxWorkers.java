package dev.junction.backend.sandbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Where the in-app simulators do their work: virtual threads of their own, at most {@code maxConcurrent} requests
 * at a time — never the servlet container's threads that serve the UI, the API and webhooks, so that slow simulated
 * answers (latency, held timeouts) cannot take those threads. A request beyond the cap is answered 503 at once.
 */
final class SandboxWorkers implements AutoCloseable {

    private final Semaphore permits;
    private final int maxConcurrent;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sandbox-", 0).factory());

    SandboxWorkers(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("junction.sandbox.max-concurrent (JUNCTION_SANDBOX_MAX_CONCURRENT)"
                    + " must be 1 or more, not " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
        this.permits = new Semaphore(maxConcurrent);
    }

    /** Runs {@code work} on a sandbox thread; false (nothing run) when {@link #maxConcurrent()} are in flight. */
    boolean tryRun(Runnable work) {
        if (!permits.tryAcquire()) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } finally {
                    permits.release();
                }
            });
            return true;
        } catch (RuntimeException rejected) { // shutting down
            permits.release();
            return false;
        }
    }

    int maxConcurrent() {
        return maxConcurrent;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
