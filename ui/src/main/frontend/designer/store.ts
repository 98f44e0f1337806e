import { create } from 'zustand';
import type { Node } from '../shared/generated/workflow';
import type { Comparison, ConnectionInfo, Definition, DesignerCatalog, OperationKey, OperationSchemas, Options, Overlay,
  Permissions, Problem, PublishGate, Samples, StepRunResult, VersionDiff, WorkflowInfo } from './contract';

/** A step run alone ("Run this step"), and the working copy it ran on. */
export type StepRun = Extract<StepRunResult, { outcome: 'ran' }> & { document: Definition };
import type { DesignerServer } from './server';

/** One step of the history: the document after an edit, and what the edit was, for people ("Add Opayo refund"). */
export interface HistoryEntry {
  label: string;
  document: Definition;
}

const HISTORY_LIMIT = 200;

/**
 * The designer's one store: the working copy of the definition, selection, panels, and one undo/redo history for
 * every edit (canvas and inspector). Edits go through `apply`, which records one history entry each; the history
 * holds whole documents (structurally shared: an edit copies only what it changes), so undo returns exactly the
 * document before (JSON-equal), whatever the edit was.
 */
export interface DesignerState {
  server: DesignerServer | null;
  workflow: WorkflowInfo | null;
  catalog: DesignerCatalog | null;
  /** The operations' schemas the page asked for so far, by `schemaKey` (the catalog leaves them out). */
  schemas: Record<string, OperationSchemas>;
  connections: ConnectionInfo[];
  options: Options;
  permissions: Permissions;
  /** The go-live checklist's refusals for a saved version (null: none known). */
  publishGate: PublishGate | null;
  samples: Samples;
  overlay: Overlay | null;
  /** The document as it was when the overlay's run started: nodes whose config (or an upstream node's) changed since
   * are stale. */
  ranDocument: Definition | null;
  /** Set while the canvas shows a version diff instead of the working copy. */
  diff: VersionDiff | null;
  /** The run on the canvas compared with another run (drawn beside it on each node), or null. */
  comparison: Comparison | null;
  /** Steps run alone, by node id: their output is what the inspector shows; the nodes after them are stale. */
  stepRuns: Record<string, StepRun>;

  /** The working copy; `saved` is the document as last loaded or saved (dirty = they differ). */
  document: Definition | null;
  saved: Definition | null;
  problems: Problem[];
  /** The document `problems` are the validator's answer for (the validation hook skips it). */
  checked: Definition | null;
  selection: string[];
  /** The node whose inspector is open ("trigger" for the trigger), and the field to focus in it. */
  inspected: string | null;
  focusField: string | null;
  past: HistoryEntry[];
  future: HistoryEntry[];

  /** Replaces the working copy and forgets the history (on open, after a restore or a merge). */
  load(document: Definition, workflow: WorkflowInfo): void;
  /** Marks `document` as saved as `version` (the history stays: undo after save makes the page dirty again). */
  markSaved(document: Definition, version: number): void;
  /** One edit, one history entry. `recipe` returns a new document (never mutates its argument). */
  apply(label: string, recipe: (document: Definition) => Definition): void;
  undo(): void;
  redo(): void;
  select(ids: string[]): void;
  /** Asks the server for the schemas of those operations the page has not got (once each; answers land in `schemas`). */
  needSchemas(operations: OperationKey[]): void;
  inspect(nodeId: string | null, field?: string | null): void;
  set(partial: Partial<Pick<DesignerState, 'server' | 'workflow' | 'catalog' | 'connections' | 'options'
    | 'permissions' | 'publishGate' | 'samples' | 'overlay' | 'ranDocument' | 'diff' | 'problems' | 'checked' | 'stepRuns' | 'comparison'>>): void;
}

/** The go-live checklist's open required items for the saved version the designer would publish (empty: none). */
export function publishRefusals(state: Pick<DesignerState, 'publishGate' | 'workflow'>): readonly string[] {
  const gate = state.publishGate;
  return gate && gate.version === state.workflow?.baseVersion ? gate.refusals : NO_REFUSALS;
}

const NO_REFUSALS: readonly string[] = [];

export const useDesigner = create<DesignerState>()((set, get) => ({
  server: null,
  workflow: null,
  catalog: null,
  schemas: {},
  connections: [],
  options: { mappings: [], lookupTables: [], workflows: [] },
  permissions: { edit: false, publish: false, run: false },
  publishGate: null,
  samples: {},
  overlay: null,
  ranDocument: null,
  diff: null,
  stepRuns: {},
  comparison: null,
  document: null,
  saved: null,
  problems: [],
  checked: null,
  selection: [],
  inspected: null,
  focusField: null,
  past: [],
  future: [],

  load: (document, workflow) =>
    set({ document, saved: document, workflow, past: [], future: [], selection: [], inspected: null, focusField: null, stepRuns: {} }),
  markSaved: (document, version) =>
    set((state) => ({
      document,
      saved: document,
      workflow: state.workflow ? { ...state.workflow, baseVersion: version } : state.workflow,
    })),
  apply: (label, recipe) => {
    const { document, past, permissions } = get();
    if (!document || !permissions.edit) return;
    const next = recipe(document);
    if (next === document) return;
    set({ document: next, past: [...past, { label, document }].slice(-HISTORY_LIMIT), future: [] });
  },
  undo: () => {
    const { document, past, future } = get();
    const last = past[past.length - 1];
    if (!document || !last) return;
    set({ document: last.document, past: past.slice(0, -1), future: [{ label: last.label, document }, ...future] });
  },
  redo: () => {
    const { document, past, future } = get();
    const next = future[0];
    if (!document || !next) return;
    set({ document: next.document, past: [...past, { label: next.label, document }], future: future.slice(1) });
  },
  select: (ids) => set({ selection: ids }),
  needSchemas: (operations) => {
    const { server, schemas } = get();
    const missing = operations.filter((key) => !(schemaKey(key) in schemas) && !askedSchemas.has(schemaKey(key)))
      .filter((key, index, all) => all.findIndex((other) => schemaKey(other) === schemaKey(key)) === index);
    if (!server || missing.length === 0) return;
    missing.forEach((key) => askedSchemas.add(schemaKey(key)));
    server.operationSchemas(missing).then((answer) => {
      // an operation the server does not know is kept without schemas, so that it is not asked for again
      const known: Record<string, OperationSchemas> = Object.fromEntries(missing.map((key) => [schemaKey(key), { ...key }]));
      for (const found of answer ?? []) known[schemaKey(found)] = found;
      set((state) => ({ schemas: { ...state.schemas, ...known } }));
    }, () => undefined).finally(() => missing.forEach((key) => askedSchemas.delete(schemaKey(key))));
  },
  inspect: (nodeId, field = null) => set({ inspected: nodeId, focusField: field }),
  set: (partial) => set(partial),
}));

/** How the page keeps an operation's schemas: `connector/operation`. */
export function schemaKey(key: OperationKey): string {
  return `${key.connector}/${key.operation}`;
}

/** The operations whose schemas are being asked for (an answer on its way). */
const askedSchemas = new Set<string>();

/** The last pair isDirty compared, and its answer: documents are never mutated, so the same pair has the same answer. */
let lastDirty: { document: Definition | null; saved: Definition | null; dirty: boolean } | null = null;

/**
 * Whether the working copy differs from the saved one (by value). Several components select it, so it runs on every
 * change of the store (a click that selects a step); comparing a 500-step document by value takes milliseconds, so the
 * answer for the last pair of documents is kept.
 */
export function isDirty(state: Pick<DesignerState, 'document' | 'saved'>): boolean {
  if (state.document === state.saved) return false;
  if (lastDirty && lastDirty.document === state.document && lastDirty.saved === state.saved) return lastDirty.dirty;
  const dirty = JSON.stringify(state.document) !== JSON.stringify(state.saved);
  lastDirty = { document: state.document, saved: state.saved, dirty };
  return dirty;
}

/** The document with one node replaced by `change(node)`; other nodes are shared, not copied. */
export function updateNode(document: Definition, nodeId: string, change: (node: Node) => Node): Definition {
  return { ...document, nodes: document.nodes.map((node) => (node.id === nodeId ? change(node) : node)) };
}

/** A copy of `value` with `path` set to `next` (copies only the objects on the path); `undefined` removes the key. */
export function setIn<T>(value: T, path: readonly string[], next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path;
  const container = (value ?? {}) as Record<string, unknown>;
  const copy: Record<string, unknown> = Array.isArray(container) ? ([...container] as unknown as Record<string, unknown>) : { ...container };
  const child = setIn(container[head], rest, next);
  if (child === undefined) delete copy[head];
  else copy[head] = child;
  return copy as T;
}
