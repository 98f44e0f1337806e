/*
 * The designer's layout: toolbar on top, palette on the left (not in read-only mode), canvas in the centre, and a
 * side panel on the right (inspector, problems, versions or JSON). Dialogs (picker, command palette, shortcut sheet,
 * save, publish, merge) float above.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, type ReactElement } from 'react';
import { Canvas } from './canvas/Canvas';
import { CommandPalette, ShortcutSheet } from './commands/CommandPalette';
import { FindNode } from './commands/FindNode';
import { useDesignerKeyboard } from './commands/keyboard';
import './designer.css';
import { Inspector } from './inspector/Inspector';
import { JsonView } from './json/JsonView';
import { documentHash } from './model';
import { Palette, Picker } from './palette/Palette';
import { ProblemsPanel, useValidation } from './problems/ProblemsPanel';
import { isDirty, useDesigner } from './store';
import { Toolbar } from './toolbar/Toolbar';
import { useUi, type SidePanel } from './ui-state';
import { VersionsPanel } from './versions/VersionsPanel';

const LEAVE_WARNING = 'This workflow has unsaved changes. Leave without saving?';

/** Warns before the page or an in-app link leaves unsaved changes. */
function useUnsavedGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isDirty(useDesigner.getState())) return;
      event.preventDefault();
      event.returnValue = LEAVE_WARNING;
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as HTMLElement | null)?.closest?.('a[href]');
      if (!link || link.closest('[data-testid=designer]') || !isDirty(useDesigner.getState())) return;
      if (!window.confirm(LEAVE_WARNING)) { event.preventDefault(); event.stopImmediatePropagation(); }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('click', onClick, true);
    return () => { window.removeEventListener('beforeunload', onBeforeUnload); window.removeEventListener('click', onClick, true); };
  }, []);
}

function Toast(): ReactElement | null {
  const toast = useUi((state) => state.toast);
  useEffect(() => {
    if (!toast) return undefined;
    const timer = setTimeout(() => { if (useUi.getState().toast === toast) useUi.getState().open({ toast: null }); }, 5000);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!toast) return null;
  return <div className="wd-toast" role="status" data-testid="canvas-toast">{toast.text}</div>;
}

const PANELS: { panel: SidePanel; title: string }[] = [
  { panel: 'inspector', title: 'Step' }, { panel: 'problems', title: 'Problems' }, { panel: 'versions', title: 'Versions' }, { panel: 'json', title: 'JSON' },
];

function SidePanelView(): ReactElement {
  const panel = useUi((state) => state.panel);
  return (
    <aside className={`wd-side wd-side-${panel}`} aria-label="Side panel">
      <nav className="wd-side-tabs" role="tablist" aria-label="Side panel">
        {PANELS.map(({ panel: p, title }) => (
          <button key={p} type="button" role="tab" aria-selected={panel === p} onClick={() => useUi.getState().open({ panel: p })}>{title}</button>
        ))}
      </nav>
      <div className="wd-side-body" role="tabpanel">
        {panel === 'inspector' && <Inspector />}
        {panel === 'problems' && <ProblemsPanel />}
        {panel === 'versions' && <VersionsPanel onClose={() => useUi.getState().open({ panel: 'problems' })} />}
        {panel === 'json' && <JsonView />}
      </div>
    </aside>
  );
}

export function Designer(): ReactElement {
  const document = useDesigner((state) => state.document);
  const dirty = useDesigner(isDirty);
  const canEdit = useDesigner((state) => state.permissions.edit);
  const hash = useMemo(() => documentHash(document), [document]);
  useDesignerKeyboard();
  useValidation();
  useUnsavedGuard();
  return (
    <ReactFlowProvider>
      <div className="designer" data-testid="designer" data-ready={document ? 'true' : 'false'} data-dirty={dirty ? 'true' : 'false'}
        data-read-only={canEdit ? 'false' : 'true'} data-document={hash}>
        <Toolbar />
        <div className="wd-body">
          {canEdit && <Palette />}
          <main className="wd-main" aria-label="Canvas">
            <Canvas />
            <FindNode />
            <Toast />
          </main>
          <SidePanelView />
        </div>
        <Picker />
        <CommandPalette />
        <ShortcutSheet />
      </div>
    </ReactFlowProvider>
  );
}
