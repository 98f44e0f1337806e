import { json } from '@codemirror/lang-json';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { Annotation, EditorState, Transaction } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { MappingDoc } from '../contract';
import { useMapper } from '../store';
import { formatMapping, readMapping, type TextProblem } from './readMapping';
import './textview.css';

const APPLY_MILLIS = 400;

/** Marks a transaction that copies the store's document into the editor (it must not be applied back). */
const fromStore = Annotation.define<boolean>();

/**
 * The text view: the working copy in the mapping format (docs/mappings.md) as JSON in CodeMirror, in sync both ways.
 * An edit that reads as a mapping applies ~400 ms after the last key (or when the editor loses focus) as ONE history
 * entry "Edit as text"; text that does not read shows why (with line and column for broken JSON) and changes
 * nothing. An edit made elsewhere (trees, rule panel, undo) replaces the text; the cursor stays where it was.
 */
export function TextTab(): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  /** The document this view applied last: when the store hands it back, the text (as typed) stays. */
  const applied = useRef<MappingDoc | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [problem, setProblem] = useState<TextProblem | null>(null);
  const document = useMapper((state) => state.document);
  const editable = useMapper((state) => state.permissions.edit);

  useEffect(() => {
    const applyNow = (text: string) => {
      clearTimeout(timer.current);
      timer.current = undefined;
      const result = readMapping(text);
      if ('problem' in result) {
        setProblem(result.problem);
        return;
      }
      setProblem(null);
      const current = useMapper.getState().document;
      if (JSON.stringify(current) === JSON.stringify(result.document)) return;
      applied.current = result.document;
      useMapper.getState().apply('Edit as text', () => result.document);
    };
    const onChange = EditorView.updateListener.of((update) => {
      if (!update.docChanged || update.transactions.every((tr) => tr.annotation(fromStore) === true)) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => applyNow(update.state.doc.toString()), APPLY_MILLIS);
    });
    const onBlur = EditorView.domEventHandlers({
      blur: (_event, editor) => {
        if (timer.current !== undefined) applyNow(editor.state.doc.toString());
        return false;
      },
    });
    const state = EditorState.create({
      doc: formatMapping(useMapper.getState().document),
      extensions: [lineNumbers(), history(), keymap.of([...defaultKeymap, ...historyKeymap]), json(), onChange, onBlur,
        EditorState.readOnly.of(!editable), EditorView.editable.of(editable),
        EditorView.contentAttributes.of({ 'aria-label': 'Mapping as JSON', 'data-testid': 'text-view-content' })],
    });
    view.current = new EditorView({ state, parent: host.current! });
    applied.current = useMapper.getState().document;
    return () => {
      clearTimeout(timer.current);
      view.current?.destroy();
      view.current = null;
    };
  }, [editable]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || !document || document === applied.current) return;
    applied.current = document;
    const text = formatMapping(document);
    clearTimeout(timer.current);
    timer.current = undefined;
    setProblem(null);
    if (editor.state.doc.toString() === text) return;
    const { anchor, head } = editor.state.selection.main;
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: text },
      selection: { anchor: Math.min(anchor, text.length), head: Math.min(head, text.length) },
      annotations: [fromStore.of(true), Transaction.addToHistory.of(false)],
    });
  }, [document]);

  return (
    <section className="mapper-text" aria-label="Mapping as text">
      {problem && (
        <div className="mapper-text-error" role="alert" data-testid="text-error"
          data-line={problem.line ?? undefined} data-column={problem.column ?? undefined}>
          {problem.line != null ? `Line ${problem.line}, column ${problem.column}: ` : ''}{problem.message}
          {' '}— the mapping is unchanged until the text reads as one.
        </div>
      )}
      <div ref={host} className="mapper-text-editor" data-testid="text-view" data-error={problem ? 'true' : 'false'} />
    </section>
  );
}
