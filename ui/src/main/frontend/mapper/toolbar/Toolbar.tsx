/*
 * The toolbar: the mapping's name and whether it has unsaved changes; undo and redo; auto-map and versions; save (a
 * new version with a comment; a conflict or a refusal is shown, never lost) and publish (the saved version — disabled,
 * saying why, while the working copy has errors or unsaved changes). Under it, the schema of each side.
 * Read-only users see the name and the versions, no edit control.
 */
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { AutoMapButton } from '../automap/AutoMapButton';
import { useIssues } from '../preview/issues';
import { SchemaStrip } from '../schema-picker/SchemaStrip';
import { isDirty, useMapper } from '../store';
import { VersionsButton } from '../versions/VersionsButton';
import { runTestsNow } from '../tests/runner';
import { useToolbarKeys } from './keyboard';
import './toolbar.css';

interface Message {
  kind: 'info' | 'error';
  text: string;
}

export function Toolbar(): ReactElement {
  const mapping = useMapper((state) => state.mapping);
  const edit = useMapper((state) => state.permissions.edit);
  const mayPublish = useMapper((state) => state.permissions.publish);
  const dirty = useMapper(isDirty);
  const past = useMapper((state) => state.past);
  const future = useMapper((state) => state.future);
  const issues = useIssues();
  // what blocks publishing: errors of the mapping itself, not of the output on whichever sample is loaded
  const errors = issues.filter((issue) => issue.severity === 'error' && issue.kind !== 'output').length;
  const [saving, setSaving] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const openSave = useCallback(() => { setMessage(null); setSaving(true); }, []);
  useToolbarKeys(openSave, saving || publishing);

  // the editor's root carries the dirty marker too (MAPPER.md: data-dirty on [data-testid=mapping-editor])
  useEffect(() => {
    root.current?.closest('[data-testid=mapping-editor]')?.setAttribute('data-dirty', String(dirty));
  }, [dirty]);

  const save = async (comment: string) => {
    const { server, document, mapping: info } = useMapper.getState();
    if (!server || !document || !info) return;
    setBusy(true);
    try {
      const result = await server.save(document, info.baseVersion, comment);
      if (result.kind === 'saved') {
        const saved = (result as { document?: typeof document }).document ?? document;
        // edits made while the save was on its way stay in the working copy
        const now = useMapper.getState().document;
        useMapper.getState().markSaved(saved, result.version);
        if (now !== document && now) useMapper.setState({ document: now });
        const problems = result.problems?.filter((problem) => problem.severity === 'ERROR').length ?? 0;
        setMessage({ kind: 'info', text: `Saved as version ${result.version}${problems ? ` (${problems} ${problems === 1 ? 'error' : 'errors'} to fix before publishing)` : ''}` });
        setSaving(false);
      } else if (result.kind === 'conflict') {
        setMessage({ kind: 'error', text: `Not saved: ${result.message} (the latest version is ${result.latestVersion}; open Versions to compare, then reload).` });
        setSaving(false);
      } else {
        setMessage({ kind: 'error', text: `Not saved: ${result.message}` });
      }
    } catch (error) {
      setMessage({ kind: 'error', text: `Not saved: ${String((error as Error)?.message ?? error)}` });
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    const { server, mapping: info } = useMapper.getState();
    if (!server || !info) return;
    setBusy(true);
    try {
      const result = await server.publish(info.baseVersion);
      if (result.kind === 'published') {
        const current = useMapper.getState().mapping;
        if (current) useMapper.getState().set({ mapping: { ...current, publishedVersion: result.version } });
        setMessage({ kind: 'info', text: `Version ${result.version} is published` });
        setPublishing(false);
      } else {
        setMessage({ kind: 'error', text: `Not published: ${result.message}` });
        setPublishing(false);
      }
    } catch (error) {
      setMessage({ kind: 'error', text: `Not published: ${String((error as Error)?.message ?? error)}` });
    } finally {
      setBusy(false);
    }
  };

  const alreadyPublished = !dirty && mapping?.publishedVersion === mapping?.baseVersion;
  const publishBlocked = errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : dirty ? 'unsaved changes' : null;
  const publishTitle = publishBlocked === 'unsaved changes' ? 'Save the changes first: publishing publishes the saved version'
    : publishBlocked ? `Fix the ${publishBlocked} first (see Issues)` : alreadyPublished ? `Version ${mapping?.baseVersion} is published`
      : `Publish version ${mapping?.baseVersion}`;

  return (
    <div ref={root} className="mp-toolbar-wrap">
      <header className="mapper-toolbar mp-toolbar" data-testid="mapper-toolbar" role="toolbar" aria-label="Mapping editor"
        data-dirty={String(dirty)} data-version={mapping?.baseVersion ?? ''} data-published-version={mapping?.publishedVersion ?? ''}>
        <h1 className="mp-name" data-testid="mapping-name">{mapping?.name}</h1>
        <span className="mp-dirty" data-testid="dirty-marker" data-dirty={String(dirty)} aria-live="polite">
          {dirty ? '● Unsaved changes' : `v${mapping?.baseVersion ?? ''}${mapping?.publishedVersion === mapping?.baseVersion ? ' · published' : ' · saved'}`}
        </span>
        {!edit && <span className="mp-readonly" data-testid="read-only">Read only — you may preview with your own samples</span>}
        <span className="mp-spacer" />
        {edit && <>
          <button type="button" data-testid="undo" onClick={() => useMapper.getState().undo()} disabled={past.length === 0}
            title={past.length ? `Undo ${past[past.length - 1].label} (Ctrl+Z)` : 'Nothing to undo'} aria-label="Undo">↶ Undo</button>
          <button type="button" data-testid="redo" onClick={() => useMapper.getState().redo()} disabled={future.length === 0}
            title={future.length ? `Redo ${future[0].label} (Ctrl+Shift+Z)` : 'Nothing to redo'} aria-label="Redo">↷ Redo</button>
          <AutoMapButton />
        </>}
        <VersionsButton />
        {edit && <button type="button" className="mp-primary" data-testid="save" onClick={openSave} title="Save a new version (Ctrl+S)">Save</button>}
        {mayPublish && (
          <button type="button" data-testid="publish" data-errors={errors} data-blocked={publishBlocked ?? ''}
            disabled={publishBlocked != null || alreadyPublished || busy} title={publishTitle} onClick={() => { setMessage(null); setPublishing(true); }}>
            Publish{publishBlocked ? ` (${publishBlocked})` : ''}
          </button>
        )}
      </header>
      {message && (
        <div className={`mp-message mp-message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="toolbar-message" data-kind={message.kind}>
          {message.text}
          <button type="button" aria-label="Dismiss" onClick={() => setMessage(null)}>×</button>
        </div>
      )}
      <SchemaStrip />
      {saving && <SaveDialog busy={busy} onSave={(comment) => void save(comment)} onCancel={() => setSaving(false)} error={message?.kind === 'error' ? message.text : null} />}
      {publishing && <PublishDialog version={mapping?.baseVersion ?? null} busy={busy} onPublish={() => void publish()} onCancel={() => setPublishing(false)} />}
    </div>
  );
}

function SaveDialog({ busy, onSave, onCancel, error }: { busy: boolean; onSave: (comment: string) => void; onCancel: () => void; error: string | null }): ReactElement {
  const [comment, setComment] = useState('');
  return (
    <div className="mp-modal-backdrop" onClick={onCancel}>
      <form className="mp-modal" role="dialog" aria-modal="true" aria-labelledby="mp-save-title" data-testid="save-dialog"
        onClick={(event) => event.stopPropagation()} onSubmit={(event) => { event.preventDefault(); onSave(comment); }}
        onKeyDown={(event) => { if (event.key === 'Escape') onCancel(); }}>
        <h2 id="mp-save-title">Save a new version</h2>
        <label>What changed?
          <textarea data-testid="save-comment" value={comment} autoFocus onChange={(event) => setComment(event.target.value)}
            onKeyDown={(event) => { if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit(); }} />
        </label>
        {error && <div className="mp-error" role="alert">{error}</div>}
        <div className="mp-modal-buttons">
          <button type="button" onClick={onCancel}>Cancel</button>
          <button type="submit" className="mp-primary" data-testid="save-confirm" disabled={busy}>Save</button>
        </div>
      </form>
    </div>
  );
}

/** Asks before publishing, after running the saved test cases on the working copy (= the saved version): failing
 * tests are shown, and the choice stays the person's. */
function PublishDialog({ version, busy, onPublish, onCancel }: { version: number | null; busy: boolean; onPublish: () => void; onCancel: () => void }): ReactElement {
  const testCount = useMapper((state) => state.testCases.length);
  const [failing, setFailing] = useState<number | null>(null);
  useEffect(() => {
    if (testCount === 0) return;
    let current = true;
    void runTestsNow().then((results) => { if (current) setFailing(results.filter((result) => !result.passed).length); });
    return () => { current = false; };
  }, [testCount]);
  return (
    <div className="mp-modal-backdrop" onClick={onCancel}>
      <div className="mp-modal" role="dialog" aria-modal="true" aria-labelledby="mp-publish-title" data-testid="publish-dialog" onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => { if (event.key === 'Escape') onCancel(); }}>
        <h2 id="mp-publish-title">Publish version {version}?</h2>
        <p>Workflows that use this mapping run this version from now on.</p>
        {testCount > 0 && (
          <p data-testid="publish-tests" data-failing={failing ?? ''} className={failing ? 'mp-error' : undefined}>
            {failing == null ? `Running ${testCount} test ${testCount === 1 ? 'case' : 'cases'}…`
              : failing === 0 ? `All ${testCount} test ${testCount === 1 ? 'case passes' : 'cases pass'}.`
                : `${failing} of ${testCount} test ${testCount === 1 ? 'case fails' : 'cases fail'} (see Tests).`}
          </p>
        )}
        <div className="mp-modal-buttons">
          <button type="button" onClick={onCancel}>Cancel</button>
          <button type="button" className="mp-primary" data-testid="publish-confirm" disabled={busy} autoFocus onClick={onPublish}>Publish</button>
        </div>
      </div>
    </div>
  );
}
