/*
 * The editor's keyboard and page guard: Ctrl+S saves (anywhere, so the browser's own save dialog never opens);
 * Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo — except while focus is in a text field or a CodeMirror editor, which
 * keep their own undo. Leaving the page with unsaved changes asks first (beforeunload).
 */
import { useEffect } from 'react';
import { isDirty, useMapper } from '../store';

export function inTextField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  return element.closest('input, textarea, select, [contenteditable="true"], [contenteditable=""], .cm-editor, vaadin-text-field, vaadin-text-area') != null;
}

export function useToolbarKeys(openSave: () => void, dialogOpen: boolean): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod) return;
      const key = event.key.toLowerCase();
      const store = useMapper.getState();
      if (key === 's') {
        event.preventDefault();
        if (store.permissions.edit && !dialogOpen) openSave();
        return;
      }
      if (inTextField(event.target) || dialogOpen) return;
      if (key === 'z' && !event.shiftKey) { event.preventDefault(); store.undo(); return; }
      if ((key === 'z' && event.shiftKey) || key === 'y') { event.preventDefault(); store.redo(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openSave, dialogOpen]);

  useEffect(() => {
    const onLeave = (event: BeforeUnloadEvent) => {
      if (!isDirty(useMapper.getState())) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, []);
}
