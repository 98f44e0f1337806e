import { create } from 'zustand';
import type { Position } from '../shared/generated/workflow';

/** Where a node chosen in the picker goes: after an output port, into an edge, or free at a position. */
export interface PickerTarget {
  from?: string;
  port?: string;
  edge?: string;
  position?: Position;
}

export type SidePanel = 'inspector' | 'problems' | 'versions' | 'json';

/** The designer's screen state that is no part of the document (dialogs, panels, the toast). */
export interface DesignerUi {
  toast: { text: string; at: number } | null;
  picker: PickerTarget | null;
  panel: SidePanel;
  commandPalette: boolean;
  shortcuts: boolean;
  find: boolean;
  saveDialog: boolean;
  publishDialog: boolean;
  /** The note whose text is being edited. */
  editingNote: string | null;
  showToast(text: string): void;
  open(partial: Partial<Omit<DesignerUi, 'showToast' | 'open'>>): void;
}

export const useUi = create<DesignerUi>()((set) => ({
  toast: null,
  picker: null,
  panel: 'problems',
  commandPalette: false,
  shortcuts: false,
  find: false,
  saveDialog: false,
  publishDialog: false,
  editingNote: null,
  showToast: (text) => set({ toast: { text, at: Date.now() } }),
  open: (partial) => set(partial),
}));
