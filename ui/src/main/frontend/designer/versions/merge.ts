import type { Node } from '../../shared/generated/workflow';
import type { Definition, MergeConflict } from '../contract';
import { setIn } from '../store';

export type Side = 'mine' | 'theirs';

/** The value a conflict takes when `side` is kept (undefined: that side removed the thing). */
export function chosenValue(conflict: MergeConflict, side: Side): unknown {
  return side === 'mine' ? conflict.mine : conflict.theirs;
}

/**
 * `merged` with `value` written at `path` (contract.ts MergeConflict: segments from the definition root, a node
 * named by its id inside "nodes"). Undefined removes the thing; removing a whole node removes the edges touching it,
 * so the result never points at a node that is not there. Copies only what it changes.
 */
export function applyAtPath(merged: Definition, path: readonly string[], value: unknown): Definition {
  if (path[0] !== 'nodes' || path.length < 2) return setIn(merged, path, value);
  const nodeId = path[1];
  const rest = path.slice(2);
  const existing = merged.nodes.find((node) => node.id === nodeId);
  if (rest.length === 0) {
    if (value === undefined) {
      return {
        ...merged,
        nodes: merged.nodes.filter((node) => node.id !== nodeId),
        edges: merged.edges.filter((edge) => edge.from !== nodeId && edge.to !== nodeId),
      };
    }
    const node = value as Node;
    return existing
      ? { ...merged, nodes: merged.nodes.map((other) => (other.id === nodeId ? node : other)) }
      : { ...merged, nodes: [...merged.nodes, node] };
  }
  if (!existing) return merged;
  return { ...merged, nodes: merged.nodes.map((node) => (node.id === nodeId ? setIn(node, rest, value) : node)) };
}

/** `merged` with each conflict's chosen side written in (a conflict without a choice keeps "mine"). */
export function applyMergeChoices(merged: Definition, conflicts: readonly MergeConflict[], choices: Readonly<Record<string, Side>>): Definition {
  return conflicts.reduce((document, conflict) => applyAtPath(document, conflict.path, chosenValue(conflict, choices[conflict.key] ?? 'mine')), merged);
}
