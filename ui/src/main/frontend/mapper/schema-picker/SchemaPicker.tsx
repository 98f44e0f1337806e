/*
 * Choosing one side's schema: a catalog schema, a connector operation's input or output schema, a JSON Schema pasted,
 * or one inferred from the current sample. Before it applies (one undoable edit), it shows what changes: the fields
 * added, removed or retyped, and the rules the new schema orphans.
 */
import { useMemo, useState, type ReactElement } from 'react';
import type { SchemaRef } from '../server';
import { useMapper } from '../store';
import { orphanedRules, resolveSchema, schemaChanges, schemaFields } from './schemaFields';

type Side = 'source' | 'target';
type Way = 'catalog' | 'operation' | 'paste' | 'infer';

interface Candidate {
  schema: SchemaRef;
  label: string;
}

const describe = (ref: SchemaRef | undefined) =>
  ref == null ? 'No schema' : typeof ref === 'string' ? ref : typeof ref.title === 'string' ? `${ref.title} (inline)` : 'Inline JSON Schema';

const errorText = (error: unknown) => String((error as Error)?.message ?? error);

export function SchemaPicker({ side }: { side: Side }): ReactElement {
  const current = useMapper((state) => state.document?.[side]?.schema) as SchemaRef | undefined;
  const edit = useMapper((state) => state.permissions.edit);
  const [open, setOpen] = useState(false);
  const fields = useFieldCount(current);
  return (
    <div className="mp-schema-picker" data-testid="schema-picker" data-side={side} data-schema={typeof current === 'string' ? current : current ? 'inline' : ''}>
      <span className="mp-schema-side">{side === 'source' ? 'Source' : 'Target'}</span>
      <span className="mp-schema-name" data-testid="schema-name" title={describe(current)}>{describe(current)}</span>
      <span className="mp-schema-count">{fields} fields</span>
      {edit && <button type="button" data-testid="schema-change" onClick={() => setOpen(!open)} aria-expanded={open}>Change…</button>}
      {open && <SchemaChooser side={side} current={current} onClose={() => setOpen(false)} />}
    </div>
  );
}

function useFieldCount(ref: SchemaRef | undefined): number {
  const catalog = useMapper((state) => state.catalog);
  return useMemo(() => schemaFields(resolveSchema(ref, catalog)).size, [ref, catalog]);
}

function SchemaChooser({ side, current, onClose }: { side: Side; current: SchemaRef | undefined; onClose: () => void }): ReactElement {
  const catalog = useMapper((state) => state.catalog);
  const hasSample = useMapper((state) => state.sample != null);
  const [way, setWay] = useState<Way>('catalog');
  const [pasted, setPasted] = useState('');
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const operations = useMemo(() => (catalog?.connectors ?? []).flatMap((connector) => connector.operations.flatMap((operation) => [
    { key: `${connector.id}|${operation.id}|output`, label: `${connector.name} · ${operation.name} · output`, schema: operation.outputSchema },
    { key: `${connector.id}|${operation.id}|input`, label: `${connector.name} · ${operation.name} · input`, schema: operation.inputSchema },
  ])).filter((option) => option.schema && Object.keys(option.schema).length > 0)
    .sort((a, b) => Number(b.key.endsWith(side === 'source' ? 'output' : 'input')) - Number(a.key.endsWith(side === 'source' ? 'output' : 'input'))),
  [catalog, side]);

  const usePasted = () => {
    try {
      const schema = JSON.parse(pasted) as unknown;
      if (!schema || typeof schema !== 'object' || Array.isArray(schema)) { setError('A JSON Schema is a JSON object (with "type" and "properties").'); return; }
      setError(null);
      setCandidate({ schema: schema as Record<string, unknown>, label: 'Pasted JSON Schema' });
    } catch (failure) {
      setError(`Not JSON: ${errorText(failure)}`);
    }
  };

  const infer = async () => {
    const { server, sample } = useMapper.getState();
    if (!server) return;
    setBusy(true);
    try {
      const schema = await server.inferSchema(sample ?? {});
      if (!schema || typeof schema !== 'object') { setError('The server inferred no schema from this sample.'); return; }
      if ('error' in schema && typeof schema.error === 'string') { setError(schema.error); return; }
      setError(null);
      setCandidate({ schema, label: `Inferred from ${useMapper.getState().sampleLabel ?? 'the sample'}` });
    } catch (failure) {
      setError(`Could not infer a schema: ${errorText(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  const apply = () => {
    if (!candidate) return;
    useMapper.getState().apply(`Change the ${side} schema to ${candidate.label}`, (document) => ({ ...document, [side]: { schema: candidate.schema } }));
    onClose();
  };

  return (
    <div className="mp-schema-chooser" data-testid="schema-chooser" data-side={side} role="dialog" aria-label={`Choose the ${side} schema`}>
      <div className="mp-subtabs" role="tablist">
        {([['catalog', 'Catalog'], ['operation', 'Connector operation'], ['paste', 'Paste JSON Schema'], ['infer', 'Infer from sample']] as [Way, string][]).map(([candidateWay, label]) => (
          <button key={candidateWay} type="button" role="tab" aria-selected={way === candidateWay} data-testid={`schema-way-${candidateWay}`}
            onClick={() => { setWay(candidateWay); setError(null); }}>{label}</button>
        ))}
      </div>
      {way === 'catalog' && (
        <select data-testid="schema-catalog" aria-label="Catalog schema" value={candidate && typeof candidate.schema === 'string' ? candidate.schema : ''}
          onChange={(event) => event.target.value && setCandidate({ schema: event.target.value, label: event.target.value })}>
          <option value="">Choose a schema…</option>
          {(catalog?.schemas ?? []).map((named) => <option key={named.id} value={named.id}>{named.id}{named.canonical ? ' (canonical)' : ''}</option>)}
        </select>
      )}
      {way === 'operation' && (
        <select data-testid="schema-operation" aria-label="Connector operation" defaultValue=""
          onChange={(event) => { const option = operations.find((candidateOption) => candidateOption.key === event.target.value); if (option) setCandidate({ schema: { title: option.label, ...option.schema }, label: option.label }); }}>
          <option value="">{operations.length ? 'Choose an operation…' : 'No connector operation has a schema'}</option>
          {operations.map((option) => <option key={option.key} value={option.key}>{option.label}</option>)}
        </select>
      )}
      {way === 'paste' && (
        <div className="mp-schema-paste">
          <textarea data-testid="schema-paste" aria-label="JSON Schema" value={pasted} onChange={(event) => setPasted(event.target.value)} placeholder='{"type": "object", "properties": {…}}' />
          <button type="button" data-testid="schema-paste-use" onClick={usePasted}>Use this schema</button>
        </div>
      )}
      {way === 'infer' && (
        <button type="button" data-testid="schema-infer" disabled={busy || !hasSample} onClick={() => void infer()}>
          {hasSample ? 'Infer the types from the current sample' : 'Choose a sample first (Sample tab)'}
        </button>
      )}
      {error && <div className="mp-error" role="alert" data-testid="schema-error">{error}</div>}
      {candidate && <SchemaDiff side={side} current={current} candidate={candidate} />}
      <div className="mp-modal-buttons">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="button" className="mp-primary" data-testid="schema-apply" disabled={!candidate} onClick={apply}>Apply</button>
      </div>
    </div>
  );
}

function SchemaDiff({ side, current, candidate }: { side: Side; current: SchemaRef | undefined; candidate: Candidate }): ReactElement {
  const catalog = useMapper((state) => state.catalog);
  const document = useMapper((state) => state.document);
  const { changes, orphans } = useMemo(() => {
    const before = schemaFields(resolveSchema(current, catalog));
    const after = schemaFields(resolveSchema(candidate.schema, catalog));
    const other = schemaFields(resolveSchema(document?.[side === 'source' ? 'target' : 'source']?.schema as SchemaRef | undefined, catalog));
    const sourceFields = side === 'source' ? after : other;
    const targetFields = side === 'target' ? after : other;
    const orphanedNow = new Set(document ? orphanedRules(document, side === 'source' ? before : other, side === 'target' ? before : other).map((rule) => rule.target) : []);
    const orphanedAfter = document ? orphanedRules(document, sourceFields, targetFields).filter((rule) => rule.side === side && !orphanedNow.has(rule.target)) : [];
    return { changes: schemaChanges(before, after), orphans: orphanedAfter };
  }, [current, candidate, catalog, document, side]);
  const count = (kind: string) => changes.filter((change) => change.kind === kind).length;
  return (
    <div className="mp-schema-diff" data-testid="schema-diff" data-added={count('added')} data-removed={count('removed')} data-retyped={count('retyped')} data-orphans={orphans.length}>
      <p>{count('added')} added, {count('removed')} removed, {count('retyped')} with another type; {orphans.length === 0 ? 'no rule is orphaned.' : `${orphans.length} ${orphans.length === 1 ? 'rule is' : 'rules are'} orphaned:`}</p>
      {orphans.length > 0 && (
        <ul className="mp-orphans">
          {orphans.map((orphan) => (
            <li key={orphan.target} data-testid="orphaned-rule" data-target={orphan.target} data-missing={orphan.missing}>
              {orphan.side === 'source'
                ? <><code>{orphan.target}</code> reads <code>{orphan.missing}</code>, which the new source does not have</>
                : <><code>{orphan.target}</code> is not a field of the new target</>}
            </li>
          ))}
        </ul>
      )}
      <ul className="mp-schema-changes">
        {changes.slice(0, 200).map((change) => (
          <li key={change.path} data-testid="schema-field-change" data-kind={change.kind} data-path={change.path} className={`mp-diff-${change.kind}`}>
            {change.kind === 'added' ? '+' : change.kind === 'removed' ? '−' : '~'} <code>{change.path}</code> {change.kind === 'retyped' ? `${change.before} → ${change.after}` : change.after ?? change.before}
          </li>
        ))}
        {changes.length > 200 && <li>… and {changes.length - 200} more</li>}
      </ul>
    </div>
  );
}
