/*
 * The designer's canvas: draws the working copy (or, in diff mode, the union of two versions; or a run overlay over
 * the working copy) with the memoized node and edge renderers. Mouse-move state (dragging) stays local; the store gets
 * one edit at each commit point: drag stop, connect, drop from the palette.
 */
import {
  Background, Controls, MarkerType, MiniMap, ReactFlow, applyEdgeChanges, applyNodeChanges, getViewportForBounds, useStore, type Connection,
  type Edge, type EdgeChange, type Node, type NodeChange, type OnSelectionChangeParams, type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent, type ReactElement } from 'react';
import type { Comparison, Definition, DesignerCatalog, Overlay, Problem, VersionDiff } from '../contract';
import {
  connect, DEFAULT_PORT, edgeKey, moveTo, nodeKind, notesOf, outputPorts, portOf, refusal, TRIGGER_ID, type DesignerDefinition,
  type Note, type PaletteChoice,
} from '../model';
import { useDesigner } from '../store';
import { useUi } from '../ui-state';
import { edgeTypes, type LinkData } from './edges';
import { flow, setFlow } from './flow';
import { nodeTypes, type DiffMark, type NoteData, type StepData } from './nodes';
import { addChoice } from '../commands/actions';

/** wd-versions' staleNodes(document, ranDocument), when its module is there. */
const staleModules = import.meta.glob<{ staleNodes(document: Definition, ran: Definition): Set<string> }>('../versions/stale.ts', { eager: true });
const staleNodes = Object.values(staleModules)[0]?.staleNodes;

const SIZE = { initialWidth: 220, initialHeight: 72 };
/*
 * ReactFlow's props that never change, defined once: a new object or array on each render (and the canvas renders on
 * every mouse move of a drag, with React Flow's position changes) makes React Flow write it to its store again, and
 * every node and edge wrapper in view runs its selector once more.
 */
const PRO_OPTIONS = { hideAttribution: true };
const MULTI_SELECTION_KEYS = ['Meta', 'Control'];
const ARIA_LABELS = { 'node.a11yDescription.default': 'Press enter or space to select a step. Arrow keys move between connected steps.' };
const onDragOver = (event: DragEvent) => { event.preventDefault(); event.dataTransfer.dropEffect = 'copy'; };

/** Fitting leaves room around the graph, so that the outermost handles stay inside the canvas. */
export const FIT = { maxZoom: 1.2, padding: 0.2 };
/** The least zoom a workflow opens at: further out, the steps' names cannot be read. */
export const READABLE_ZOOM = 0.6;
/** Where a large workflow's trigger sits when it opens: this far from the canvas's left edge, vertically centred. */
const TRIGGER_INSET = 48;

/**
 * The view a workflow opens at: the whole graph fitted, when that is readable (zoom at least {@link READABLE_ZOOM});
 * a larger graph opens at that zoom with the trigger at the left, vertically centred, where reading starts. The
 * toolbar's "fit" still shows the whole graph, however small. A read-only canvas (a template's preview, a viewer)
 * always opens fitted whole: it is looked at, not worked in.
 */
function openingView(width: number, height: number, readableFirst: boolean): void {
  const instance = flow();
  if (!instance || width <= 0 || height <= 0) return;
  const steps = instance.getNodes().filter((node) => node.type !== 'note');
  if (steps.length === 0) return;
  const fit = getViewportForBounds(instance.getNodesBounds(steps), width, height, 0.05, FIT.maxZoom, FIT.padding);
  const trigger = instance.getInternalNode(TRIGGER_ID);
  if (fit.zoom >= READABLE_ZOOM || !trigger || !readableFirst) {
    void instance.setViewport(fit);
    return;
  }
  const at = trigger.internals.positionAbsolute;
  const triggerHeight = trigger.measured.height ?? SIZE.initialHeight;
  void instance.setViewport({
    zoom: READABLE_ZOOM, x: TRIGGER_INSET - at.x * READABLE_ZOOM, y: height / 2 - (at.y + triggerHeight / 2) * READABLE_ZOOM,
  });
}

/** A node against the compared run: its mark, and the other run's status, attempts and duration with what differs. */
function compared(comparison: Comparison | null, id: string, ranHere: boolean): { compare: string | null; compareText: string | null } {
  if (!comparison) return { compare: null, compareText: null };
  const node = comparison.nodes[id];
  if (!node) return ranHere ? { compare: 'only-shown', compareText: 'other run: did not run' } : { compare: null, compareText: null };
  if (node.change === 'only-shown') return { compare: node.change, compareText: 'other run: did not run' };
  const figures = [node.otherStatus, node.otherAttempts && node.otherAttempts > 1 ? `${node.otherAttempts} attempts` : null,
    node.otherDurationMillis != null ? (node.otherDurationMillis < 1000 ? `${node.otherDurationMillis} ms` : `${(node.otherDurationMillis / 1000).toFixed(1)} s`) : null]
    .filter(Boolean).join(' · ');
  const what = node.change === 'different' ? ` (${node.differences.join(' and ')} differ${node.differences.length === 1 ? 's' : ''})` : node.change === 'same' ? ' (same)' : '';
  return { compare: node.change, compareText: `other run: ${figures}${what}` };
}

/** The nodes after `id` (not `id` itself), following the edges. */
function downstreamOf(document: Definition, id: string): Set<string> {
  const found = new Set<string>();
  const pending = [id];
  while (pending.length > 0) {
    const from = pending.pop()!;
    for (const edge of document.edges) {
      if (edge.from === from && edge.to !== id && !found.has(edge.to)) {
        found.add(edge.to);
        pending.push(edge.to);
      }
    }
  }
  return found;
}

interface Inputs {
  document: Definition;
  catalog: DesignerCatalog | null;
  /** the problems by node id (grouped once per drawing, not filtered once per node) */
  problems: Map<string | null, Problem[]>;
  overlay: Overlay | null;
  stale: Set<string>;
  comparison: Comparison | null;
  /** the status of each step run alone ("Run this step") */
  stepRuns: Map<string, string>;
  /** the nodes (and "trigger") with a pinned sample */
  pinned: Set<string>;
  diffMarks: Map<string, DiffMark> | null;
  selection: Set<string>;
  editable: boolean;
  onNoteText(id: string, text: string): void;
}

function stepData(node: Definition['nodes'][number] | null, id: string, inputs: Inputs, kindOverride?: string): StepData {
  const { catalog, problems, overlay } = inputs;
  const own = problems.get(id) ?? [];
  const run = overlay?.nodes[id];
  if (!node) {
    const trigger = inputs.document.trigger;
    return {
      kind: 'trigger', name: `${trigger.kind.charAt(0).toUpperCase()}${trigger.kind.slice(1)} trigger`, title: 'Trigger',
      subtitle: typeof trigger.config?.cron === 'string' ? String(trigger.config.cron) : null, icon: null, ports: [DEFAULT_PORT],
      problems: own.length, problemText: own.map((p) => p.message).join('\n'), status: run?.status ?? null,
      attempts: run?.attempts ?? null, durationMillis: run?.durationMillis ?? null, stale: inputs.stale.has(id), stepRun: null,
      compare: null, compareText: null, pinned: inputs.pinned.has(id),
      diff: inputs.diffMarks ? inputs.diffMarks.get(id) ?? 'unchanged' : null, editable: inputs.editable,
    };
  }
  const kind = nodeKind(catalog, node.type);
  let subtitle: string | null = null;
  let icon: string | null = null;
  if (node.type === 'connector') {
    const connector = catalog?.connectors.find((c) => c.operations.some((o) => o.id === node.config?.operation));
    const operation = connector?.operations.find((o) => o.id === node.config?.operation);
    subtitle = operation ? `${connector!.name}: ${operation.name}` : String(node.config?.operation ?? '') || null;
    icon = connector?.icon ?? null;
  }
  return {
    kind: kindOverride ?? node.type, name: node.name, title: kind?.title ?? node.type, subtitle, icon,
    ports: outputPorts(catalog, node), problems: own.length, problemText: own.map((p) => p.message).join('\n'),
    status: run?.status ?? null, attempts: run?.attempts ?? null, durationMillis: run?.durationMillis ?? null,
    stale: inputs.stale.has(id), stepRun: inputs.stepRuns.get(id) ?? null, ...compared(inputs.comparison, id, run != null),
    pinned: inputs.pinned.has(id), diff: inputs.diffMarks ? inputs.diffMarks.get(id) ?? 'unchanged' : null, editable: inputs.editable,
  };
}

/** The graph to draw: the working copy, or in diff mode the union of both documents (removed nodes as ghosts). */
function drawn(document: Definition, diff: VersionDiff | null): { document: Definition; marks: Map<string, DiffMark> | null; edgeMarks: Map<string, DiffMark> | null } {
  if (!diff) return { document, marks: null, edgeMarks: null };
  const to = diff.toDocument;
  const marks = new Map<string, DiffMark>(diff.nodes.map((n) => [n.nodeId, n.change]));
  if (diff.triggerChanged) marks.set(TRIGGER_ID, 'changed');
  const ghosts = diff.fromDocument.nodes.filter((node) => !to.nodes.some((n) => n.id === node.id));
  for (const ghost of ghosts) marks.set(ghost.id, 'removed');
  const edgeMarks = new Map<string, DiffMark>();
  for (const edge of diff.addedEdges) edgeMarks.set(edgeKey(edge), 'added');
  for (const edge of diff.removedEdges) edgeMarks.set(edgeKey(edge), 'removed');
  const removedEdges = diff.fromDocument.edges.filter((edge) => edgeMarks.get(edgeKey(edge)) === 'removed' && !to.edges.some((e) => edgeKey(e) === edgeKey(edge)));
  return { document: { ...to, nodes: [...to.nodes, ...ghosts], edges: [...to.edges, ...removedEdges] }, marks, edgeMarks };
}

export function Canvas(): ReactElement {
  const document = useDesigner((state) => state.document);
  const catalog = useDesigner((state) => state.catalog);
  const problems = useDesigner((state) => state.problems);
  const overlay = useDesigner((state) => state.overlay);
  const ranDocument = useDesigner((state) => state.ranDocument);
  const diff = useDesigner((state) => state.diff);
  const selectionList = useDesigner((state) => state.selection);
  const canEdit = useDesigner((state) => state.permissions.edit);
  const editable = canEdit && !diff;
  const [ready, setReady] = useState(false);
  // The minimap draws every step (500 of them on a large workflow) although the canvas draws only those in view, and
  // draws them all again on every change of any node: it is mounted once the canvas is ready and the browser is idle,
  // so that it does not delay the first drawing, and it is left out while steps are dragged (every mouse move would
  // draw it again; it shows where they went when they are dropped).
  const [overview, setOverview] = useState(false);
  const [dragging, setDragging] = useState(false);
  const onNodeDragStart = useCallback(() => setDragging(true), []);
  useEffect(() => {
    if (!ready) return undefined;
    // when the workflow was first drawn, for the page's own timing (User Timing; DesignerLargeGraphBenchmark reads it)
    if (performance.getEntriesByName('designer-canvas-ready').length === 0) performance.mark('designer-canvas-ready');
    // the page around the designer (DesignerComponent.whenDrawn) reads what can wait until the workflow is drawn
    host.current?.dispatchEvent(new CustomEvent('designer-drawn', { bubbles: true, composed: true }));
    if (typeof window.requestIdleCallback === 'function') {
      const idle = window.requestIdleCallback(() => setOverview(true), { timeout: 1000 });
      return () => window.cancelIdleCallback(idle);
    }
    const timer = setTimeout(() => setOverview(true), 0);
    return () => clearTimeout(timer);
  }, [ready]);
  const selectedEdges = useRef<Set<string>>(new Set());
  const cache = useRef(new Map<string, { source: unknown; data: string; node: Node }>());
  const edgeCache = useRef(new Map<string, { data: string; edge: Edge }>());

  const onNoteText = useCallback((id: string, text: string) => {
    useDesigner.getState().apply('Edit note', (doc) => {
      const notes = notesOf(doc);
      const note = notes.find((n) => n.id === id);
      if (!note || note.text === text) return doc;
      return { ...doc, notes: notes.map((n) => (n.id === id ? { ...n, text } : n)) } as DesignerDefinition;
    });
  }, []);

  const onNoteColor = useCallback((id: string, color: string) => {
    useDesigner.getState().apply('Colour note', (doc) => {
      const notes = notesOf(doc);
      if (!notes.some((n) => n.id === id && n.color !== color)) return doc;
      return { ...doc, notes: notes.map((n) => (n.id === id ? { ...n, color } : n)) } as DesignerDefinition;
    });
  }, []);

  const stepRuns = useDesigner((state) => state.stepRuns);
  // stale: what changed since the run shown, what follows a step run alone, and a step run alone changed since
  const stale = useMemo(() => {
    const marked = document && ranDocument && staleNodes ? staleNodes(document, ranDocument) : new Set<string>();
    if (!document) return marked;
    for (const [id, run] of Object.entries(stepRuns)) {
      for (const after of downstreamOf(document, id)) marked.add(after);
      if (staleNodes?.(document, run.document).has(id)) marked.add(id);
    }
    return marked;
  }, [document, ranDocument, stepRuns]);
  const comparison = useDesigner((state) => state.comparison);
  const stepRunStatus = useMemo(() => new Map(Object.entries(stepRuns).map(([id, run]) => [id, run.status])), [stepRuns]);
  const view = useMemo(() => (document ? drawn(document, diff) : null), [document, diff]);
  const samples = useDesigner((state) => state.samples);
  const pinned = useMemo(() => new Set(Object.entries(samples).filter(([, ports]) => Object.keys(ports ?? {}).length > 0)
    .map(([id]) => id)), [samples]);

  const derived = useMemo((): { nodes: Node[]; edges: Edge[] } => {
    if (!view) return { nodes: [], edges: [] };
    const doc = view.document;
    const selection = new Set(selectionList);
    const byNode = new Map<string | null, Problem[]>();
    for (const problem of problems) {
      const own = byNode.get(problem.nodeId);
      if (own) own.push(problem);
      else byNode.set(problem.nodeId, [problem]);
    }
    const inputs: Inputs = { document: doc, catalog, problems: byNode, overlay, stale, stepRuns: stepRunStatus, pinned, comparison, diffMarks: view.marks, selection, editable, onNoteText };
    const seen = new Set<string>();
    const make = (id: string, source: unknown, type: 'step' | 'trigger' | 'note', position: { x: number; y: number } | undefined,
      data: StepData | NoteData, extra: Partial<Node> = {}): Node => {
      seen.add(id);
      const signature = JSON.stringify([data, position, selection.has(id), editable, extra.className]);
      const cached = cache.current.get(id);
      if (cached && cached.source === source && cached.data === signature) return cached.node;
      const node: Node = {
        id, type, position: { x: position?.x ?? 0, y: position?.y ?? 0 }, data, selected: selection.has(id),
        draggable: editable, connectable: editable, deletable: editable && id !== TRIGGER_ID, ariaLabel: undefined, ...SIZE, ...extra,
      };
      cache.current.set(id, { source, data: signature, node });
      return node;
    };
    const nodes: Node[] = [
      make(TRIGGER_ID, doc.trigger, 'trigger', doc.trigger.position, stepData(null, TRIGGER_ID, inputs)),
      ...doc.nodes.map((node) => make(node.id, node, 'step', node.position, stepData(node, node.id, inputs),
        view.marks?.get(node.id) === 'removed' ? { className: 'wd-ghost', draggable: false, connectable: false } : {})),
      ...notesOf(doc).map((note: Note) => make(note.id, note, 'note', note.position,
        { text: note.text, color: note.color ?? null, editable, onText: onNoteText, onColor: onNoteColor }, { initialWidth: 220, initialHeight: 120, connectable: false })),
    ];
    for (const id of [...cache.current.keys()]) if (!seen.has(id)) cache.current.delete(id);
    const portsByNode = new Map<string, Set<string>>();
    for (const edge of doc.edges) portsByNode.set(edge.from, (portsByNode.get(edge.from) ?? new Set<string>()).add(portOf(edge)));
    // an edge whose drawing did not change keeps its object, so that React Flow does not draw it again
    const seenEdges = new Set<string>();
    const edges: Edge[] = doc.edges.map((edge) => {
      const key = edgeKey(edge);
      const port = portOf(edge);
      const data: LinkData = {
        port, showPort: port !== DEFAULT_PORT || (portsByNode.get(edge.from)?.size ?? 0) > 1,
        count: overlay ? overlay.edges[key] ?? null : null, diff: view.edgeMarks ? view.edgeMarks.get(key) ?? 'unchanged' : null, editable,
      };
      const selected = selectedEdges.current.has(key);
      const signature = JSON.stringify([data, selected]);
      seenEdges.add(key);
      const cached = edgeCache.current.get(key);
      if (cached && cached.data === signature) return cached.edge;
      const drawnEdge: Edge = {
        id: key, source: edge.from, sourceHandle: port, target: edge.to, type: 'link', data, selected,
        markerEnd: { type: MarkerType.ArrowClosed }, deletable: editable, ariaLabel: `${edge.from} ${port} to ${edge.to}`,
      };
      edgeCache.current.set(key, { data: signature, edge: drawnEdge });
      return drawnEdge;
    });
    for (const key of [...edgeCache.current.keys()]) if (!seenEdges.has(key)) edgeCache.current.delete(key);
    return { nodes, edges };
  }, [view, catalog, problems, overlay, stale, stepRunStatus, pinned, comparison, selectionList, editable, onNoteText, onNoteColor]);

  // Local copies React Flow changes while the mouse moves (drag, selection, measured sizes); the store's document
  // replaces them at each commit point, keeping the measured sizes (so edges are not re-measured on every edit).
  const [nodes, setNodes] = useState<Node[]>(derived.nodes);
  const [edges, setEdges] = useState<Edge[]>(derived.edges);
  useEffect(() => setNodes((current) => {
    const measured = new Map(current.map((node) => [node.id, node.measured]));
    return derived.nodes.map((node) => (measured.get(node.id) && !node.measured ? { ...node, measured: measured.get(node.id) } : node));
  }), [derived.nodes]);
  useEffect(() => setEdges(derived.edges), [derived.edges]);

  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)), []);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => setEdges((current) => applyEdgeChanges(changes, current)), []);

  const onNodeDragStop = useCallback((_event: unknown, _node: Node, dragged: Node[]) => {
    setDragging(false);
    const positions = new Map(dragged.map((node) => [node.id, node.position]));
    useDesigner.getState().apply(dragged.length > 1 ? `Move ${dragged.length} steps` : `Move ${dragged[0]?.data?.name ?? 'step'}`,
      (doc) => moveTo(doc, positions));
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    const state = useDesigner.getState();
    if (!state.document) return;
    const port = connection.sourceHandle ?? DEFAULT_PORT;
    const reason = refusal(state.document, connection.source, port, connection.target);
    if (reason) {
      useUi.getState().showToast(reason);
      return;
    }
    state.apply(`Connect ${connection.source} to ${connection.target}`, (doc) => connect(doc, connection.source, port, connection.target));
  }, []);

  const onSelectionChange = useCallback(({ nodes: picked, edges: pickedEdges }: OnSelectionChangeParams) => {
    selectedEdges.current = new Set(pickedEdges.map((edge) => edge.id));
    const ids = picked.map((node) => node.id);
    const current = useDesigner.getState().selection;
    if (ids.length !== current.length || ids.some((id, i) => id !== current[i])) useDesigner.getState().select(ids);
  }, []);

  // A click on a connection selects it alone (Delete then removes it); React Flow's own selection of controlled edges
  // is not relied on.
  const onEdgeClick = useCallback((event: ReactMouseEvent, edge: Edge) => {
    const add = event.ctrlKey || event.metaKey;
    setEdges((current) => current.map((e) => (e.id === edge.id ? { ...e, selected: true } : add || !e.selected ? e : { ...e, selected: false })));
    selectedEdges.current = add ? new Set([...selectedEdges.current, edge.id]) : new Set([edge.id]);
  }, []);

  const onNodeClick = useCallback((_event: unknown, node: Node) => {
    if (node.type === 'note') return;
    useDesigner.getState().inspect(node.id);
    useUi.getState().open({ panel: 'inspector' });
  }, []);

  const onDrop = useCallback((event: DragEvent) => {
    const text = event.dataTransfer.getData('application/x-junction-choice');
    if (!text) return;
    event.preventDefault();
    const choice = JSON.parse(text) as PaletteChoice;
    addChoice(choice, { position: flowPosition(event.clientX, event.clientY) });
  }, []);

  // Until the user pans or zooms, the view follows the canvas's size (the palette and side panel arrive later).
  const userMoved = useRef(false);
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => { if (!userMoved.current) openingView(element.clientWidth, element.clientHeight, editable); });
    observer.observe(element);
    return () => observer.disconnect();
  }, [document != null, editable]);

  const onInit = useCallback((instance: ReactFlowInstance) => {
    setFlow(instance);
    if (!userMoved.current && host.current) openingView(host.current.clientWidth, host.current.clientHeight, editable);
    requestAnimationFrame(() => setReady(true));
  }, [editable]);
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => { if (event) userMoved.current = true; }, []);

  // the view's zoom, for tests and tools (rounded to hundredths)
  const zoom = useStore((state) => Math.round(state.transform[2] * 100) / 100);

  if (!document) return <div className="wd-canvas" />;
  return (
    <div className="wd-canvas" data-testid="canvas" data-zoom={zoom} ref={host} onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onSelectionChange={onSelectionChange}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        onInit={onInit}
        onMoveStart={onMoveStart}
        nodesDraggable={editable}
        nodesConnectable={editable}
        deleteKeyCode={null}
        disableKeyboardA11y
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        onlyRenderVisibleElements
        minZoom={0.05}
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={ARIA_LABELS}
      >
        <Background />
        <Controls showInteractive={false} aria-label="Zoom controls" />
        {overview && !dragging && <MiniMap pannable zoomable ariaLabel="Overview of the workflow" />}
      </ReactFlow>
      {ready && <span data-testid="canvas-ready" hidden />}
    </div>
  );
}

/** A screen point as a canvas position. */
export function flowPosition(clientX: number, clientY: number) {
  return flow()?.screenToFlowPosition({ x: clientX, y: clientY }) ?? { x: 0, y: 0 };
}
