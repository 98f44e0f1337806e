import type { Catalog, MappingFunction, ValueMap as NamedValueMap } from '../../shared/generated/catalog';
import type { MappingDoc, PreviewField, PreviewResult, Rule } from '../contract';
import { enclosingLoops, findRule, loopLevels } from '../model';

/*
 * What the rule panel needs besides model.ts: the rule's parts as plain values, the source/target schema as a list
 * of fields, the preview field of the selected target, and the sample values a value map has no key for.
 */

/** A pipe step or a `when`'s argument: a constant, or `{from: path}`. */
export type Arg = unknown;
export interface Step { fn: string; args?: Arg[] }
export interface Condition { from?: string; fn?: string; args?: Arg[]; expression?: string }
export interface SortKey { path: string; descending?: boolean }
export interface InlineValueMap {
  entries: Record<string, unknown>;
  unmapped?: 'error' | 'default' | 'passThrough';
  default?: unknown;
  caseInsensitive?: boolean;
}

/** A rule as the panel reads it (the generated Rule types constants as objects; the loop keys come from the engine's
 * forEach: `where`, `sortBy`, `groupBy`). */
export interface RuleParts {
  target: string;
  description?: string;
  from?: string | string[];
  value?: unknown;
  expression?: string;
  forEach?: string;
  rules?: Rule[];
  pipe?: Step[];
  valueMap?: string | InlineValueMap;
  lookup?: string;
  default?: unknown;
  when?: Condition;
  where?: Condition;
  sortBy?: SortKey[];
  groupBy?: string;
}

export const asParts = (rule: Rule): RuleParts => rule as unknown as RuleParts;
export const asRule = (parts: RuleParts): Rule => {
  const rule: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parts)) if (value !== undefined) rule[key] = value;
  return rule as unknown as Rule;
};

export type SourceKind = 'none' | 'path' | 'paths' | 'value' | 'expression';

export function sourceKind(rule: RuleParts | null): SourceKind {
  if (!rule) return 'none';
  if (Array.isArray(rule.from)) return 'paths';
  if (typeof rule.from === 'string') return 'path';
  if (rule.expression !== undefined) return 'expression';
  if ('value' in rule && rule.value !== undefined) return 'value';
  return 'none';
}

/** The rule with its source replaced (the other sources removed). */
export function withSource(rule: RuleParts, source: Pick<RuleParts, 'from' | 'value' | 'expression'>): RuleParts {
  const { from: _f, value: _v, expression: _e, ...rest } = rule;
  return { ...rest, ...source };
}

/** Whether `when` is the "only when present" condition for the rule's source path. */
export function isOnlyWhenPresent(rule: RuleParts | null): boolean {
  const when = rule?.when;
  return !!when && typeof rule?.from === 'string' && when.from === rule.from && when.fn === 'isNotEmpty'
    && (!when.args || when.args.length === 0) && when.expression === undefined;
}

/** The JSON path of the rule filling a target tree path (`rules[2].rules[0]`), for definition problems. */
export function ruleJsonPath(document: MappingDoc, targetPath: string): string | null {
  const levels = loopLevels(targetPath.replace(/\[\]$/, ''));
  let rules: Rule[] = document.rules;
  let path = '';
  for (let i = 0; i < levels.length; i++) {
    const last = i === levels.length - 1;
    const index = rules.findIndex((rule) => rule.target === levels[i] && (last || rule.forEach !== undefined));
    if (index < 0) return null;
    path += `${path ? '.' : ''}rules[${index}]`;
    rules = rules[index].rules ?? [];
  }
  return path;
}

/** The rule of a target path, or null. */
export function ruleAt(document: MappingDoc, targetPath: string): RuleParts | null {
  const rule = findRule(document, targetPath);
  return rule ? asParts(rule) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Schemas as field lists

export interface SchemaField {
  /** Tree path: `OrderItems[].SellerSKU`; an array row is `OrderItems[]`. */
  path: string;
  type: string;
  description?: string;
  maxLength?: number;
}

type JsonSchema = Record<string, unknown>;

/** The JSON Schema a side names: a catalog id or inline; null when the side has none or the id is unknown. */
export function resolveSchema(catalog: Catalog | null, schema: unknown): JsonSchema | null {
  if (!schema) return null;
  if (typeof schema === 'string') return (catalog?.schemas.find((named) => named.id === schema)?.schema as JsonSchema) ?? null;
  return schema as JsonSchema;
}

function deref(root: JsonSchema, node: JsonSchema, seen = 0): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== 'string' || seen > 20) return node;
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  const defs = match ? (root[match[1]] as Record<string, JsonSchema> | undefined) : undefined;
  const target = match && defs ? defs[match[2]] : undefined;
  return target ? deref(root, { ...target, ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref')) }, seen + 1) : node;
}

function typeOf(node: JsonSchema): string {
  const type = node.type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') as string) ?? 'any';
  if (typeof type === 'string') return type;
  if (node.properties) return 'object';
  if (node.items) return 'array';
  return 'any';
}

/** Every field of a schema in schema order, depth first (objects and arrays too), at most `limit`. */
export function schemaFields(schema: JsonSchema | null, limit = 5000): SchemaField[] {
  const fields: SchemaField[] = [];
  if (!schema) return fields;
  const walk = (node: JsonSchema, prefix: string, depth: number) => {
    const resolved = deref(schema, node);
    const properties = resolved.properties as Record<string, JsonSchema> | undefined;
    if (!properties || depth > 12) return;
    for (const [name, child] of Object.entries(properties)) {
      if (fields.length >= limit) return;
      const field = deref(schema, child);
      const path = prefix ? `${prefix}.${name}` : name;
      const type = typeOf(field);
      if (type === 'array') {
        fields.push({ path: `${path}[]`, type, description: field.description as string | undefined });
        const items = field.items ? deref(schema, field.items as JsonSchema) : null;
        if (items && typeOf(items) === 'object') walk(items, `${path}[]`, depth + 1);
      } else {
        fields.push({ path, type, description: field.description as string | undefined, maxLength: field.maxLength as number | undefined });
        if (type === 'object') walk(field, path, depth + 1);
      }
    }
  };
  walk(schema, '', 0);
  return fields;
}

/** The field of a tree path (`items[]` or `items` for an array). */
export function fieldAt(fields: SchemaField[], treePath: string): SchemaField | undefined {
  const bare = treePath.replace(/\[\]$/, '');
  return fields.find((field) => field.path === treePath || field.path === `${bare}[]` || field.path === bare);
}

/**
 * The source paths a rule at `targetPath` may read, as the mapping writes them: relative to the innermost loop's
 * element for fields inside that loop's array, `$root.…` for other fields from inside a loop, and `[0]` for an
 * element outside any loop. Arrays are listed only when `arrays` (loop sources).
 */
export function sourceOptions(document: MappingDoc, fields: SchemaField[], targetPath: string, arrays: boolean): { path: string; type: string; description?: string }[] {
  const loops = enclosingLoops(document, targetPath.replace(/\[\]$/, ''));
  let prefix = '';
  for (const loop of loops) prefix = prefix ? `${prefix}[].${loop.forEach}` : loop.forEach;
  const options: { path: string; type: string; description?: string }[] = [];
  for (const field of fields) {
    const isArray = field.path.endsWith('[]');
    if (arrays !== isArray) continue;
    const tree = isArray ? field.path.slice(0, -2) : field.path;
    let path: string;
    const inside = !!prefix && tree.startsWith(prefix + '[].');
    if (inside) path = tree.slice(prefix.length + 3);
    else if (arrays && !prefix) path = tree; // a loop source: `Shipments[].Packages` flattens (the engine's `[]`)
    else path = (loops.length > 0 ? '$root.' : '') + tree;
    if (!arrays) path = path.replace(/\[\]/g, '[0]');
    options.push({ path, type: field.type, description: field.description });
  }
  if (loops.length > 0 && !arrays) options.unshift({ path: '$index', type: 'integer', description: 'the element\'s index' });
  return options;
}

// ---------------------------------------------------------------------------------------------------------------
// Preview

/** The preview field of a target tree path: inside loops the first element's (`items[0].sku`). */
export function previewFieldOf(preview: PreviewResult | null, targetPath: string): PreviewField | null {
  if (!preview) return null;
  const concrete = targetPath.replace(/\[\]$/, '').replace(/\[\]/g, '[0]');
  return preview.fields.find((field) => field.targetPath === concrete) ?? null;
}

/** Every preview field of a target tree path (each element's, inside loops). */
export function previewFieldsOf(preview: PreviewResult | null, targetPath: string): PreviewField[] {
  if (!preview) return [];
  const pattern = new RegExp('^' + targetPath.replace(/\[\]$/, '').split('[]').map(escape).join('\\[\\d+\\]') + '$');
  return preview.fields.filter((field) => pattern.test(field.targetPath));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A value as one short line (text in quotes only when it has leading/trailing blanks, so " gb " shows as such). */
export function show(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return /^\s|\s$/.test(value) || value === '' ? JSON.stringify(value) : value;
  const text = JSON.stringify(value);
  return text.length > 200 ? text.slice(0, 200) + '…' : text;
}

// ---------------------------------------------------------------------------------------------------------------
// Sample values (coverage chip)

function readPath(value: unknown, path: string, root: unknown, parent: unknown): unknown {
  let current: unknown = value;
  let rest = path;
  if (rest.startsWith('$root.')) { current = root; rest = rest.slice(6); } else if (rest === '$root') return root;
  else if (rest.startsWith('$parent.')) { current = parent; rest = rest.slice(8); }
  for (const part of rest.split('.')) {
    const match = /^([^[]*)((\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    if (match[1]) current = current && typeof current === 'object' ? (current as Record<string, unknown>)[match[1]] : undefined;
    for (const index of match[2].match(/\d+/g) ?? []) current = Array.isArray(current) ? current[Number(index)] : undefined;
  }
  return current;
}

/** The elements a forEach path gives from one record (`Shipments[].Packages` flattens). */
function elementsOf(record: unknown, path: string, root: unknown, parent: unknown): { element: unknown; parent: unknown }[] {
  const [head, ...rest] = path.split('[].');
  const first = readPath(record, head, root, parent);
  const list = Array.isArray(first) ? first : [];
  if (rest.length === 0) return list.map((element) => ({ element, parent: record }));
  return list.flatMap((element) => elementsOf(element, rest.join('[].'), root, record));
}

/** The values the rule at `targetPath` reads from `sample`: one per element of every enclosing loop. */
export function sourceValues(document: MappingDoc, targetPath: string, sample: unknown): unknown[] {
  const rule = ruleAt(document, targetPath);
  if (!rule || typeof rule.from !== 'string' || sample === null || sample === undefined) return [];
  const loops = enclosingLoops(document, targetPath.replace(/\[\]$/, ''));
  let records: { element: unknown; parent: unknown }[] = [{ element: sample, parent: undefined }];
  for (const loop of loops) records = records.flatMap((record) => elementsOf(record.element, loop.forEach, sample, record.parent));
  return records.map((record) => readPath(record.element, rule.from as string, sample, record.parent));
}

/** The value map a rule names or holds, as entries + case sensitivity (null: none or unknown). */
export function valueMapOf(catalog: Catalog | null, valueMap: RuleParts['valueMap']): { entries: Record<string, unknown>; caseInsensitive: boolean; unmapped: string } | null {
  if (!valueMap) return null;
  if (typeof valueMap === 'string') {
    const named: NamedValueMap | undefined = catalog?.valueMaps.find((map) => map.name === valueMap);
    return named ? { entries: named.entries, caseInsensitive: named.caseInsensitive, unmapped: named.unmapped } : null;
  }
  return { entries: valueMap.entries ?? {}, caseInsensitive: !!valueMap.caseInsensitive, unmapped: valueMap.unmapped ?? 'error' };
}

/** The distinct sample values (as text, first seen first) a map has no key for; null and missing values do not count. */
export function unmappedValues(values: unknown[], map: { entries: Record<string, unknown>; caseInsensitive: boolean }): string[] {
  const keys = new Set(Object.keys(map.entries).map((key) => (map.caseInsensitive ? key.toLowerCase() : key)));
  const missing: string[] = [];
  for (const value of values) {
    if (value === null || value === undefined || typeof value === 'object') continue;
    const text = String(value);
    const key = map.caseInsensitive ? text.toLowerCase() : text;
    if (!keys.has(key) && !missing.includes(text)) missing.push(text);
  }
  return missing;
}

// ---------------------------------------------------------------------------------------------------------------
// Functions

/** The groups of docs/mappings.md's function table; a function not listed goes to "other". */
const GROUPS: [string, string[]][] = [
  ['text', ['trim', 'upper', 'lower', 'truncate', 'concat', 'prefix', 'replace', 'substring', 'padLeft', 'split', 'matches', 'toString']],
  ['money', ['toMinorUnits', 'fromMinorUnits', 'parseDecimal', 'round', 'formatDecimal', 'convertCurrency']],
  ['addresses and people', ['splitLines', 'joinLines', 'line', 'countryToIso2', 'ukPostcode', 'firstName', 'lastName', 'convertAddress']],
  ['lookups', ['lookup']],
  ['dates and types', ['toIsoDateTime', 'parseDate', 'formatDate', 'toZone', 'fromEpochSeconds', 'fromEpochMillis', 'toEpochSeconds', 'toBoolean', 'isTrue', 'toNumber', 'toInteger']],
  ['lists and logic', ['sum', 'count', 'first', 'last', 'join', 'filter', 'pluck', 'field', 'flatten', 'distinct', 'coalesce', 'ifElse', 'default', 'isEmpty', 'isNotEmpty', 'equals', 'notEquals', 'add', 'subtract', 'multiply', 'divide']],
];

export function functionGroups(functions: MappingFunction[], query: string): { group: string; functions: MappingFunction[] }[] {
  const q = query.trim().toLowerCase();
  const matching = functions.filter((fn) => !q || fn.name.toLowerCase().includes(q) || fn.description.toLowerCase().includes(q));
  const groups = GROUPS.map(([group, names]) => ({ group, functions: matching.filter((fn) => names.includes(fn.name)) }));
  const listed = new Set(GROUPS.flatMap(([, names]) => names));
  groups.push({ group: 'other', functions: matching.filter((fn) => !listed.has(fn.name)) });
  return groups.filter((group) => group.functions.length > 0);
}

/** `name(a, b?, c…)` */
export function signature(fn: MappingFunction): string {
  return `${fn.name}(${fn.parameters.map((p) => p.name + (p.variadic ? '…' : '') + (p.optional && !p.variadic ? '?' : '')).join(', ')})`;
}

/** Predicate functions (a boolean result): what a condition may name. */
export const predicates = (functions: MappingFunction[]) => functions.filter((fn) => fn.resultType === 'boolean');

/** A constant typed into a field of JSON type `type`: numbers as numbers, booleans as booleans, `any` as JSON when it
 * parses (else text). Empty text is undefined. */
export function parseConstant(text: string, type: string): unknown {
  if (text === '') return undefined;
  if (type === 'string') return text;
  if (type === 'number' || type === 'integer') {
    const number = Number(text);
    return Number.isFinite(number) && text.trim() !== '' ? number : text;
  }
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  try { return JSON.parse(text); } catch { return text; }
}

/** A constant as the text of its input (text unquoted). */
export function constantText(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export const isFromArg = (arg: Arg): arg is { from: string } =>
  !!arg && typeof arg === 'object' && !Array.isArray(arg) && typeof (arg as { from?: unknown }).from === 'string' && Object.keys(arg).length === 1;
