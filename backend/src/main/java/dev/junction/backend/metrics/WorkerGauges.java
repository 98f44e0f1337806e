package dev.junction.backend.metrics;

import dev.junction.backend.runs.WorkerPool;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Gauges of this node's run workers, read from the pool in memory: {@code junction_workers_threads} (workers alive:
 * the pool's size, and those started while steps wait on remotes) and {@code junction_workers_waiting_on_remotes}
 * (workers in a connector call now; after 5 ms in the call a worker holds no place).
 */
@Component
class WorkerGauges {

    WorkerGauges(MeterRegistry meters, WorkerPool pool) {
        Gauge.builder("junction.workers.threads", pool, WorkerPool::workerThreads)
                .description("Run workers alive on this node").register(meters);
        Gauge.builder("junction.workers.waiting.on.remotes", pool, WorkerPool::waitingOnRemotes)
                .description("Run workers waiting on a remote (a connector call) on this node").register(meters);
    }
}
