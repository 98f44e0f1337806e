import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { NodeData } from '../contract';
import { isDirty, useDesigner } from '../store';
import { DataPane, PinSample } from './DataPane';
import { NodeParameters } from './NodeParameters';
import { operationsAround, predecessor, scopeOf, scopeRoot } from './scope';
import { TriggerForm } from './TriggerForm';
import './inspector.css';

const SCOPE_KEYS = ['trigger', 'nodes', 'vars'];

/** Whether a node's input value is the scope itself ({trigger, nodes, vars}) rather than one upstream output. */
function isScope(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value)
    && Object.keys(value as object).length > 0 && Object.keys(value as object).every((key) => SCOPE_KEYS.includes(key));
}

/** The sample pinned on a node's "out" port, else on its first port. */
function firstPort(ports: Record<string, unknown> | undefined): unknown {
  if (!ports) return undefined;
  return 'out' in ports ? ports.out : Object.values(ports)[0];
}

/** The open node's (or the trigger's) inspector: Input | Parameters | Output, with pinning and test runs. */
export function Inspector(): ReactElement | null {
  const inspected = useDesigner((state) => state.inspected);
  const document = useDesigner((state) => state.document);
  const server = useDesigner((state) => state.server);
  const overlay = useDesigner((state) => state.overlay);
  const samples = useDesigner((state) => state.samples);
  const permissions = useDesigner((state) => state.permissions);
  const diff = useDesigner((state) => state.diff);
  const stepRun = useDesigner((state) => (state.inspected ? state.stepRuns[state.inspected] : undefined));
  const [data, setData] = useState<NodeData | null>(null);
  const [loading, setLoading] = useState(false);
  const [dataError, setDataError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const runId = overlay?.runId ?? null;
  const nodeStatus = inspected ? overlay?.nodes[inspected]?.status : undefined;
  const pinnedKey = inspected ? JSON.stringify(samples[inspected] ?? null) : '';
  useEffect(() => {
    setMessage(null);
  }, [inspected]);
  useEffect(() => {
    if (!server || !inspected) { setData(null); return undefined; }
    let current = true;
    setLoading(true);
    Promise.resolve().then(() => server.nodeData(inspected, runId)).then(
      (answer) => { if (current) { setData(answer ?? null); setDataError(answer?.error ?? null); } },
      (failure: Error) => { if (current) { setData(null); setDataError(`could not load the node's data: ${failure.message}`); } },
    ).finally(() => { if (current) setLoading(false); });
    return () => { current = false; };
  }, [server, inspected, runId, nodeStatus, pinnedKey]);

  // the output schemas the expressions here may read (and this node's input form's): asked for when it is inspected
  useEffect(() => {
    if (!inspected || !document) return;
    const state = useDesigner.getState();
    state.needSchemas(operationsAround(document, inspected, state.catalog, state.connections));
  }, [inspected, document]);

  const inputValue = data?.nodeId === inspected ? data?.input.value : undefined;

  const scope = useCallback(() => {
    const state = useDesigner.getState();
    if (!state.document || !inspected) return {};
    return scopeOf(state.document, inspected, state.catalog, state.connections, state.samples, isScope(inputValue) ? inputValue : undefined,
      state.schemas);
  }, [inspected, inputValue]);

  if (!inspected || !document) return null;
  const node = inspected === 'trigger' ? null : document.nodes.find((candidate) => candidate.id === inspected);
  if (inspected !== 'trigger' && !node) return null;
  const readOnly = !permissions.edit || diff !== null;
  const title = node ? node.name : 'Trigger';
  const shown = data?.nodeId === inspected ? data : null;

  const before = predecessor(document, inspected);
  // what the server knows wins; else the pinned samples the page has (the node before this one, this node's own)
  const pinnedInput = firstPort(samples[before]);
  const input: NodeData['input'] | undefined = stepRun ? { source: 'step', value: stepRun.input } : shown && shown.input.source !== 'none' && shown.input.source !== 'schema'
    ? shown.input : pinnedInput !== undefined ? { source: 'pinned', value: pinnedInput } : shown?.input;
  const pinnedOutput = firstPort(samples[inspected]);
  const output: NodeData['output'] | undefined = stepRun
    ? { source: 'step', port: stepRun.ports[0] ?? 'out', value: stepRun.output ?? undefined } : shown && shown.output.source !== 'none' && shown.output.source !== 'schema'
    ? shown.output : pinnedOutput !== undefined ? { source: 'pinned', value: pinnedOutput } : shown?.output;
  const inputScopePath = (path: string) => {
    if (isScope(inputValue)) return path;
    const root = scopeRoot(before);
    return path.startsWith('[') ? `${root}${path}` : `${root}.${path}`;
  };

  const run = async (label: string) => {
    const state = useDesigner.getState();
    const base = state.workflow?.baseVersion ?? null;
    if (!state.server || !state.document) return;
    if (isDirty(state) || base === null) {
      setMessage(`Save first: "${label}" runs the saved version, and this page has unsaved changes.`);
      return;
    }
    setMessage(`${label}: starting…`);
    try {
      const answer = await state.server.testRun(base, null, inspected);
      if (answer.outcome === 'started') {
        useDesigner.getState().set({ ranDocument: state.document, stepRuns: {} });
        setMessage(`${label}: test run ${answer.runId} started on version ${base}.`);
      } else {
        setMessage(`${label} refused: ${answer.message}`);
      }
    } catch (failure) {
      setMessage(`${label} failed: ${(failure as Error).message}`);
    }
  };

  /** "Run this step": this step alone, on the sandbox, with its upstream data from the last run and the pins. */
  const runStep = async () => {
    const state = useDesigner.getState();
    if (!state.server || !state.document || inspected === 'trigger') return;
    const ran = state.document;
    setMessage('Run this step: running…');
    try {
      const answer = await state.server.runStep(inspected, ran);
      if (answer.outcome === 'ran') {
        const latest = useDesigner.getState();
        latest.set({ stepRuns: { ...latest.stepRuns, [inspected]: { ...answer, document: ran } } });
        setMessage(`Run this step: ${answer.status}${answer.message ? ` (${answer.message})` : ''}; upstream data: ${answer.dataSource}.`);
      } else {
        setMessage(`Run this step refused: ${answer.message}`);
      }
    } catch (failure) {
      setMessage(`Run this step failed: ${(failure as Error).message}`);
    }
  };

  const port = shown?.output.port ?? 'out';
  const pin = async (sample: unknown | null) => {
    const state = useDesigner.getState();
    if (!state.server) return;
    await state.server.pin(inspected, port, sample);
    const ports = { ...(state.samples[inspected] ?? {}) };
    if (sample === null) delete ports[port];
    else ports[port] = sample;
    const next = { ...state.samples };
    if (Object.keys(ports).length === 0) delete next[inspected];
    else next[inspected] = ports;
    useDesigner.getState().set({ samples: next });
    setMessage(sample === null ? 'Sample unpinned.' : `Sample pinned on port ${port}: runs to here use it instead of calling upstream.`);
  };
  const pinned = samples[inspected]?.[port] !== undefined;

  return (
    <aside className="inspector" data-testid="inspector" data-node={inspected} aria-label={`Inspector: ${title}`}>
      <header className="inspector-header">
        <h2>{title}</h2>
        {node && <span className="inspector-type">{node.type}</span>}
        <span className="inspector-actions">
          <button type="button" data-testid="run-to-here" data-node={inspected} disabled={!permissions.run}
            title="Test-runs the saved version from the trigger up to this node" onClick={() => void run('Run to here')}>
            Run to here
          </button>
          {node && (
            <button type="button" data-testid="run-step" data-node={inspected} disabled={!permissions.edit || diff !== null}
              title="Runs only this step, on sandbox connections, with the data upstream from the pinned samples and the last run"
              onClick={() => void runStep()}>
              Run this step
            </button>
          )}
          <button type="button" className="inspector-close" aria-label="Close the inspector" onClick={() => useDesigner.getState().inspect(null)}>✕</button>
        </span>
      </header>
      {message && <p className="inspector-message" role="status" data-testid="inspector-message">{message}</p>}
      <div className="inspector-panes">
        {inspected === 'trigger'
          ? <section className="inspector-pane pane-input" data-testid="pane-input" data-node="trigger" data-source="none" aria-label="Input">
            <header className="pane-header"><h3>Input</h3></header>
            <p className="pane-empty">A trigger has no input: its output (the payload) starts the run.</p>
          </section>
          : <DataPane side="input" nodeId={inspected} data={input} loading={loading} error={dataError}
            scopePath={readOnly ? undefined : inputScopePath}
            emptyText="No data yet: pin a sample upstream or run to here to see what flows in." />}
        {node
          ? <NodeParameters key={node.id} node={node} readOnly={readOnly} scope={scope} />
          : <TriggerForm trigger={document.trigger} readOnly={readOnly} scope={scope} />}
        <DataPane side="output" nodeId={inspected} data={output} loading={loading} error={null}
          emptyText="No output yet: run to here, or pin a sample below." />
        <PinSample nodeId={inspected} port={port} current={output?.source === 'schema' ? undefined : output?.value}
          pinned={pinned} readOnly={readOnly} onPin={pin} />
      </div>
    </aside>
  );
}
