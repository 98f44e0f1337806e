package dev.junction.backend.runs;

import dev.junction.engine.runs.RunStore;
import dev.junction.engine.runs.RunWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A bounded pool of workers that claim step tasks from the database. Idle workers look again every poll interval,
 * or at once when a run is started in this process ({@link #wake()}). Stopping lets each worker finish the step it
 * holds (up to the grace period) and gives back whatever is still held, for other nodes to take.
 */
public class WorkerPool {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    private static final Duration FAULT_PAUSE = Duration.ofSeconds(1);

    private final RunStore store;
    private final List<RunWorker> workers;
    private final Duration pollInterval;
    private final Duration shutdownGrace;
    private final List<Thread> threads = new ArrayList<>();
    private final Object signal = new Object();
    private long wakeUps;
    private volatile boolean running;

    public WorkerPool(RunStore store, int size, IntFunction<RunWorker> workerFactory, Duration pollInterval,
                      Duration shutdownGrace) {
        this.store = store;
        this.workers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            workers.add(workerFactory.apply(i));
        }
        this.pollInterval = pollInterval;
        this.shutdownGrace = shutdownGrace;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (RunWorker worker : workers) {
            Thread thread = Thread.ofPlatform().name("run-" + worker.workerId()).daemon(true)
                    .unstarted(() -> loop(worker));
            threads.add(thread);
            thread.start();
        }
        log.info("Run workers: {} started", workers.size());
    }

    /** Tells idle workers that a task may be due now. */
    public void wake() {
        synchronized (signal) {
            wakeUps++;
            signal.notifyAll();
        }
    }

    /** Wakes idle workers once the caller's transaction commits (at once when there is none). */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    public boolean isRunning() {
        return running;
    }

    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int released = 0;
        try {
            released = store.release(workers.stream().map(RunWorker::workerId).toList());
        } catch (RuntimeException e) {
            log.warn("Could not give back the tasks of this node's workers: their leases will expire instead ({})",
                    e.getMessage());
        }
        threads.clear();
        log.info("Run workers stopped{}", released == 0 ? "" : "; " + released + " task(s) given back");
    }

    private void loop(RunWorker worker) {
        while (running) {
            long seen;
            synchronized (signal) {
                seen = wakeUps;
            }
            try {
                if (worker.runOne() == RunWorker.Outcome.IDLE) {
                    idle(seen, pollInterval);
                }
            } catch (RuntimeException e) {
                log.warn("Worker {} could not reach the run store; trying again in {}", worker.workerId(), FAULT_PAUSE, e);
                idle(Long.MIN_VALUE, FAULT_PAUSE);
            }
        }
    }

    private void idle(long seen, Duration timeout) {
        synchronized (signal) {
            if (running && wakeUps == seen || seen == Long.MIN_VALUE) {
                try {
                    signal.wait(Math.max(1, timeout.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }
}
