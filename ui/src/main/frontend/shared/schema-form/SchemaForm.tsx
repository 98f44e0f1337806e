import { createContext, useContext, useEffect, useId, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { childName, enumLabel, fieldTitle, fieldType, isShown, placeholderOf, variantOf, type JsonSchema } from './schema';

export type { JsonSchema } from './schema';

/** What an expression field needs from the page that hosts the form (the designer gives its ExpressionInput). */
export interface ExpressionFieldProps {
  name: string;
  labelId: string;
  value: string;
  /** raw: the whole text is one expression; template: text with {{ expression }} parts. */
  mode: 'raw' | 'template';
  multiline: boolean;
  readOnly: boolean;
  onCommit(text: string): void;
}

/** A field the host draws itself (a picker); `undefined` lets the form draw it from the schema. */
export type CustomField = (props: {
  name: string;
  labelId: string;
  schema: JsonSchema;
  value: unknown;
  readOnly: boolean;
  onCommit(next: unknown): void;
}) => ReactElement | undefined;

export interface SchemaFormOptions {
  /** The message of a problem on the field `name`, if any. */
  problem?(name: string): string | undefined;
  /** The field to focus (scrolled into view and focused once drawn). */
  focusField?: string | null;
  readOnly?: boolean;
  expression?(props: ExpressionFieldProps): ReactElement;
  /** Whether a text field holds {{ expression }} templates (drawn with `expression`, mode template); otherwise an
   * x-expression field is one expression (mode raw). */
  templates?(name: string): boolean;
  custom?: CustomField;
}

const Options = createContext<SchemaFormOptions>({});

export interface SchemaFormProps {
  schema: JsonSchema;
  value: unknown;
  /** The dotted name of the value in its document ("config"); children are named `config.x`, `config.list[0]`. */
  name: string;
  /** One committed change of the field `name` (a dotted path under the form's name) to `next`; undefined removes. */
  onCommit(name: string, next: unknown): void;
  options?: SchemaFormOptions;
}

/** A form generated from a JSON Schema: one field per property, in schema order; commits per field, not per key. */
export function SchemaForm({ schema, value, name, onCommit, options = {} }: SchemaFormProps): ReactElement {
  return (
    <Options.Provider value={options}>
      <div className="schema-form">
        <ObjectFields schema={schema} value={value as Record<string, unknown> | undefined} name={name} onCommit={onCommit} />
      </div>
    </Options.Provider>
  );
}

interface FieldProps {
  schema: JsonSchema;
  value: unknown;
  name: string;
  title: string;
  required: boolean;
  onCommit(name: string, next: unknown): void;
}

function ObjectFields({ schema, value, name, onCommit }: { schema: JsonSchema; value: Record<string, unknown> | undefined; name: string; onCommit(name: string, next: unknown): void }): ReactElement {
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {});
  return (
    <>
      {properties.filter(([, child]) => isShown(child, value)).map(([key, child]) => (
        <Field key={key} schema={child} value={value?.[key]} name={childName(name, key)} title={fieldTitle(key, child)}
          required={required.has(key)} onCommit={onCommit} />
      ))}
    </>
  );
}

/** One field: its label, control, help and problem, in `[data-testid=param][data-name=…]`. */
export function Field(props: FieldProps): ReactElement {
  const { schema, value, name, title, required, onCommit } = props;
  const options = useContext(Options);
  const labelId = useId();
  const box = useRef<HTMLDivElement>(null);
  const problem = options.problem?.(name);
  const readOnly = options.readOnly ?? false;
  const type = fieldType(schema);
  const commit = (next: unknown) => onCommit(name, next);

  useEffect(() => {
    if (options.focusField !== name || !box.current) return;
    box.current.scrollIntoView({ block: 'center' });
    box.current.querySelector<HTMLElement>('.cm-content, input, select, textarea, button')?.focus();
  }, [options.focusField, name]);

  const isGroup = !schema['x-expression'] && (type === 'object' && schema.properties || type === 'array' || schema.oneOf);
  const custom = options.custom?.({ name, labelId, schema, value, readOnly, onCommit: commit });
  let control: ReactNode;
  if (custom) control = custom;
  else if (schema['x-secret']) control = <SecretInput labelId={labelId} isSet={value != null && value !== ''} readOnly={readOnly} onCommit={commit} />;
  else if (schema['x-expression'] || (type === 'string' && !schema.enum && options.templates?.(name))) {
    const mode = options.templates?.(name) ? 'template' : 'raw';
    const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
    control = options.expression
      ? options.expression({ name, labelId, value: text, mode, multiline: schema.format === 'multiline', readOnly, onCommit: (next) => commit(next === '' ? undefined : next) })
      : <TextInput labelId={labelId} value={text} readOnly={readOnly} placeholder={placeholderOf(schema)} onCommit={(next) => commit(next === '' ? undefined : next)} />;
  } else if (schema.oneOf && !schema.enum) control = <OneOf {...props} labelId={labelId} />;
  else if (schema.enum) control = <EnumSelect labelId={labelId} schema={schema} value={value} required={required} readOnly={readOnly} onCommit={commit} />;
  else if (type === 'boolean') {
    control = <input type="checkbox" aria-labelledby={labelId} checked={value === true} disabled={readOnly}
      onChange={(event) => commit(event.target.checked)} />;
  } else if (type === 'integer' || type === 'number') {
    control = <NumberInput labelId={labelId} value={value} integer={type === 'integer'} schema={schema} readOnly={readOnly} onCommit={commit} />;
  } else if (type === 'object' && schema.properties) {
    control = <ObjectFields schema={schema} value={value as Record<string, unknown> | undefined} name={name} onCommit={onCommit} />;
  } else if (type === 'array') control = <ArrayField {...props} labelId={labelId} />;
  else if (type === 'string') {
    control = <TextInput labelId={labelId} value={typeof value === 'string' ? value : ''} readOnly={readOnly}
      placeholder={placeholderOf(schema)} multiline={schema.format === 'multiline'} onCommit={(next) => commit(next === '' ? undefined : next)} />;
  } else control = <JsonInput labelId={labelId} value={value} readOnly={readOnly} onCommit={commit} />;

  const label = (
    <span id={labelId} className="field-title">{title}{required && <span className="required-marker" aria-hidden="true"> *</span>}</span>
  );
  return (
    <div ref={box} className={isGroup ? 'field field-group' : 'field'} data-testid="param" data-name={name}
      data-required={required ? 'true' : undefined} data-invalid={problem ? 'true' : undefined}>
      {isGroup ? <fieldset aria-labelledby={labelId}><legend>{label}</legend>{control}</fieldset> : <>{label}{control}</>}
      {schema.description && <small className="field-help">{schema.description}</small>}
      {problem && <div className="field-error" role="alert" data-testid="param-problem" data-name={name}>{problem}</div>}
    </div>
  );
}

/** A text committed on blur or Enter (one history entry per field edit), reset when the value changes outside. */
function TextInput({ labelId, value, readOnly, placeholder, multiline, onCommit }: { labelId: string; value: string; readOnly: boolean; placeholder?: string; multiline?: boolean; onCommit(next: string): void }): ReactElement {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const done = () => { if (text !== value) onCommit(text); };
  const common = {
    'aria-labelledby': labelId, value: text, readOnly, placeholder, onBlur: done,
  };
  return multiline
    ? <textarea {...common} rows={4} onChange={(event) => setText(event.target.value)} />
    : <input type="text" {...common} onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => { if (event.key === 'Enter') done(); }} />;
}

function NumberInput({ labelId, value, integer, schema, readOnly, onCommit }: { labelId: string; value: unknown; integer: boolean; schema: JsonSchema; readOnly: boolean; onCommit(next: unknown): void }): ReactElement {
  const shown = value === undefined || value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const done = () => {
    if (text === shown) return;
    if (text.trim() === '') { onCommit(undefined); return; }
    const number = Number(text);
    // a text that is no number stays in the field (the validator names it); it is committed as typed
    onCommit(Number.isFinite(number) && (!integer || Number.isInteger(number)) ? number : text);
  };
  return <input type="number" aria-labelledby={labelId} value={text} readOnly={readOnly} step={integer ? 1 : 'any'}
    min={schema.minimum} max={schema.maximum} placeholder={placeholderOf(schema)} onBlur={done}
    onChange={(event) => setText(event.target.value)} onKeyDown={(event) => { if (event.key === 'Enter') done(); }} />;
}

function EnumSelect({ labelId, schema, value, required, readOnly, onCommit }: { labelId: string; schema: JsonSchema; value: unknown; required: boolean; readOnly: boolean; onCommit(next: unknown): void }): ReactElement {
  const values = schema.enum ?? [];
  const index = values.findIndex((candidate) => candidate === value);
  return (
    <select aria-labelledby={labelId} value={index < 0 ? '' : String(index)} disabled={readOnly} aria-required={required}
      onChange={(event) => onCommit(event.target.value === '' ? undefined : values[Number(event.target.value)])}>
      <option value="">{schema.default !== undefined ? `(default: ${enumLabel(schema, schema.default)})` : '—'}</option>
      {values.map((candidate, i) => <option key={String(candidate)} value={String(i)}>{enumLabel(schema, candidate)}</option>)}
    </select>
  );
}

/** Write-only: the stored value is never shown; typing a new one replaces it. */
function SecretInput({ labelId, isSet, readOnly, onCommit }: { labelId: string; isSet: boolean; readOnly: boolean; onCommit(next: string): void }): ReactElement {
  const [text, setText] = useState('');
  return <input type="password" autoComplete="new-password" aria-labelledby={labelId} value={text} readOnly={readOnly}
    placeholder={isSet ? 'set (type to replace)' : 'not set'} onChange={(event) => setText(event.target.value)}
    onBlur={() => { if (text !== '') { onCommit(text); setText(''); } }} />;
}

/** A free-form value as JSON, committed on blur when it parses. */
function JsonInput({ labelId, value, readOnly, onCommit }: { labelId: string; value: unknown; readOnly: boolean; onCommit(next: unknown): void }): ReactElement {
  const shown = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { setText(shown); setError(null); }, [shown]);
  const done = () => {
    if (text === shown) return;
    if (text.trim() === '') { onCommit(undefined); return; }
    try {
      onCommit(JSON.parse(text));
      setError(null);
    } catch (failure) {
      setError(`not JSON: ${(failure as Error).message}`);
    }
  };
  return (
    <>
      <textarea aria-labelledby={labelId} className="json-input" rows={4} value={text} readOnly={readOnly}
        onChange={(event) => setText(event.target.value)} onBlur={done} />
      {error && <div className="field-error" role="alert">{error}</div>}
    </>
  );
}

function OneOf({ schema, value, name, title, onCommit }: FieldProps & { labelId: string }): ReactElement {
  const options = useContext(Options);
  const variants = schema.oneOf ?? [];
  const [chosen, setChosen] = useState(() => variantOf(variants, value));
  useEffect(() => setChosen(variantOf(variants, value)), [value]); // eslint-disable-line react-hooks/exhaustive-deps
  const variant = { ...variants[chosen], title: variants[chosen]?.title ?? title };
  return (
    <>
      <select aria-label={`${title}: kind`} value={String(chosen)} disabled={options.readOnly}
        onChange={(event) => { setChosen(Number(event.target.value)); onCommit(name, variants[Number(event.target.value)]?.default); }}>
        {variants.map((candidate, i) => <option key={i} value={String(i)}>{candidate.title ?? fieldType(candidate) ?? `option ${i + 1}`}</option>)}
      </select>
      {variant && fieldType(variant) === 'object'
        ? <ObjectFields schema={variant} value={value as Record<string, unknown> | undefined} name={name} onCommit={onCommit} />
        : variant && !('const' in variant) && <Field schema={variant} value={value} name={`${name}`} title={variant.title ?? title} required={false}
          onCommit={onCommit} key={chosen} />}
    </>
  );
}

function ArrayField({ schema, value, name, title, onCommit }: FieldProps & { labelId: string }): ReactElement {
  const options = useContext(Options);
  const items = Array.isArray(value) ? value : [];
  const itemSchema = schema.items ?? {};
  const objects = fieldType(itemSchema) === 'object';
  const write = (next: unknown[]) => onCommit(name, next.length === 0 ? undefined : next);
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    write(next);
  };
  // an item's own change arrives named `name[i]` or `name[i].x`: rebuild the list with it
  const commitItem = (itemName: string, next: unknown) => {
    const match = /^\.(\d+)(.*)$/.exec(itemName.slice(name.length));
    if (!match) { onCommit(itemName, next); return; }
    const index = Number(match[1]);
    const rest = match[2].replace(/^\./, '');
    const copy = [...items];
    copy[index] = rest === '' ? next : setPath(copy[index], rest, next);
    write(copy);
  };
  const readOnly = options.readOnly ?? false;
  return (
    <div className="array-field">
      <ol>
        {items.map((item, index) => (
          <li key={index} className="array-item">
            {objects
              ? <ObjectFields schema={itemSchema} value={item as Record<string, unknown>} name={childName(name, index)} onCommit={commitItem} />
              : <Field schema={itemSchema} value={item} name={childName(name, index)} title={`${title} ${index + 1}`} required={false} onCommit={commitItem} />}
            {!readOnly && (
              <span className="array-actions">
                <button type="button" aria-label={`Move ${title} ${index + 1} up`} disabled={index === 0} onClick={() => move(index, index - 1)}>↑</button>
                <button type="button" aria-label={`Move ${title} ${index + 1} down`} disabled={index === items.length - 1} onClick={() => move(index, index + 1)}>↓</button>
                <button type="button" aria-label={`Remove ${title} ${index + 1}`} onClick={() => write(items.filter((_, i) => i !== index))}>✕</button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button type="button" className="array-add" onClick={() => write([...items, itemSchema.default ?? (objects ? {} : '')])}>
          Add {title.toLowerCase()}
        </button>
      )}
    </div>
  );
}

/** `value` with the dotted path `path` (`a.b`, `a.0.b`: a number indexes a list) set to `next`; undefined removes;
 * copies only the objects on the path. */
export function setPath(value: unknown, path: string, next: unknown): unknown {
  const segments = path.split('.').filter(Boolean);
  const write = (current: unknown, at: number): unknown => {
    if (at === segments.length) return next;
    const key = segments[at];
    if (Array.isArray(current) && /^\d+$/.test(key)) {
      const list = [...current];
      list[Number(key)] = write(list[Number(key)], at + 1);
      return list;
    }
    const object = { ...((current && typeof current === 'object' ? current : {}) as Record<string, unknown>) };
    const child = write(object[key], at + 1);
    if (child === undefined) delete object[key];
    else object[key] = child;
    return object;
  };
  return write(value, 0);
}
