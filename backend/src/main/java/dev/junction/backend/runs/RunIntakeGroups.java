package dev.junction.backend.runs;

import dev.junction.engine.runs.RunStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Group commit of run intake: the starts that callers ask for at the same time are committed together, in one
 * transaction and one statement ({@link RunStore#startGroup}), and each caller is answered only after that commit.
 * No timer: the first caller with no group in flight commits at once (a group of one when nothing else waits); the
 * callers who arrive while a group commits wait, and the first of them commits all of them next. A group that fails
 * fails every caller in it ({@link RunIntakeFailedException}); none of its runs was started.
 */
final class RunIntakeGroups {

    /** The most runs in one group (one statement binds ~16 values per run). */
    static final int MAX_GROUP = 64;

    private final RunStore store;
    private final String leaseOwner;
    private final Duration lease;
    private final Object lock = new Object();
    private final List<Waiting> waiting = new ArrayList<>();
    /** Whether a caller is committing a group now (the next one waits for it). */
    private boolean committing;

    RunIntakeGroups(RunStore store, String leaseOwner, Duration lease) {
        this.store = store;
        this.leaseOwner = leaseOwner;
        this.lease = lease;
    }

    /** A caller's start: answered with what it came to, or asked to commit the next group itself. */
    private record Waiting(RunStore.Intake intake, CompletableFuture<RunStore.Started> started,
                           CompletableFuture<Void> yourTurn) {
    }

    /**
     * Starts the run with others asked for meanwhile; answers once its group committed.
     *
     * @throws RunIntakeFailedException when its group could not be committed (nothing of the group was started)
     */
    RunStore.Started start(RunStore.Intake intake) {
        Waiting mine = new Waiting(intake, new CompletableFuture<>(), new CompletableFuture<>());
        synchronized (lock) {
            waiting.add(mine);
            if (!committing) {
                committing = true;
                mine.yourTurn().complete(null);
            }
        }
        CompletableFuture.anyOf(mine.started(), mine.yourTurn()).join();
        if (!mine.started().isDone()) {
            commitNextGroup();
        }
        try {
            return mine.started().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RunIntakeFailedException failed ? failed
                    : new RunIntakeFailedException(1, e.getCause());
        }
    }

    /** Commits the waiting starts (this caller's among them), answers them, then hands the turn on. */
    private void commitNextGroup() {
        List<Waiting> group;
        synchronized (lock) {
            group = new ArrayList<>(waiting.subList(0, Math.min(MAX_GROUP, waiting.size())));
            waiting.subList(0, group.size()).clear();
        }
        try {
            List<RunStore.Started> started = store.startGroup(group.stream().map(Waiting::intake).toList(),
                    leaseOwner, lease);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).started().complete(started.get(i));
            }
        } catch (RuntimeException | Error e) {
            RunIntakeFailedException failed = new RunIntakeFailedException(group.size(), e);
            group.forEach(each -> each.started().completeExceptionally(failed));
        } finally {
            synchronized (lock) {
                if (waiting.isEmpty()) {
                    committing = false;
                } else {
                    waiting.getFirst().yourTurn().complete(null);
                }
            }
        }
    }
}
