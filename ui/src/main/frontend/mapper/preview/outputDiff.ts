/* The difference between two outputs, leaf by leaf: `a.b[0].c` added, removed or changed. */

export interface OutputChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

/** Every leaf of a value by its path (an empty object or array is a leaf of its own). */
export function leaves(value: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((item, index) => leaves(item, `${prefix}[${index}]`, into));
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) leaves(item, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, value);
  }
  return into;
}

/** What changed from `before` to `after`, in the order the paths first appear. */
export function outputChanges(before: unknown, after: unknown): OutputChange[] {
  const a = leaves(before);
  const b = leaves(after);
  const changes: OutputChange[] = [];
  for (const [path, value] of a) {
    if (!b.has(path)) changes.push({ path, kind: 'removed', before: value, after: undefined });
    else if (JSON.stringify(b.get(path)) !== JSON.stringify(value)) changes.push({ path, kind: 'changed', before: value, after: b.get(path) });
  }
  for (const [path, value] of b) if (!a.has(path)) changes.push({ path, kind: 'added', before: undefined, after: value });
  return changes;
}
