/*
 * The sample the preview runs on: a JSON editor (paste or type; every valid edit becomes the sample) and a picker —
 * upload a JSON, XML or CSV file, generate one from the source schema, take the input of a recent run, or fetch the
 * first record of a connection's read-only operation. Viewers and operators may preview on their own samples too.
 */
import { json } from '@codemirror/lang-json';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { SampleOption } from '../contract';
import { useMapper } from '../store';

const NO_SAMPLES: SampleOption[] = [];

const format = (sample: unknown) => JSON.stringify(sample ?? {}, null, 2);

/** Sets the sample the preview runs on, naming where it came from. */
function setSample(sample: unknown, label: string) {
  useMapper.getState().set({ sample, sampleLabel: label });
}

const errorText = (error: unknown) => String((error as Error)?.message ?? error);

/** The file format by its name, then by its first character. */
export function formatOf(name: string, text: string): 'json' | 'xml' | 'csv' {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xml')) return 'xml';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  const first = text.trimStart()[0];
  return first === '<' ? 'xml' : first === '{' || first === '[' ? 'json' : 'csv';
}

export function SampleTab(): ReactElement {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  return (
    <div className="mp-sample">
      <SamplePicker onError={setError} busy={busy} setBusy={setBusy} />
      {error && <div className="mp-error" role="alert" data-testid="sample-error">{error}</div>}
      <SampleEditor onError={setError} />
    </div>
  );
}

function SamplePicker({ onError, busy, setBusy }: { onError: (error: string | null) => void; busy: string | null; setBusy: (busy: string | null) => void }): ReactElement {
  const label = useMapper((state) => state.sampleLabel);
  const context = useMapper((state) => state.context);
  const contextSamples = context?.samples ?? NO_SAMPLES;
  const connections = useMapper((state) => state.connections);
  const catalog = useMapper((state) => state.catalog);
  const [runSamples, setRunSamples] = useState<SampleOption[]>([]);
  const [connectionId, setConnectionId] = useState('');
  const [operation, setOperation] = useState('');
  const upload = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const server = useMapper.getState().server;
    if (!server) return;
    server.runSamples().then((samples) => setRunSamples(samples ?? []), () => setRunSamples([]));
  }, []);

  const recent = [...contextSamples, ...runSamples];
  const connection = connections.find((candidate) => candidate.id === connectionId) ?? null;
  const operations = useMemo(() => {
    const connector = catalog?.connectors.find((candidate) => candidate.id === connection?.connector);
    return (connector?.operations ?? []).filter((candidate) => candidate.readOnly);
  }, [catalog, connection]);

  const run = async (what: string, work: () => Promise<void>) => {
    setBusy(what);
    onError(null);
    try {
      await work();
    } catch (error) {
      onError(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  const onFile = (file: File) => run('upload', async () => {
    const text = await file.text();
    const kind = formatOf(file.name, text);
    if (kind === 'json') {
      try {
        setSample(JSON.parse(text), `Uploaded ${file.name}`);
      } catch (error) {
        onError(`${file.name} is not JSON: ${errorText(error)}`);
      }
      return;
    }
    const answer = await useMapper.getState().server!.parseSample(kind, text);
    if (answer?.error || answer?.sample === undefined) onError(`${file.name}: ${answer?.error ?? 'no record in the file'}`);
    else setSample(answer.sample, `Uploaded ${file.name}`);
  });

  const generate = () => run('generate', async () => {
    const { server, document } = useMapper.getState();
    const schema = document?.source?.schema;
    if (!server || !schema) { onError('The mapping has no source schema to generate a sample from: choose one above the trees.'); return; }
    const generated = await server.generateSample(schema);
    if (generated == null) { onError('No sample can be made from the source schema: it is neither a shipped schema nor a JSON Schema.'); return; }
    setSample(generated, 'Generated from the source schema');
  });

  const fetch = () => run('fetch', async () => {
    if (!connection || !operation) return;
    const answer = await useMapper.getState().server!.fetchSample(connection.id, operation);
    if (answer?.error || answer?.sample === undefined) onError(`${connection.name}: ${answer?.error ?? 'the operation answered no record'}`);
    else setSample(answer.sample, `${connection.name} · ${operation}`);
  });

  return (
    <div className="mp-sample-picker" data-testid="sample-picker" data-busy={busy ?? ''}>
      <span className="mp-sample-label" data-testid="sample-label">{label ?? 'No sample yet'}</span>
      <button type="button" data-testid="sample-upload-button" onClick={() => upload.current?.click()} disabled={busy != null}>Upload file…</button>
      <input ref={upload} type="file" hidden data-testid="sample-upload" accept=".json,.xml,.csv,application/json,text/xml,application/xml,text/csv"
        onChange={(event) => { const file = event.target.files?.[0]; event.target.value = ''; if (file) void onFile(file); }} />
      <button type="button" data-testid="sample-generate" onClick={() => void generate()} disabled={busy != null}>Generate from schema</button>
      <select data-testid="sample-run" aria-label="A recent run's input" value="" disabled={recent.length === 0}
        onChange={(event) => { const option = recent[Number(event.target.value)]; if (option) setSample(option.data, option.label); }}>
        <option value="">{recent.length === 0 ? 'No recent runs' : `Recent runs (${recent.length})`}</option>
        {recent.map((option, index) => <option key={index} value={index}>{option.label}</option>)}
      </select>
      {connections.length > 0 && (
        <span className="mp-sample-fetch">
          <select data-testid="sample-connection" aria-label="Connection" value={connectionId}
            onChange={(event) => { setConnectionId(event.target.value); setOperation(''); }}>
            <option value="">From a connection…</option>
            {connections.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.name}{candidate.sandbox ? ' (sandbox)' : ''}</option>)}
          </select>
          {connection && (
            <select data-testid="sample-operation" aria-label="Read-only operation" value={operation} onChange={(event) => setOperation(event.target.value)}>
              <option value="">{operations.length ? 'Operation…' : 'No read-only operation'}</option>
              {operations.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.name}</option>)}
            </select>
          )}
          {connection && <button type="button" data-testid="sample-fetch" disabled={!operation || busy != null} onClick={() => void fetch()}>Fetch</button>}
        </span>
      )}
    </div>
  );
}

/** The sample as JSON in CodeMirror; a valid edit becomes the sample at once (the preview debounces). */
function SampleEditor({ onError }: { onError: (error: string | null) => void }): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const typed = useRef<unknown>(undefined);
  const replacing = useRef(false);
  const sample = useMapper((state) => state.sample);

  useEffect(() => {
    const onChange = EditorView.updateListener.of((update) => {
      if (!update.docChanged || replacing.current) return;
      const text = update.state.doc.toString();
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        onError(`The sample is not JSON: ${errorText(error)}`);
        return;
      }
      onError(null);
      typed.current = value;
      setSample(value, 'Edited by hand');
    });
    const state = EditorState.create({
      doc: format(useMapper.getState().sample),
      extensions: [lineNumbers(), history(), keymap.of([...defaultKeymap, ...historyKeymap]), json(), onChange,
        EditorView.contentAttributes.of({ 'aria-label': 'Sample JSON' })],
    });
    view.current = new EditorView({ state, parent: host.current! });
    return () => { view.current?.destroy(); view.current = null; };
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor || sample === typed.current) return;
    const text = format(sample);
    if (editor.state.doc.toString() === text) return;
    replacing.current = true;
    try {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
    } finally {
      replacing.current = false;
    }
    onError(null);
  }, [sample]);

  return <div className="mp-sample-editor" data-testid="sample-editor" ref={host} />;
}
