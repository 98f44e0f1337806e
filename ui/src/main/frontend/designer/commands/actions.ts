/*
 * Every action of the designer, once: the toolbar, the command palette, the shortcut sheet and the keyboard all run
 * these. Each edit is one `apply` (one history entry).
 */
import type { Position } from '../../shared/generated/workflow';
import { copyFragment, parseFragment, pasteFragment, type Fragment } from '../canvas/clipboard';
import { exportImage } from '../canvas/export';
import { flow } from '../canvas/flow';
import { fixOverlaps, layered, type Box } from '../canvas/tidy';
import { NOTE_COLOURS } from '../canvas/nodes';
import {
  addAfter, DEFAULT_PORT, edgeKey, idsOf, insertIntoEdge, moveTo, newNode, notesOf, outputPorts, remove, TRIGGER_ID,
  freeSpot, freshId, type DesignerDefinition, type PaletteChoice,
} from '../model';
import { isDirty, publishRefusals, useDesigner } from '../store';
import { useUi, type PickerTarget } from '../ui-state';

const state = () => useDesigner.getState();
const editable = () => state().permissions.edit && !state().diff && state().document != null;

/** The canvas position of the view's centre. */
function viewCentre(): Position {
  const pane = window.document.querySelector('[data-testid=designer] .react-flow');
  const rect = pane?.getBoundingClientRect();
  const instance = flow();
  if (!rect || !instance) return { x: 0, y: 0 };
  return instance.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
}

function positionOf(id: string): Position {
  const document = state().document!;
  if (id === TRIGGER_ID) return document.trigger.position ?? { x: 0, y: 0 };
  return document.nodes.find((node) => node.id === id)?.position ?? notesOf(document).find((n) => n.id === id)?.position ?? { x: 0, y: 0 };
}

/** Adds the chosen step: after an output port (connected), into an edge (re-wired), or free at a position. */
export function addChoice(choice: PaletteChoice, target: PickerTarget): void {
  if (!editable()) return;
  const { catalog, connections } = state();
  let created: string | null = null;
  state().apply(`Add ${choice.title}`, (document) => {
    const taken = idsOf(document);
    if (target.edge) {
      const old = document.edges.find((edge) => edgeKey(edge) === target.edge);
      if (!old) return document;
      const a = positionOf(old.from);
      const b = positionOf(old.to);
      const node = newNode(choice, catalog, connections, taken, freeSpot(document, { x: Math.round((a.x + b.x) / 2), y: Math.round((a.y + b.y) / 2) + 90 }));
      created = node.id;
      return insertIntoEdge(document, node, target.edge, outputPorts(catalog, node)[0] ?? DEFAULT_PORT);
    }
    if (target.from) {
      const from = positionOf(target.from);
      const siblings = document.edges.filter((edge) => edge.from === target.from).length;
      const node = newNode(choice, catalog, connections, taken, freeSpot(document, { x: from.x + 280, y: from.y + siblings * 110 }));
      created = node.id;
      return addAfter(document, node, target.from, target.port ?? DEFAULT_PORT);
    }
    const node = newNode(choice, catalog, connections, taken, freeSpot(document, target.position ?? viewCentre()));
    created = node.id;
    return addAfter(document, node, null, null);
  });
  if (created) {
    state().select([created]);
    state().inspect(created);
    useUi.getState().open({ panel: 'inspector' });
    revealNode(created);
  }
  useUi.getState().open({ picker: null });
}

/** Pans the canvas (never zooms) so that a step just added is in view, when it is not already. */
export function revealNode(id: string): void {
  requestAnimationFrame(() => {
    const instance = flow();
    const node = instance?.getNode(id);
    const pane = window.document.querySelector<HTMLElement>('[data-testid=designer] .react-flow');
    if (!instance || !node || !pane) return;
    const { x, y, zoom } = instance.getViewport();
    const width = node.measured?.width ?? 220;
    const height = node.measured?.height ?? 72;
    const left = node.position.x * zoom + x;
    const top = node.position.y * zoom + y;
    const inView = left >= 0 && top >= 0 && left + width * zoom <= pane.clientWidth && top + height * zoom <= pane.clientHeight;
    if (!inView) instance.setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom, duration: 200 });
  });
}

export function setTriggerKind(kind: 'manual' | 'webhook' | 'schedule' | 'polling'): void {
  if (!editable()) return;
  state().apply(`Trigger: ${kind}`, (document) => (document.trigger.kind === kind ? document
    : { ...document, trigger: { kind, position: document.trigger.position, config: {} } }));
  state().inspect(TRIGGER_ID);
  useUi.getState().open({ panel: 'inspector' });
}

/** Opens the picker for the selected node (adds after its first output port) or free in the view's centre. */
export function openPicker(): void {
  if (!editable()) return;
  const [selected] = state().selection;
  const node = state().document?.nodes.find((n) => n.id === selected);
  if (selected === TRIGGER_ID) useUi.getState().open({ picker: { from: TRIGGER_ID, port: DEFAULT_PORT } });
  else if (node) useUi.getState().open({ picker: { from: node.id, port: outputPorts(state().catalog, node)[0] ?? DEFAULT_PORT } });
  else useUi.getState().open({ picker: { position: viewCentre() } });
}

export function deleteSelection(): void {
  if (!editable()) return;
  const ids = new Set(state().selection.filter((id) => id !== TRIGGER_ID));
  const edges = new Set([
    ...(flow()?.getEdges().filter((edge) => edge.selected).map((edge) => edge.id) ?? []),
    ...Array.from(window.document.querySelectorAll('[data-testid=designer] .react-flow__edge.selected [data-testid=edge]'), (e) => e.getAttribute('data-edge') ?? ''),
  ].filter(Boolean));
  if (ids.size + edges.size === 0) return;
  const label = ids.size === 1 ? `Delete ${state().document?.nodes.find((n) => ids.has(n.id))?.name ?? 'note'}`
    : ids.size > 1 ? `Delete ${ids.size} steps` : edges.size === 1 ? 'Delete connection' : `Delete ${edges.size} connections`;
  state().apply(label, (document) => remove(document, ids, edges));
  state().select([]);
  if (state().inspected && ids.has(state().inspected!)) state().inspect(null);
}

export function undo(): void { if (editable()) state().undo(); }
export function redo(): void { if (editable()) state().redo(); }

/** The selection as a fragment (for the clipboard), or null when nothing is selected. */
export function selectionFragment(): Fragment | null {
  const { document, selection } = state();
  return document ? copyFragment(document, new Set(selection)) : null;
}

let pasteCount = 0;

export function pasteText(text: string): boolean {
  const fragment = parseFragment(text);
  if (!fragment || !editable()) return false;
  pasteCount++;
  const centre = viewCentre();
  let ids: string[] = [];
  state().apply(`Paste ${fragment.nodes.length + fragment.notes.length} items`, (document) => {
    const pasted = pasteFragment(document, fragment, { x: Math.round(centre.x - 100 + pasteCount * 24), y: Math.round(centre.y - 40 + pasteCount * 24) });
    ids = pasted.ids;
    return pasted.document;
  });
  state().select(ids);
  return true;
}

export function duplicate(): void {
  const fragment = selectionFragment();
  if (!fragment || !editable()) return;
  const { selection } = state();
  const first = positionOf(selection[0]);
  const minX = Math.min(...selection.map((id) => positionOf(id).x));
  const minY = Math.min(...selection.map((id) => positionOf(id).y));
  void first;
  let ids: string[] = [];
  state().apply(`Duplicate ${fragment.nodes.length + fragment.notes.length} items`, (document) => {
    const pasted = pasteFragment(document, fragment, { x: minX + 40, y: minY + 40 });
    ids = pasted.ids;
    return pasted.document;
  });
  state().select(ids);
}

function boxes(ids: Set<string> | null): Box[] {
  const instance = flow();
  if (!instance) return [];
  return instance.getNodes().filter((node) => node.type !== 'note' && (!ids || ids.has(node.id)) && !node.className?.includes('wd-ghost'))
    .map((node) => ({
      id: node.id, x: node.position.x, y: node.position.y,
      width: node.measured?.width ?? node.initialWidth ?? 220, height: node.measured?.height ?? node.initialHeight ?? 72,
    }));
}

/** Lays the graph out left to right (only the selection when more than one node is selected); one history entry. */
export async function tidy(): Promise<void> {
  if (!editable()) return;
  const selection = state().selection.filter((id) => !notesOf(state().document!).some((n) => n.id === id));
  const scope = selection.length > 1 ? new Set(selection) : null;
  const positions = await layered(state().document!, boxes(scope));
  state().apply(scope ? 'Tidy up selection' : 'Tidy up', (document) => moveTo(document, positions));
  if (!scope) requestAnimationFrame(() => flow()?.fitView({ maxZoom: 1.2, padding: 0.2, duration: 300 }));
}

export function fixOverlapsOnly(): void {
  if (!editable()) return;
  const moved = fixOverlaps(boxes(null));
  state().apply('Fix overlaps', (document) => moveTo(document, moved));
}


export function addNote(): void {
  if (!editable()) return;
  const centre = viewCentre();
  let id = '';
  let spot: Position = centre;
  state().apply('Add note', (document) => {
    const notes = notesOf(document);
    id = freshId('note', idsOf(document));
    spot = freeSpot(document, centre);
    return { ...document, notes: [...notes, { id, text: '', position: spot, color: NOTE_COLOURS[notes.length % NOTE_COLOURS.length].value }] } as DesignerDefinition;
  });
  // the free spot may lie below the visible part of the canvas (steps around the centre push it down), and the
  // canvas draws only what is in view: bring the new note into view so its text can be written at once
  const instance = flow();
  if (instance) instance.setCenter(spot.x + 100, spot.y + 40, { zoom: instance.getZoom() });
  useUi.getState().open({ editingNote: id });
}

export function zoomFit(): void { flow()?.fitView({ maxZoom: 1.2, padding: 0.2, duration: 200 }); }

/** Selects a node and centres the canvas on it; `takeFocus` false leaves the keyboard focus where it is (a click on a
 * problem or a changed field focuses that field in the inspector, and the canvas must not take it back). */
export function focusNode(id: string, takeFocus = true): void {
  state().select([id]);
  const node = flow()?.getNode(id);
  if (node) flow()?.setCenter(node.position.x + 110, node.position.y + 36, { zoom: Math.max(flow()!.getZoom(), 0.8), duration: 200 });
  if (takeFocus) requestAnimationFrame(() => window.document.querySelector<HTMLElement>(`[data-testid=canvas-node][data-node-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true }));
}

/** Arrow keys: right = first downstream node, left = first upstream, up/down = the previous/next sibling. */
export function moveSelection(direction: 'left' | 'right' | 'up' | 'down'): boolean {
  const { document, selection } = state();
  if (!document || selection.length !== 1) return false;
  const id = selection[0];
  const edges = document.edges;
  let next: string | undefined;
  if (direction === 'right') next = edges.find((edge) => edge.from === id)?.to;
  else if (direction === 'left') next = edges.find((edge) => edge.to === id)?.from;
  else {
    const parent = edges.find((edge) => edge.to === id)?.from;
    const siblings = parent ? edges.filter((edge) => edge.from === parent).map((edge) => edge.to) : [];
    const index = siblings.indexOf(id);
    next = siblings[index + (direction === 'down' ? 1 : -1)];
  }
  if (!next) return false;
  focusNode(next);
  return true;
}

export async function exportAs(format: 'png' | 'svg'): Promise<void> {
  const instance = flow();
  if (!instance) return;
  try {
    await exportImage(format, instance.getNodes(), instance.getEdges(), state().workflow?.name ?? 'workflow');
  } catch (error) {
    useUi.getState().showToast(`Could not export the image: ${(error as Error)?.message ?? error}`);
  }
}

export function openSave(): void {
  if (editable()) useUi.getState().open({ saveDialog: true });
}

export function openPublish(): void {
  const s = state();
  if (!s.permissions.publish || s.problems.length > 0 || isDirty(s) || s.workflow?.baseVersion == null
    || publishRefusals(s).length > 0) return;
  useUi.getState().open({ publishDialog: true });
}

export function togglePanel(panel: 'json' | 'versions' | 'problems' | 'inspector'): void {
  const ui = useUi.getState();
  ui.open({ panel: ui.panel === panel && panel !== 'problems' ? 'problems' : panel });
}

export function selectAll(): void {
  const document = state().document;
  if (document) state().select([TRIGGER_ID, ...document.nodes.map((n) => n.id)]);
}

export interface Command {
  name: string;
  title: string;
  shortcut: string;
  run(): void;
  enabled(): boolean;
}

const always = () => true;

export const COMMANDS: Command[] = [
  { name: 'add-step', title: 'Add a step', shortcut: '/ or Tab', run: openPicker, enabled: editable },
  { name: 'save', title: 'Save', shortcut: 'Ctrl+S', run: openSave, enabled: editable },
  { name: 'publish', title: 'Publish', shortcut: '', run: openPublish, enabled: () => state().permissions.publish },
  { name: 'undo', title: 'Undo', shortcut: 'Ctrl+Z', run: undo, enabled: () => editable() && state().past.length > 0 },
  { name: 'redo', title: 'Redo', shortcut: 'Ctrl+Shift+Z / Ctrl+Y', run: redo, enabled: () => editable() && state().future.length > 0 },
  { name: 'delete', title: 'Delete selection', shortcut: 'Delete', run: deleteSelection, enabled: editable },
  { name: 'duplicate', title: 'Duplicate selection', shortcut: 'Ctrl+D', run: duplicate, enabled: editable },
  { name: 'copy', title: 'Copy selection', shortcut: 'Ctrl+C', run: () => {
    const fragment = selectionFragment();
    if (fragment) void navigator.clipboard?.writeText(JSON.stringify(fragment, null, 2));
  }, enabled: always },
  { name: 'paste', title: 'Paste', shortcut: 'Ctrl+V', run: () => { void navigator.clipboard?.readText().then(pasteText); }, enabled: editable },
  { name: 'select-all', title: 'Select all steps', shortcut: 'Ctrl+A', run: selectAll, enabled: always },
  { name: 'tidy', title: 'Tidy up (layered, left to right)', shortcut: 'Shift+L', run: () => { void tidy(); }, enabled: editable },
  { name: 'fix-overlaps', title: 'Fix overlaps only', shortcut: '', run: fixOverlapsOnly, enabled: editable },
  { name: 'add-note', title: 'Add a note', shortcut: 'N', run: addNote, enabled: editable },
  { name: 'zoom-fit', title: 'Zoom to fit', shortcut: 'Shift+1', run: zoomFit, enabled: always },
  { name: 'find', title: 'Find a step', shortcut: 'Ctrl+F', run: () => useUi.getState().open({ find: true }), enabled: always },
  { name: 'json', title: 'Show the JSON view', shortcut: '', run: () => togglePanel('json'), enabled: always },
  { name: 'versions', title: 'Show versions', shortcut: '', run: () => togglePanel('versions'), enabled: always },
  { name: 'problems', title: 'Show problems', shortcut: '', run: () => togglePanel('problems'), enabled: always },
  { name: 'export-png', title: 'Export as PNG', shortcut: '', run: () => { void exportAs('png'); }, enabled: always },
  { name: 'export-svg', title: 'Export as SVG', shortcut: '', run: () => { void exportAs('svg'); }, enabled: always },
  { name: 'shortcuts', title: 'Keyboard shortcuts', shortcut: '?', run: () => useUi.getState().open({ shortcuts: true }), enabled: always },
  { name: 'command-palette', title: 'Command palette', shortcut: 'Ctrl+K', run: () => useUi.getState().open({ commandPalette: true }), enabled: always },
];

export const ARROW_SHORTCUT = { title: 'Move between connected steps', shortcut: 'Arrow keys' };
