import type { Node } from '../../shared/generated/workflow';
import type { Definition } from '../contract';

/** JSON text of `value` with object keys sorted, so two values that differ only in key order compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner as Record<string, unknown>).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}

/** What a node does when it runs: everything but its name and its place on the canvas. */
function behaviour(node: Node): string {
  return canonicalJson({ type: node.type, config: node.config ?? null, retry: node.retry ?? null, onError: node.onError ?? null });
}

/** The edges into each node, as sorted "from:port" keys. */
function incoming(document: Definition): Map<string, string> {
  const keys = new Map<string, string[]>();
  for (const edge of document.edges) {
    const list = keys.get(edge.to) ?? [];
    list.push(`${edge.from}:${edge.fromPort ?? 'out'}`);
    keys.set(edge.to, list);
  }
  return new Map([...keys].map(([to, list]) => [to, list.sort().join('|')]));
}

/**
 * The nodes whose last run (the one of `ranDocument`) no longer tells what they would do now: a node is stale when
 * it is new, when its own behaviour (type, config, retry, onError) or the edges into it changed, or when anything
 * upstream of it did — an upstream node, or the trigger's kind or config. Names and moves do not count. The set holds
 * node ids, never "trigger"; it is empty when there was no run.
 */
export function staleNodes(document: Definition, ranDocument: Definition | null): Set<string> {
  const stale = new Set<string>();
  if (!ranDocument) return stale;
  const before = new Map(ranDocument.nodes.map((node) => [node.id, behaviour(node)]));
  const edgesBefore = incoming(ranDocument);
  const edgesNow = incoming(document);
  const changed: string[] = [];
  if (canonicalJson({ kind: document.trigger.kind, config: document.trigger.config ?? null })
      !== canonicalJson({ kind: ranDocument.trigger.kind, config: ranDocument.trigger.config ?? null })) {
    changed.push('trigger');
  }
  for (const node of document.nodes) {
    if (before.get(node.id) !== behaviour(node) || (edgesBefore.get(node.id) ?? '') !== (edgesNow.get(node.id) ?? '')) {
      changed.push(node.id);
    }
  }
  const downstream = new Map<string, string[]>();
  for (const edge of document.edges) downstream.set(edge.from, [...(downstream.get(edge.from) ?? []), edge.to]);
  const pending = [...changed];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (id !== 'trigger') stale.add(id);
    for (const next of downstream.get(id) ?? []) pending.push(next);
  }
  return stale;
}
