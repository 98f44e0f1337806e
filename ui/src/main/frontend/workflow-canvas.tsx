import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import type { ReactElement } from 'react';

/** Mirrors WorkflowCanvas.Graph on the Java side. */
type Graph = {
  nodes: { id: string; kind: string; label: string; x: number; y: number }[];
  edges: { id: string; source: string; sourcePort: string; target: string }[];
};

class WorkflowCanvasElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks): ReactElement | null {
    const [graph] = hooks.useState<Graph>('graph');
    const nodes: Node[] = (graph?.nodes ?? []).map((box) => ({
      id: box.id,
      type: box.kind === 'trigger' ? 'input' : 'default',
      position: { x: box.x, y: box.y },
      data: { label: box.label },
      className: `junction-node junction-node-${box.kind}`,
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
