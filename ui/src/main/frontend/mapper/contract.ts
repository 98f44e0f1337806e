/*
 * What the mapping editor and the server say to each other through the Vaadin component
 * (MappingEditorComponent.java). Java -> React: named states (see mapping-editor.tsx). React -> Java:
 * @ClientCallable methods, called through server.ts at commit points (a drop, a blur, an accepted suggestion, a
 * debounced preview), never per mouse move. Each method takes JSON-able values and answers one of the shapes below.
 */
import type { JunctionMapping, Rule } from '../shared/generated/mapping';

export type MappingDoc = JunctionMapping;
export type { Rule };

/** The stored mapping around the document: the version it was loaded from (the base of the next save) and the
 * published one. */
export interface MappingInfo {
  id: string;
  name: string;
  description: string;
  baseVersion: number;
  latestVersion: number;
  publishedVersion: number | null;
}

/** Who may do what here (decided by the server, which refuses whatever the browser sends anyway). VIEWER and
 * OPERATOR: preview only, with their own samples. */
export interface Permissions {
  edit: boolean;
  publish: boolean;
}

/** When the editor was opened from a workflow's map node: the node, and the schemas around it (its upstream output
 * and the downstream operation's input), pre-selected when the mapping has none. */
export interface NodeContext {
  workflowId: string;
  workflowName: string;
  nodeId: string;
  sourceSchema: Record<string, unknown> | null;
  targetSchema: Record<string, unknown> | null;
  /** The node's input in its last runs, newest first (may be empty). */
  samples: SampleOption[];
}

/** A sample the user may preview on. */
export interface SampleOption {
  /** "run" (a step input of a recent run), "connection" (fetched from a read-only operation), "generated", "pasted". */
  kind: 'run' | 'connection' | 'generated' | 'pasted' | 'upload';
  label: string;
  data: unknown;
}

export interface LookupTableInfo {
  name: string;
  description: string;
  missingKey: 'error' | 'null' | 'passThrough';
  size: number;
}

/** One problem of a mapping's definition or of one output record. `path` is the mapping's JSON path for definition
 * problems ("rules[3].pipe[0].fn") and the target path for output problems ("billingAddress.address1"). */
export interface MappingProblemInfo {
  severity: 'ERROR' | 'WARNING';
  code: string;
  path: string;
  message: string;
  /** "definition" (the mapping as written) or "output" (what it made of the sample). */
  origin: 'definition' | 'output';
}

export interface PreviewStep {
  label: string;
  value: unknown;
}

/** One target field of a preview: its value, the source paths that fed it (the lineage), each pipeline step with its
 * value, its problems. Paths inside a forEach are concrete: "items[0].sku". */
export interface PreviewField {
  targetPath: string;
  value: unknown;
  sourcePaths: string[];
  steps: PreviewStep[];
  problems: MappingProblemInfo[];
}

/** A preview's answer. When the mapping does not compile, `compiled` is false, `output` null, and `problems` lists
 * every definition problem (never an exception). */
export interface PreviewResult {
  compiled: boolean;
  output: unknown;
  fields: PreviewField[];
  problems: MappingProblemInfo[];
}

export interface Suggestion {
  targetPath: string;
  sourcePath: string;
  pipe: { fn: string; args?: unknown[] }[];
  valueMap: string | null;
  confidence: number;
  reasons: string[];
  inner: Suggestion[];
}

export interface Suggestions {
  suggestions: Suggestion[];
  /** The same as mapping rules, compiler-ready. */
  rules: Rule[];
}

export type SaveResult =
  | { kind: 'saved'; version: number; problems: MappingProblemInfo[] }
  | { kind: 'conflict'; message: string; latestVersion: number }
  | { kind: 'refused'; message: string };

export type PublishResult =
  | { kind: 'published'; version: number }
  | { kind: 'refused'; message: string; problems: MappingProblemInfo[] };

export interface VersionInfo {
  version: number;
  comment: string | null;
  author: string | null;
  createdAt: string;
  published: boolean;
}

/** A rule-level diff between two versions: one entry per target path added, removed or changed. */
export interface RuleDiff {
  kind: 'added' | 'removed' | 'changed';
  target: string;
  before: unknown;
  after: unknown;
}

export interface VersionDiff {
  from: number;
  to: number;
  sourceChanged: boolean;
  targetChanged: boolean;
  rules: RuleDiff[];
}

/** A saved test case (golden sample): a sample and the output it must give. */
export interface TestCase {
  id: string;
  name: string;
  sample: unknown;
  expected: unknown;
}

/** One difference between a test case's expected output and the actual one ("changed": both present). */
export interface OutputDifference {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  expected: unknown;
  actual: unknown;
}

export interface TestResult {
  id: string;
  name: string;
  passed: boolean;
  /** Why it could not run (the mapping does not compile); null when it ran. */
  error: string | null;
  differences: OutputDifference[];
}
