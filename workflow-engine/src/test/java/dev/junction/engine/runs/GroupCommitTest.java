package dev.junction.engine.runs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit: callers that arrive while a group commits are committed together next, each answered with its own
 * result only after its group's commit; an item that fails its group is answered with its failure and the others
 * are committed again without it; any other failure fails the whole group.
 */
class GroupCommitTest {

    private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());

    @Test
    void callersArrivingDuringACommitAreCommittedTogetherAndEachGetsItsOwnAnswerAfterTheCommit() throws Exception {
        CountDownLatch firstCommitting = new CountDownLatch(1);
        CompletableFuture<Void> releaseFirst = new CompletableFuture<>();
        GroupCommit<String, String> commit = new GroupCommit<>(group -> {
            groups.add(List.copyOf(group));
            if (groups.size() == 1) {
                firstCommitting.countDown();
                releaseFirst.join();
            }
            return group.stream().map(item -> "committed " + item).toList();
        }, 32);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = callers.submit(() -> commit.commit("a"));
            assertThat(firstCommitting.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> others = new ArrayList<>();
            for (String item : List.of("b", "c", "d", "e")) {
                others.add(callers.submit(() -> commit.commit(item)));
            }
            // the four wait behind the first group's commit (queued, not answered)
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (commit.queued() < 4 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertThat(commit.queued()).isEqualTo(4);
            assertThat(first.isDone()).as("answered only after its group's commit").isFalse();
            assertThat(others).noneMatch(Future::isDone);
            releaseFirst.complete(null);
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("committed a");
            for (int i = 0; i < others.size(); i++) {
                assertThat(others.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("committed " + "bcde".charAt(i));
            }
        }
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).containsExactly("a");
        assertThat(groups.get(1)).containsExactlyInAnyOrder("b", "c", "d", "e");
    }

    @Test
    void anItemThatFailsItsGroupGetsItsFailureAndTheOthersAreCommittedWithoutIt() throws Exception {
        List<Object> answers = commitTogether(group -> {
            int bad = group.indexOf("bad");
            if (bad >= 0) {
                throw new GroupCommit.ItemFailed(bad, new IllegalStateException("bad item"));
            }
            return group.stream().map(item -> "committed " + item).toList();
        }, 32, List.of("a", "bad", "c"));
        assertThat(answers.get(0)).isEqualTo("committed a");
        assertThat(answers.get(1)).isInstanceOf(IllegalStateException.class)
                .hasFieldOrPropertyWithValue("message", "bad item");
        assertThat(answers.get(2)).isEqualTo("committed c");
        assertThat(groups.subList(1, groups.size())).as("the group, then the group without the failed item")
                .containsExactly(List.of("a", "bad", "c"), List.of("a", "c"));
    }

    @Test
    void anyOtherFailureFailsEveryCallerOfTheGroup() throws Exception {
        List<Object> answers = commitTogether(group -> {
            throw new IllegalStateException("the commit failed");
        }, 32, List.of("a", "b", "c"));
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isInstanceOf(IllegalStateException.class)
                .hasFieldOrPropertyWithValue("message", "the commit failed"));
        assertThat(groups.subList(1, groups.size())).containsExactly(List.of("a", "b", "c"));
        assertThatThrownBy(() -> new GroupCommit<String, String>(group -> group, 0))
                .hasMessageContaining("maxGroup");
    }

    @Test
    void noGroupIsLargerThanItsLimit() throws Exception {
        List<String> items = List.of("a", "b", "c", "d", "e", "f", "g");
        List<Object> answers = commitTogether(group -> group, 2, items);
        assertThat(answers).containsExactlyElementsOf(items);
        assertThat(groups.subList(1, groups.size())).containsExactly(List.of("a", "b"), List.of("c", "d"),
                List.of("e", "f"), List.of("g"));
    }

    /**
     * Commits the items from one caller each while a first caller's commit is held back until all of them wait, so
     * that they are the next groups (in the order they queued); answers each caller's result or failure.
     */
    private List<Object> commitTogether(GroupCommit.Committer<String, String> committer, int maxGroup,
                                        List<String> items) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> release = new CompletableFuture<>();
        GroupCommit<String, String> commit = new GroupCommit<>(group -> {
            groups.add(List.copyOf(group));
            if (group.equals(List.of("hold"))) {
                holding.countDown();
                release.join();
                return List.of("held");
            }
            return committer.commit(group);
        }, maxGroup);
        List<Object> answers = new ArrayList<>(Collections.nCopies(items.size(), null));
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> held = callers.submit(() -> commit.commit("hold"));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                futures.add(callers.submit(() -> {
                    try {
                        answers.set(index, commit.commit(items.get(index)));
                    } catch (RuntimeException e) {
                        answers.set(index, e);
                    }
                }));
                // one at a time, so that they queue in order
                while (commit.queued() < index + 1) {
                    Thread.onSpinWait();
                }
            }
            release.complete(null);
            assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("held");
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.SECONDS);
            }
        }
        return answers;
    }
}
