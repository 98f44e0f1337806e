/*
 * Copy/paste as a workflow-format JSON fragment: {junctionFragment: 1, nodes, edges (only between them), notes},
 * positions relative to the selection's top-left corner, and no secret-looking key anywhere. Paste gives every node a
 * fresh readable id and places the fragment at `at`.
 */
import type { Edge, Node, Position } from '../../shared/generated/workflow';
import type { Definition } from '../contract';
import { freshId, idsOf, notesOf, TRIGGER_ID, type DesignerDefinition, type Note } from '../model';

export interface Fragment {
  junctionFragment: 1;
  nodes: Node[];
  edges: Edge[];
  notes: Note[];
}

const SECRET_KEY = /secret|password|passwd|token|api[-_]?key|signature|credential|private[-_]?key|authorization|cookie/i;

/** A copy of `value` without any key that looks like it holds a secret (at any depth). */
export function withoutSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutSecrets) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_KEY.test(key)).map(([key, v]) => [key, withoutSecrets(v)])) as T;
  }
  return value;
}

export function copyFragment(document: Definition, ids: Set<string>): Fragment | null {
  const nodes = document.nodes.filter((node) => ids.has(node.id));
  const notes = notesOf(document).filter((note) => ids.has(note.id));
  if (nodes.length + notes.length === 0) return null;
  const positions = [...nodes.map((n) => n.position ?? { x: 0, y: 0 }), ...notes.map((n) => n.position)];
  const minX = Math.min(...positions.map((p) => p.x));
  const minY = Math.min(...positions.map((p) => p.y));
  const relative = (p: Position | undefined): Position => ({ x: (p?.x ?? 0) - minX, y: (p?.y ?? 0) - minY });
  return withoutSecrets({
    junctionFragment: 1,
    nodes: nodes.map((node) => ({ ...node, position: relative(node.position) })),
    edges: document.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to) && edge.from !== TRIGGER_ID),
    notes: notes.map((note) => ({ ...note, position: relative(note.position) })),
  });
}

/** Reads a fragment from clipboard text, or null when the text is not one. */
export function parseFragment(text: string): Fragment | null {
  try {
    const value = JSON.parse(text) as Partial<Fragment>;
    if (!value || !Array.isArray(value.nodes)) return null;
    return { junctionFragment: 1, nodes: value.nodes, edges: Array.isArray(value.edges) ? value.edges : [], notes: Array.isArray(value.notes) ? value.notes : [] };
  } catch {
    return null;
  }
}

/** The document with the fragment pasted at `at` (fresh ids); also the new ids, to select them. */
export function pasteFragment(document: Definition, fragment: Fragment, at: Position): { document: Definition; ids: string[] } {
  const taken = idsOf(document);
  const rename = new Map<string, string>();
  for (const item of [...fragment.nodes, ...fragment.notes]) {
    const id = freshId(String(item.id ?? 'step'), taken);
    taken.add(id);
    rename.set(String(item.id), id);
  }
  const place = (p: Position | undefined): Position => ({ x: Math.round(at.x + (p?.x ?? 0)), y: Math.round(at.y + (p?.y ?? 0)) });
  const nodes = fragment.nodes.map((node) => ({ ...node, id: rename.get(node.id)!, position: place(node.position) }));
  const edges = fragment.edges.filter((edge) => rename.has(edge.from) && rename.has(edge.to))
    .map((edge) => ({ ...edge, from: rename.get(edge.from)!, to: rename.get(edge.to)! }));
  const notes = fragment.notes.map((note) => ({ ...note, id: rename.get(note.id)!, position: place(note.position) }));
  const next: DesignerDefinition = { ...document, nodes: [...document.nodes, ...nodes], edges: [...document.edges, ...edges] };
  if (notes.length) next.notes = [...notesOf(document), ...notes];
  return { document: next, ids: [...rename.values()] };
}
