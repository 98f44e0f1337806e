/*
 * The graph rules of the designer, on plain definitions (no React): ports, edge keys, readable ids, the connection
 * rules with their reasons, and the edits the canvas makes (add after, insert into an edge, delete with edges).
 */
import type { NodeKind } from '../shared/generated/catalog';
import type { Edge, Node, Position } from '../shared/generated/workflow';
import type { ConnectionInfo, Definition, DesignerCatalog } from './contract';

export const TRIGGER_ID = 'trigger';
export const DEFAULT_PORT = 'out';

/** A canvas note (markdown subset, optional colour); kept in the definition's `notes`. */
export interface Note {
  id: string;
  text: string;
  position: Position;
  color?: string;
}

/** The definition as the designer edits it: the generated type plus canvas notes (added on the server side too). */
export type DesignerDefinition = Definition & { notes?: Note[] };

export const notesOf = (document: Definition): Note[] => (document as DesignerDefinition).notes ?? [];

export const portOf = (edge: Edge): string => edge.fromPort ?? DEFAULT_PORT;
export const edgeKey = (edge: Edge): string => `${edge.from}:${portOf(edge)}->${edge.to}`;

/** Fixed output ports per node type when the catalog is not there (the workflow schema says the same). */
const FALLBACK_PORTS: Record<string, string[]> = {
  connector: ['out'], map: ['out'], branch: ['else'], forEach: ['body', 'done'], script: ['out'], lookup: ['out'],
  delay: ['out'], subflow: ['out'], notify: ['out'], waitUntil: ['out', 'timeout'],
};

export function nodeKind(catalog: DesignerCatalog | null, type: string): NodeKind | undefined {
  return catalog?.nodeKinds.find((kind) => kind.type === type);
}

/** The output ports of a node: the kind's ports, the branch's condition ports before them, 'error' while onError is "error". */
export function outputPorts(catalog: DesignerCatalog | null, node: Node): string[] {
  const fixed = nodeKind(catalog, node.type)?.ports.map((port) => port.name) ?? FALLBACK_PORTS[node.type] ?? [DEFAULT_PORT];
  const ports = [...fixed];
  if (node.type === 'branch') {
    const conditions = (node.config?.conditions as { port?: unknown }[] | undefined) ?? [];
    const dynamic = conditions.map((condition) => condition?.port).filter((port): port is string => typeof port === 'string' && port !== '');
    ports.splice(0, 0, ...dynamic.filter((port) => !fixed.includes(port)));
  }
  if (node.onError === 'error' && !ports.includes('error')) ports.push('error');
  else if (node.onError !== 'error') return ports.filter((port) => port !== 'error');
  return ports;
}

/** A readable id not yet used: the slug of `base`, then base-2, base-3... */
export function freshId(base: string, taken: Set<string>): string {
  // a valid id stays as it is (toOrder -> toOrder-2); anything else becomes a slug
  let slug = /^[A-Za-z][A-Za-z0-9_-]{0,55}$/.test(base) ? base.replace(/-\d+$/, '') : base.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z]+/, '').replace(/-+$/, '').slice(0, 56);
  if (!slug || slug === TRIGGER_ID) slug = 'step';
  if (slug.length > 56) slug = slug.slice(0, 56);
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

export const idsOf = (document: Definition): Set<string> =>
  new Set<string>([TRIGGER_ID, ...document.nodes.map((node) => node.id), ...notesOf(document).map((note) => note.id)]);

/** What the palette and picker offer: a node kind, or one operation of a connector. */
export interface PaletteChoice {
  kind: string;
  title: string;
  description: string;
  connector?: string;
  operation?: string;
  icon?: string;
}

export function paletteChoices(catalog: DesignerCatalog | null): PaletteChoice[] {
  if (!catalog) return [];
  const kinds = catalog.nodeKinds.filter((kind) => kind.type !== 'connector')
    .map((kind): PaletteChoice => ({ kind: kind.type, title: kind.title, description: kind.description }));
  const operations = catalog.connectors.flatMap((connector) => connector.operations
    .filter((operation) => operation.kind === 'ACTION')
    .map((operation): PaletteChoice => ({
      kind: 'connector', connector: connector.id, operation: operation.id, icon: connector.icon,
      title: `${connector.name}: ${operation.name}`, description: operation.description,
    })));
  return [...operations, ...kinds];
}

export const TRIGGER_KINDS: { kind: 'manual' | 'webhook' | 'schedule' | 'polling'; title: string; description: string }[] = [
  { kind: 'manual', title: 'Manual trigger', description: 'Runs when someone starts it' },
  { kind: 'webhook', title: 'Webhook trigger', description: 'Runs on a call to the workflow’s address' },
  { kind: 'schedule', title: 'Schedule trigger', description: 'Runs on a cron schedule' },
  { kind: 'polling', title: 'Polling trigger', description: 'Runs when a poll of a connection finds something' },
];

export function matches(choice: { title: string; description: string; kind: string }, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${choice.title} ${choice.description} ${choice.kind}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

const DEFAULT_CONFIG: Record<string, Record<string, unknown>> = {
  map: { mapping: '' },
  branch: { conditions: [{ port: 'matched', expression: '' }] },
  forEach: { items: '' },
  script: { code: 'return {};' },
  lookup: { table: '', key: '' },
  delay: { duration: 'PT1M' },
  subflow: { workflow: '' },
  notify: { channel: 'log', message: '' },
  waitUntil: { connection: '', operation: '', condition: '', interval: 'PT30S', timeout: 'PT1H' },
};

/** A new node for `choice`, at `position`, with an id not in `taken`. A connector node takes the first connection of
 * its connector (a sandbox one first). */
export function newNode(choice: PaletteChoice, catalog: DesignerCatalog | null, connections: ConnectionInfo[], taken: Set<string>, position: Position): Node {
  if (choice.kind === 'connector') {
    const operation = catalog?.connectors.find((c) => c.id === choice.connector)?.operations.find((o) => o.id === choice.operation);
    const candidates = connections.filter((connection) => connection.connector === choice.connector);
    const connection = candidates.find((c) => c.sandbox) ?? candidates[0];
    return {
      id: freshId(choice.operation ?? 'call', taken), type: 'connector', name: operation?.name ?? choice.title,
      config: { connection: connection?.id ?? '', operation: choice.operation ?? '', input: {} }, position,
    };
  }
  const title = nodeKind(catalog, choice.kind)?.title ?? choice.title;
  return {
    id: freshId(choice.kind, taken), type: choice.kind as Node['type'], name: title,
    config: structuredClone(DEFAULT_CONFIG[choice.kind] ?? {}), position,
  };
}

/** Why `from:port -> to` may not be added, or null when it may. */
export function refusal(document: Definition, from: string, port: string, to: string): string | null {
  if (to === TRIGGER_ID) return 'cannot connect into a trigger';
  if (from === to) return 'cannot connect a node to itself';
  if (document.edges.some((edge) => edge.from === from && edge.to === to && portOf(edge) === port)) return 'already connected';
  if (reaches(document, to, from)) {
    // A loop back into a forEach from its own body is how a body ends; every other cycle is refused.
    const target = document.nodes.find((node) => node.id === to);
    const fromBody = target?.type === 'forEach' && document.edges.some((edge) => edge.from === to && portOf(edge) === 'body' && (edge.to === from || reaches(document, edge.to, from)));
    if (!fromBody) return 'would make a cycle outside a forEach body';
  }
  return null;
}

/** Whether `target` can be reached from `start` along edges. */
export function reaches(document: Definition, start: string, target: string): boolean {
  const next = new Map<string, string[]>();
  for (const edge of document.edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

export function connect(document: Definition, from: string, port: string, to: string): Definition {
  const edge: Edge = port === DEFAULT_PORT ? { from, to } : { from, fromPort: port, to };
  return { ...document, edges: [...document.edges, edge] };
}

/** Adds `node` after `from:port` and connects them. */
export function addAfter(document: Definition, node: Node, from: string | null, port: string | null): Definition {
  const added = { ...document, nodes: [...document.nodes, node] };
  return from ? connect(added, from, port ?? DEFAULT_PORT, node.id) : added;
}

/** Puts `node` into the edge `key`: the old edge becomes from -> node -> to. */
export function insertIntoEdge(document: Definition, node: Node, key: string, nodePort: string): Definition {
  const old = document.edges.find((edge) => edgeKey(edge) === key);
  if (!old) return document;
  const edges = document.edges.filter((edge) => edge !== old);
  const into: Edge = old.fromPort ? { from: old.from, fromPort: old.fromPort, to: node.id } : { from: old.from, to: node.id };
  const out: Edge = nodePort === DEFAULT_PORT ? { from: node.id, to: old.to } : { from: node.id, fromPort: nodePort, to: old.to };
  return { ...document, nodes: [...document.nodes, node], edges: [...edges, into, out] };
}

/** Removes nodes (never the trigger), notes and edges by key, and every edge of a removed node. */
export function remove(document: Definition, ids: Set<string>, edgeKeys: Set<string>): Definition {
  const notes = notesOf(document);
  const next: DesignerDefinition = {
    ...document,
    nodes: document.nodes.filter((node) => !ids.has(node.id)),
    edges: document.edges.filter((edge) => !ids.has(edge.from) && !ids.has(edge.to) && !edgeKeys.has(edgeKey(edge))),
  };
  if (notes.some((note) => ids.has(note.id))) next.notes = notes.filter((note) => !ids.has(note.id));
  return next;
}

/** The document with the given positions (nodes, the trigger, notes by id). */
export function moveTo(document: Definition, positions: Map<string, Position>): Definition {
  if (positions.size === 0) return document;
  const round = (p: Position): Position => ({ x: Math.round(p.x), y: Math.round(p.y) });
  const next: DesignerDefinition = {
    ...document,
    nodes: document.nodes.map((node) => (positions.has(node.id) ? { ...node, position: round(positions.get(node.id)!) } : node)),
  };
  if (positions.has(TRIGGER_ID)) next.trigger = { ...document.trigger, position: round(positions.get(TRIGGER_ID)!) };
  const notes = notesOf(document);
  if (notes.some((note) => positions.has(note.id))) {
    next.notes = notes.map((note) => (positions.has(note.id) ? { ...note, position: round(positions.get(note.id)!) } : note));
  }
  return next;
}

/** A short stable hash of the document's JSON, so tests compare documents without reading pixels. */
export function documentHash(document: Definition | null): string {
  const text = JSON.stringify(document);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** `wanted`, or the first place below it that no node or note occupies (so that added steps do not pile up). */
export function freeSpot(document: Definition, wanted: Position): Position {
  const taken = [document.trigger.position, ...document.nodes.map((n) => n.position), ...notesOf(document).map((n) => n.position)]
    .filter((p): p is Position => p != null);
  const spot = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  for (let guard = 0; guard < 200 && taken.some((p) => Math.abs(p.x - spot.x) < 200 && Math.abs(p.y - spot.y) < 80); guard++) spot.y += 90;
  return spot;
}
