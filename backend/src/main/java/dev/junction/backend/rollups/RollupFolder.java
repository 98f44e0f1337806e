package dev.junction.backend.rollups;

import dev.junction.backend.database.DatabaseOutage;
import dev.junction.db.rollups.RunRollups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Folds run endings into the hourly rollups every {@code interval} on this node (every node does; folding takes rows
 * no other node holds, so each ending counts once). Dashboards are at most one interval behind the runs.
 */
public class RollupFolder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RollupFolder.class);

    private final RunRollups rollups;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public RollupFolder(RunRollups rollups, Duration interval) {
        this.rollups = rollups;
        this.interval = interval;
    }

    /**
     * Folds every ending waiting now, waiting for a batch this node's own schedule or another node is folding at
     * this moment (tests and readers that must see the latest runs call it).
     */
    public long foldNow() {
        return rollups.foldEverything();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("rollup-folder").daemon()
                .factory());
        executor.scheduleWithFixedDelay(this::foldQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void foldQuietly() {
        try {
            rollups.foldAll();
        } catch (RuntimeException e) {
            DatabaseOutage.log(log, "Rollups not folded", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
