import { useState, type ReactElement } from 'react';
import type { Overlay, RunChoice, RunStatus } from '../contract';
import { isDirty, useDesigner } from '../store';
import './styles';

/** The input text the dialog opens with: the pinned trigger sample, else an empty object. */
function initialInput(sample: unknown): string {
  return JSON.stringify(sample ?? {}, null, 2);
}

/** The input the user typed, or why it is not JSON. */
export function parseRunInput(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: false, message: 'The input is empty: write a JSON value, e.g. {}.' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `The input is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** How many nodes of the overlay are in each status, in a fixed order. */
export function statusCounts(overlay: Overlay): [RunStatus, number][] {
  const order: RunStatus[] = ['succeeded', 'failed', 'dead', 'running', 'waiting', 'queued', 'skipped', 'cancelled'];
  const counts = new Map<RunStatus, number>();
  for (const node of Object.values(overlay.nodes)) counts.set(node.status, (counts.get(node.status) ?? 0) + 1);
  return order.filter((status) => counts.has(status)).map((status) => [status, counts.get(status)!]);
}

/**
 * "Compare with…": picks another run of the workflow; each node then shows that run's status, attempts and duration
 * beside the shown run's, marked same / different (status or output) / only in one run (`data-compare`).
 */
function CompareRuns({ overlay }: { overlay: Overlay }): ReactElement {
  const server = useDesigner((state) => state.server);
  const comparison = useDesigner((state) => state.comparison);
  const [choices, setChoices] = useState<RunChoice[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    if (!server) return;
    try {
      const runs = await server.recentRuns();
      setChoices(runs.filter((run) => run.runId !== overlay.runId));
      setError(null);
    } catch (failure) {
      setError(`Could not list the runs: ${String(failure)}`);
    }
  };
  const pick = async (runId: string) => {
    if (!server || runId === '') return;
    try {
      const answer = await server.compareRuns(runId);
      if (answer && 'nodes' in answer) {
        useDesigner.getState().set({ comparison: answer });
        setChoices(null);
      } else {
        setError('That run cannot be compared: no run is on the canvas, or it is not a run of this workflow.');
      }
    } catch (failure) {
      setError(`Could not compare: ${String(failure)}`);
    }
  };

  if (comparison) {
    const differing = Object.values(comparison.nodes).filter((node) => node.change !== 'same').length;
    return (
      <span className="wd-comparison" data-testid="comparison" data-other-run-id={comparison.otherRunId} data-differences={differing}>
        vs <a href={`runs/${comparison.otherRunId}`}>{comparison.otherRunId.slice(0, 8)}</a> of v{comparison.otherVersion}
        {' '}<strong className={`wd-status wd-status-${comparison.otherStatus}`}>{comparison.otherStatus}</strong>
        {' '}· {differing} {differing === 1 ? 'step differs' : 'steps differ'}
        {' '}<button type="button" data-testid="compare-exit" onClick={() => useDesigner.getState().set({ comparison: null })}>Stop comparing</button>
      </span>
    );
  }
  return (
    <span className="wd-compare">
      {choices === null
        ? <button type="button" data-testid="compare-open" onClick={() => void open()}>Compare with…</button>
        : (
          <select data-testid="compare-run" aria-label="Run to compare with" defaultValue="" onChange={(event) => void pick(event.target.value)}>
            <option value="" disabled>{choices.length === 0 ? 'No other run' : 'Pick a run…'}</option>
            {choices.map((run) => (
              <option key={run.runId} value={run.runId}>{run.runId.slice(0, 8)} · v{run.version} · {run.status} · {run.createdAt.slice(0, 19).replace('T', ' ')}</option>
            ))}
          </select>
        )}
      {error && <span className="wd-error" role="alert">{error}</span>}
    </span>
  );
}

/**
 * "Test run": runs the saved version with a JSON input typed here (pre-filled with the pinned trigger sample), and,
 * while the canvas shows a run (`store.overlay`), the run's summary with a link to its page and a way back to the
 * plain canvas. Unsaved edits are not part of a run; `onSaveFirst` (when given) offers to save them first.
 */
export function RunControls({ onSaveFirst }: { onSaveFirst?: () => void } = {}): ReactElement | null {
  const server = useDesigner((state) => state.server);
  const workflow = useDesigner((state) => state.workflow);
  const permissions = useDesigner((state) => state.permissions);
  const overlay = useDesigner((state) => state.overlay);
  const sample = useDesigner((state) => state.samples.trigger?.out);
  const dirty = useDesigner(isDirty);
  const [open, setOpen] = useState(false);
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const version = workflow?.baseVersion ?? null;

  const openDialog = () => {
    setInput(initialInput(sample));
    setError(null);
    setOpen(true);
  };

  const start = async () => {
    if (!server || version == null) return;
    const parsed = parseRunInput(input);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await server.testRun(version, parsed.value, null);
      if (result.outcome === 'started') {
        useDesigner.getState().set({ ranDocument: useDesigner.getState().saved, diff: null });
        setOpen(false);
      } else {
        setError(result.message);
      }
    } catch (failure) {
      setError(`The server refused: ${String(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  const exitOverlay = () => {
    useDesigner.getState().set({ overlay: null, ranDocument: null });
    void server?.showRun(null);
  };

  if (!permissions.run && !overlay) return null;
  return (
    <div className="wd-run-controls">
      {permissions.run && (
        <button type="button" data-testid="test-run" onClick={openDialog} disabled={version == null}
          title={version == null ? 'Save the workflow first: a test run runs a saved version' : `Test run of version ${version}`}>
          Test run
        </button>
      )}
      {open && (
        <div className="wd-modal-backdrop">
          <div className="wd-dialog" role="dialog" aria-modal="true" aria-labelledby="wd-test-run-title" data-testid="test-run-dialog">
            <h2 id="wd-test-run-title">Test run of version {version}</h2>
            {dirty && (
              <p className="wd-message" data-testid="test-run-unsaved">
                You have unsaved changes: the run uses saved version {version}, without them.
                {onSaveFirst && (
                  <> <button type="button" className="wd-link" onClick={() => { setOpen(false); onSaveFirst(); }}>Save first</button></>
                )}
              </p>
            )}
            <label htmlFor="wd-test-run-input">Trigger input (JSON){sample !== undefined ? ' — pre-filled with the pinned sample' : ''}</label>
            <textarea id="wd-test-run-input" data-testid="test-run-input" rows={10} spellCheck={false} value={input}
              aria-invalid={error != null} aria-describedby={error ? 'wd-test-run-error' : undefined}
              onChange={(event) => { setInput(event.target.value); setError(null); }} />
            {error && <p id="wd-test-run-error" className="wd-message wd-error" role="alert" data-testid="test-run-error">{error}</p>}
            <div className="wd-dialog-buttons">
              <button type="button" onClick={() => setOpen(false)}>Cancel</button>
              <button type="button" className="wd-primary" data-testid="test-run-start" disabled={busy} onClick={() => void start()}>
                Start
              </button>
            </div>
          </div>
        </div>
      )}
      {overlay && (
        <div className="wd-run-overlay" data-testid="run-overlay" data-run-id={overlay.runId} data-status={overlay.status}
          role="status" aria-label="Run on the canvas">
          <span>{overlay.test ? 'Test run' : 'Run'} <a href={`runs/${overlay.runId}`}>{overlay.runId.slice(0, 8)}</a> of v{overlay.version}:</span>
          <strong className={`wd-status wd-status-${overlay.status}`}>{overlay.status}</strong>
          <span className="wd-run-counts">
            {statusCounts(overlay).map(([status, count]) => (
              <span key={status} className={`wd-status wd-status-${status}`} data-testid="run-count" data-status={status}>{count} {status}</span>
            ))}
          </span>
          <CompareRuns overlay={overlay} />
          <button type="button" data-testid="overlay-exit" onClick={exitOverlay}>Back to editing</button>
        </div>
      )}
    </div>
  );
}
