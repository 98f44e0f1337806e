package dev.junction.db.runs;

import dev.junction.db.MigratedDatabaseTestBase;
import dev.junction.db.errors.ErrorGroup;
import dev.junction.db.errors.ErrorGroupFilter;
import dev.junction.db.errors.ErrorGroups;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.engine.runs.NextTask;
import dev.junction.engine.runs.RunStatus;
import dev.junction.engine.runs.StepError;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures grouped by fingerprint as runs end, and resolved when a later run for the same business key succeeds. */
class ErrorGroupingTest extends MigratedDatabaseTestBase {

    private UUID workflowId;
    private ErrorGroups groups;

    @BeforeEach
    void oneWorkflow() {
        db.execute("truncate workflows, run_endings, error_groups cascade");
        workflowId = workflow();
        groups = new ErrorGroups(db);
    }

    @Test
    void thirtyRateLimitedAndTwentyValidationFailuresMakeTwoGroupsOf30And20() {
        for (int i = 0; i < 30; i++) {
            fail(workflowId, "order-" + i, "send", RunStatus.DEAD_LETTERED, new StepError("RateLimited",
                    "the remote answered 429 Too Many Requests; retry after " + (i + 1) + " s"));
        }
        for (int i = 0; i < 20; i++) {
            fail(workflowId, "order-" + (i % 5), "send", RunStatus.FAILED, new StepError("RemoteValidation",
                    "Opayo answered HTTP 422: vendorTxCode JUN-" + (8800 + i) + " is not valid for amount " + i));
        }

        List<ErrorGroup> list = groups.list(new ErrorGroupFilter(null, null, workflowId, null), 10);
        assertThat(list).extracting(group -> group.category() + " " + group.errorClass() + " " + group.failures()
                        + " " + group.openFailures() + " " + group.affectedKeys() + " " + group.state())
                .containsExactlyInAnyOrder("rate_limit RateLimited 30 30 30 open",
                        "validation RemoteValidation 20 20 5 open");
        ErrorGroup validation = groups.list(new ErrorGroupFilter("open", "validation", workflowId, null), 10)
                .getFirst();
        assertThat(validation.messageTemplate())
                .isEqualTo("Opayo answered HTTP <n>: vendorTxCode <id> is not valid for amount <n>");
        assertThat(validation.nodeId()).isEqualTo("send");
        assertThat(validation.firstSeenAt()).isBeforeOrEqualTo(validation.lastSeenAt());
        assertThat(groups.businessKeys(validation.id(), 3)).hasSize(3);
        assertThat(groups.runs(validation.id(), false, 0, 50)).hasSize(20);
        assertThat(groups.countReplayable(validation.id())).isEqualTo(20);
    }

    @Test
    void theSameMessageAtAnotherStepOrInAnotherWorkflowIsAnotherGroup() {
        StepError error = new StepError("RateLimited", "retry after 3 s");
        fail(workflowId, "a", "send", RunStatus.DEAD_LETTERED, error);
        fail(workflowId, "b", "fetch", RunStatus.DEAD_LETTERED, error);
        fail(workflow(), "c", "send", RunStatus.DEAD_LETTERED, error);
        fail(workflowId, "d", "send", RunStatus.DEAD_LETTERED, new StepError("Timeout", "retry after 3 s"));
        fail(workflowId, "e", "send", RunStatus.DEAD_LETTERED, new StepError("RateLimited", "retry after 9 s"));

        assertThat(db.fetchCount(DSL.table("error_groups"))).isEqualTo(4);
    }

    @Test
    void aLaterSuccessForEachBusinessKeyResolvesTheGroupAutomatically() {
        fail(workflowId, "206-1", "send", RunStatus.DEAD_LETTERED, new StepError("RateLimited", "retry after 1 s"));
        fail(workflowId, "206-2", "send", RunStatus.DEAD_LETTERED, new StepError("RateLimited", "retry after 2 s"));
        UUID groupId = onlyGroup().id();

        succeed(workflow(), "206-1");
        succeed(workflowId, "206-9");
        succeed(workflowId, "206-1", "test");
        assertThat(onlyGroup().openFailures()).as("another workflow, another key and a test run resolve nothing")
                .isEqualTo(2);

        succeed(workflowId, "206-1");
        assertThat(onlyGroup().openFailures()).isEqualTo(1);
        assertThat(onlyGroup().state()).isEqualTo("open");

        succeed(workflowId, "206-2");
        ErrorGroup resolved = groups.find(groupId).orElseThrow();
        assertThat(resolved.state()).isEqualTo("resolved");
        assertThat(resolved.openFailures()).isZero();
        assertThat(resolved.resolutionNote()).isEqualTo("resolved automatically: a later run for 206-2 succeeded");
        assertThat(resolved.resolvedAt()).isNotNull();

        fail(workflowId, "206-3", "send", RunStatus.DEAD_LETTERED, new StepError("RateLimited", "retry after 5 s"));
        ErrorGroup reopened = groups.find(groupId).orElseThrow();
        assertThat(reopened.state()).as("a new failure of the kind opens the group again").isEqualTo("open");
        assertThat(reopened.failures()).isEqualTo(3);
        assertThat(reopened.resolutionNote()).isNull();
    }

    @Test
    void aReplayedRunThatSucceedsResolvesItsOwnFailureAndAPendingReplayIsARetry() {
        UUID runId = fail(workflowId, null, "send", RunStatus.DEAD_LETTERED, new StepError("Timeout", "after 30 s"));
        UUID groupId = onlyGroup().id();
        OffsetDateTime due = OffsetDateTime.of(2030, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

        assertThat(new RunControl(db).replay(runId, run -> Optional.of(new RunControl.ReplayPlan(1,
                List.of(NextTask.of("send")), false)), "no", due)).isInstanceOf(RunControl.Outcome.Done.class);
        assertThat(db.fetchOne("select due_at from step_tasks where run_id = ?", runId)
                .get(0, OffsetDateTime.class).toInstant()).as("the replay waits for its turn in the bulk")
                .isEqualTo(due.toInstant());
        assertThat(onlyGroup().pendingRetries()).isEqualTo(1);
        assertThat(groups.runs(groupId, true, 0, 10)).extracting(run -> run.runId() + " " + run.nextDueAt()
                .toInstant()).containsExactly(runId + " " + due.toInstant());

        db.transaction(configuration -> RunEnding.finish(configuration.dsl(), runId, RunStatus.SUCCEEDED, null,
                null));
        ErrorGroup group = onlyGroup();
        assertThat(group.state()).isEqualTo("resolved");
        assertThat(group.pendingRetries()).isZero();
        assertThat(group.resolutionNote()).isEqualTo("resolved automatically: a replay of run " + runId
                + " succeeded");
    }

    @Test
    void aSucceededEditedRetryResolvesTheFailureOfTheRunItRetries() {
        UUID original = fail(workflowId, null, "send", RunStatus.DEAD_LETTERED, new StepError("InvalidInput",
                "sku is missing"));
        UUID retry = run(workflowId, null, "manual");
        new RunLineage(db).markReplayOf(retry, original);
        assertThat(new RunLineage(db).replayOf(retry)).contains(original);

        db.transaction(configuration -> RunEnding.finish(configuration.dsl(), retry, RunStatus.SUCCEEDED, null,
                null));
        assertThat(onlyGroup().state()).isEqualTo("resolved");
    }

    @Test
    void peopleAssignTagResolveAndReopen() {
        fail(workflowId, "k", "send", RunStatus.FAILED, new StepError("NotFound", "no order 42"));
        UUID id = onlyGroup().id();

        groups.assign(id, "ops");
        groups.tag(id, List.of("amazon", "p1"));
        assertThat(groups.list(new ErrorGroupFilter(null, null, null, "OPS"), 10)).extracting(ErrorGroup::id)
                .contains(id);
        groups.resolve(id, "fixed the SKU table", "admin");
        ErrorGroup resolved = onlyGroup();
        assertThat(resolved.tags()).containsExactly("amazon", "p1");
        assertThat(resolved.state() + " " + resolved.resolvedBy() + " " + resolved.resolutionNote() + " "
                + resolved.openFailures()).isEqualTo("resolved admin fixed the SKU table 0");
        groups.reopen(id);
        assertThat(onlyGroup().state()).isEqualTo("open");
    }

    private ErrorGroup onlyGroup() {
        List<ErrorGroup> list = groups.list(new ErrorGroupFilter(null, null, workflowId, null), 10);
        assertThat(list).hasSize(1);
        return list.getFirst();
    }

    private UUID workflow() {
        return new WorkflowRepository(db).insert("Orders " + UUID.randomUUID(), "", "test").orElseThrow().id();
    }

    private UUID run(UUID workflow, String businessKey, String trigger) {
        UUID id = UUID.randomUUID();
        db.execute("insert into runs (id, workflow_id, workflow_version, trigger_kind, business_key, status)"
                + " values (?, ?, 1, ?, ?, 'running')", id, workflow, trigger, businessKey);
        return id;
    }

    private UUID fail(UUID workflow, String businessKey, String nodeId, RunStatus status, StepError error) {
        UUID id = run(workflow, businessKey, "webhook");
        db.execute("update runs set failed_node_id = ? where id = ?", nodeId, id);
        db.transaction(configuration -> RunEnding.finish(configuration.dsl(), id, status, null, error));
        return id;
    }

    private void succeed(UUID workflow, String businessKey) {
        succeed(workflow, businessKey, "webhook");
    }

    private void succeed(UUID workflow, String businessKey, String trigger) {
        UUID id = run(workflow, businessKey, trigger);
        db.transaction(configuration -> RunEnding.finish(configuration.dsl(), id, RunStatus.SUCCEEDED, null, null));
    }
}
