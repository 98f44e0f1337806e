import Fuse from 'fuse.js';
import type { FieldRow } from '../schema/fields';
import { ancestorsOf } from '../schema/fields';

export type SortOrder = 'schema' | 'primitives' | 'az';

/** The rows a tree shows, in order, and for each searched row where its name matched (for `<mark>`). */
export interface TreeView {
  rows: FieldRow[];
  index: Map<string, number>;
  /** Row path → [start, end) ranges of its name that matched the search. */
  marks: Map<string, [number, number][]>;
  /** Whether a search or "mapped only" filter is on (collapse is then ignored). */
  filtered: boolean;
}

/** A Fuse index over a side's rows (built once per schema). */
export function searchIndex(rows: FieldRow[]): Fuse<FieldRow> {
  return new Fuse(rows, {
    keys: [{ name: 'name', weight: 3 }, { name: 'path', weight: 1 }],
    threshold: 0.25,
    ignoreLocation: true,
    includeMatches: true,
    minMatchCharLength: 2,
  });
}

function nameMarks(row: FieldRow, query: string, fuseIndices: readonly (readonly [number, number])[] | undefined): [number, number][] {
  const at = row.name.toLowerCase().indexOf(query.toLowerCase());
  if (at >= 0) return [[at, at + query.length]];
  return (fuseIndices ?? []).filter(([start, end]) => end - start >= 1).map(([start, end]) => [start, end + 1]);
}

/**
 * The rows to show: every row under expanded parents in the chosen sibling order; with a search, the matches and
 * their ancestors (collapse ignored); with "mapped only", the mapped rows and their ancestors.
 */
export function treeView(all: FieldRow[], fuse: Fuse<FieldRow> | null, options: {
  query: string; collapsed: Set<string>; sort: SortOrder; mappedOnly: boolean; mapped: (path: string) => boolean;
}): TreeView {
  const query = options.query.trim();
  const marks = new Map<string, [number, number][]>();
  let keep: Set<string> | null = null;
  if (query && fuse) {
    keep = new Set();
    // Fuzzy matches only when nothing contains the text as typed: "postal" shows the postal fields, not look-alikes.
    const lower = query.toLowerCase();
    const results = fuse.search(query);
    const literal = results.filter((result) => result.item.path.toLowerCase().includes(lower));
    for (const result of literal.length > 0 ? literal : results) {
      const row = result.item;
      const nameMatch = result.matches?.find((match) => match.key === 'name');
      const ranges = nameMarks(row, query, nameMatch?.indices);
      if (ranges.length === 0 && !row.path.toLowerCase().includes(query.toLowerCase())) continue;
      marks.set(row.path, ranges);
      keep.add(row.path);
      for (const ancestor of ancestorsOf(row.path)) keep.add(ancestor);
    }
  }
  if (options.mappedOnly) {
    const mappedKeep = new Set<string>();
    for (const row of all) {
      if (!options.mapped(row.path)) continue;
      mappedKeep.add(row.path);
      for (const ancestor of ancestorsOf(row.path)) mappedKeep.add(ancestor);
    }
    keep = keep ? new Set([...keep].filter((path) => mappedKeep.has(path))) : mappedKeep;
  }
  const filtered = keep !== null;
  const children = new Map<string | null, FieldRow[]>();
  for (const row of all) {
    const list = children.get(row.parent);
    if (list) list.push(row); else children.set(row.parent, [row]);
  }
  const compare = options.sort === 'az'
    ? (a: FieldRow, b: FieldRow) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.order - b.order
    : options.sort === 'primitives'
      ? (a: FieldRow, b: FieldRow) => Number(a.hasChildren) - Number(b.hasChildren) || a.order - b.order
      : null;
  const rows: FieldRow[] = [];
  const walk = (parent: string | null) => {
    let list = children.get(parent) ?? [];
    if (compare) list = [...list].sort(compare);
    for (const row of list) {
      if (keep && !keep.has(row.path)) continue;
      rows.push(row);
      if (row.hasChildren && (filtered || !options.collapsed.has(row.path))) walk(row.path);
    }
  };
  walk(null);
  return { rows, index: new Map(rows.map((row, i) => [row.path, i])), marks, filtered };
}

/** The row a path shows as: itself when shown, else its nearest shown ancestor (a collapsed parent), else null. */
export function shownAs(view: TreeView, path: string): string | null {
  if (view.index.has(path)) return path;
  for (const ancestor of ancestorsOf(path)) if (view.index.has(ancestor)) return view.filtered ? null : ancestor;
  return null;
}
