import { useEffect, useState, type DragEvent, type ReactElement } from 'react';
import { SCOPE_PATH_TYPE } from '../../shared/expression-input/ExpressionInput';
import type { NodeData } from '../contract';

type Side = NodeData['input'];

const SOURCE_LABEL: Record<Side['source'], string> = {
  run: 'last run',
  pinned: 'pinned',
  schema: 'schema',
  none: 'no data yet',
  step: 'this step, run alone',
};

/** A field of a value or a schema, draggable onto an expression field as its scope path. */
interface TreeProps {
  value: unknown;
  /** the path of `value` shown to people and tests (`a.b`), relative to the pane */
  path: string;
  /** maps a pane path to its scope path (`trigger.a.b`); absent: not draggable */
  scopePath?(path: string): string;
  testId: string;
  depth: number;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}

function ValueTree({ value, path, scopePath, testId, depth }: TreeProps): ReactElement {
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.slice(0, 20).map((item, index) => [index, item])
    : value && typeof value === 'object' ? Object.entries(value) : [];
  return (
    <ul className="value-tree" role={depth === 0 ? 'tree' : 'group'}>
      {entries.map(([key, child]) => {
        const childPath = join(path, key);
        const leaf = child === null || typeof child !== 'object';
        const drag = scopePath ? (event: DragEvent) => {
          const full = scopePath(childPath);
          event.dataTransfer.setData(SCOPE_PATH_TYPE, full);
          event.dataTransfer.setData('text/plain', `{{ ${full} }}`);
          event.dataTransfer.effectAllowed = 'copy';
        } : undefined;
        return (
          <li key={String(key)} role="treeitem" aria-expanded={leaf ? undefined : true}>
            <span className="tree-field" data-testid={testId} data-path={childPath} draggable={Boolean(drag)} onDragStart={drag}
              title={scopePath ? `Drag onto a parameter to use {{ ${scopePath(childPath)} }}` : undefined}>
              <span className="tree-key">{String(key)}</span>
              {leaf
                ? <span className="tree-value">{JSON.stringify(child)}</span>
                : <span className="tree-type">{Array.isArray(child) ? `list of ${child.length}` : 'object'}</span>}
            </span>
            {!leaf && depth < 8 && <ValueTree value={child} path={childPath} scopePath={scopePath} testId={testId} depth={depth + 1} />}
          </li>
        );
      })}
    </ul>
  );
}

/** A JSON Schema as the tree of its properties, each with its type (the shape to expect before any data). */
function schemaAsValue(schema: unknown, depth = 0): unknown {
  const s = (schema ?? {}) as { type?: unknown; properties?: Record<string, unknown>; items?: unknown };
  if (s.properties && depth < 8) {
    return Object.fromEntries(Object.entries(s.properties).map(([key, child]) => [key, schemaAsValue(child, depth + 1)]));
  }
  if (s.items && depth < 8) return [schemaAsValue(s.items, depth + 1)];
  return `‹${Array.isArray(s.type) ? s.type.join(' | ') : String(s.type ?? 'any')}›`;
}

export interface DataPaneProps {
  side: 'input' | 'output';
  nodeId: string;
  data: Side | undefined;
  loading: boolean;
  error: string | null;
  scopePath?(path: string): string;
  emptyText: string;
}

/** One of the Input | Output panes: the value as a tree or JSON, or the schema when no data is known. */
export function DataPane({ side, nodeId, data, loading, error, scopePath, emptyText }: DataPaneProps): ReactElement {
  const [view, setView] = useState<'tree' | 'json'>('tree');
  const source = data?.source ?? 'none';
  const shown = source === 'schema' ? schemaAsValue(data?.schema) : data?.value;
  const fieldTestId = side === 'input' ? 'input-field' : 'output-field';
  return (
    <section className={`inspector-pane pane-${side}`} data-testid={`pane-${side}`} data-node={nodeId} data-source={source}
      aria-label={side === 'input' ? 'Input' : 'Output'}>
      <header className="pane-header">
        <h3>{side === 'input' ? 'Input' : 'Output'}</h3>
        <span className="pane-source" data-testid={`${side}-source`}>{loading ? 'loading…' : SOURCE_LABEL[source]}</span>
        <span className="pane-views" role="group" aria-label={`${side} view`}>
          <button type="button" aria-pressed={view === 'tree'} onClick={() => setView('tree')}>Tree</button>
          <button type="button" aria-pressed={view === 'json'} data-testid={`${side}-json-toggle`} onClick={() => setView('json')}>JSON</button>
        </span>
      </header>
      {error && <div className="pane-error" role="alert">{error}</div>}
      {shown === undefined
        ? <p className="pane-empty">{emptyText}</p>
        : view === 'json'
          ? <pre className="pane-json" data-testid={`${side}-json`}>{JSON.stringify(shown, null, 2)}</pre>
          : shown !== null && typeof shown === 'object'
            ? <ValueTree value={shown} path="" scopePath={scopePath} testId={fieldTestId} depth={0} />
            : <pre className="pane-json">{JSON.stringify(shown)}</pre>}
      {data?.truncated && <p className="pane-note">Shortened: the whole value is in the run's history.</p>}
    </section>
  );
}

/** The sample editor under the Output pane: pin this output (or an edited one) as the node's sample, or unpin. */
export function PinSample({ nodeId, port, current, pinned, readOnly, onPin }: {
  nodeId: string; port: string; current: unknown; pinned: boolean; readOnly: boolean;
  onPin(sample: unknown | null): Promise<void>;
}): ReactElement {
  const shown = current === undefined ? '{\n  \n}' : JSON.stringify(current, null, 2);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setText(shown), [shown]);
  const pin = async (sample: unknown | null) => {
    setBusy(true);
    try {
      await onPin(sample);
      setError(null);
    } catch (failure) {
      setError(`could not pin: ${(failure as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="pin-sample">
      <details open={current === undefined}>
      <summary>Sample {pinned ? '(pinned)' : ''}</summary>
      <label className="field-title" htmlFor={`sample-${nodeId}`}>Sample output (JSON) of port {port}</label>
      <textarea id={`sample-${nodeId}`} data-testid="sample-json" data-node={nodeId} rows={6} value={text} readOnly={readOnly}
        onChange={(event) => setText(event.target.value)} />
      </details>
      {error && <div className="field-error" role="alert">{error}</div>}
      <div className="pin-actions">
        <button type="button" data-testid="pin-sample" data-node={nodeId} disabled={readOnly || busy}
          onClick={() => {
            try {
              void pin(JSON.parse(text));
            } catch (failure) {
              setError(`not JSON: ${(failure as Error).message}`);
            }
          }}>Pin as sample</button>
        {pinned && <button type="button" data-testid="unpin-sample" data-node={nodeId} disabled={readOnly || busy} onClick={() => void pin(null)}>Unpin</button>}
      </div>
    </div>
  );
}
