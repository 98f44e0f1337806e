import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';

/** What an expression can read, as a tree: `trigger`, `nodes.<id>`, `vars`, each with the fields known from samples,
 * run data or output schemas. `info` is shown beside the completion. */
export interface ScopeEntry {
  info?: string;
  /** the value's type, for the completion's icon and detail */
  detail?: string;
  children?: Record<string, ScopeEntry>;
}

export type Scope = Record<string, ScopeEntry>;

/** The expression functions and globals the GraalJS sandbox has (plain JavaScript), with what they do. */
export const EXPRESSION_FUNCTIONS: { label: string; info: string }[] = [
  { label: 'JSON.stringify', info: 'JSON.stringify(value): the value as JSON text' },
  { label: 'JSON.parse', info: 'JSON.parse(text): the value a JSON text stands for' },
  { label: 'Math.round', info: 'Math.round(x): x rounded to the nearest integer' },
  { label: 'Math.max', info: 'Math.max(a, b, …): the largest of the numbers' },
  { label: 'Math.min', info: 'Math.min(a, b, …): the smallest of the numbers' },
  { label: 'Number', info: 'Number(value): the value as a number (NaN when it is none)' },
  { label: 'String', info: 'String(value): the value as text' },
  { label: 'parseFloat', info: 'parseFloat(text): the decimal number a text starts with' },
  { label: 'parseInt', info: 'parseInt(text, 10): the integer a text starts with' },
  { label: 'Date.now', info: 'Date.now(): the milliseconds since 1970 (the run\'s clock)' },
  { label: 'new Date', info: 'new Date(text).toISOString(): a time, e.g. to reformat a date' },
  { label: 'Object.keys', info: 'Object.keys(object): the names of its fields' },
  { label: 'Array.isArray', info: 'Array.isArray(value): whether the value is a list' },
];

/** The scope entry of a value seen in a sample or a run: its fields, two levels of lists looked into. */
export function entryOfValue(value: unknown, depth = 0): ScopeEntry {
  if (Array.isArray(value)) {
    const first = value[0];
    return { detail: `list of ${value.length}`, children: depth < 6 && first !== undefined ? { '0': entryOfValue(first, depth + 1) } : undefined };
  }
  if (value && typeof value === 'object') {
    const children: Record<string, ScopeEntry> = {};
    if (depth < 6) for (const [key, child] of Object.entries(value)) children[key] = entryOfValue(child, depth + 1);
    return { detail: 'object', children };
  }
  return { detail: typeof value, info: value === null ? 'null' : JSON.stringify(value)?.slice(0, 80) };
}

/** The scope entry of a JSON Schema (output schemas of operations): its properties, with their descriptions. */
export function entryOfSchema(schema: unknown, depth = 0): ScopeEntry {
  const s = (schema ?? {}) as { type?: unknown; description?: string; properties?: Record<string, unknown>; items?: unknown };
  if (s.properties && depth < 6) {
    const children: Record<string, ScopeEntry> = {};
    for (const [key, child] of Object.entries(s.properties)) children[key] = entryOfSchema(child, depth + 1);
    return { detail: 'object', info: s.description, children };
  }
  if (s.items && depth < 6) return { detail: 'list', info: s.description, children: { '0': entryOfSchema(s.items, depth + 1) } };
  return { detail: typeof s.type === 'string' ? s.type : undefined, info: s.description };
}

/** Merges what a schema says with what a sample shows (the sample wins where both name a field). */
export function mergeEntries(a: ScopeEntry | undefined, b: ScopeEntry | undefined): ScopeEntry {
  if (!a) return b ?? {};
  if (!b) return a;
  const children = { ...(a.children ?? {}) };
  for (const [key, child] of Object.entries(b.children ?? {})) children[key] = mergeEntries(children[key], child);
  return { info: b.info ?? a.info, detail: b.detail ?? a.detail, children: Object.keys(children).length ? children : undefined };
}

/** Whether position `pos` of a template text is inside a `{{ … }}`. */
export function insideTemplate(text: string, pos: number): boolean {
  const before = text.slice(0, pos);
  return before.lastIndexOf('{{') > before.lastIndexOf('}}');
}

/** The completion source over `scope()` (read on each completion, so it follows the samples and the graph). */
export function scopeCompletions(scope: () => Scope, template: boolean) {
  return (context: CompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    if (template && !insideTemplate(text, context.pos)) return null;
    const word = context.matchBefore(/[\w$]+(?:\.[\w$]*)*/);
    if (!word && !context.explicit) return null;
    const typed = word?.text ?? '';
    const dot = typed.lastIndexOf('.');
    const path = dot < 0 ? [] : typed.slice(0, dot).split('.');
    const from = (word?.from ?? context.pos) + dot + 1;
    let entries: Record<string, ScopeEntry> | undefined = scope();
    for (const segment of path) entries = entries?.[segment]?.children;
    const options: Completion[] = Object.entries(entries ?? {}).map(([label, entry]) => ({
      label,
      type: entry.children ? 'namespace' : 'property',
      detail: entry.detail,
      info: entry.info,
    }));
    if (path.length === 0) {
      for (const fn of EXPRESSION_FUNCTIONS) options.push({ label: fn.label, type: 'function', info: fn.info, apply: `${fn.label}(` });
    } else if (path.length >= 1 && dot >= 0) {
      const prefix = typed.slice(0, dot + 1);
      for (const fn of EXPRESSION_FUNCTIONS) {
        if (fn.label.startsWith(prefix)) options.push({ label: fn.label.slice(prefix.length), type: 'function', info: fn.info, apply: `${fn.label.slice(prefix.length)}(` });
      }
    }
    if (options.length === 0) return null;
    return { from, options, validFor: /^[\w$]*$/ };
  };
}

/** The `{{ … }}` parts of a template text, or an error when one is not closed. */
export function templateParts(text: string): { parts: (string | { expression: string })[] } | { error: string; position: number } {
  const parts: (string | { expression: string })[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    const close = text.indexOf('}}', at);
    if (close >= 0 && (open < 0 || close < open)) return { error: "'}}' without a '{{' before it", position: close };
    if (open < 0) { parts.push(text.slice(at)); break; }
    if (open > at) parts.push(text.slice(at, open));
    const end = text.indexOf('}}', open + 2);
    if (end < 0) return { error: "'{{' is not closed by '}}'", position: open };
    const expression = text.slice(open + 2, end).trim();
    if (expression === '') return { error: "empty '{{ }}'", position: open };
    parts.push({ expression });
    at = end + 2;
  }
  return { parts };
}
