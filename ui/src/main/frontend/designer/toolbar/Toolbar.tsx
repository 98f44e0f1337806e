/*
 * The toolbar (undo, redo, save, publish, tidy, note, zoom, find, export, panels) and the save and publish dialogs.
 * Save: comment dialog -> server.save -> saved (markSaved) | conflict (MergeDialog) | refused (toast). Publish is
 * disabled while there are problems or unsaved changes, or while the go-live checklist has open required items for a
 * workflow whose publish it gates (the reasons are the button's title).
 */
import { useState, type ReactElement } from 'react';
import type { Conflict } from '../versions/MergeDialog';
import { MergeDialog } from '../versions/MergeDialog';
import { RunControls } from '../versions/RunControls';
import type { Definition } from '../contract';
import { isDirty, publishRefusals, useDesigner } from '../store';
import { useUi } from '../ui-state';
import { addNote, exportAs, fixOverlapsOnly, openPublish, openSave, redo, tidy, togglePanel, undo, zoomFit } from '../commands/actions';

export function Toolbar(): ReactElement {
  const canEdit = useDesigner((state) => state.permissions.edit);
  const canPublish = useDesigner((state) => state.permissions.publish);
  const inDiff = useDesigner((state) => state.diff != null);
  const past = useDesigner((state) => state.past);
  const future = useDesigner((state) => state.future);
  const problems = useDesigner((state) => state.problems.length);
  const dirty = useDesigner(isDirty);
  const baseVersion = useDesigner((state) => state.workflow?.baseVersion ?? null);
  const panel = useUi((state) => state.panel);
  const editable = canEdit && !inDiff;
  const gate = useDesigner((state) => publishRefusals(state));
  const publishTitle = problems > 0 ? `${problems} ${problems === 1 ? 'problem' : 'problems'}` : dirty ? 'Save first' : baseVersion == null ? 'Save first'
    : gate.length > 0 ? `Go-live checklist: ${gate.join('; ')}` : 'Publish the saved version';
  return (
    <header className="wd-toolbar" role="toolbar" aria-label="Workflow designer">
      <span className="wd-dirty" aria-live="polite">{dirty ? 'Unsaved changes' : baseVersion != null ? `Saved · v${baseVersion}` : ''}</span>
      <div className="wd-toolbar-group">
        {editable && <>
          <button type="button" data-testid="undo" onClick={undo} disabled={past.length === 0} title={past.length ? `Undo ${past[past.length - 1].label} (Ctrl+Z)` : 'Nothing to undo'} aria-label="Undo">↶</button>
          <button type="button" data-testid="redo" onClick={redo} disabled={future.length === 0} title={future.length ? `Redo ${future[0].label} (Ctrl+Shift+Z)` : 'Nothing to redo'} aria-label="Redo">↷</button>
          <button type="button" data-testid="tidy" onClick={() => void tidy()} title="Tidy up (Shift+L)">Tidy up</button>
          <button type="button" data-testid="fix-overlaps" onClick={fixOverlapsOnly} title="Move overlapping steps apart, keep the arrangement">Fix overlaps</button>
          <button type="button" data-testid="add-note" onClick={addNote} title="Add a note (N)">Note</button>
        </>}
        <button type="button" data-testid="zoom-fit" onClick={zoomFit} title="Zoom to fit (Shift+1)">Fit</button>
        <button type="button" data-testid="find" onClick={() => useUi.getState().open({ find: true })} title="Find a step (Ctrl+F)">Find</button>
        <button type="button" data-testid="export-png" onClick={() => void exportAs('png')} title="Export as PNG">PNG</button>
        <button type="button" data-testid="export-svg" onClick={() => void exportAs('svg')} title="Export as SVG">SVG</button>
      </div>
      <div className="wd-toolbar-group">
        <button type="button" data-testid="json-toggle" aria-pressed={panel === 'json'} onClick={() => togglePanel('json')}>JSON</button>
        <button type="button" data-testid="versions-toggle" aria-pressed={panel === 'versions'} onClick={() => togglePanel('versions')}>Versions</button>
        <button type="button" data-testid="problems-toggle" aria-pressed={panel === 'problems'} onClick={() => togglePanel('problems')}>Problems ({problems})</button>
        <button type="button" data-testid="command-palette-open" onClick={() => useUi.getState().open({ commandPalette: true })} title="Command palette (Ctrl+K)">⌘K</button>
        <RunControls />
        {editable && <button type="button" data-testid="save" className="wd-primary" onClick={openSave} title="Save (Ctrl+S)">Save</button>}
        {canPublish && (
          <button type="button" data-testid="publish" data-problems={problems} data-gate={gate.length} disabled={problems > 0 || dirty || baseVersion == null || gate.length > 0}
            title={publishTitle} onClick={openPublish}>Publish</button>
        )}
      </div>
      <SaveDialog />
      <PublishDialog />
    </header>
  );
}

function SaveDialog(): ReactElement | null {
  const open = useUi((state) => state.saveDialog);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ conflict: Conflict; comment: string } | null>(null);
  const close = () => useUi.getState().open({ saveDialog: false });

  const save = async (document: Definition, base: number | null, text: string) => {
    const { server } = useDesigner.getState();
    if (!server) return;
    setBusy(true);
    try {
      const result = await server.save(document, base, text);
      if (result.outcome === 'saved') {
        useDesigner.getState().markSaved(result.document ?? document, result.version);
        useDesigner.getState().set({ problems: result.problems ?? [] });
        useUi.getState().showToast(`Saved as version ${result.version}`);
        setConflict(null);
        setComment('');
        close();
      } else if (result.outcome === 'conflict') {
        close();
        setConflict({ conflict: result, comment: text });
      } else {
        useDesigner.getState().set({ problems: result.problems ?? [] });
        useUi.getState().showToast(result.message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {open && (
        <div className="wd-modal-backdrop" onClick={close}>
          <form className="wd-modal" role="dialog" aria-modal="true" aria-labelledby="wd-save-title" data-testid="save-dialog"
            onClick={(e) => e.stopPropagation()}
            onSubmit={(event) => { event.preventDefault(); const s = useDesigner.getState(); if (s.document) void save(s.document, s.workflow?.baseVersion ?? null, comment); }}>
            <h2 id="wd-save-title">Save a new version</h2>
            <label>What changed?
              <textarea data-testid="save-comment" value={comment} autoFocus onChange={(e) => setComment(e.target.value)}
                onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit(); }} />
            </label>
            <div className="wd-modal-buttons">
              <button type="button" onClick={close}>Cancel</button>
              <button type="submit" className="wd-primary" data-testid="save-confirm" disabled={busy}>Save</button>
            </div>
          </form>
        </div>
      )}
      {conflict && (
        <MergeDialog conflict={conflict.conflict}
          onResolved={(document, theirsVersion) => void save(document, theirsVersion, conflict.comment)}
          onCancel={() => setConflict(null)} />
      )}
    </>
  );
}

function PublishDialog(): ReactElement | null {
  const open = useUi((state) => state.publishDialog);
  const version = useDesigner((state) => state.workflow?.baseVersion ?? null);
  const [busy, setBusy] = useState(false);
  if (!open) return null;
  const close = () => useUi.getState().open({ publishDialog: false });
  const publish = async () => {
    const { server, workflow } = useDesigner.getState();
    if (!server || version == null || !workflow) return;
    setBusy(true);
    try {
      const result = await server.publish(version);
      if (result.outcome === 'published') {
        useDesigner.getState().set({ workflow: { ...workflow, publishedVersion: result.version } });
        useUi.getState().showToast(`Version ${result.version} is published`);
        close();
      } else {
        useDesigner.getState().set({ problems: result.problems ?? [] });
        useUi.getState().showToast(result.message);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="wd-modal-backdrop" onClick={close}>
      <div className="wd-modal" role="dialog" aria-modal="true" aria-labelledby="wd-publish-title" data-testid="publish-dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="wd-publish-title">Publish version {version}?</h2>
        <p>New runs will use this version from now on.</p>
        <div className="wd-modal-buttons">
          <button type="button" onClick={close}>Cancel</button>
          <button type="button" className="wd-primary" data-testid="publish-confirm" disabled={busy} autoFocus onClick={() => void publish()}>Publish</button>
        </div>
      </div>
    </div>
  );
}
