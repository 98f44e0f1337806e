import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { EditorState, Transaction } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import './expression-input.css';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { scopeCompletions, templateParts, type Scope } from './scope';

export type { Scope, ScopeEntry } from './scope';

/** The server's answer on an expression (the designer's EvaluateResult). */
export type Evaluation =
  | { outcome: 'value'; value: unknown; sampleSource?: string }
  | { outcome: 'error'; message: string; position: number | null };

/** The MIME type of a dragged scope path (the inspector's input fields set it: `trigger.x`, `nodes.a.x`). */
export const SCOPE_PATH_TYPE = 'application/x-junction-path';

export interface ExpressionInputProps {
  name: string;
  labelId: string;
  value: string;
  /** raw: the whole text is one expression; template: text with {{ expression }} parts. */
  mode: 'raw' | 'template';
  multiline?: boolean;
  readOnly?: boolean;
  placeholder?: string;
  /** What autocompletion offers (read on each completion). */
  scope(): Scope;
  /** Evaluates one expression on the node's sample; absent: no preview. */
  evaluate?(expression: string): Promise<Evaluation>;
  /** The edited text, on blur (one commit per field edit) and on a drop. */
  onCommit(text: string): void;
}

const EVALUATE_EVERY_MILLIS = 300;

type Preview = { kind: 'none' } | { kind: 'value'; text: string } | { kind: 'error'; message: string; position: number | null };

/**
 * A CodeMirror 6 editor for expressions: autocompletion of the scope and the functions, the value on the sample under
 * the field (evaluated by the server, at most every 300 ms), parse errors inline. It keeps its own text history:
 * Ctrl+Z inside it undoes typing and never reaches the designer's history; the text is committed on blur.
 */
export function ExpressionInput(props: ExpressionInputProps): ReactElement {
  const { name, labelId, value, mode, multiline = false, readOnly = false, placeholder } = props;
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const committed = useRef(value);
  const [preview, setPreview] = useState<Preview>({ kind: 'none' });
  const timer = useRef<number | undefined>(undefined);
  const lastRun = useRef(0);
  const generation = useRef(0);

  const schedule = (text: string) => {
    window.clearTimeout(timer.current);
    const wait = Math.max(0, lastRun.current + EVALUATE_EVERY_MILLIS - Date.now());
    timer.current = window.setTimeout(() => {
      lastRun.current = Date.now();
      void preview_(text);
    }, Math.max(wait, 120));
  };

  const preview_ = async (text: string) => {
    const run = ++generation.current;
    const show = (next: Preview) => {
      if (run !== generation.current) return;
      setPreview(next);
      // the error is shown under the field with where it is, not marked inside the text: a mark decoration
      // redrawn while the user types (an unclosed "{{" at the start) left the browser's caret at the start of the
      // line while the editor's selection was at the end, so the next keys landed before the braces
    };
    const evaluate = latest.current.evaluate;
    if (latest.current.mode === 'raw') {
      if (text.trim() === '' || !evaluate) { show({ kind: 'none' }); return; }
      show(describe(await evaluate(text)));
      return;
    }
    const parsed = templateParts(text);
    if ('error' in parsed) { show({ kind: 'error', message: parsed.error, position: parsed.position }); return; }
    const expressions = parsed.parts.filter((part): part is { expression: string } => typeof part !== 'string');
    if (expressions.length === 0 || !evaluate) { show({ kind: 'none' }); return; }
    const results = await Promise.all(expressions.map((part) => evaluate(part.expression)));
    const failed = results.find((result) => result.outcome === 'error');
    if (failed && failed.outcome === 'error') {
      show({ kind: 'error', message: failed.message, position: null });
      return;
    }
    const values = results.map((result) => (result.outcome === 'value' ? result.value : undefined));
    if (parsed.parts.length === 1) { show({ kind: 'value', text: format(values[0]) }); return; }
    let index = 0;
    const joined = parsed.parts.map((part) => (typeof part === 'string' ? part : textOf(values[index++]))).join('');
    show({ kind: 'value', text: joined });
  };

  useEffect(() => {
    if (!host.current) return undefined;
    const commit = (editor: EditorView) => {
      const text = editor.state.doc.toString();
      if (text !== committed.current) {
        committed.current = text;
        latest.current.onCommit(text);
      }
    };
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          // no closeBrackets: inside the designer's page, a "{" typed between an auto-inserted pair landed at the
          // start of the text (seen in the browser tests); braces are typed as they are
          keymap.of([...completionKeymap, ...historyKeymap, ...defaultKeymap]),
          mode === 'raw' ? javascript() : [],
          autocompletion({ override: [scopeCompletions(() => latest.current.scope(), mode === 'template')], activateOnTyping: true }),
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          placeholder ? placeholderText(placeholder) : [],
          multiline ? EditorView.lineWrapping : EditorState.transactionFilter.of((tr) => (tr.newDoc.lines > 1 ? [] : tr)),
          EditorView.contentAttributes.of({ 'aria-labelledby': labelId, 'aria-multiline': String(multiline) }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) schedule(update.state.doc.toString());
            if (update.focusChanged && !update.view.hasFocus) commit(update.view);
          }),
          EditorView.domEventHandlers({
            // typed text goes where the editor's selection is: inside the designer's page the browser's caret was
            // seen lagging behind the editor's selection (after select-all, the keys were added at the end), and the
            // browser inserts at its caret. Composition (IME) input stays the browser's.
            beforeinput(event, target) {
              if (event.inputType !== 'insertText' || event.data == null || target.state.readOnly) return false;
              event.preventDefault();
              target.dispatch(target.state.replaceSelection(event.data), { scrollIntoView: true, userEvent: 'input.type' });
              return true;
            },
            // leaving the editor commits, also when the editor's own focus tracking missed the change (seen for
            // JavaScript fields: the text stayed uncommitted after the focus moved to another field)
            blur(_event, target) {
              commit(target);
              return false;
            },
            keydown(event) {
              // the editor's own undo: never let Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z reach the designer's history
              const key = event.key.toLowerCase();
              if ((event.ctrlKey || event.metaKey) && (key === 'z' || key === 'y')) event.stopPropagation();
              if (key === 'enter' && !multiline) { event.stopPropagation(); }
              return false;
            },
            dragover(event) {
              if (readOnly || !event.dataTransfer?.types.includes(SCOPE_PATH_TYPE)) return false;
              event.preventDefault();
              return true;
            },
            drop(event, target) {
              const path = event.dataTransfer?.getData(SCOPE_PATH_TYPE);
              if (readOnly || !path) return false;
              event.preventDefault();
              const at = target.posAtCoords({ x: event.clientX, y: event.clientY }) ?? target.state.doc.length;
              const insert = latest.current.mode === 'template' ? `{{ ${path} }}` : path;
              target.dispatch({ changes: { from: at, insert }, selection: { anchor: at + insert.length } });
              commit(target);
              return true;
            },
          }),
        ],
      }),
    });
    view.current = editor;
    schedule(value);
    return () => {
      window.clearTimeout(timer.current);
      editor.destroy();
      view.current = null;
    };
  }, [mode, multiline, readOnly]); // eslint-disable-line react-hooks/exhaustive-deps

  // a value changed outside (undo, another panel): replace the text, outside the editor's own history
  useEffect(() => {
    const editor = view.current;
    committed.current = value;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: value },
      annotations: Transaction.addToHistory.of(false),
    });
  }, [value]);

  return (
    <div className={multiline ? 'expr-input expr-multiline' : 'expr-input'}>
      <div ref={host} data-testid="expr-input" data-name={name} data-mode={mode} />
      {preview.kind === 'value' && <output className="param-result" data-testid="param-result" data-name={name}>{preview.text}</output>}
      {preview.kind === 'error' && (
        <div className="expr-error" role="alert" data-testid="expr-error" data-name={name} data-position={preview.position ?? undefined}>
          {preview.message}{preview.position != null && ` (at character ${preview.position + 1})`}
        </div>
      )}
    </div>
  );
}

function describe(result: Evaluation | undefined): Preview {
  if (!result) return { kind: 'none' };
  return result.outcome === 'error'
    ? { kind: 'error', message: result.message, position: result.position }
    : { kind: 'value', text: format(result.value) };
}

function format(value: unknown): string {
  if (value === undefined) return 'undefined';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
