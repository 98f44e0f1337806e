import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import type { ReactElement } from 'react';
import type { Edge as WorkflowEdge, JunctionWorkflowDefinition, Position } from './shared/generated/workflow';

/** The node id of the trigger in the graph (edges leave it by `from: 'trigger'`). */
const TRIGGER_ID = 'trigger';

/** The validator's messages by node id (the trigger's under its id). */
type ProblemsByNode = Record<string, string[]>;

function box(id: string, kind: string, label: string, position: Position | undefined, problems: string[]): Node {
  const invalid = problems.length > 0;
  return {
    id,
    type: id === TRIGGER_ID ? 'input' : 'default',
    position: { x: position?.x ?? 0, y: position?.y ?? 0 },
    data: { label: invalid ? <span title={problems.join('\n')}>⚠ {label}</span> : label },
    className: `junction-node junction-node-${kind}` + (invalid ? ' junction-node-invalid' : ''),
    style: invalid
      ? { borderColor: 'var(--lumo-error-color, #d32f2f)', borderWidth: 2, color: 'var(--lumo-error-text-color, #b71c1c)' }
      : undefined,
  };
}

/**
 * Edges are labelled by their port, unless it is the default port (`defaultPort`, from the workflow schema) and their
 * node leaves by no other.
 */
function lines(edges: WorkflowEdge[], defaultPort: string | undefined): Edge[] {
  const portOf = (edge: WorkflowEdge) => edge.fromPort ?? defaultPort ?? '';
  const portsByNode = new Map<string, Set<string>>();
  for (const edge of edges) {
    portsByNode.set(edge.from, (portsByNode.get(edge.from) ?? new Set<string>()).add(portOf(edge)));
  }
  return edges.map((edge) => ({
    id: `${edge.from}:${portOf(edge)}->${edge.to}`,
    source: edge.from,
    target: edge.to,
    label: portOf(edge) !== defaultPort || (portsByNode.get(edge.from)?.size ?? 0) > 1 ? portOf(edge) : undefined,
  }));
}

class WorkflowCanvasElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks): ReactElement | null {
    const [definition] = hooks.useState<JunctionWorkflowDefinition | undefined>('definition');
    const [problems] = hooks.useState<ProblemsByNode>('problems');
    const [triggerLabel] = hooks.useState<string>('triggerLabel');
    const [defaultPort] = hooks.useState<string>('defaultPort');
    const problemsOf = (id: string) => problems?.[id] ?? [];
    const nodes: Node[] = definition
      ? [
          box(TRIGGER_ID, 'trigger', triggerLabel ?? definition.trigger.kind, definition.trigger.position, problemsOf(TRIGGER_ID)),
          ...definition.nodes.map((node) => box(node.id, node.type, node.name, node.position, problemsOf(node.id))),
        ]
      : [];
    const edges: Edge[] = definition ? lines(definition.edges, defaultPort) : [];
    return (
      <div style={{ width: '100%', height: '100%' }}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          fitView
          fitViewOptions={{ maxZoom: 1.2 }}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    );
  }
}

customElements.define('workflow-canvas', WorkflowCanvasElement);
