import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { RuleDiff, VersionDiff, VersionInfo } from '../contract';
import { isDirty, useMapper } from '../store';

/**
 * The mapping's versions, newest first (number, comment, author, time, published badge). Pick two to compare: the
 * rules added, removed and changed between them, each with before and after. Restore saves a version's rules as a new
 * version on top of the one the page edits (asking first when there are unsaved changes) and loads it.
 */
export function VersionsPanel({ onClose }: { onClose(): void }): ReactElement {
  const server = useMapper((state) => state.server);
  const mapping = useMapper((state) => state.mapping);
  const edit = useMapper((state) => state.permissions.edit);
  const dirty = useMapper(isDirty);
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    if (!server) return;
    try {
      const list = (await server.versions()) ?? [];
      setVersions(list);
      // the two newest are compared unless the user picked others
      const newest = [...list].sort((a, b) => b.version - a.version);
      if (newest.length >= 2) {
        setFrom((current) => current ?? newest[1].version);
        setTo((current) => current ?? newest[0].version);
      }
    } catch (error) {
      setMessage({ text: `Could not load the versions: ${String(error)}`, error: true });
    }
  }, [server]);

  useEffect(() => {
    void reload();
  }, [reload, mapping?.baseVersion, mapping?.latestVersion, mapping?.publishedVersion]);

  useEffect(() => {
    setDiff(null);
    if (!server || from == null || to == null || from === to) return;
    let current = true;
    server.diff(from, to).then(
      (answer) => current && setDiff(answer),
      (error) => current && setMessage({ text: `Could not compare the versions: ${String(error)}`, error: true }));
    return () => {
      current = false;
    };
  }, [server, from, to, versions]);

  const restore = async (version: number) => {
    const store = useMapper.getState();
    if (!store.server || !store.mapping) return;
    setConfirming(null);
    setBusy(true);
    setMessage(null);
    try {
      const result = await store.server.restore(version, store.mapping.baseVersion);
      if (result.kind === 'saved' && result.document) {
        const info = useMapper.getState().mapping!;
        useMapper.getState().load(result.document, {
          ...info, baseVersion: result.version, latestVersion: Math.max(info.latestVersion, result.version),
        });
        setMessage({ text: `Version ${version} restored as version ${result.version}.`, error: false });
        setFrom(null);
        setTo(null);
        void reload();
      } else if (result.kind === 'conflict') {
        setMessage({ text: `${result.message} Reload the page to edit version ${result.latestVersion}, then restore again.`, error: true });
      } else if (result.kind === 'refused') {
        setMessage({ text: result.message, error: true });
      }
    } catch (error) {
      setMessage({ text: `The server refused: ${String(error)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const rows = versions ? [...versions].sort((a, b) => b.version - a.version) : [];
  return (
    <aside className="mapper-versions" data-testid="versions-panel" aria-label="Versions">
      <header>
        <h3>Versions</h3>
        <button type="button" className="mapper-versions-close" aria-label="Close versions" onClick={onClose}>×</button>
      </header>
      {message && <p className={message.error ? 'mapper-versions-message mapper-versions-error' : 'mapper-versions-message'}
        role={message.error ? 'alert' : 'status'} data-testid="versions-message">{message.text}</p>}
      {versions == null && <p>Loading…</p>}
      {versions != null && rows.length === 0 && <p>No saved version yet.</p>}
      {rows.length > 0 && (
        <table className="mapper-versions-table">
          <thead>
            <tr><th scope="col">Version</th><th scope="col" title="Compare from">From</th><th scope="col" title="Compare to">To</th><th scope="col"><span className="mapper-visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.version} data-testid="version-row" data-version={row.version} data-published={String(row.published)}
                className={row.version === mapping?.baseVersion ? 'mapper-versions-current' : undefined}>
                <td>
                  <div className="mapper-versions-title">
                    <strong>v{row.version}</strong>
                    {row.published && <span className="mapper-versions-badge mapper-versions-published">published</span>}
                    {row.version === mapping?.baseVersion && <span className="mapper-versions-badge">editing</span>}
                  </div>
                  <div className="mapper-versions-comment">{row.comment || <em>no comment</em>}</div>
                  <div className="mapper-versions-meta">{row.author ?? 'unknown'} · {shortTime(row.createdAt)}</div>
                </td>
                <td><input type="radio" name="mapper-compare-from" data-testid="compare-from" data-version={row.version}
                  checked={from === row.version} onChange={() => setFrom(row.version)} aria-label={`Compare from version ${row.version}`} /></td>
                <td><input type="radio" name="mapper-compare-to" data-testid="compare-to" data-version={row.version}
                  checked={to === row.version} onChange={() => setTo(row.version)} aria-label={`Compare to version ${row.version}`} /></td>
                <td>
                  {edit && (
                    <button type="button" data-testid="restore-version" data-version={row.version} disabled={busy}
                      onClick={() => (dirty ? setConfirming(row.version) : void restore(row.version))}>Restore</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming != null && (
        <div className="mapper-versions-confirm" role="alertdialog" aria-labelledby="mapper-versions-confirm" data-testid="restore-confirm">
          <p id="mapper-versions-confirm">Restore version {confirming}? Your unsaved changes are discarded.</p>
          <button type="button" onClick={() => setConfirming(null)}>Cancel</button>
          <button type="button" data-testid="restore-confirm-ok" onClick={() => void restore(confirming)}>Discard and restore</button>
        </div>
      )}
      {from != null && to != null && from === to && <p className="mapper-versions-message">Pick two different versions to compare.</p>}
      {diff && <DiffList diff={diff} />}
    </aside>
  );
}

function DiffList({ diff }: { diff: VersionDiff }): ReactElement {
  const nothing = diff.rules.length === 0 && !diff.sourceChanged && !diff.targetChanged;
  return (
    <section className="mapper-versions-diff" data-testid="version-diff" data-from={diff.from} data-to={diff.to} aria-label={`Changes from v${diff.from} to v${diff.to}`}>
      <h4>v{diff.from} → v{diff.to}</h4>
      {nothing && <p>No rule changed.</p>}
      {diff.sourceChanged && <p className="mapper-versions-schema">The source schema changed.</p>}
      {diff.targetChanged && <p className="mapper-versions-schema">The target schema changed.</p>}
      <ul>{diff.rules.map((rule) => <RuleDiffRow key={`${rule.kind}:${rule.target}`} rule={rule} />)}</ul>
    </section>
  );
}

function RuleDiffRow({ rule }: { rule: RuleDiff }): ReactElement {
  return (
    <li data-testid="rule-diff" data-kind={rule.kind} data-target={rule.target} className={`mapper-versions-${rule.kind}`}>
      <div><span className="mapper-versions-kind">{rule.kind}</span> <code>{rule.target}</code></div>
      {rule.kind !== 'added' && <pre className="mapper-versions-before" aria-label="Before">{compact(rule.before)}</pre>}
      {rule.kind !== 'removed' && <pre className="mapper-versions-after" aria-label="After">{compact(rule.after)}</pre>}
    </li>
  );
}

const compact = (value: unknown) => JSON.stringify(value) ?? '(none)';

/** "12 Mar 2026, 14:05" in the browser's locale; the ISO text itself when it does not parse. */
function shortTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
