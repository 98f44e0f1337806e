import type { Node } from '../../shared/generated/workflow';
import { entryOfSchema, entryOfValue, mergeEntries, type Scope, type ScopeEntry } from '../../shared/expression-input/scope';
import type { ConnectionInfo, Definition, DesignerCatalog, OperationKey, OperationSchemas, OperationSummary, Samples } from '../contract';
import { schemaKey } from '../store';

/** The nodes `nodeId` is downstream of (its expressions may read their outputs), nearest first. */
export function upstreamNodes(document: Definition, nodeId: string): string[] {
  const found: string[] = [];
  const queue = [nodeId];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const edge of document.edges) {
      if (edge.to === current && edge.from !== 'trigger' && edge.from !== nodeId && !found.includes(edge.from)) {
        found.push(edge.from);
        queue.push(edge.from);
      }
    }
  }
  return found;
}

/** The node right before `nodeId` (its first incoming edge), "trigger" when none. */
export function predecessor(document: Definition, nodeId: string): string {
  return document.edges.find((edge) => edge.to === nodeId)?.from ?? 'trigger';
}

/** The scope path of a node's output: `trigger` or `nodes.<id>`. */
export function scopeRoot(nodeId: string): string {
  return nodeId === 'trigger' ? 'trigger' : `nodes.${nodeId}`;
}

/** The connector a connection belongs to. */
export function connectorOf(connections: ConnectionInfo[], connectionId: unknown): string | undefined {
  return connections.find((connection) => connection.id === connectionId)?.connector;
}

/** The operation a connector node (or polling trigger, or waitUntil) calls, found through its connection (else the
 * connector hint, else the only operation of that id), and the connector it belongs to. */
export function operationKeyOf(catalog: DesignerCatalog | null, connections: ConnectionInfo[], config: Record<string, unknown> | undefined,
  connectorHint?: string): (OperationKey & { found: OperationSummary }) | undefined {
  if (!catalog || !config || typeof config.operation !== 'string') return undefined;
  const connector = connectorOf(connections, config.connection) ?? connectorHint;
  const candidates = catalog.connectors.filter((candidate) => !connector || candidate.id === connector)
    .flatMap((candidate) => candidate.operations.filter((operation) => operation.id === config.operation)
      .map((found) => ({ connector: candidate.id, operation: found.id, found })));
  return candidates.length === 1 || connector ? candidates[0] : undefined;
}

/** The operations whose output schemas the expressions of `nodeId` may read (its upstream nodes', a polling
 * trigger's) and its own (the inspector's input form): what the page asks the server for when it is inspected. */
export function operationsAround(document: Definition, nodeId: string, catalog: DesignerCatalog | null,
  connections: ConnectionInfo[]): OperationKey[] {
  const byId = new Map(document.nodes.map((node) => [node.id, node] as const));
  const configs = [...(nodeId === 'trigger' ? [] : [nodeId, ...upstreamNodes(document, nodeId)])]
    .map((id) => byId.get(id)).filter((node): node is Node => node?.type === 'connector' || node?.type === 'waitUntil')
    .map((node) => node.config as Record<string, unknown> | undefined);
  if (document.trigger.kind === 'polling') configs.push(document.trigger.config as Record<string, unknown> | undefined);
  return configs.map((config) => operationKeyOf(catalog, connections, config))
    .filter((key): key is OperationKey & { found: OperationSummary } => key !== undefined)
    .map(({ connector, operation }) => ({ connector, operation }));
}

/** An operation's output schema, when the page has it. */
function outputSchemaOf(key: OperationKey | undefined, schemas: Record<string, OperationSchemas>): Record<string, unknown> | undefined {
  return key ? schemas[schemaKey(key)]?.outputSchema ?? undefined : undefined;
}

/** What the expressions of `nodeId` can read: the trigger, the upstream nodes and vars, from pinned samples, the
 * run data the inspector has and output schemas. */
export function scopeOf(document: Definition, nodeId: string, catalog: DesignerCatalog | null, connections: ConnectionInfo[],
  samples: Samples, runScope: unknown, schemas: Record<string, OperationSchemas> = {}): Scope {
  const sampleOf = (id: string): ScopeEntry | undefined => {
    const ports = samples[id];
    if (!ports) return undefined;
    return Object.values(ports).map((value) => entryOfValue(value)).reduce<ScopeEntry | undefined>((a, b) => mergeEntries(a, b), undefined);
  };
  const run = (runScope && typeof runScope === 'object' ? runScope : {}) as { trigger?: unknown; nodes?: Record<string, unknown>; vars?: unknown };
  const triggerSchema = document.trigger.kind === 'polling'
    ? outputSchemaOf(operationKeyOf(catalog, connections, document.trigger.config), schemas) : undefined;
  let trigger = mergeEntries(triggerSchema ? entryOfSchema(triggerSchema) : undefined, sampleOf('trigger'));
  if (run.trigger !== undefined) trigger = mergeEntries(trigger, entryOfValue(run.trigger));
  const nodes: Record<string, ScopeEntry> = {};
  const byId = new Map(document.nodes.map((node) => [node.id, node] as const));
  for (const id of nodeId === 'trigger' ? [] : upstreamNodes(document, nodeId)) {
    const node = byId.get(id);
    if (!node) continue;
    let entry = mergeEntries(outputSchemaEntry(node, catalog, connections, schemas), sampleOf(id));
    if (run.nodes?.[id] !== undefined) entry = mergeEntries(entry, entryOfValue(run.nodes[id]));
    nodes[id] = { ...entry, info: `${node.name} (${node.type})`, detail: entry.detail ?? 'output' };
  }
  const scope: Scope = {
    trigger: { ...trigger, info: `the trigger's payload (${document.trigger.kind})`, detail: trigger.detail ?? 'payload' },
    nodes: { info: 'the outputs of the nodes before this one', detail: 'outputs', children: nodes },
    vars: { ...(run.vars !== undefined ? entryOfValue(run.vars) : {}), info: "the run's variables", detail: 'vars' },
  };
  if (byId.get(nodeId)?.type === 'waitUntil') scope.output = { info: 'the output of the last poll', detail: 'output' };
  return scope;
}

function outputSchemaEntry(node: Node, catalog: DesignerCatalog | null, connections: ConnectionInfo[],
  schemas: Record<string, OperationSchemas>): ScopeEntry | undefined {
  if (node.type !== 'connector' && node.type !== 'waitUntil') return undefined;
  const schema = outputSchemaOf(operationKeyOf(catalog, connections, node.config), schemas);
  return schema ? entryOfSchema(schema) : undefined;
}
