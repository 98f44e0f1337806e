/*
 * The designer's keyboard: shortcuts on the window while the designer is mounted; never while focus is in a text
 * field or a CodeMirror editor (those keep their own undo and keys). Copy and paste use the copy/paste events, so the
 * system clipboard carries the fragment across workflows and browser tabs.
 */
import { useEffect } from 'react';
import { useDesigner } from '../store';
import { useUi } from '../ui-state';
import {
  deleteSelection, duplicate, moveSelection, openPicker, openSave, pasteText, redo, selectAll, selectionFragment, tidy, undo, zoomFit, addNote,
} from './actions';

export function inTextField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  return element.closest('input, textarea, select, [contenteditable="true"], [contenteditable=""], .cm-editor, vaadin-text-field, vaadin-text-area') != null;
}

const dialogOpen = () => {
  const ui = useUi.getState();
  return ui.commandPalette || ui.shortcuts || ui.saveDialog || ui.publishDialog || ui.picker != null;
};

export function useDesignerKeyboard(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const ui = useUi.getState();
      if (mod && key === 'k') { event.preventDefault(); ui.open({ commandPalette: !ui.commandPalette }); return; }
      if (mod && key === 's') { event.preventDefault(); if (!dialogOpen()) openSave(); return; }
      if (mod && key === 'f') { event.preventDefault(); ui.open({ find: true }); return; }
      if (event.key === 'Escape' && dialogOpen()) {
        ui.open({ commandPalette: false, shortcuts: false, saveDialog: false, publishDialog: false, picker: null });
        return;
      }
      if (inTextField(event.target) || dialogOpen()) return;
      if (mod && key === 'z' && !event.shiftKey) { event.preventDefault(); undo(); return; }
      if ((mod && key === 'z' && event.shiftKey) || (mod && key === 'y')) { event.preventDefault(); redo(); return; }
      if (mod && key === 'd') { event.preventDefault(); duplicate(); return; }
      if (mod && key === 'a') { event.preventDefault(); selectAll(); return; }
      if (mod || event.altKey) return;
      if (event.key === 'Delete' || event.key === 'Backspace') { event.preventDefault(); deleteSelection(); return; }
      if (event.key === '/') { event.preventDefault(); openPicker(); return; }
      // Tab opens the picker only on a selected step of the canvas; elsewhere it moves the focus as usual
      const onCanvas = (event.target as HTMLElement | null)?.closest?.('.react-flow') != null;
      if (event.key === 'Tab' && !event.shiftKey && onCanvas && useDesigner.getState().selection.length > 0) { event.preventDefault(); openPicker(); return; }
      if (event.key === '?') { event.preventDefault(); ui.open({ shortcuts: true }); return; }
      if (event.key === 'L' && event.shiftKey) { event.preventDefault(); void tidy(); return; }
      if (event.key === '!' || (event.code === 'Digit1' && event.shiftKey)) { event.preventDefault(); zoomFit(); return; }
      if (key === 'n' && !event.shiftKey) { event.preventDefault(); addNote(); return; }
      const arrows: Record<string, 'left' | 'right' | 'up' | 'down'> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
      if (arrows[event.key] && moveSelection(arrows[event.key])) event.preventDefault();
    };
    const onCopy = (event: ClipboardEvent) => {
      if (inTextField(event.target) || dialogOpen()) return;
      const fragment = selectionFragment();
      if (!fragment || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', JSON.stringify(fragment, null, 2));
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (inTextField(event.target) || dialogOpen()) return;
      const text = event.clipboardData?.getData('text/plain');
      if (text && pasteText(text)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('copy', onCopy);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('copy', onCopy);
      window.removeEventListener('paste', onPaste);
    };
  }, []);
}
