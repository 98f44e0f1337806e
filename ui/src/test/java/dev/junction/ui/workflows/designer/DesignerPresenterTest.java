package dev.junction.ui.workflows.designer;

import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.db.audit.AuditLogRepository;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.workflows.designer.DesignerContract.Conflict;
import dev.junction.ui.workflows.designer.DesignerContract.Permissions;
import dev.junction.ui.workflows.designer.DesignerContract.Problem;
import dev.junction.ui.workflows.designer.DesignerContract.Published;
import dev.junction.ui.workflows.designer.DesignerContract.Refused;
import dev.junction.ui.workflows.designer.DesignerContract.Saved;
import dev.junction.ui.workflows.designer.DesignerContract.VersionInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The designer's channel without a browser: states, validate, save, publish, versions, refusals — on real services. */
@SpringBootTest(classes = DesignerTestApplication.class)
class DesignerPresenterTest {

    static final String VALID = """
            {"schemaVersion": 1,
             "trigger": {"kind": "webhook", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "toOrder", "type": "script", "name": "To order", "config": {"code": "return input;"},
                "position": {"x": 250, "y": 0}},
               {"id": "tellOps", "type": "notify", "name": "Tell ops",
                "config": {"channel": "log", "message": "order sent"}, "position": {"x": 500, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "toOrder"},
                       {"from": "toOrder", "fromPort": "out", "to": "tellOps"}]}""";

    static final String BROKEN_SCRIPT = VALID.replace("return input;", "return (;");

    @Autowired
    DesignerPresenters presenters;
    @Autowired
    WorkflowService workflows;
    @Autowired
    WorkflowVersionService versions;
    @Autowired
    dev.junction.backend.catalog.CatalogService catalog;
    @Autowired
    AuditLogRepository auditLog;
    @Autowired
    dev.junction.backend.runs.RunService runs;
    @Autowired
    dev.junction.ui.workflows.readiness.ReadinessServices readinessServices;

    UUID workflowId;

    @BeforeEach
    void aNewWorkflowAsADesigner() {
        SignedIn.as("dana", "DESIGNER");
        workflowId = workflows.create("Designed " + UUID.randomUUID(), "").id();
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void theDesignerGetsTheCatalogItReadsWithoutTheMappingEditorsParts() {
        dev.junction.backend.catalog.Catalog full = catalog.catalog();
        dev.junction.backend.catalog.Catalog designer =
                (dev.junction.backend.catalog.Catalog) presenters.forWorkflow(workflowId).editing().catalog();

        assertThat(designer.nodeKinds()).isEqualTo(full.nodeKinds());
        assertThat(designer.triggerKinds()).isEqualTo(full.triggerKinds());
        assertThat(full.schemas()).isNotEmpty();
        assertThat(designer.functions()).isEmpty();
        assertThat(designer.valueMaps()).isEmpty();
        assertThat(designer.schemas()).isEmpty();
        // the connectors and their operations as the palette, canvas and pickers read them, without the schemas
        assertThat(designer.connectors()).isNotEmpty().hasSameSizeAs(full.connectors());
        for (int i = 0; i < full.connectors().size(); i++) {
            dev.junction.backend.catalog.Catalog.Connector all = full.connectors().get(i);
            dev.junction.backend.catalog.Catalog.Connector shown = designer.connectors().get(i);
            assertThat(shown).usingRecursiveComparison().ignoringFields("operations").isEqualTo(all);
            assertThat(shown.operations()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("inputSchema",
                    "outputSchema").isEqualTo(all.operations());
            assertThat(shown.operations()).allSatisfy(operation -> {
                assertThat(operation.inputSchema()).isNull();
                assertThat(operation.outputSchema()).isNull();
            });
        }
        assertThat(dev.junction.ui.shared.ChannelJson.answer(designer).length())
                .isLessThan(dev.junction.ui.shared.ChannelJson.answer(new dev.junction.backend.catalog.Catalog(
                        full.nodeKinds(), full.triggerKinds(), full.connectors(), List.of(), List.of(), List.of()))
                        .length() / 2);
    }

    @Test
    void anOperationsSchemasComeWhenThePageAsksForThem() {
        dev.junction.backend.catalog.Catalog full = catalog.catalog();
        dev.junction.backend.catalog.Catalog.Connector connector = full.connectors().stream()
                .filter(candidate -> candidate.operations().size() > 1).findFirst().orElseThrow();
        dev.junction.backend.catalog.Catalog.Operation first = connector.operations().get(0);
        dev.junction.backend.catalog.Catalog.Operation second = connector.operations().get(1);
        EditingPresenter editing = presenters.forWorkflow(workflowId).editing();

        List<DesignerContract.OperationSchemas> answer = editing.operationSchemas(List.of(
                new DesignerContract.OperationKey(connector.id(), first.id()),
                new DesignerContract.OperationKey(connector.id(), "noSuchOperation"),
                new DesignerContract.OperationKey("no-such-connector", first.id()),
                new DesignerContract.OperationKey(connector.id(), second.id()),
                new DesignerContract.OperationKey(connector.id(), first.id())));

        assertThat(answer).containsExactly(
                new DesignerContract.OperationSchemas(connector.id(), first.id(), first.inputSchema(),
                        first.outputSchema()),
                new DesignerContract.OperationSchemas(connector.id(), second.id(), second.inputSchema(),
                        second.outputSchema()));
        assertThat(first.inputSchema()).isNotEmpty();
        assertThat(editing.operationSchemas(List.of())).isEmpty();

        // through the page's channel: JSON in, JSON out; what is not a list of operations answers none
        DesignerComponent component = new DesignerComponent(presenters.forWorkflow(workflowId));
        tools.jackson.databind.JsonNode viaChannel = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(component.operationSchemas("[{\"connector\": \"" + connector.id() + "\", \"operation\": \""
                        + first.id() + "\"}]"));
        assertThat(viaChannel.size()).isOne();
        assertThat(viaChannel.get(0).get("operation").asString()).isEqualTo(first.id());
        assertThat(viaChannel.get(0).get("inputSchema").isObject()).isTrue();
        assertThat(component.operationSchemas("\"not a list\"")).isEqualTo("[]");
        assertThat(component.operationSchemas(null)).isEqualTo("[]");
    }

    @Test
    void theOpenedDocumentComesWithItsProblems() {
        versions.save(workflowId, 1, BROKEN_SCRIPT, "broken");
        EditingPresenter editing = presenters.forWorkflow(workflowId).editing();

        EditingPresenter.Opening opening = editing.opening();
        assertThat(opening.document()).isEqualTo(editing.document());
        assertThat(opening.problems()).isEqualTo(editing.validate(PayloadJson.write(opening.document())))
                .extracting(Problem::nodeId).containsExactly("toOrder");
    }

    @Test
    void aNewWorkflowOpensOnItsManualTriggerWithVersionOneAsTheBase() {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);

        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) presenter.editing().document();
        assertThat(document.get("trigger")).asString().contains("kind=manual");
        assertThat(document.get("nodes")).isEqualTo(List.of());
        assertThat(presenter.editing().workflow().baseVersion()).isEqualTo(1);
        assertThat(presenter.editing().workflow().publishedVersion()).isNull();
        assertThat(presenter.editing().permissions()).isEqualTo(new Permissions(true, true, true));
        assertThat(presenter.editing().options().workflows()).noneMatch(named -> named.id().equals(workflowId.toString()));
    }

    @Test
    void aProblemNamesItsNodeAndTheFieldInsideIt() {
        List<Problem> problems = presenters.forWorkflow(workflowId).editing().validate(BROKEN_SCRIPT);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.nodeId()).isEqualTo("toOrder");
            assertThat(problem.field()).isEqualTo("config.code");
            assertThat(problem.path()).isEqualTo("$.nodes[0].config.code");
        });
        assertThat(presenters.forWorkflow(workflowId).editing().validate(VALID)).isEmpty();
    }

    @Test
    void aDocumentThatIsNoDefinitionIsAnsweredWithItsShapeProblems() {
        List<Problem> problems = presenters.forWorkflow(workflowId).editing().validate("{\"schemaVersion\": 1, \"nodes\": []}");

        assertThat(problems).extracting(Problem::path).contains("$.trigger");
    }

    @Test
    void saveMakesANewVersionAndPublishRefusesAVersionWithProblemsNamingThem() {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);

        Saved saved = (Saved) presenter.editing().save(BROKEN_SCRIPT, 1, "first try");
        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.problems()).extracting(Problem::nodeId).containsExactly("toOrder");
        Refused refused = (Refused) presenter.versions().publish(2);
        assertThat(refused.problems()).extracting(Problem::field).containsExactly("config.code");

        Saved fixed = (Saved) presenter.editing().save(VALID, 2, "fixed");
        assertThat(presenter.versions().publish(fixed.version())).isEqualTo(new Published(3));
        assertThat(presenter.editing().workflow().publishedVersion()).isEqualTo(3);
        assertThat(presenter.versions().list()).extracting(VersionInfo::version, VersionInfo::published, VersionInfo::comment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, true, "fixed"),
                        org.assertj.core.groups.Tuple.tuple(2, false, "first try"),
                        org.assertj.core.groups.Tuple.tuple(1, false, "Created"));
    }

    @Test
    void theDesignersSaveAnswersTheStoredDocumentOnlyWhenThePageDoesNotHaveIt() {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);

        Saved asSent = (Saved) presenter.editing().saveWorkingCopy(VALID, 1, "as sent");
        assertThat(asSent.version()).isEqualTo(2);
        assertThat(asSent.document()).isNull();
        assertThat(asSent.problems()).isEmpty();
        // what the page kept is what opening the workflow again shows
        assertThat(presenter.editing().document()).isEqualTo(EditingPresenter.plain(DefinitionJson.read(VALID)));

        // spelled otherwise (the default port left out), the same definition: not sent back either
        String withoutPorts = VALID.replace("\"fromPort\": \"out\", ", "");
        Saved respelled = (Saved) presenter.editing().saveWorkingCopy(withoutPorts, 2, "no ports");
        assertThat(respelled.document()).isNull();
        assertThat(presenter.editing().document()).isEqualTo(EditingPresenter.plain(DefinitionJson.read(withoutPorts)));

        // a restore makes a document the page does not have: it comes back whole
        Saved restored = (Saved) presenter.versions().restore(2, 3);
        assertThat(restored.document()).isEqualTo(EditingPresenter.plain(DefinitionJson.read(VALID)));
        // and so does the save of a working copy the page cannot keep as it is (someone saved since: the merge)
        assertThat(presenter.editing().saveWorkingCopy(BROKEN_SCRIPT, 3, "stale")).isInstanceOf(Conflict.class);
    }

    @Test
    void aSaveWithoutABaseVersionIsRefusedNamingTheField() {
        Refused refused = (Refused) presenters.forWorkflow(workflowId).editing().save(VALID, null, "");

        assertThat(refused.problems()).extracting(Problem::path).containsExactly("baseVersion");
        assertThat(versions.list(workflowId)).hasSize(1);
    }

    @Test
    void aViewerReadsButEveryChangeIsRefusedAndRecorded() {
        SignedIn.as("vic", "VIEWER");
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);
        assertThat(presenter.editing().permissions()).isEqualTo(new Permissions(false, false, false));
        assertThat(presenter.editing().connections()).isEmpty();

        assertThat(presenter.editing().save(VALID, 1, "sneaky")).isEqualTo(new Refused(Refusals.NOT_ALLOWED, List.of()));
        assertThat(presenter.versions().publish(1)).isInstanceOf(Refused.class);

        SignedIn.as("dana", "DESIGNER");
        assertThat(versions.list(workflowId)).hasSize(1);
        assertThat(workflows.get(workflowId).publishedVersion()).isNull();
        assertThat(auditLog.forEntity("workflow", workflowId.toString(), 10))
                .filteredOn(entry -> entry.action().equals("workflow.edit-refused"))
                .extracting(entry -> entry.actor() + " " + entry.detailsJson().replaceAll("\\s", ""))
                .containsExactlyInAnyOrder("vic {\"roles\":\"VIEWER\",\"method\":\"publish\"}",
                        "vic {\"roles\":\"VIEWER\",\"method\":\"save\"}");
    }

    @Test
    void aSaveHandsTheVersionItSavedToWhatThePageDrawsAgain() {
        DesignerComponent component = new DesignerComponent(presenters.forWorkflow(workflowId));
        List<dev.junction.backend.workflows.StoredDefinition> handed = new java.util.ArrayList<>();
        component.addChangeListener(handed::add);

        component.save(BROKEN_SCRIPT, "1", "\"broken\"");
        // the go-live checklist under the title is drawn from the save's own reading and validation of version 2
        assertThat(handed).singleElement().satisfies(saved -> {
            assertThat(saved.version().workflowId()).isEqualTo(workflowId);
            assertThat(saved.version().version()).isEqualTo(2);
            assertThat(saved.definition()).isEqualTo(DefinitionJson.read(BROKEN_SCRIPT));
            assertThat(saved.problems()).extracting(problem -> problem.nodeId()).containsExactly("toOrder");
        });

        component.restore("1", "2");
        assertThat(handed).hasSize(2);
        assertThat(handed.get(1).version().version()).isEqualTo(3);
        assertThat(handed.get(1).definition()).isEqualTo(versions.get(workflowId, 1).definition());

        // a save refused, or one that answers a merge first, hands nothing over
        component.save(VALID, "1", "\"stale\"");
        component.save(VALID, "null", "\"\"");
        assertThat(handed).hasSize(2);
    }

    @Test
    void theChecklistUnderTheTitleShowsTheVersionTheSaveHandsOver() {
        // wired as the workflow page wires them (ReadinessOnWorkflowPages)
        DesignerComponent component = new DesignerComponent(presenters.forWorkflow(workflowId));
        dev.junction.ui.workflows.readiness.ReadinessPanel panel = new dev.junction.ui.workflows.readiness
                .ReadinessPanel(readinessServices, workflowId, () -> { }, () -> { });
        component.addChangeListener(panel::show);

        component.save(BROKEN_SCRIPT, "1", "\"broken\"");
        com.vaadin.flow.dom.Element noProblems = checklistItem(panel, "no-problems");
        assertThat(noProblems.getAttribute("data-done")).isEqualTo("false");
        assertThat(noProblems.getAttribute("title")).startsWith("1 problem to fix, e.g. ");

        component.save(VALID, "2", "\"fixed\"");
        assertThat(checklistItem(panel, "no-problems").getAttribute("data-done")).isEqualTo("true");
    }

    private static com.vaadin.flow.dom.Element checklistItem(com.vaadin.flow.component.Component panel, String key) {
        return descendants(panel.getElement())
                .filter(element -> "checklist-item".equals(element.getAttribute("data-testid"))
                        && key.equals(element.getAttribute("data-key")))
                .findFirst().orElseThrow(() -> new AssertionError("no checklist item " + key));
    }

    private static java.util.stream.Stream<com.vaadin.flow.dom.Element> descendants(com.vaadin.flow.dom.Element element) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(element),
                element.getChildren().flatMap(DesignerPresenterTest::descendants));
    }

    @Test
    void theComponentDecodesJsonArgumentsAndAnswersTheContractsJson() {
        DesignerComponent component = new DesignerComponent(presenters.forWorkflow(workflowId));
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

        tools.jackson.databind.JsonNode problems = json.readTree(component.validate(BROKEN_SCRIPT));
        assertThat(problems.get(0).get("nodeId").asString()).isEqualTo("toOrder");
        assertThat(problems.get(0).get("field").asString()).isEqualTo("config.code");

        tools.jackson.databind.JsonNode saved = json.readTree(component.save(VALID, "1", "\"via the channel\""));
        assertThat(saved.get("outcome").asString()).isEqualTo("saved");
        assertThat(saved.get("version").asInt()).isEqualTo(2);
        // the page sent exactly the definition stored: it keeps its own copy, the answer does not carry it back
        assertThat(saved.get("document").isNull()).isTrue();
        assertThat(saved.get("problems").size()).isZero();
        assertThat(json.readTree(component.versions()).get(0).get("comment").asString()).isEqualTo("via the channel");

        tools.jackson.databind.JsonNode published = json.readTree(component.publish("2"));
        assertThat(published.toString()).isEqualTo("{\"outcome\":\"published\",\"version\":2}");

        tools.jackson.databind.JsonNode refused = json.readTree(component.save(VALID, "null", "\"\""));
        assertThat(refused.get("outcome").asString()).isEqualTo("refused");
        assertThat(refused.get("problems").get(0).get("path").asString()).isEqualTo("baseVersion");
    }

    @Test
    void aStaleSaveSavesNothingAndAnswersTheMergeWhichSavedOnTheirVersionHoldsBothChanges() {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);
        presenter.editing().save(VALID, 1, "base");
        SignedIn.as("alice", "DESIGNER");
        presenter.editing().save(VALID.replace("\"To order\"", "\"To order (renamed)\""), 2, "rename");

        SignedIn.as("bob", "DESIGNER");
        Conflict conflict = (Conflict) presenter.editing().save(VALID.replace("order sent", "order sent by bob"), 2, "message");

        assertThat(versions.list(workflowId)).hasSize(3);
        assertThat(conflict.theirsVersion()).isEqualTo(3);
        assertThat(conflict.theirsAuthor()).isEqualTo("alice");
        assertThat(conflict.conflicts()).isEmpty();
        Saved merged = (Saved) presenter.editing().save(json(conflict.merged()), conflict.theirsVersion(), "merged");
        assertThat(merged.version()).isEqualTo(4);
        assertThat(json(merged.document())).contains("To order (renamed)").contains("order sent by bob");
    }

    @Test
    void theSameFieldEditedOnBothSidesIsOneConflictWithBothValues() {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);
        presenter.editing().save(VALID, 1, "base");
        presenter.editing().save(VALID.replace("order sent", "theirs"), 2, "theirs");

        Conflict conflict = (Conflict) presenter.editing().save(VALID.replace("order sent", "mine"), 2, "mine");

        assertThat(conflict.conflicts()).singleElement().satisfies(one -> {
            assertThat(one.path()).containsExactly("nodes", "tellOps", "config", "message");
            assertThat(one.nodeId()).isEqualTo("tellOps");
            assertThat(one.base()).contains("order sent");
            assertThat(one.mine()).contains("mine");
            assertThat(one.theirs()).contains("theirs");
        });
        assertThat(json(conflict.merged())).contains("\"mine\"");
        String answer = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(conflict);
        assertThat(answer).startsWith("{\"outcome\":\"conflict\",\"theirsVersion\":3,");
        assertThat(answer).contains("\"key\":\"nodes/tellOps/config/message\"").contains("\"theirs\":\"theirs\"");
    }

    @Test
    void theDiffOfTwoVersionsListsChangedFieldsPerNodeAndRestoreSavesAnOlderDefinitionAsANewVersion() {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);
        presenter.editing().save(VALID, 1, "v2");
        presenter.editing().save(VALID.replace("order sent", "order shipped").replace("\"x\": 250", "\"x\": 260"), 2, "v3");

        DesignerContract.VersionDiff diff = presenter.versions().diff(2, 3);

        assertThat(diff.nodes()).extracting(DesignerContract.NodeDiff::nodeId, DesignerContract.NodeDiff::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tellOps", "changed"),
                        org.assertj.core.groups.Tuple.tuple("toOrder", "moved"));
        assertThat(diff.nodes().getFirst().fields()).containsExactly(new DesignerContract.FieldDiff(
                "config.message", java.util.Optional.of("order sent"), java.util.Optional.of("order shipped")));
        assertThat(json(diff.fromDocument())).contains("order sent");
        assertThat(json(diff.toDocument())).contains("order shipped");
        DesignerContract.VersionDiff fromTheStart = presenter.versions().diff(1, 2);
        assertThat(fromTheStart.triggerChanged()).isTrue();
        assertThat(fromTheStart.addedEdges()).hasSize(2);

        Saved restored = (Saved) presenter.versions().restore(2, 3);
        assertThat(restored.version()).isEqualTo(4);
        assertThat(presenter.versions().diff(2, 4).nodes()).isEmpty();
        assertThat(presenter.versions().list().getFirst().comment()).isEqualTo("Restored version 2");
        assertThat(presenter.versions().restore(2, 3)).isInstanceOf(Conflict.class);

        SignedIn.as("olga", "OPERATOR");
        assertThat(presenter.editing().permissions()).isEqualTo(new Permissions(false, false, true));
        assertThat(presenter.versions().restore(2, 4)).isInstanceOf(Refused.class);
        assertThat(versions.list(workflowId)).hasSize(4);
    }

    @Test
    void notesAreSavedWithTheDefinition() {
        Saved saved = (Saved) presenters.forWorkflow(workflowId).editing().save(VALID.replace("\"edges\"",
                "\"notes\": [{\"id\": \"n1\", \"text\": \"**VAT**\", \"position\": {\"x\": 5, \"y\": 6}}], \"edges\""), 1, "");

        assertThat(json(saved.document())).contains("\"notes\":[{\"id\":\"n1\",\"text\":\"**VAT**\"");
    }

    @Test
    void samplesArePinnedPerNodeAndPortReplacedUnpinnedAndLimitedInSize() {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);

        assertThat(presenter.samples().pin("trigger", "out", Map.of("AmazonOrderId", "111-1"))).isEmpty();
        assertThat(presenter.samples().pin("toOrder", "out", List.of(1L, 2L))).isEmpty();
        assertThat(presenter.samples().pin("toOrder", "error", "boom")).isEmpty();
        assertThat(presenter.samples().pin("trigger", "out", Map.of("AmazonOrderId", "222-2"))).isEmpty();
        assertThat(presenter.samples().pinned()).isEqualTo(Map.of(
                "trigger", Map.of("out", Map.of("AmazonOrderId", "222-2")),
                "toOrder", Map.of("out", List.of(1L, 2L), "error", "boom")));

        assertThat(presenter.samples().pin("toOrder", "error", null)).isEmpty();
        assertThat(presenter.samples().pinned().get("toOrder")).containsOnlyKeys("out");

        Refused tooBig = presenter.samples().pin("toOrder", "out", "x".repeat(70_000)).orElseThrow();
        assertThat(tooBig.problems()).extracting(Problem::path).containsExactly("sample");
        assertThat(presenter.samples().pin("bad id!", "out", 1L)).get().extracting(Refused::problems)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(1);

        SignedIn.as("vic", "VIEWER");
        assertThat(presenter.samples().pin("trigger", "out", 1L)).contains(new Refused(Refusals.NOT_ALLOWED, List.of()));
        assertThat(presenter.samples().pinned().get("trigger")).isEqualTo(Map.of("out", Map.of("AmazonOrderId", "222-2")));
    }

    @Test
    void anExpressionIsEvaluatedOnThePinnedSamplesOfTheNodesUpstreamAndASyntaxErrorSaysWhere() {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);
        assertThat(presenter.samples().evaluate("{{ trigger }}", "toOrder", VALID)).isEqualTo(new DesignerContract.Value(null, "none"));
        presenter.samples().pin("trigger", "out", Map.of("AmazonOrderId", "111-1"));
        presenter.samples().pin("toOrder", "out", Map.of("total", 12.5));

        assertThat(presenter.samples().evaluate("{{ trigger.AmazonOrderId }}", "toOrder", VALID))
                .isEqualTo(new DesignerContract.Value("111-1", "pinned"));
        assertThat(presenter.samples().evaluate("nodes.toOrder.total * 2", "tellOps", VALID))
                .isEqualTo(new DesignerContract.Value(25L, "pinned"));
        assertThat(presenter.samples().evaluate("nodes.toOrder === undefined", "toOrder", VALID))
                .as("a node's own output is not upstream of it").isEqualTo(new DesignerContract.Value(true, "pinned"));

        String broken = "{{ trigger.a + * 2 }}";
        DesignerContract.EvaluationError error = (DesignerContract.EvaluationError) presenter.samples().evaluate(broken, "toOrder", VALID);
        assertThat(error.message()).startsWith("does not parse");
        assertThat(error.position()).isEqualTo(broken.indexOf('*'));
        assertThat(presenter.samples().evaluate("trigger.a.b.c", "toOrder", VALID)).isInstanceOfSatisfying(
                DesignerContract.EvaluationError.class, failed -> assertThat(failed.position()).isNull());
    }

    @Test
    void aCronPreviewHasFiveTimesWithTheZonesOffsetOrSaysWhatIsWrong() {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);

        DesignerContract.CronPreview preview = presenter.samples().cronPreview("0 0 6 * * ?", "Asia/Kolkata");
        assertThat(preview.outcome()).isEqualTo("times");
        assertThat(preview.times()).hasSize(5).allSatisfy(time -> assertThat(time).endsWith("T06:00:00+05:30"));
        assertThat(presenter.samples().cronPreview("every day", "UTC").message()).startsWith("cron: 'every day' is not");
    }

    @Test
    void aRunIsDrawnOverTheCanvasAndItsStepsAreTheNodesDataAndTheExpressionsSample() throws InterruptedException {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);
        presenter.editing().save(VALID.replace("return input;", "return trigger;"), 1, "");
        presenter.versions().publish(2);
        presenter.samples().pin("trigger", "out", Map.of("orderId", "PINNED"));
        UUID runId = runs.startManually(workflowId, Map.of("orderId", "A-1"), null);

        presenter.runs().showRun(runId);
        DesignerContract.Overlay overlay = followed(presenter);

        assertThat(overlay.status()).as(overlay.toString()).isEqualTo("succeeded");
        assertThat(overlay.version()).isEqualTo(2);
        assertThat(overlay.nodes()).containsOnlyKeys("toOrder", "tellOps");
        assertThat(overlay.nodes().get("toOrder").status()).isEqualTo("succeeded");
        assertThat(overlay.nodes().get("toOrder").attempts()).isEqualTo(1);
        assertThat(overlay.edges()).containsEntry("trigger:out->toOrder", 1).containsEntry("toOrder:out->tellOps", 1);

        DesignerContract.NodeData data = presenter.samples().nodeData("toOrder", null);
        assertThat(data.output().source()).isEqualTo("run");
        assertThat(json(data.output().value())).contains("A-1");
        assertThat(presenter.samples().nodeData("trigger", runId).output().value()).isEqualTo(Map.of("orderId", "A-1"));
        assertThat(presenter.samples().evaluate("trigger.orderId", "toOrder", VALID))
                .isEqualTo(new DesignerContract.Value("A-1", "run"));

        assertThat(presenter.runs().showRun(null)).isNull();
        assertThat(presenter.runs().overlay()).isNull();
    }

    /** The shown run's overlay once the run has ended (polled, at most 30 s: the run goes through the real workers). */
    private DesignerContract.Overlay followed(DesignerPresenter presenter) throws InterruptedException {
        DesignerContract.Overlay overlay = presenter.runs().overlay();
        for (int wait = 0; wait < 600 && RunOverlays.active(overlay); wait++) {
            Thread.sleep(50);
            overlay = presenter.runs().overlay();
        }
        return overlay;
    }

    @Test
    void aTestRunOfTheSavedDraftIsShownOverTheCanvasAsATestAndRunToHereStopsAfterTheNode() throws Exception {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);
        presenter.editing().save(VALID.replace("return input;", "return trigger;"), 1, "draft");
        presenter.samples().pin("trigger", "out", Map.of("orderId", "PINNED"));

        DesignerContract.StartResult whole = presenter.runs().testRun(2, Map.of("orderId", "T-1"), null);
        assertThat(whole).isInstanceOf(DesignerContract.Started.class);
        DesignerContract.Overlay overlay = followed(presenter);
        assertThat(overlay.runId()).isEqualTo(((DesignerContract.Started) whole).runId());
        assertThat(overlay.status()).as(overlay.toString()).isEqualTo("succeeded");
        assertThat(overlay.test()).isTrue();
        assertThat(overlay.version()).isEqualTo(2);
        assertThat(overlay.nodes()).containsOnlyKeys("toOrder", "tellOps");
        assertThat(workflows.get(workflowId).publishedVersion()).as("a test run publishes nothing").isNull();

        DesignerComponent component = new DesignerComponent(presenter);
        tools.jackson.databind.JsonNode started = new tools.jackson.databind.json.JsonMapper()
                .readTree(component.testRun("2", "null", "\"toOrder\""));
        assertThat(started.get("outcome").asString()).isEqualTo("started");
        DesignerContract.Overlay toHere = followed(presenter);
        assertThat(toHere.runId()).isEqualTo(started.get("runId").asString());
        assertThat(toHere.status()).as(toHere.toString()).isEqualTo("succeeded");
        assertThat(toHere.nodes()).containsOnlyKeys("toOrder");
        assertThat(presenter.samples().nodeData("toOrder", null).output().value()).as("the pinned trigger sample was the input")
                .isEqualTo(Map.of("orderId", "PINNED"));
    }

    @Test
    void aTestRunIsRefusedNamingTheProblemAndAViewersIsRecorded() {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);
        presenter.editing().save(VALID, 1, "");

        assertThat(presenter.runs().testRun(9, null, null)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.message()).contains("no version 9"));
        assertThat(presenter.runs().testRun(2, null, "nowhere")).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.message()).contains("untilNodeId").contains("'nowhere'"));
        assertThat(presenter.runs().testRun(2, Map.of("big", "x".repeat(dev.junction.backend.runs.RunService
                .TEST_INPUT_MAX_BYTES)), null)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.message()).startsWith("input: must be at most"));
        assertThat(presenter.runs().testRun(null, null, null)).isInstanceOf(Refused.class);
        assertThat(presenter.runs().overlay()).as("nothing was started").isNull();

        SignedIn.as("vic", "VIEWER");
        DesignerPresenter viewer = presenters.forWorkflow(workflowId);
        assertThat(viewer.runs().testRun(2, null, null)).isEqualTo(new Refused(RunsPresenter.MAY_NOT_RUN, List.of()));
        assertThat(viewer.runs().overlay()).isNull();
        SignedIn.as("dana", "DESIGNER");
        assertThat(auditLog.forEntity("workflow", workflowId.toString(), 10))
                .filteredOn(entry -> entry.action().equals("workflow.edit-refused"))
                .extracting(entry -> entry.actor() + " " + entry.detailsJson().replaceAll("\\s", ""))
                .containsExactly("vic {\"roles\":\"VIEWER\",\"method\":\"testRun\"}");
        assertThat(runs.list(new dev.junction.db.runs.RunFilter(workflowId, null, null, null, null, null, null),
                null, 10).items()).isEmpty();
    }

    @Test
    void withoutARunANodesDataIsItsPinnedSampleAndTheOneBeforeIt() {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);
        presenter.editing().save(VALID, 1, "");
        presenter.samples().pin("trigger", "out", Map.of("orderId", "PINNED"));
        presenter.samples().pin("toOrder", "out", "x".repeat(20_000));

        DesignerContract.NodeData data = presenter.samples().nodeData("toOrder", null);
        assertThat(data.input().source()).isEqualTo("pinned");
        assertThat(data.input().value()).isEqualTo(Map.of("orderId", "PINNED"));
        assertThat(data.output().truncated()).isTrue();
        assertThat((String) data.output().value()).hasSize(SamplesPresenter.NODE_DATA_MAX_CHARACTERS);
        assertThat(presenter.samples().nodeData("tellOps", null).output().source()).isEqualTo("none");
    }

    private static String json(Object value) {
        return dev.junction.engine.json.PayloadJson.write(value);
    }
}
