/*
 * The JSON view: the working copy as workflow JSON in CodeMirror, in sync both ways. An edit that parses as a
 * definition applies as one history entry; one that does not leaves the canvas on the last valid model and shows why.
 * The editor keeps its own undo (the designer's keyboard leaves it alone).
 */
import { json } from '@codemirror/lang-json';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { Definition } from '../contract';
import { useDesigner } from '../store';

const APPLY_MILLIS = 250;

/** The definition in `text`, or why it is not one. */
export function readDefinition(text: string): { document: Definition } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const d = value as Partial<Definition> | null;
  if (!d || typeof d !== 'object' || Array.isArray(d)) return { error: 'The definition must be a JSON object' };
  if (d.schemaVersion !== 1) return { error: 'schemaVersion must be 1' };
  if (!d.trigger || typeof d.trigger !== 'object' || typeof d.trigger.kind !== 'string') return { error: 'trigger must be an object with a kind' };
  if (!Array.isArray(d.nodes)) return { error: 'nodes must be an array' };
  if (!Array.isArray(d.edges)) return { error: 'edges must be an array' };
  const bad = d.nodes.findIndex((node) => !node || typeof node.id !== 'string' || typeof node.type !== 'string' || typeof node.name !== 'string');
  if (bad >= 0) return { error: `nodes[${bad}] needs an id, a type and a name (strings)` };
  const badEdge = d.edges.findIndex((edge) => !edge || typeof edge.from !== 'string' || typeof edge.to !== 'string');
  if (badEdge >= 0) return { error: `edges[${badEdge}] needs from and to (strings)` };
  return { document: d as Definition };
}

const format = (document: Definition | null) => JSON.stringify(document, null, 2);

export function JsonView(): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const applied = useRef<Definition | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const document = useDesigner((state) => state.document);
  const editable = useDesigner((state) => state.permissions.edit && state.diff == null);

  useEffect(() => {
    const onChange = EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const result = readDefinition(update.state.doc.toString());
        if ('error' in result) { setError(result.error); return; }
        setError(null);
        const current = useDesigner.getState().document;
        if (JSON.stringify(current) === JSON.stringify(result.document)) return;
        applied.current = result.document;
        useDesigner.getState().apply('Edit JSON', () => result.document);
      }, APPLY_MILLIS);
    });
    const state = EditorState.create({
      doc: format(useDesigner.getState().document),
      extensions: [lineNumbers(), history(), keymap.of([...defaultKeymap, ...historyKeymap]), json(), onChange,
        EditorState.readOnly.of(!editable), EditorView.contentAttributes.of({ 'aria-label': 'Workflow JSON' })],
    });
    view.current = new EditorView({ state, parent: host.current! });
    return () => { clearTimeout(timer.current); view.current?.destroy(); view.current = null; };
  }, [editable]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || !document || document === applied.current) return;
    const text = format(document);
    if (editor.state.doc.toString() === text) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
    clearTimeout(timer.current);
    setError(null);
  }, [document]);

  return (
    <section className="wd-json" aria-label="Workflow JSON">
      <div ref={host} className="wd-json-editor" data-testid="json-view" />
      {error && <div className="wd-code-error" role="alert" data-testid="code-error">{error}</div>}
    </section>
  );
}
