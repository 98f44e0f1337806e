package dev.junction.engine.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Group commit: what callers ask to have committed at the same time is committed together, by one of them, and
 * each caller is answered only after that commit. No timer: the first caller with no group in flight commits at
 * once (a group of one when nothing else waits); the callers who arrive while a group commits wait, and the first of
 * them commits all of them next, up to {@code maxGroup} at a time.
 *
 * <p>The {@link Committer} commits a whole group or nothing. When it throws {@link ItemFailed}, the group was rolled
 * back because of that one item: its caller gets the cause, and the others are committed again without it. Any other
 * failure fails every caller of the group with it.
 *
 * @param <I> what a caller hands in
 * @param <O> what it is answered, in the order of the group
 */
public final class GroupCommit<I, O> {

    /** Commits a group (all or nothing) and answers each item's result in the group's order. */
    @FunctionalInterface
    public interface Committer<I, O> {
        List<O> commit(List<I> group);
    }

    /** The group was rolled back because item {@code index} of it failed with {@code getCause()}. */
    public static final class ItemFailed extends RuntimeException {

        private final int index;

        public ItemFailed(int index, RuntimeException cause) {
            super(cause);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    private final Committer<I, O> committer;
    private final int maxGroup;
    private final Object lock = new Object();
    private final List<Waiting<I, O>> waiting = new ArrayList<>();
    /** Whether a caller is committing a group now (the next one waits for it). */
    private boolean committing;

    public GroupCommit(Committer<I, O> committer, int maxGroup) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be at least 1, was " + maxGroup);
        }
        this.committer = Objects.requireNonNull(committer);
        this.maxGroup = maxGroup;
    }

    /** How many callers wait for a group's commit now (not the group being committed). */
    public int queued() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** A caller's item: answered with what it came to, or asked to commit the next group itself. */
    private record Waiting<I, O>(I item, CompletableFuture<O> done, CompletableFuture<Void> yourTurn) {
    }

    /**
     * Commits {@code item} with the others asked for meanwhile; answers once its group committed.
     *
     * @throws RuntimeException what the commit of its group failed with (nothing of this item was committed), or
     *                          an {@link Error} as thrown
     */
    public O commit(I item) {
        Waiting<I, O> mine = new Waiting<>(item, new CompletableFuture<>(), new CompletableFuture<>());
        synchronized (lock) {
            waiting.add(mine);
            if (!committing) {
                committing = true;
                mine.yourTurn().complete(null);
            }
        }
        // answered (either way) or asked to commit: a failure is thrown below, unwrapped
        CompletableFuture.anyOf(mine.done(), mine.yourTurn()).handle((result, failure) -> null).join();
        if (!mine.done().isDone()) {
            commitNextGroup();
        }
        try {
            return mine.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Commits the waiting items (this caller's among them), answers them, then hands the turn on. */
    private void commitNextGroup() {
        List<Waiting<I, O>> group;
        synchronized (lock) {
            group = new ArrayList<>(waiting.subList(0, Math.min(maxGroup, waiting.size())));
            waiting.subList(0, group.size()).clear();
        }
        try {
            while (!group.isEmpty()) {
                group = commitOrDropFailed(group);
            }
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

    /** Commits the group; answers the items to commit again (the group without the one that failed it), if any. */
    private List<Waiting<I, O>> commitOrDropFailed(List<Waiting<I, O>> group) {
        try {
            List<O> results = committer.commit(group.stream().map(Waiting::item).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).done().complete(results.get(i));
            }
            return List.of();
        } catch (ItemFailed e) {
            if (e.index() < 0 || e.index() >= group.size()) {
                group.forEach(each -> each.done().completeExceptionally(e.getCause()));
                return List.of();
            }
            group.get(e.index()).done().completeExceptionally(e.getCause());
            List<Waiting<I, O>> rest = new ArrayList<>(group);
            rest.remove(e.index());
            return rest;
        } catch (RuntimeException | Error e) {
            group.forEach(each -> each.done().completeExceptionally(e));
            return List.of();
        }
    }
}
