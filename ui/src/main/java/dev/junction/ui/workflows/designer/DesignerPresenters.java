package dev.junction.ui.workflows.designer;

import dev.junction.backend.catalog.CatalogService;
import dev.junction.backend.connections.ConnectionService;
import dev.junction.backend.lookups.LookupTableService;
import dev.junction.backend.mappings.MappingService;
import dev.junction.backend.triggers.WebhookTokens;
import dev.junction.backend.runs.RunService;
import dev.junction.ui.mappings.editor.NodeContexts;
import dev.junction.backend.workflows.SampleScopes;
import dev.junction.backend.workflows.StepTrials;
import dev.junction.backend.workflows.WorkflowSampleService;
import dev.junction.engine.expressions.ExpressionRuntime;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.ui.workflows.WebhookAddress;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** The services a designer page talks to, and the presenter of one workflow's designer over them. */
@Component
public class DesignerPresenters {

    final WorkflowService workflows;
    final WorkflowVersionService versions;
    final CatalogService catalog;
    final ConnectionService connections;
    final MappingService mappings;
    final LookupTableService lookupTables;
    final WebhookTokens webhookTokens;
    final WebhookAddress webhookAddress;
    final WorkflowSampleService samples;
    final SampleScopes sampleScopes;
    final ExpressionRuntime expressions;
    final RunService runs;
    final NodeContexts nodeContexts;
    final StepTrials stepTrials;

    DesignerPresenters(WorkflowService workflows, WorkflowVersionService versions, CatalogService catalog,
                       ConnectionService connections, MappingService mappings, LookupTableService lookupTables,
                       WebhookTokens webhookTokens, WebhookAddress webhookAddress, WorkflowSampleService samples, SampleScopes sampleScopes,
                       ExpressionRuntime expressions, RunService runs, NodeContexts nodeContexts,
                       StepTrials stepTrials) {
        this.stepTrials = stepTrials;
        this.runs = runs;
        this.nodeContexts = nodeContexts;
        this.samples = samples;
        this.sampleScopes = sampleScopes;
        this.expressions = expressions;
        this.workflows = workflows;
        this.versions = versions;
        this.catalog = catalog;
        this.connections = connections;
        this.mappings = mappings;
        this.lookupTables = lookupTables;
        this.webhookTokens = webhookTokens;
        this.webhookAddress = webhookAddress;
    }

    /**
     * The catalog the designer opens with, made once: without what only the mapping editor reads (see {@link
     * EditingPresenter#catalog()}), and each operation without its input and output schemas (what the palette, the
     * canvas and the pickers read stays: names, kinds, descriptions, connectors, ports); the page asks for an
     * operation's schemas when it first needs them ({@link #operationSchemas}).
     */
    dev.junction.backend.catalog.Catalog designerCatalog() {
        dev.junction.backend.catalog.Catalog designer = designerCatalog;
        if (designer == null) {
            dev.junction.backend.catalog.Catalog full = catalog.catalog();
            designer = new dev.junction.backend.catalog.Catalog(full.nodeKinds(), full.triggerKinds(),
                    full.connectors().stream().map(DesignerPresenters::withoutSchemas).toList(),
                    java.util.List.of(), java.util.List.of(), java.util.List.of());
            designerCatalog = designer;
        }
        return designer;
    }

    private volatile dev.junction.backend.catalog.Catalog designerCatalog;

    private static dev.junction.backend.catalog.Catalog.Connector withoutSchemas(
            dev.junction.backend.catalog.Catalog.Connector connector) {
        return new dev.junction.backend.catalog.Catalog.Connector(connector.id(), connector.name(), connector.version(),
                connector.icon(), connector.description(), connector.auth(), connector.settingsSchema(),
                connector.operations().stream().map(operation -> new dev.junction.backend.catalog.Catalog.Operation(
                        operation.id(), operation.name(), operation.description(), operation.kind(), null, null,
                        operation.rateLimit(), operation.idempotencyKeyField(), operation.readOnly())).toList());
    }

    /** The input and output schemas of a connector's operation, from the full catalog; empty when there is none. */
    java.util.Optional<DesignerContract.OperationSchemas> operationSchemas(String connectorId, String operationId) {
        return catalog.catalog().connectors().stream().filter(connector -> connector.id().equals(connectorId))
                .flatMap(connector -> connector.operations().stream())
                .filter(operation -> operation.id().equals(operationId)).findFirst()
                .map(operation -> new DesignerContract.OperationSchemas(connectorId, operationId,
                        operation.inputSchema(), operation.outputSchema()));
    }

    /** The designer of this workflow (throws NotFoundException when there is none). */
    public DesignerPresenter forWorkflow(UUID workflowId) {
        workflows.get(workflowId);
        return new DesignerPresenter(this, workflowId);
    }
}
