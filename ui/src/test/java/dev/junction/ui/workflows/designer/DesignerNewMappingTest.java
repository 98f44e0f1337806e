package dev.junction.ui.workflows.designer;

import dev.junction.backend.mappings.MappingService;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.db.mappings.StoredMapping;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.workflows.designer.DesignerContract.MappingCreated;
import dev.junction.ui.workflows.designer.DesignerContract.NewMappingResult;
import dev.junction.ui.workflows.designer.DesignerContract.Refused;
import dev.junction.ui.workflows.designer.DesignerContract.Saved;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "New mapping from this node" without a browser: the mapping is made (named after workflow and node), the workflow
 * is saved with the node naming it; a node that is no map node, or a user who may not design, is refused and nothing
 * is made. (This context has no web server, hence no sandbox connections: the connections the nodes name describe
 * nothing and the mapping's sides stay open. Schemas taken from the operations around a node: MapperFromNodeTest.)
 */
@SpringBootTest(classes = DesignerTestApplication.class)
class DesignerNewMappingTest {

    /** An Amazon order (getOrder: sp-api/Order) → a map node → an Opayo transaction (createTransaction's input). */
    static final String ORDER_TO_PAYMENT = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "fetch", "type": "connector", "name": "Fetch the order",
                "config": {"connection": "amazon-sp-api-sandbox", "operation": "getOrder",
                           "input": {"orderId": "902-3159896-1390916"}}, "position": {"x": 250, "y": 0}},
               {"id": "shape", "type": "map", "name": "To a payment", "config": {}, "position": {"x": 500, "y": 0}},
               {"id": "pay", "type": "connector", "name": "Pay",
                "config": {"connection": "opayo-pi-sandbox", "operation": "createTransaction",
                           "input": "{{ $json }}"}, "position": {"x": 750, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "fetch"},
                       {"from": "fetch", "fromPort": "out", "to": "shape"},
                       {"from": "shape", "fromPort": "out", "to": "pay"}]}""";

    @Autowired
    DesignerPresenters presenters;
    @Autowired
    WorkflowService workflows;
    @Autowired
    WorkflowVersionService versions;
    @Autowired
    MappingService mappings;

    UUID workflowId;
    String workflowName;

    @BeforeEach
    void aNewWorkflowAsADesigner() {
        SignedIn.as("dana", "DESIGNER");
        workflowName = "Order to payment " + UUID.randomUUID();
        workflowId = workflows.create(workflowName, "").id();
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMappingIsMadeAndTheNodeNamesItInTheSavedWorkflow() {
        DesignerPresenter presenter = presenters.forWorkflow(workflowId);

        NewMappingResult result = presenter.editing().newMappingFromNode("shape", ORDER_TO_PAYMENT, 1);

        assertThat(result).isInstanceOf(MappingCreated.class);
        MappingCreated created = (MappingCreated) result;
        assertThat(created.mappingName()).isEqualTo(workflowName + " · To a payment");
        assertThat(created.saved()).as(created.saved().toString()).isInstanceOf(Saved.class);
        assertThat(((Saved) created.saved()).version()).isEqualTo(2);
        StoredMapping mapping = mappings.get(UUID.fromString(created.mappingId()));
        assertThat(mapping.latestVersion()).isEqualTo(1);
        Map<String, Object> definition = mappings.version(mapping.id(), 1).definition();
        assertThat(definition).doesNotContainKeys("source", "target");
        assertThat(definition.get("rules")).isEqualTo(java.util.List.of());
        String saved = dev.junction.engine.definition.DefinitionJson.write(versions.latest(workflowId).definition());
        assertThat(PayloadJson.read(saved).toString()).contains("mapping=" + created.mappingId());

        // a second one from the same node gets a name of its own
        NewMappingResult again = presenters.forWorkflow(workflowId).editing().newMappingFromNode("shape", ORDER_TO_PAYMENT, 2);
        assertThat(((MappingCreated) again).mappingName()).isEqualTo(workflowName + " · To a payment 2");
    }

    @Test
    void aNodeThatIsNoMapNodeOrAUserWhoMayNotDesignIsRefusedAndNothingIsMade() {
        int before = mappings.list().size();

        NewMappingResult notMap = presenters.forWorkflow(workflowId).editing().newMappingFromNode("fetch", ORDER_TO_PAYMENT, 1);
        assertThat(notMap).isInstanceOf(Refused.class);
        assertThat(((Refused) notMap).message()).contains("nodeId").contains("must name a map node");

        SignedIn.as("vera", "VIEWER");
        NewMappingResult viewer = presenters.forWorkflow(workflowId).editing().newMappingFromNode("shape", ORDER_TO_PAYMENT, 1);
        assertThat(viewer).isInstanceOf(Refused.class);
        assertThat(((Refused) viewer).message()).isEqualTo(Refusals.NOT_ALLOWED);
        SignedIn.as("dana", "DESIGNER");
        assertThat(mappings.list()).hasSize(before);
        assertThat(workflows.get(workflowId).latestVersion()).isEqualTo(1);
    }
}
