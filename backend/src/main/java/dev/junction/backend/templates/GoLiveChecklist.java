package dev.junction.backend.templates;

import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.mappings.MappingTestCaseService;
import dev.junction.backend.workflows.PublishGate;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.db.connections.ConnectionRepository;
import dev.junction.db.connections.StoredConnection;
import dev.junction.db.templates.TemplateRepository;
import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.TriggerKind;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The go-live checklist of a workflow version. Required before publishing: {@code connections-tested} (the latest
 * test of every connection the version names passed), {@code no-problems} (the validator finds none),
 * {@code tests-passing} (the test cases of the stored mappings it uses pass) and {@code trigger-configured} (a
 * webhook, schedule or polling trigger: a manual one starts nothing by itself — required of a workflow installed
 * from a template; of a hand-made one only recommended, since a manual trigger is how a workflow runs on demand, by
 * hand or through {@code POST /api/v1/workflows/{id}/runs}). Recommended: {@code alert-rule} (an enabled alert rule
 * watches the workflow) and {@code owner} (someone answers for it).
 *
 * <p>As a {@link PublishGate} it refuses making a version live (publish, rollback) while a required item is open,
 * when the version goes live for real: the workflow was <em>installed from a template</em>, or the version uses a
 * <em>production</em> connection. A workflow on sandbox connections only shows its checklist but publishes freely, so
 * that trying things out on the sandbox stays one click.
 *
 * <p>It reads no version itself: it is handed the {@link StoredDefinition} it is about, as whoever asks has read and
 * validated it (the publish path, the REST read of the latest version, the designer's save), so that a publish
 * reads and validates the version once.
 */
@Component
class GoLiveChecklist implements PublishGate {

    static final String CONNECTIONS_TESTED = "connections-tested";
    static final String NO_PROBLEMS = "no-problems";
    static final String TESTS_PASSING = "tests-passing";
    static final String TRIGGER_CONFIGURED = "trigger-configured";
    static final String ALERT_RULE = "alert-rule";
    static final String OWNER = "owner";

    private final MappingTestCaseService mappingTests;
    private final TemplateRepository store;
    private final ConnectionRepository connections;

    GoLiveChecklist(MappingTestCaseService mappingTests, TemplateRepository store, ConnectionRepository connections) {
        this.mappingTests = mappingTests;
        this.store = store;
        this.connections = connections;
    }

    /** The checklist of {@code stored}, as read and validated by whoever hands it over (never read again here). */
    Readiness of(StoredDefinition stored) {
        UUID workflowId = stored.version().workflowId();
        Set<String> named = connectionIds(stored);
        var installation = store.installation(workflowId);
        List<String> production = production(named);
        boolean gated = installation.isPresent() || !production.isEmpty();
        String gate = installation.isPresent()
                ? "Installed from a template: the required items gate publish"
                : !production.isEmpty()
                ? "Uses production " + (production.size() == 1 ? "connection " : "connections ")
                + String.join(", ", production) + ": the required items gate publish"
                : "Sandbox only: not gating publish";
        List<ReadinessItem> items = new ArrayList<>();
        items.add(connectionsTested(named));
        int problems = stored.problems().size();
        items.add(new ReadinessItem(NO_PROBLEMS, "No problems", problems == 0, true, problems == 0
                ? "The validator finds nothing to fix"
                : problems + (problems == 1 ? " problem" : " problems") + " to fix, e.g. "
                + stored.problems().getFirst().path() + ": " + stored.problems().getFirst().message()));
        items.add(testsPassing(stored));
        items.add(triggerConfigured(stored, installation.isPresent()));
        int rules = store.enabledAlertRules(workflowId);
        items.add(new ReadinessItem(ALERT_RULE, "Alert rule attached", rules > 0, false, rules > 0
                ? rules + (rules == 1 ? " alert rule watches" : " alert rules watch") + " this workflow"
                : "Attach an alert rule (e.g. run failed) so that someone hears of failures"));
        var owner = store.owner(workflowId);
        items.add(new ReadinessItem(OWNER, "Owner set", owner.isPresent(), false,
                owner.map(name -> name + " answers for this workflow")
                        .orElse("Set who answers for this workflow")));
        boolean ready = items.stream().allMatch(item -> item.done() || !item.required());
        return new Readiness(workflowId, stored.version().version(), items, ready, gated, gate);
    }

    @Override
    public List<FieldProblem> refusals(StoredDefinition version) {
        // whether the checklist gates this version is cheap to tell; its items (mapping tests run) only when it does
        if (store.installation(version.version().workflowId()).isEmpty()
                && production(connectionIds(version)).isEmpty()) {
            return List.of();
        }
        return of(version).items().stream().filter(item -> item.required() && !item.done())
                .map(item -> new FieldProblem("readiness." + item.key(), item.label() + ": " + item.hint()))
                .toList();
    }

    /** Those of {@code ids} that name a production connection. */
    private List<String> production(Set<String> ids) {
        return ids.stream().filter(id -> connections.find(id).map(StoredConnection::environment)
                .filter("production"::equals).isPresent()).toList();
    }

    private static Set<String> connectionIds(StoredDefinition stored) {
        return ConnectionReferences.ids(stored.definition());
    }

    private ReadinessItem connectionsTested(Set<String> ids) {
        List<String> untested = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (String id : ids) {
            var stage = store.latestTestStage(id);
            if (stage.isEmpty()) {
                untested.add(id);
            } else if (!"OK".equals(stage.get())) {
                failing.add(id + " (" + stage.get() + ")");
            }
        }
        boolean done = untested.isEmpty() && failing.isEmpty();
        String hint = ids.isEmpty() ? "The workflow uses no connection"
                : done ? "Tested: " + String.join(", ", ids)
                : (untested.isEmpty() ? "" : "Test " + String.join(", ", untested) + ". ")
                + (failing.isEmpty() ? "" : "Last test failed: " + String.join(", ", failing));
        return new ReadinessItem(CONNECTIONS_TESTED, "Connections tested", done, true, hint.strip());
    }

    private ReadinessItem testsPassing(StoredDefinition stored) {
        int cases = 0;
        List<String> failed = new ArrayList<>();
        for (Node node : stored.definition().nodes()) {
            if ("map".equals(node.type()) && node.config().get("mapping") instanceof String id) {
                UUID mappingId;
                try {
                    mappingId = UUID.fromString(id);
                } catch (IllegalArgumentException e) {
                    continue; // not a stored mapping: the validator reports it
                }
                List<MappingTestCaseService.TestRun> runs;
                try {
                    runs = mappingTests.run(mappingId, null);
                } catch (dev.junction.backend.api.NotFoundException e) {
                    continue; // no such mapping: the validator reports it
                }
                for (var run : runs) {
                    cases++;
                    if (!run.passed()) {
                        failed.add(node.id() + ": " + run.name());
                    }
                }
            }
        }
        String hint = failed.isEmpty() ? (cases == 0 ? "No mapping test cases to run"
                : cases + (cases == 1 ? " test case passes" : " test cases pass"))
                : failed.size() + " of " + cases + " test cases fail: " + String.join(", ", failed);
        return new ReadinessItem(TESTS_PASSING, "Tests passing", failed.isEmpty(), true, hint);
    }

    private static ReadinessItem triggerConfigured(StoredDefinition stored, boolean installed) {
        TriggerKind kind = stored.definition().trigger().kind();
        boolean done = kind != TriggerKind.MANUAL;
        String hint = switch (kind) {
            case MANUAL -> "A manual trigger runs only on demand (by hand or through the API): choose a webhook,"
                    + " schedule or polling trigger to run unattended";
            case WEBHOOK -> "Runs start from the workflow's webhook address";
            case SCHEDULE -> "Runs start on the schedule " + stored.definition().trigger().config().get("cron");
            case POLLING -> "Runs start from polling " + stored.definition().trigger().config().get("operation");
        };
        return new ReadinessItem(TRIGGER_CONFIGURED, "Trigger configured", done, installed, hint);
    }
}
