/*
 * What the designer and the server say to each other through the Vaadin component (DesignerComponent.java).
 * Java -> React: named states (see workflow-designer.tsx). React -> Java: @ClientCallable methods, called through
 * server.ts at commit points only (drop, connect, blur, paste, undo, save), never per mouse move.
 * Every method takes JSON-able values (server.ts sends each as a JSON string) and answers one of the shapes below.
 */
import type { Catalog, Connector, Operation } from '../shared/generated/catalog';
import type { JunctionWorkflowDefinition } from '../shared/generated/workflow';

export type Definition = JunctionWorkflowDefinition;

/** One thing the validator says about a definition. `field` is the dotted path inside the node (or trigger) that the
 * inspector focuses, e.g. "config.connection" or "config.input.reference"; null when the problem is the node as a
 * whole (e.g. "not connected"). nodeId is "trigger" for the trigger, null for the definition as a whole. */
export interface Problem {
  nodeId: string | null;
  field: string | null;
  path: string;
  message: string;
}

/** The workflow around the document: its id and name, the version the document was loaded from (the base of the
 * next save; null before the first save) and the published version. */
export interface WorkflowInfo {
  id: string;
  name: string;
  baseVersion: number | null;
  publishedVersion: number | null;
  webhookUrl: string | null;
}

/** An operation as the catalog the designer opens with has it: without its input and output schemas (most of the
 * catalog's size); the page asks for those with `operationSchemas` when it first needs them. */
export type OperationSummary = Omit<Operation, 'inputSchema' | 'outputSchema'>;

/** The catalog state: node kinds, trigger kinds, connectors with their operations' summaries. */
export type DesignerCatalog = Omit<Catalog, 'connectors'> & {
  connectors: (Omit<Connector, 'operations'> & { operations: OperationSummary[] })[];
};

/** A connector's operation, as the page names one to ask for its schemas. */
export interface OperationKey {
  connector: string;
  operation: string;
}

/** An operation's input and output schemas (absent: it has none, or the server knows no such operation). */
export interface OperationSchemas extends OperationKey {
  inputSchema?: Record<string, unknown> | null;
  outputSchema?: Record<string, unknown> | null;
}

/** A connection a connector node may use (never a secret). */
export interface ConnectionInfo {
  id: string;
  name: string;
  connector: string;
  sandbox: boolean;
}

/** What some config fields pick from (a map node's mapping, a lookup node's table, a subflow's workflow). */
export interface Options {
  mappings: { id: string; name: string }[];
  lookupTables: { name: string }[];
  workflows: { id: string; name: string }[];
}

/** Who may do what on this page (decided by the server; the server refuses whatever the browser sends anyway). */
export interface Permissions {
  edit: boolean;
  publish: boolean;
  run: boolean;
}

/** What keeps a saved version from going live besides its problems: the open required items of the workflow's
 * go-live checklist, when it gates publish (installed from a template, or using a production connection). */
export interface PublishGate {
  version: number;
  refusals: string[];
}

export interface VersionInfo {
  version: number;
  comment: string | null;
  author: string | null;
  createdAt: string;
  published: boolean;
}

/** One field on which two saves disagree. path: segments from the definition root, a node named by its id:
 * ["nodes", "<id>", "config", "input", "reference"], ["nodes", "<id>"] (whole node: added/removed on one side),
 * ["edges"], ["trigger", "config", "cron"]. Values are absent (undefined) where a side removed the thing. */
export interface MergeConflict {
  key: string;
  nodeId: string | null;
  path: string[];
  label: string;
  base?: unknown;
  mine?: unknown;
  theirs?: unknown;
}

/** The answer to save and restore. Saved: `document` is the stored definition, null when it is exactly the one the page
 * sent to save (the page keeps its own then). On a conflict nothing is saved: `merged` holds every non-overlapping edit of
 * both sides and "mine" for each conflict; the designer lets the user choose per conflict, then saves `merged`
 * (with the chosen values) on `theirsVersion`. */
export type SaveResult =
  | { outcome: 'saved'; version: number; document: Definition | null; problems: Problem[] }
  | { outcome: 'conflict'; theirsVersion: number; theirsAuthor: string | null; merged: Definition; conflicts: MergeConflict[] }
  | { outcome: 'refused'; message: string; problems: Problem[] };

/** The answer to newMappingFromNode: the stored mapping made for a map node, and the save of the workflow with the
 * node naming it (when it saved, the page has gone to the mapping editor). */
export type NewMappingResult =
  | { outcome: 'created'; mappingId: string; mappingName: string; saved: SaveResult }
  | { outcome: 'refused'; message: string; problems: Problem[] };

export type PublishResult =
  | { outcome: 'published'; version: number }
  | { outcome: 'refused'; message: string; problems: Problem[] };

/** Change of one node between two versions; fields: dotted paths inside the node ("config.input.reference"). */
export interface NodeDiff {
  nodeId: string;
  change: 'added' | 'removed' | 'changed' | 'moved';
  fields: { path: string; before?: unknown; after?: unknown }[];
}

export interface VersionDiff {
  from: number;
  to: number;
  fromDocument: Definition;
  toDocument: Definition;
  triggerChanged: boolean;
  nodes: NodeDiff[];
  addedEdges: { from: string; fromPort?: string; to: string }[];
  removedEdges: { from: string; fromPort?: string; to: string }[];
}

/** An expression evaluated by the server's GraalJS sandbox on the sample the designer has for that node. */
export type EvaluateResult =
  | { outcome: 'value'; value: unknown; sampleSource: 'run' | 'pinned' | 'none' }
  | { outcome: 'error'; message: string; position: number | null };

export type CronPreview = { outcome: 'times'; times: string[] } | { outcome: 'error'; message: string };

/** What flowed into and out of one node: from a run (runId), a pinned sample, or only the schema. Values are
 * trimmed by the server (never whole payloads). */
export interface NodeData {
  nodeId: string;
  input: { source: 'run' | 'pinned' | 'schema' | 'none' | 'step'; value?: unknown; schema?: unknown; truncated?: boolean };
  output: { source: 'run' | 'pinned' | 'schema' | 'none' | 'step'; port?: string; value?: unknown; schema?: unknown; truncated?: boolean };
  error?: string | null;
}

/** Pinned samples, by node id then output port (the trigger's under "trigger", port "out"). */
export type Samples = Record<string, Record<string, unknown>>;

export type RunStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled' | 'skipped' | 'dead';

/** The run drawn over the canvas; pushed by the server while the run is active. */
export interface Overlay {
  runId: string;
  version: number;
  status: RunStatus;
  test: boolean;
  nodes: Record<string, { status: RunStatus; attempts: number; durationMillis: number | null; items: number | null; error: string | null }>;
  /** items that went along each edge, by edge key `${from}:${fromPort}->${to}` */
  edges: Record<string, number>;
}

/** "Run this step": the step run alone on the designer's sample data (nothing goes into the run history). */
export type StepRunResult =
  | { outcome: 'ran'; nodeId: string; status: 'succeeded' | 'failed' | 'waiting'; input: unknown; output: unknown;
      ports: string[]; message: string | null; dataSource: 'run' | 'pinned' | 'run+pinned' | 'none' }
  | { outcome: 'refused'; message: string };

/** The run on the canvas against another run of the workflow, per node. */
export interface Comparison {
  runId: string;
  otherRunId: string;
  otherVersion: number;
  otherStatus: RunStatus;
  nodes: Record<string, { change: 'same' | 'different' | 'only-shown' | 'only-other'; differences: ('status' | 'output')[];
    otherStatus: RunStatus | null; otherAttempts: number | null; otherDurationMillis: number | null }>;
}

/** A run of the workflow to pick for a comparison. */
export interface RunChoice { runId: string; version: number; status: RunStatus; trigger: string; createdAt: string }

export type StartResult = { outcome: 'started'; runId: string } | { outcome: 'refused'; message: string };
