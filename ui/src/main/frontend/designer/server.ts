import type {
  OperationKey, OperationSchemas,
  CronPreview, Definition, EvaluateResult, NewMappingResult, NodeData, PublishResult, SaveResult, StartResult, StepRunResult, VersionDiff, Comparison, RunChoice,
  VersionInfo, Problem,
} from './contract';

/** The @ClientCallable methods of DesignerComponent.java, typed. Each argument travels as a JSON string, each answer
 * comes back as a JSON string and is parsed here, so Java and TypeScript agree on plain JSON only. */
export interface DesignerServer {
  validate(document: Definition): Promise<Problem[]>;
  save(document: Definition, baseVersion: number | null, comment: string): Promise<SaveResult>;
  publish(version: number): Promise<PublishResult>;
  /** The input and output schemas of those operations (the catalog the page opens with leaves them out); unknown
   * operations are left out of the answer. */
  operationSchemas(operations: OperationKey[]): Promise<OperationSchemas[]>;
  versions(): Promise<VersionInfo[]>;
  diff(from: number, to: number): Promise<VersionDiff>;
  restore(version: number, baseVersion: number | null): Promise<SaveResult>;
  evaluate(expression: string, nodeId: string, document: Definition): Promise<EvaluateResult>;
  cronPreview(cron: string, zone: string): Promise<CronPreview>;
  nodeData(nodeId: string, runId: string | null): Promise<NodeData>;
  pin(nodeId: string, port: string, sample: unknown | null): Promise<void>;
  /** Starts a test run of the saved version `version` with `input` (null: the pinned trigger sample); `untilNodeId`
   * stops the run after that node ("run to here"; null runs everything). The overlay state follows the run. */
  testRun(version: number, input: unknown | null, untilNodeId: string | null): Promise<StartResult>;
  /** "Run this step": node `nodeId` of `document` alone, on the sandbox, with its upstream data from the run shown (else
   * the latest run) and the pinned samples; nothing is kept in the run history. */
  runStep(nodeId: string, document: Definition): Promise<StepRunResult>;
  /** The workflow's latest runs, newest first, to compare one with the run on the canvas. */
  recentRuns(): Promise<RunChoice[]>;
  /** The run on the canvas against run `otherRunId`, per node (null when no run is shown). */
  compareRuns(otherRunId: string): Promise<Comparison | null>;
  /** Draws a past run of this workflow over the canvas (the overlay state), or clears it (null). */
  showRun(runId: string | null): Promise<void>;
  /** Makes a stored mapping for map node `nodeId` (schemas from the operations around it), points the node at it and
   * saves `document` so on `baseVersion`; when that saved, the page goes to the mapping editor. */
  newMappingFromNode(nodeId: string, document: Definition, baseVersion: number | null): Promise<NewMappingResult>;
  /** Goes to the mapping editor on stored mapping `mappingId`, opened from map node `nodeId`. */
  openMapping(mappingId: string, nodeId: string): Promise<void>;
}

type Raw = Record<string, (...args: string[]) => Promise<string | null>>;

const json = (value: unknown) => JSON.stringify(value ?? null);
const parse = <T,>(text: string | null): T => (text == null || text === '' ? (undefined as T) : (JSON.parse(text) as T));

export function designerServer(element: HTMLElement): DesignerServer {
  const raw = () => (element as unknown as { $server: Raw }).$server;
  const call = async <T,>(method: string, ...args: unknown[]): Promise<T> => parse<T>(await raw()[method](...args.map(json)));
  return {
    validate: (document) => call('validate', document),
    save: (document, baseVersion, comment) => call('save', document, baseVersion, comment),
    publish: (version) => call('publish', version),
    operationSchemas: (operations) => call('operationSchemas', operations),
    versions: () => call('versions'),
    diff: (from, to) => call('diff', from, to),
    restore: (version, baseVersion) => call('restore', version, baseVersion),
    evaluate: (expression, nodeId, document) => call('evaluate', expression, nodeId, document),
    cronPreview: (cron, zone) => call('cronPreview', cron, zone),
    nodeData: (nodeId, runId) => call('nodeData', nodeId, runId),
    pin: (nodeId, port, sample) => call('pin', nodeId, port, sample),
    testRun: (version, input, untilNodeId) => call('testRun', version, input, untilNodeId),
    showRun: (runId) => call('showRun', runId),
    runStep: (nodeId, document) => call('runStep', nodeId, document),
    recentRuns: () => call('recentRuns'),
    compareRuns: (otherRunId) => call('compareRuns', otherRunId),
    newMappingFromNode: (nodeId, document, baseVersion) => call('newMappingFromNode', nodeId, document, baseVersion),
    openMapping: (mappingId, nodeId) => call('openMapping', mappingId, nodeId),
  };
}
