import type { Catalog } from '../../shared/generated/catalog';
import type { SchemaRef } from '../server';

/*
 * A side's schema as the trees show it: resolved (a catalog id or an inline JSON Schema; `$ref` to `#/$defs/…` or
 * `#/definitions/…` followed) and flattened into rows in schema order. A row's path is its tree path: an array's
 * element is written `name[]` (`OrderItems[].SellerSKU`); the array row itself is `OrderItems`.
 */

export type JsonSchema = Record<string, unknown>;

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null' | 'any';

export interface FieldRow {
  /** Tree path: `OrderItems[].ItemPrice.Amount`. */
  path: string;
  /** The last name: `Amount`. */
  name: string;
  /** The parent row's path, or null at the top. */
  parent: string | null;
  depth: number;
  /** The JSON type shown (the first non-null one when the schema allows several). */
  type: FieldType;
  /** Every type the schema allows (["boolean", "string"]). */
  types: string[];
  /** For an array: the type of its elements. */
  itemType: FieldType | null;
  required: boolean;
  enum: unknown[] | null;
  maxLength: number | null;
  format: string | null;
  description: string | null;
  hasChildren: boolean;
  /** Position in schema order (the default sort). */
  order: number;
}

export interface SideFields {
  /** The resolved schema, or null when the side has none. */
  schema: JsonSchema | null;
  /** Every row in schema order (depth first). */
  rows: FieldRow[];
  byPath: Map<string, FieldRow>;
  /** Why the schema could not be resolved (an unknown catalog id …), or null. */
  error: string | null;
}

/** Nesting deeper than this is cut (a recursive `$ref`): the row shows with no children. */
const MAX_DEPTH = 12;

export const EMPTY_FIELDS: SideFields = { schema: null, rows: [], byPath: new Map(), error: null };

/** The JSON Schema a mapping side names: a catalog id looked up in `catalog.schemas`, or the inline schema itself. */
export function resolveSchema(ref: SchemaRef | undefined | null, catalog: Catalog | null): { schema: JsonSchema | null; error: string | null } {
  if (ref == null || ref === '') return { schema: null, error: null };
  if (typeof ref === 'string') {
    const named = catalog?.schemas?.find((candidate) => candidate.id === ref);
    return named ? { schema: named.schema as JsonSchema, error: null } : { schema: null, error: `unknown schema '${ref}'` };
  }
  return { schema: ref, error: null };
}

/** Follows `$ref`s (local ones only: `#/$defs/Money`, `#/definitions/Money`); properties next to the `$ref` win. */
export function deref(node: JsonSchema, root: JsonSchema, seen: Set<string> = new Set()): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/') || seen.has(ref)) return node;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    target = target && typeof target === 'object' ? (target as JsonSchema)[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  if (!target || typeof target !== 'object') return node;
  const { $ref: _ref, ...rest } = node;
  return { ...deref(target as JsonSchema, root, new Set([...seen, ref])), ...rest };
}

function typesOf(node: JsonSchema): string[] {
  const type = node.type;
  if (Array.isArray(type)) return type.map(String);
  if (typeof type === 'string') return [type];
  if (node.properties) return ['object'];
  if (node.items) return ['array'];
  if (Array.isArray(node.enum) && node.enum.length > 0) return [typeof node.enum[0] === 'number' ? 'number' : 'string'];
  return ['any'];
}

function mainType(types: string[]): FieldType {
  const first = types.find((type) => type !== 'null') ?? types[0] ?? 'any';
  return (['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'].includes(first) ? first : 'any') as FieldType;
}

/** The rows of a schema, depth first in schema order. */
export function flattenSchema(schema: JsonSchema | null): FieldRow[] {
  const rows: FieldRow[] = [];
  if (!schema) return rows;
  const root = deref(schema, schema);
  const walk = (node: JsonSchema, prefix: string, parent: string | null, depth: number) => {
    const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
    for (const [name, raw] of Object.entries(properties)) {
      const field = deref(raw ?? {}, schema);
      const path = prefix ? `${prefix}.${name}` : name;
      const types = typesOf(field);
      const type = mainType(types);
      let children: { node: JsonSchema; prefix: string } | null = null;
      let itemType: FieldType | null = null;
      if (type === 'object' && field.properties && depth < MAX_DEPTH) {
        children = { node: field, prefix: path };
      } else if (type === 'array' && field.items && typeof field.items === 'object') {
        const items = deref(field.items as JsonSchema, schema);
        itemType = mainType(typesOf(items));
        if (itemType === 'object' && items.properties && depth < MAX_DEPTH) children = { node: items, prefix: `${path}[]` };
      }
      const row: FieldRow = {
        path, name, parent, depth, type, types, itemType,
        required: required.has(name),
        enum: Array.isArray(field.enum) ? (field.enum as unknown[]) : null,
        maxLength: typeof field.maxLength === 'number' ? field.maxLength : null,
        format: typeof field.format === 'string' ? field.format : null,
        description: typeof field.description === 'string' ? field.description : null,
        hasChildren: children !== null && Object.keys((children.node.properties ?? {}) as object).length > 0,
        order: rows.length,
      };
      rows.push(row);
      if (children) walk(children.node, children.prefix, path, depth + 1);
    }
  };
  walk(root, '', null, 0);
  return rows;
}

export function sideFields(ref: SchemaRef | undefined | null, catalog: Catalog | null): SideFields {
  const { schema, error } = resolveSchema(ref, catalog);
  const rows = flattenSchema(schema);
  return { schema, rows, byPath: new Map(rows.map((row) => [row.path, row])), error };
}

/** The row a concrete or tree path names (`OrderItems[0].SellerSKU` → `OrderItems[].SellerSKU`). */
export function treePathOf(path: string): string {
  return path.replace(/\[\d*\]/g, '[]');
}

/** The tree paths of a row's ancestors, nearest first (`a[].b.c` → `a[].b`, `a`). */
export function ancestorsOf(path: string): string[] {
  const result: string[] = [];
  let current = path;
  for (;;) {
    const dot = current.lastIndexOf('.');
    if (dot < 0) break;
    current = current.slice(0, dot).replace(/\[\]$/, '');
    result.push(current);
  }
  return result;
}
