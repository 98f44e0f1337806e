import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { Definition, NodeDiff, SaveResult, VersionDiff, VersionInfo } from '../contract';
import { isDirty, useDesigner } from '../store';
import { useUi } from '../ui-state';
import { shortJson, shortTime } from './format';
import { MergeDialog, type Conflict } from './MergeDialog';
import './styles';

type Pending = { kind: 'restore' | 'publish'; version: number } | null;

/**
 * History of the workflow: every saved version (number, comment, author, time, published badge); compare any two on
 * the canvas (sets `store.diff`; the canvas marks added, removed, changed and moved nodes) with the changed fields
 * listed here; restore a version as a new one; publish a version. Read-only users can compare only.
 */
export function VersionsPanel({ onClose }: { onClose(): void }): ReactElement {
  const server = useDesigner((state) => state.server);
  const workflow = useDesigner((state) => state.workflow);
  const permissions = useDesigner((state) => state.permissions);
  const diff = useDesigner((state) => state.diff);
  const dirty = useDesigner(isDirty);
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  // a diff still on the canvas when the panel opens again (after a field was shown in the inspector) stays picked
  const [from, setFrom] = useState<number | null>(() => useDesigner.getState().diff?.from ?? null);
  const [to, setTo] = useState<number | null>(() => useDesigner.getState().diff?.to ?? null);
  const [pending, setPending] = useState<Pending>(null);
  const [conflict, setConflict] = useState<{ result: Conflict; comment: string } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    if (!server) return;
    try {
      setVersions(await server.versions());
    } catch (error) {
      setMessage({ text: `Could not load the versions: ${String(error)}`, error: true });
    }
  }, [server]);

  useEffect(() => {
    void reload();
  }, [reload, workflow?.baseVersion, workflow?.publishedVersion]);

  useEffect(() => {
    if (!server || from == null || to == null || from === to) return;
    let current = true;
    server.diff(from, to).then(
      (answer) => current && useDesigner.getState().set({ diff: answer }),
      (error) => current && setMessage({ text: `Could not compare the versions: ${String(error)}`, error: true }));
    return () => {
      current = false;
    };
  }, [server, from, to]);

  const exitDiff = () => {
    setFrom(null);
    setTo(null);
    useDesigner.getState().set({ diff: null });
  };

  const close = () => {
    useDesigner.getState().set({ diff: null });
    onClose();
  };

  /** What restore and a merged save answer: saved -> the page now edits that version (`sent`: the document a save sent,
   * which the answer leaves out when it is the one stored); conflict -> the merge dialog. */
  const settle = (result: SaveResult, comment: string, sent: Definition | null = null) => {
    const store = useDesigner.getState();
    if (result.outcome === 'saved') {
      const document = result.document ?? sent;
      if (store.workflow && document) store.load(document, { ...store.workflow, baseVersion: result.version });
      store.set({ problems: result.problems, diff: null });
      setFrom(null);
      setTo(null);
      setMessage({ text: `${comment}: saved as version ${result.version}.`, error: false });
      void reload();
    } else if (result.outcome === 'conflict') {
      setConflict({ result, comment });
    } else {
      setMessage({ text: result.message, error: true });
      store.set({ problems: result.problems });
    }
  };

  const confirm = async () => {
    if (!server || !pending) return;
    const { kind, version } = pending;
    setPending(null);
    setBusy(true);
    setMessage(null);
    try {
      if (kind === 'restore') {
        settle(await server.restore(version, useDesigner.getState().workflow?.baseVersion ?? null), `Restored version ${version}`);
      } else {
        const result = await server.publish(version);
        const store = useDesigner.getState();
        if (result.outcome === 'published') {
          if (store.workflow) store.set({ workflow: { ...store.workflow, publishedVersion: result.version } });
          setMessage({ text: `Version ${result.version} is published.`, error: false });
          void reload();
        } else {
          setMessage({ text: result.message, error: true });
          store.set({ problems: result.problems });
        }
      }
    } catch (error) {
      setMessage({ text: `The server refused: ${String(error)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const saveMerged = async (document: Definition, theirsVersion: number) => {
    if (!server || !conflict) return;
    const comment = conflict.comment;
    setConflict(null);
    setBusy(true);
    try {
      settle(await server.save(document, theirsVersion, comment), comment, document);
    } catch (error) {
      setMessage({ text: `The server refused: ${String(error)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const rows = versions ? [...versions].sort((a, b) => b.version - a.version) : [];
  return (
    <aside className="wd-panel wd-versions" data-testid="versions-panel" aria-label="Versions">
      <header className="wd-panel-header">
        <h2>Versions</h2>
        <button type="button" onClick={close} aria-label="Close versions">×</button>
      </header>
      {message && (
        <p className={message.error ? 'wd-message wd-error' : 'wd-message'} role={message.error ? 'alert' : 'status'}
          data-testid="versions-message">{message.text}</p>
      )}
      {versions == null && <p>Loading…</p>}
      {versions != null && rows.length === 0 && <p>No saved version yet.</p>}
      {rows.length > 0 && (
        <table className="wd-version-table">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col" title="Compare from">From</th>
              <th scope="col" title="Compare to">To</th>
              <th scope="col"><span className="wd-visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.version} data-testid="version" data-version={row.version} data-published={row.published ? 'true' : 'false'}
                className={row.version === workflow?.baseVersion ? 'wd-version-current' : undefined}>
                <td>
                  <div className="wd-version-title">
                    <strong>v{row.version}</strong>
                    {row.published && <span className="wd-badge wd-badge-published">published</span>}
                    {row.version === workflow?.baseVersion && <span className="wd-badge">editing</span>}
                  </div>
                  <div className="wd-version-comment">{row.comment || <em>no comment</em>}</div>
                  <div className="wd-version-meta">{row.author ?? 'unknown'} · {shortTime(row.createdAt)}</div>
                </td>
                <td>
                  <input type="radio" name="compare-from" data-testid="compare-from" data-version={row.version}
                    checked={from === row.version} onChange={() => setFrom(row.version)}
                    aria-label={`Compare from version ${row.version}`} />
                </td>
                <td>
                  <input type="radio" name="compare-to" data-testid="compare-to" data-version={row.version}
                    checked={to === row.version} onChange={() => setTo(row.version)}
                    aria-label={`Compare to version ${row.version}`} />
                </td>
                <td className="wd-version-actions">
                  {permissions.edit && (
                    <button type="button" data-testid="restore" data-version={row.version} disabled={busy}
                      onClick={() => setPending({ kind: 'restore', version: row.version })}>Restore</button>
                  )}
                  {permissions.publish && !row.published && (
                    <button type="button" data-testid="publish-version" data-version={row.version} disabled={busy}
                      onClick={() => setPending({ kind: 'publish', version: row.version })}>Publish</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending && (
        <div className="wd-confirm" role="alertdialog" aria-labelledby="wd-versions-confirm" data-testid="versions-confirm">
          <p id="wd-versions-confirm">
            {pending.kind === 'restore'
              ? `Restore version ${pending.version}? It is saved as a new version${dirty ? '; your unsaved changes are dropped' : ''}.`
              : `Publish version ${pending.version}? New runs use it from now on.`}
          </p>
          <button type="button" onClick={() => setPending(null)}>Cancel</button>
          <button type="button" className="wd-primary" data-testid="versions-confirm-ok" onClick={() => void confirm()}>
            {pending.kind === 'restore' ? 'Restore' : 'Publish'}
          </button>
        </div>
      )}
      {from != null && to != null && from === to && <p className="wd-message">Pick two different versions to compare.</p>}
      {diff && <DiffPanel diff={diff} onExit={exitDiff} />}
      {conflict && (
        <MergeDialog conflict={conflict.result} onResolved={(document, theirs) => void saveMerged(document, theirs)}
          onCancel={() => setConflict(null)} />
      )}
    </aside>
  );
}

const CHANGE_TEXT: Record<NodeDiff['change'], string> = {
  added: 'added', removed: 'removed', changed: 'changed', moved: 'moved',
};

/** The field-level changes of a version diff, per node; a click on a node or a field selects the node and opens the
 * inspector on it (the canvas stays in compare mode until "Exit compare"). */
export function DiffPanel({ diff, onExit }: { diff: VersionDiff; onExit(): void }): ReactElement {
  const nameOf = (nodeId: string) => nodeId === 'trigger' ? 'Trigger' :
    diff.toDocument.nodes.find((node) => node.id === nodeId)?.name
      ?? diff.fromDocument.nodes.find((node) => node.id === nodeId)?.name
      ?? nodeId;
  const focus = (nodeId: string, path: string | null) => {
    const store = useDesigner.getState();
    store.select([nodeId]);
    store.inspect(nodeId, path);
    useUi.getState().open({ panel: 'inspector' });
  };
  const nothing = diff.nodes.length === 0 && !diff.triggerChanged && diff.addedEdges.length === 0 && diff.removedEdges.length === 0;
  const edge = (item: { from: string; fromPort?: string; to: string }) => `${nameOf(item.from)} (${item.fromPort ?? 'out'}) → ${nameOf(item.to)}`;
  return (
    <section className="wd-diff" data-testid="diff-panel" data-from={diff.from} data-to={diff.to} aria-label={`Changes from version ${diff.from} to ${diff.to}`}>
      <header className="wd-panel-header">
        <h3>v{diff.from} → v{diff.to}</h3>
        <button type="button" data-testid="diff-exit" onClick={onExit}>Exit compare</button>
      </header>
      {nothing && <p>No differences.</p>}
      {diff.triggerChanged && <p className="wd-diff-trigger">The trigger changed.</p>}
      {diff.nodes.map((node) => (
        <div key={node.nodeId} className={`wd-diff-node wd-diff-${node.change}`} data-testid="diff-node" data-node={node.nodeId} data-change={node.change}>
          <button type="button" className="wd-link" onClick={() => focus(node.nodeId, null)}>
            {nameOf(node.nodeId)} <span className="wd-badge">{CHANGE_TEXT[node.change]}</span>
          </button>
          {node.fields.length > 0 && (
            <ul>
              {node.fields.map((field) => (
                <li key={field.path}>
                  <button type="button" className="wd-diff-field" data-testid="diff-field" data-node={node.nodeId} data-path={field.path}
                    onClick={() => focus(node.nodeId, field.path)} title={`Show ${field.path} of ${nameOf(node.nodeId)}`}>
                    <span className="wd-diff-path">{field.path}</span>
                    <code className="wd-diff-before">{shortJson(field.before)}</code>
                    <span aria-hidden="true"> → </span>
                    <code className="wd-diff-after">{shortJson(field.after)}</code>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {(diff.addedEdges.length > 0 || diff.removedEdges.length > 0) && (
        <ul className="wd-diff-edges">
          {diff.addedEdges.map((item) => <li key={`+${item.from}:${item.fromPort}->${item.to}`} className="wd-diff-added">+ {edge(item)}</li>)}
          {diff.removedEdges.map((item) => <li key={`-${item.from}:${item.fromPort}->${item.to}`} className="wd-diff-removed">− {edge(item)}</li>)}
        </ul>
      )}
    </section>
  );
}
