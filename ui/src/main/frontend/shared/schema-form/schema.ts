/** The JSON Schema keywords a generated form reads (Junction's extensions: x-secret, x-dependsOn, x-expression,
 * x-enumNames). */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  format?: string;
  'x-secret'?: boolean;
  'x-dependsOn'?: Record<string, unknown[]>;
  'x-expression'?: boolean;
  /** Beside an enum: the words shown for each value, in the enum's order (the value is what is kept). */
  'x-enumNames'?: string[];
  [keyword: string]: unknown;
}

/** The one type a field is edited as: the first of its types that is not "null". */
export function fieldType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.enum) return 'string';
  return undefined;
}

/** Whether a field shows, given the other fields of its object (x-dependsOn: {"field": [values…]}). */
export function isShown(schema: JsonSchema, siblings: Record<string, unknown> | undefined): boolean {
  const dependsOn = schema['x-dependsOn'];
  if (!dependsOn) return true;
  return Object.entries(dependsOn).every(([field, values]) => values.includes(siblings?.[field]));
}

/** How a value of an enum is shown: its x-enumNames entry, else the value itself. */
export function enumLabel(schema: JsonSchema, value: unknown): string {
  const index = (schema.enum ?? []).findIndex((candidate) => candidate === value);
  const name = index < 0 ? undefined : schema['x-enumNames']?.[index];
  return typeof name === 'string' && name.trim() !== '' ? name : String(value);
}

/** The label of a field: its title, else its key made readable ("sellerSku" -> "Seller sku"). */
export function fieldTitle(key: string, schema: JsonSchema): string {
  if (schema.title) return schema.title;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The variant of a oneOf that `value` is: by const, by type, by required keys; else the first. */
export function variantOf(variants: JsonSchema[], value: unknown): number {
  if (value === undefined) return 0;
  const index = variants.findIndex((variant) => {
    if ('const' in variant) return variant.const === value;
    if (variant.enum) return variant.enum.includes(value);
    const type = fieldType(variant);
    if (type === 'object') {
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        && (variant.required ?? []).every((key) => key in (value as object));
    }
    if (type === 'array') return Array.isArray(value);
    if (type === 'integer' || type === 'number') return typeof value === 'number';
    return type === undefined || typeof value === type;
  });
  return Math.max(index, 0);
}

/** The dotted name of a child: `config.input.sku`, `config.conditions.0.port` (a list index is a segment, as in the
 * designer's problems). */
export function childName(parent: string, key: string | number): string {
  return parent ? `${parent}.${key}` : String(key);
}

/** A short text of a value for a placeholder. */
export function placeholderOf(schema: JsonSchema): string | undefined {
  if (schema.default === undefined) return undefined;
  return typeof schema.default === 'string' ? schema.default : JSON.stringify(schema.default);
}
