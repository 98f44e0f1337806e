package dev.junction.db.runs;

import dev.junction.db.MigratedDatabaseTestBase;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.engine.runs.ErrorCategory;
import dev.junction.engine.runs.RunStatus;
import dev.junction.engine.runs.StepError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each filter of the runs list, on runs written the way the engine writes them. */
class RunListFiltersTest extends MigratedDatabaseTestBase {

    private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private UUID orders;
    private UUID refunds;
    private RunQueries queries;

    @BeforeEach
    void twoWorkflows() {
        db.execute("truncate workflows, run_endings, run_views, run_list_columns cascade");
        queries = new RunQueries(db);
        orders = workflow("Orders");
        refunds = workflow("Refunds");
        version(orders, 1, "{\"trigger\": {\"kind\": \"manual\", \"config\": {}}, \"nodes\": []}");
        version(orders, 2, "{\"trigger\": {\"kind\": \"manual\", \"config\": {}}, \"nodes\": ["
                + "{\"id\": \"get\", \"kind\": \"connector\", \"config\": {\"connection\": \"amazon-eu\"}}]}");
        version(refunds, 1, "{\"trigger\": {\"kind\": \"poll\", \"config\": {\"connection\": \"amazon-eu\"}},"
                + " \"nodes\": []}");
        version(refunds, 2, "{\"trigger\": {\"kind\": \"webhook\", \"config\": {\"verification\":"
                + " {\"kind\": \"hmac-sha256\", \"connection\": \"shop-hmac\"}}}, \"nodes\": []}");
    }

    @Test
    void versionAndTriggerMatchExactly() {
        UUID first = run(orders, 1, "manual", "A", NOON);
        UUID second = run(orders, 2, "webhook", "B", NOON.plusMinutes(1));
        run(refunds, 2, "manual", "C", NOON.plusMinutes(2));

        assertThat(ids(RunsQuery.ofWorkflow(orders).withVersion(2))).containsExactly(second);
        assertThat(ids(RunsQuery.ofWorkflow(orders).withVersion(1))).containsExactly(first);
        assertThat(ids(RunsQuery.all().withTrigger("webhook"))).containsExactly(second);
    }

    @Test
    void aConnectionMatchesRunsOfVersionsThatUseItInANodeATriggerOrAWebhookCheck() {
        run(orders, 1, "manual", "no connection", NOON);
        UUID node = run(orders, 2, "manual", "node", NOON.plusMinutes(1));
        UUID poll = run(refunds, 1, "poll", "poll", NOON.plusMinutes(2));
        UUID webhook = run(refunds, 2, "webhook", "webhook", NOON.plusMinutes(3));

        assertThat(ids(RunsQuery.all().withConnection("amazon-eu"))).containsExactly(poll, node);
        assertThat(ids(RunsQuery.all().withConnection("shop-hmac"))).containsExactly(webhook);
        assertThat(ids(RunsQuery.all().withConnection("amazon"))).isEmpty();
        assertThat(ids(RunsQuery.ofWorkflow(orders).withConnection("amazon-eu"))).containsExactly(node);
    }

    @Test
    void aCategoryMatchesTheCategoryOfTheErrorClassTheRunEndedWith() {
        UUID limited = run(orders, 1, "manual", "limited", NOON);
        UUID expression = run(orders, 1, "manual", "expression", NOON.plusMinutes(1));
        UUID refused = run(orders, 1, "manual", "refused", NOON.plusMinutes(2));
        UUID fine = run(orders, 1, "manual", "fine", NOON.plusMinutes(3));
        end(limited, RunStatus.DEAD_LETTERED, new StepError("RateLimited", "429"));
        end(expression, RunStatus.DEAD_LETTERED, new StepError("ExpressionFailed", "x is undefined"));
        end(refused, RunStatus.DEAD_LETTERED, new StepError("SomethingNew", "?"));
        end(fine, RunStatus.SUCCEEDED, null);

        assertThat(ids(RunsQuery.all().withCategory(ErrorCategory.RATE_LIMIT))).containsExactly(limited);
        assertThat(ids(RunsQuery.all().withCategory(ErrorCategory.VALIDATION))).containsExactly(expression);
        assertThat(ids(RunsQuery.all().withCategory(ErrorCategory.OTHER))).containsExactly(refused);
        assertThat(ids(RunsQuery.all().withErrorClass("RateLimited"))).containsExactly(limited);
    }

    @Test
    void statusBusinessKeyAndTimeCombine() {
        UUID early = run(orders, 1, "manual", "UK-1", NOON);
        UUID late = run(orders, 1, "manual", "UK-1", NOON.plusHours(2));
        run(orders, 1, "manual", "UK-2", NOON.plusHours(2));
        end(late, RunStatus.DEAD_LETTERED, new StepError("Timeout", "slow"));

        assertThat(ids(RunsQuery.all().withBusinessKey("UK-1"))).containsExactly(late, early);
        assertThat(ids(RunsQuery.all().withBusinessKey("UK"))).isEmpty();
        assertThat(ids(RunsQuery.all().withBusinessKey("UK-1").withTime(NOON.toInstant(),
                NOON.plusHours(2).toInstant()))).containsExactly(early);
        assertThat(ids(RunsQuery.ofStatuses(RunStatus.DEAD_LETTERED, RunStatus.FAILED).withWorkflow(orders)))
                .containsExactly(late);
    }

    @Test
    void theCountStopsAtItsCapAndTheWalkVisitsEveryMatchingRunOnce() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(run(orders, 1, "manual", "k" + i, NOON.plusSeconds(i)));
        }
        run(refunds, 1, "manual", "other", NOON);

        assertThat(queries.count(RunsQuery.ofWorkflow(orders).toFilter(), 100)).isEqualTo(7);
        assertThat(queries.count(RunsQuery.ofWorkflow(orders).toFilter(), 5)).isEqualTo(5);
        List<UUID> walked = new ArrayList<>();
        queries.forEach(RunsQuery.ofWorkflow(orders).toFilter(), 3, run -> walked.add(run.id()));
        assertThat(walked).containsExactlyElementsOf(made.reversed());
    }

    @Test
    void savedViewsBelongToTheirOwnerAndASecondSaveOfANameReplacesIt() {
        RunViews views = new RunViews(db);
        RunsQuery failing = RunsQuery.ofStatuses(RunStatus.DEAD_LETTERED).withBusinessKey("UK-1")
                .withView(UUID.randomUUID());

        SavedRunView saved = views.save("ops", "UK orders failing", failing, List.of("status", "businessKey"));
        SavedRunView again = views.save("ops", "uk ORDERS failing", failing.withWorkflow(orders), List.of("status"));
        views.save("admin", "UK orders failing", RunsQuery.all(), List.of());

        assertThat(again.id()).isEqualTo(saved.id());
        assertThat(views.list("ops")).singleElement().satisfies(view -> {
            assertThat(view.query()).isEqualTo(failing.withWorkflow(orders).withView(null));
            assertThat(view.columns()).containsExactly("status");
            assertThat(view.path()).contains("view=" + saved.id()).contains("businessKey=UK-1");
        });
        assertThat(views.find("admin", saved.id())).isEmpty();
        assertThat(views.delete("admin", saved.id())).isFalse();
        assertThat(views.delete("ops", saved.id())).isTrue();
        assertThat(views.list("ops")).isEmpty();

        assertThat(views.columns("ops")).isEmpty();
        views.saveColumns("ops", List.of("created", "status"));
        views.saveColumns("ops", List.of("status", "error"));
        assertThat(views.columns("ops")).contains(List.of("status", "error"));
    }

    private List<UUID> ids(RunsQuery query) {
        return queries.list(query.toFilter(), null, 50).items().stream().map(RunSummary::id).toList();
    }

    private static UUID workflow(String name) {
        return new WorkflowRepository(db).insert(name + " " + UUID.randomUUID(), "", "test").orElseThrow().id();
    }

    private static void version(UUID workflow, int version, String definition) {
        db.execute("insert into workflow_versions (workflow_id, version, definition, created_by)"
                + " values (?, ?, ?::jsonb, 'test') on conflict (workflow_id, version) do update"
                + " set definition = excluded.definition", workflow, version, definition);
    }

    private static UUID run(UUID workflow, int version, String trigger, String businessKey, OffsetDateTime created) {
        UUID id = UUID.randomUUID();
        db.execute("insert into runs (id, workflow_id, workflow_version, trigger_kind, business_key, created_at)"
                + " values (?, ?, ?, ?, ?, ?::timestamptz)", id, workflow, version, trigger, businessKey,
                created.toString());
        return id;
    }

    private static void end(UUID run, RunStatus status, StepError error) {
        db.transaction(configuration -> RunEnding.finish(configuration.dsl(), run, status, null, error));
    }

}
