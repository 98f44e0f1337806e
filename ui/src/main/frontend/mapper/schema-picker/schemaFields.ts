/*
 * What a schema change does: the fields of a schema as tree paths (`OrderItems[].SellerSKU`), the fields added and
 * removed by a change, and the rules the new schema orphans (their target, or a source they read, is no longer in
 * it). Catalog ids are resolved through the catalog; `$ref`s to `#/$defs/…` or `#/definitions/…` are followed.
 */
import type { Catalog } from '../../shared/generated/catalog';
import type { MappingDoc, Rule } from '../contract';
import type { SchemaRef } from '../server';

type Schema = Record<string, unknown>;

export function resolveSchema(ref: SchemaRef | undefined | null, catalog: Catalog | null): Schema | null {
  if (!ref) return null;
  if (typeof ref !== 'string') return ref;
  return (catalog?.schemas.find((named) => named.id === ref)?.schema as Schema | undefined) ?? null;
}

function follow(schema: Schema, root: Schema, depth: number): Schema {
  let current = schema;
  for (let i = 0; i < 10 && typeof current.$ref === 'string'; i++) {
    const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(current.$ref as string);
    const defs = match ? (root[match[1]] as Record<string, Schema> | undefined) : undefined;
    const target = match && defs ? defs[decodeURIComponent(match[2])] : undefined;
    if (!target) break;
    current = { ...target, ...Object.fromEntries(Object.entries(current).filter(([key]) => key !== '$ref')) };
  }
  const combined = (['allOf', 'anyOf', 'oneOf'] as const).flatMap((key) => (Array.isArray(current[key]) ? current[key] as Schema[] : []));
  if (combined.length > 0 && depth < 12) {
    const properties: Record<string, Schema> = { ...(current.properties as Record<string, Schema> | undefined) };
    let items = current.items;
    let type = current.type;
    for (const part of combined) {
      const resolved = follow(part, root, depth + 1);
      Object.assign(properties, resolved.properties as Record<string, Schema> | undefined);
      items ??= resolved.items;
      type ??= resolved.type;
    }
    current = { ...current, properties, items, type };
  }
  return current;
}

/** Every field of a schema by tree path, with its type; an array's element is written `name[]`. */
export function schemaFields(schema: Schema | null): Map<string, string> {
  const fields = new Map<string, string>();
  if (!schema) return fields;
  const walk = (node: Schema, prefix: string, depth: number) => {
    if (depth > 12) return;
    const resolved = follow(node, schema, depth);
    const properties = resolved.properties as Record<string, Schema> | undefined;
    if (properties) {
      for (const [name, child] of Object.entries(properties)) {
        const path = prefix ? `${prefix}.${name}` : name;
        const childResolved = follow(child ?? {}, schema, depth + 1);
        const type = typeOf(childResolved);
        fields.set(path, type);
        if (type === 'array' && childResolved.items && typeof childResolved.items === 'object') {
          const element = follow(childResolved.items as Schema, schema, depth + 1);
          if (element.properties || element.allOf || element.anyOf || element.oneOf) walk(element, `${path}[]`, depth + 1);
        } else if (type === 'object') {
          walk(childResolved, path, depth + 1);
        }
      }
    }
  };
  walk(schema, '', 0);
  return fields;
}

function typeOf(schema: Schema): string {
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((candidate) => candidate !== 'null') : schema.type;
  if (typeof type === 'string') return type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return 'any';
}

export interface SchemaChange {
  path: string;
  kind: 'added' | 'removed' | 'retyped';
  before: string | null;
  after: string | null;
}

export function schemaChanges(before: Map<string, string>, after: Map<string, string>): SchemaChange[] {
  const changes: SchemaChange[] = [];
  for (const [path, type] of before) {
    if (!after.has(path)) changes.push({ path, kind: 'removed', before: type, after: null });
    else if (after.get(path) !== type) changes.push({ path, kind: 'retyped', before: type, after: after.get(path)! });
  }
  for (const [path, type] of after) if (!before.has(path)) changes.push({ path, kind: 'added', before: null, after: type });
  return changes;
}

export interface OrphanedRule {
  /** The rule's target as a tree path. */
  target: string;
  /** What is missing: the target, or the source path it reads. */
  missing: string;
  side: 'source' | 'target';
}

/** A rule's source path as a tree path: relative to its loops' element, `$root.` absolute, indexes as `[]`. */
function sourceTreePath(path: string, loopSource: string): string {
  const clean = path.replace(/^\$parent\./, '');
  const absolute = clean.startsWith('$root.') ? clean.slice(6) : loopSource ? `${loopSource}[].${clean}` : clean;
  return absolute.replace(/\[\d+\]/g, '[]');
}

const SPECIAL = /^\$(item|index|key|parent|vars?)\b/;

/** The rules of `document` that would have no target or no source field with these schemas' fields (an empty map
 * means "unknown schema": nothing is orphaned on that side). */
export function orphanedRules(document: MappingDoc, sourceFields: Map<string, string>, targetFields: Map<string, string>): OrphanedRule[] {
  const orphaned: OrphanedRule[] = [];
  const visit = (rules: Rule[], targetPrefix: string, loopSource: string) => {
    for (const rule of rules) {
      const target = targetPrefix ? `${targetPrefix}[].${rule.target}` : rule.target;
      if (targetFields.size > 0 && !targetFields.has(target)) {
        orphaned.push({ target, missing: target, side: 'target' });
        continue;
      }
      const reads: string[] = [];
      if (rule.forEach !== undefined) reads.push(rule.forEach);
      if (typeof rule.from === 'string') reads.push(rule.from);
      else if (Array.isArray(rule.from)) reads.push(...rule.from);
      if (sourceFields.size > 0) {
        const missing = reads.filter((path) => !SPECIAL.test(path)).map((path) => sourceTreePath(path, loopSource))
          .find((path) => !sourceFields.has(path) && !sourceFields.has(path.replace(/\[\]$/, '')));
        if (missing) orphaned.push({ target, missing, side: 'source' });
      }
      if (rule.forEach !== undefined && rule.rules) {
        const loop = sourceTreePath(rule.forEach, loopSource).replace(/\[\]$/, '');
        visit(rule.rules, target, loop);
      }
    }
  };
  visit(document.rules, '', '');
  return orphaned;
}
