package dev.junction.backend.runs;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The worker pool ({@code junction.workers.*}): how many workers claim step tasks, how long a claim is leased
 * (a worker that dies hands its task to another when the lease runs out), how often idle workers look for due
 * tasks, how long shutdown waits for steps in flight, and whether the runs started on this node at the same time
 * are committed together ({@code group-intake}, on by default; see {@link RunIntakeGroups}), and whether workers
 * are virtual threads ({@code virtual-threads}: a worker waiting on a remote then holds no platform thread, so
 * {@code size} can be raised to the number of steps that may wait on remotes at once). Off by default: GraalJS's
 * sandbox counts a script's allocations per platform thread, so on a virtual thread a script's memory bomb is
 * stopped by its time limit instead of its memory limit (RunExecutionTest shows it). {@code max-waiting}: how many
 * workers beyond {@code size} may be started while steps wait on remotes ({@link WorkerPool#waitingOnRemote()}), so
 * that a slow remote holds threads, not the places of the workers that run steps. {@code group-completions} (off by
 * default): the turns that workers finish at the same moment are committed in one transaction, each worker answered
 * after that commit (see {@code PostgresRunStore}); measured slower on 2 cores (docs/benchmarks.md), as it puts the
 * workers' completions one after the other on one connection.
 */
@ConfigurationProperties("junction.workers")
public record WorkerSettings(boolean enabled, int size, Duration lease, Duration pollInterval, Duration shutdownGrace,
                             Boolean groupIntake, Boolean virtualThreads, Integer maxWaiting,
                             Boolean groupCompletions) {

    /** How many workers beyond {@code size} may wait on remotes at once when not set. */
    public static final int DEFAULT_MAX_WAITING = 60;

    public WorkerSettings {
        if (size < 1 || size > 256) {
            throw new IllegalArgumentException("junction.workers.size must be from 1 to 256, was " + size);
        }
        if (lease == null || lease.toMillis() < 1_000) {
            throw new IllegalArgumentException("junction.workers.lease must be at least 1s, was " + lease);
        }
        if (pollInterval == null || pollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("junction.workers.poll-interval must be at least 1ms");
        }
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(20) : shutdownGrace;
        groupIntake = groupIntake == null || groupIntake;
        groupCompletions = groupCompletions != null && groupCompletions;
        virtualThreads = virtualThreads != null && virtualThreads;
        maxWaiting = maxWaiting == null ? DEFAULT_MAX_WAITING : maxWaiting;
        if (maxWaiting < 0 || maxWaiting > 1_000) {
            throw new IllegalArgumentException("junction.workers.max-waiting must be from 0 to 1000, was " + maxWaiting);
        }
    }
}
