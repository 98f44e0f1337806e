import { create } from 'zustand';
import type { Catalog } from '../shared/generated/catalog';
import type {
  LookupTableInfo, MappingDoc, MappingInfo, NodeContext, Permissions, PreviewResult, Suggestion, TestCase,
  TestResult,
} from './contract';
import type { MapperServer } from './server';

/** One step of the history: what the edit left (the document and the pending auto-map suggestions, so rejecting a
 * suggestion is undoable too) and what the edit was, for people ("Map OrderTotal.Amount → amount"). */
export interface HistoryEntry {
  label: string;
  document: MappingDoc;
  suggestions: Suggestion[];
}

/** A connection the sample picker may fetch a record from (never a secret). */
export interface ConnectionInfo {
  id: string;
  name: string;
  connector: string;
  sandbox: boolean;
}

const HISTORY_LIMIT = 200;

/**
 * The mapping editor's one store: the working copy of the mapping, selection, the sample and its preview, pending
 * suggestions, and one undo/redo history for every edit (trees, rule panel, text view, suggestions). Edits go
 * through `apply`, which records one history entry each and never mutates the document it is given.
 *
 * Paths. A tree row's path is dotted; the element of an array is written `name[]`: `OrderItems[].SellerSKU`,
 * `salesorderdetails[].productid`. Rules use the mapping format's paths (relative inside a forEach); converting
 * between the two is model.ts's job.
 */
export interface MapperState {
  server: MapperServer | null;
  mapping: MappingInfo | null;
  catalog: Catalog | null;
  lookupTables: LookupTableInfo[];
  connections: ConnectionInfo[];
  permissions: Permissions;
  context: NodeContext | null;
  testCases: TestCase[];
  testResults: TestResult[] | null;

  /** The working copy; `saved` is the document as last loaded or saved (dirty = they differ). */
  document: MappingDoc | null;
  saved: MappingDoc | null;
  /** Auto-map suggestions not accepted or rejected yet (drawn dashed). */
  suggestions: Suggestion[];
  past: HistoryEntry[];
  future: HistoryEntry[];

  /** Selected source rows (several: many sources onto one target) and the selected target row (its rule opens in
   * the rule panel). */
  selectedSources: string[];
  selectedTarget: string | null;
  /** The target row hovered: its sources are highlighted from the preview's lineage. */
  hoveredTarget: string | null;
  /** A row to scroll into view and flash (issues panel, search); `nonce` makes the same path reveal again. */
  reveal: { side: 'source' | 'target'; path: string; nonce: number } | null;

  /** The record the preview runs on, and where it came from. */
  sample: unknown;
  sampleLabel: string | null;
  preview: PreviewResult | null;
  /** Set while a preview is on its way. */
  previewing: boolean;

  load(document: MappingDoc, mapping: MappingInfo): void;
  /** Marks `document` as saved as `version` (the history stays). */
  markSaved(document: MappingDoc, version: number): void;
  /** One edit, one history entry. `recipe` returns a new document (never mutates its argument); returning the same
   * document records nothing. */
  apply(label: string, recipe: (document: MappingDoc) => MappingDoc): void;
  /** Replaces the pending suggestions and, optionally, the document in one history entry. */
  applySuggestions(label: string, suggestions: Suggestion[], recipe?: (document: MappingDoc) => MappingDoc): void;
  undo(): void;
  redo(): void;
  selectSource(path: string, additive?: boolean): void;
  selectTarget(path: string | null): void;
  revealRow(side: 'source' | 'target', path: string): void;
  set(partial: Partial<Pick<MapperState, 'server' | 'mapping' | 'catalog' | 'lookupTables' | 'connections'
    | 'permissions' | 'context' | 'testCases' | 'testResults' | 'hoveredTarget' | 'sample' | 'sampleLabel'
    | 'preview' | 'previewing' | 'selectedSources'>>): void;
}

export const useMapper = create<MapperState>()((set, get) => ({
  server: null,
  mapping: null,
  catalog: null,
  lookupTables: [],
  connections: [],
  permissions: { edit: false, publish: false },
  context: null,
  testCases: [],
  testResults: null,
  document: null,
  saved: null,
  suggestions: [],
  past: [],
  future: [],
  selectedSources: [],
  selectedTarget: null,
  hoveredTarget: null,
  reveal: null,
  sample: null,
  sampleLabel: null,
  preview: null,
  previewing: false,

  load: (document, mapping) =>
    set({ document, saved: document, mapping, past: [], future: [], suggestions: [], selectedSources: [], selectedTarget: null }),
  markSaved: (document, version) =>
    set((state) => ({
      document,
      saved: document,
      mapping: state.mapping ? { ...state.mapping, baseVersion: version, latestVersion: Math.max(version, state.mapping.latestVersion) } : state.mapping,
    })),
  apply: (label, recipe) => {
    const { document, past, permissions, suggestions } = get();
    if (!document || !permissions.edit) return;
    const next = recipe(document);
    if (next === document) return;
    set({ document: next, past: [...past, { label, document, suggestions }].slice(-HISTORY_LIMIT), future: [] });
  },
  applySuggestions: (label, nextSuggestions, recipe) => {
    const { document, past, permissions, suggestions } = get();
    if (!document || !permissions.edit) return;
    const next = recipe ? recipe(document) : document;
    set({
      document: next,
      suggestions: nextSuggestions,
      past: [...past, { label, document, suggestions }].slice(-HISTORY_LIMIT),
      future: [],
    });
  },
  undo: () => {
    const { document, past, future, suggestions } = get();
    const last = past[past.length - 1];
    if (!document || !last) return;
    set({
      document: last.document,
      suggestions: last.suggestions,
      past: past.slice(0, -1),
      future: [{ label: last.label, document, suggestions }, ...future],
    });
  },
  redo: () => {
    const { document, past, future, suggestions } = get();
    const next = future[0];
    if (!document || !next) return;
    set({
      document: next.document,
      suggestions: next.suggestions,
      past: [...past, { label: next.label, document, suggestions }],
      future: future.slice(1),
    });
  },
  selectSource: (path, additive = false) =>
    set((state) => ({
      selectedSources: additive
        ? state.selectedSources.includes(path) ? state.selectedSources.filter((p) => p !== path) : [...state.selectedSources, path]
        : [path],
    })),
  selectTarget: (path) => set({ selectedTarget: path }),
  revealRow: (side, path) => set((state) => ({ reveal: { side, path, nonce: (state.reveal?.nonce ?? 0) + 1 } })),
  set: (partial) => set(partial),
}));

/** Whether the working copy differs from the saved one (by value). */
export function isDirty(state: Pick<MapperState, 'document' | 'saved'>): boolean {
  return state.document !== state.saved && JSON.stringify(state.document) !== JSON.stringify(state.saved);
}
