import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import type { ReactElement } from 'react';

/** Mirrors WorkflowCanvas.Graph on the Java side. */
type Graph = {
  nodes: { id: string; kind: string; label: string; x: number; y: number; problems: string[] }[];
  edges: { id: string; source: string; sourcePort: string; target: string }[];
};

class WorkflowCanvasElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks): ReactElement | null {
    const [graph] = hooks.useState<Graph>('graph');
    const nodes: Node[] = (graph?.nodes ?? []).map((box) => ({
      id: box.id,
      type: box.kind === 'trigger' ? 'input' : 'default',
      position: { x: box.x, y: box.y },
      data: {
        label: box.problems.length === 0 ? box.label : <span title={box.problems.join('\n')}>⚠ {box.label}</span>,
      },
      className: `junction-node junction-node-${box.kind}` + (box.problems.length > 0 ? ' junction-node-invalid' : ''),
      style: box.problems.length > 0
        ? { borderColor: 'var(--lumo-error-color, #d32f2f)', borderWidth: 2, color: 'var(--lumo-error-text-color, #b71c1c)' }
        : undefined,
    }));
    const edges: Edge[] = (graph?.edges ?? []).map((line) => ({
      id: line.id,
      source: line.source,
      target: line.target,
      label: line.sourcePort === 'out' ? undefined : line.sourcePort,
    }));
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
