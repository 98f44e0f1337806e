import { useMapper } from '../store';
import { CommitInput } from './inputs';
import { constantText, parseConstant, unmappedValues, valueMapOf, type InlineValueMap, type RuleParts } from './rules';

/**
 * A rule's value map (a named one from the catalog, or one written here: entries, miss policy, default, case) with
 * the coverage chip — the sample's values of the rule's source that the map has no key for — and its lookup table.
 */
export function ValueMapEditor({ rule, sourceValues, targetType, readOnly, update }: {
  rule: RuleParts;
  /** The values the rule's source takes in the sample (every element's, in a loop); null: no sample. */
  sourceValues: unknown[] | null;
  targetType: string;
  readOnly: boolean;
  update(label: string, rule: RuleParts): void;
}) {
  const catalog = useMapper((state) => state.catalog);
  const lookupTables = useMapper((state) => state.lookupTables);
  const valueMap = rule.valueMap;
  const mode = valueMap === undefined ? 'none' : typeof valueMap === 'string' ? 'named' : 'inline';
  const inline = typeof valueMap === 'object' ? valueMap : null;
  const setInline = (label: string, next: InlineValueMap) => update(label, { ...rule, valueMap: next });
  const map = valueMapOf(catalog, valueMap);
  const missing = map && sourceValues ? unmappedValues(sourceValues, map) : null;
  const entries = inline ? Object.entries(inline.entries ?? {}) : [];
  const table = lookupTables.find((candidate) => candidate.name === rule.lookup);

  return (
    <section className="mr-section" aria-label="Value map and lookup">
      <h3>Value map</h3>
      <div className="mr-valuemap" data-testid="value-map-editor" data-mode={mode}>
        <div className="mr-row">
          <select aria-label="Value map" value={mode === 'named' ? `named:${valueMap as string}` : mode} disabled={readOnly} data-role="value-map-kind"
            onChange={(event) => {
              const choice = event.target.value;
              if (choice === 'none') update('Remove the value map', { ...rule, valueMap: undefined });
              else if (choice === 'inline') update('Write a value map', { ...rule, valueMap: { entries: {}, unmapped: 'error' } });
              else update(`Use value map ${choice.slice(6)}`, { ...rule, valueMap: choice.slice(6) });
            }}>
            <option value="none">none</option>
            <option value="inline">written here…</option>
            {mode === 'named' && !catalog?.valueMaps.some((m) => m.name === valueMap) && <option value={`named:${valueMap as string}`}>{valueMap as string}</option>}
            {catalog?.valueMaps.map((named) => <option key={named.name} value={`named:${named.name}`}>{named.name}</option>)}
          </select>
          {missing && (
            <span className="mr-chip" data-testid="coverage-chip" data-count={missing.length} data-state={missing.length ? 'warning' : 'ok'}
              title={missing.length ? `No key for: ${missing.join(', ')}` : 'Every value of the sample has a key'}>
              {missing.length === 0 ? 'all values mapped' : `${missing.length} unmapped value${missing.length === 1 ? '' : 's'}`}
            </span>
          )}
        </div>
        {mode === 'named' && map && (
          <p className="mr-muted">{Object.keys(map.entries).length} keys · {map.caseInsensitive ? 'case-insensitive' : 'case-sensitive'} · a value it does not list: {map.unmapped}</p>
        )}
        {inline && (
          <>
            <table className="mr-entries">
              <thead><tr><th>value</th><th>becomes</th><th /></tr></thead>
              <tbody>
                {entries.map(([key, value], index) => (
                  <tr key={`${index}:${key}`} data-testid="value-map-entry" data-key={key}>
                    <td><CommitInput aria-label={`Key ${index + 1}`} value={key} readOnly={readOnly}
                      onCommit={(text) => setInline(`Rename value ${key}`, { ...inline, entries: Object.fromEntries(entries.map(([k, v], i) => (i === index ? [text, v] : [k, v]))) })} /></td>
                    <td><CommitInput aria-label={`Value of ${key}`} value={constantText(value)} readOnly={readOnly}
                      onCommit={(text) => setInline(`Map ${key}`, { ...inline, entries: { ...inline.entries, [key]: parseConstant(text, targetType) ?? null } })} /></td>
                    <td>{!readOnly && <button type="button" aria-label={`Remove ${key}`}
                      onClick={() => setInline(`Remove value ${key}`, { ...inline, entries: Object.fromEntries(entries.filter((_, i) => i !== index)) })}>×</button>}</td>
                  </tr>
                ))}
                {!readOnly && (
                  <tr className="mr-new-entry">
                    <td><CommitInput key={entries.length} aria-label="New key" data-testid="value-map-new-key" value="" placeholder="add a value…"
                      onCommit={(text) => { if (text !== '' && !(text in inline.entries)) setInline(`Add value ${text}`, { ...inline, entries: { ...inline.entries, [text]: null } }); }} /></td>
                    <td colSpan={2} className="mr-muted">{missing && missing.length > 0 && (
                      <button type="button" data-testid="add-unmapped" onClick={() => setInline('Add the unmapped values', { ...inline, entries: { ...inline.entries, ...Object.fromEntries(missing.map((m) => [m, null])) } })}>
                        + the {missing.length} unmapped
                      </button>
                    )}</td>
                  </tr>
                )}
              </tbody>
            </table>
            <div className="mr-row">
              <label>a value it does not list
                <select aria-label="Miss policy" data-role="miss-policy" value={inline.unmapped ?? 'error'} disabled={readOnly}
                  onChange={(event) => setInline('Change the miss policy', { ...inline, unmapped: event.target.value as InlineValueMap['unmapped'] })}>
                  <option value="error">fails the field</option>
                  <option value="default">becomes the default</option>
                  <option value="passThrough">passes through</option>
                </select>
              </label>
              {inline.unmapped === 'default' && (
                <label>default <CommitInput aria-label="Value map default" value={constantText(inline.default)} readOnly={readOnly}
                  onCommit={(text) => setInline('Change the value map default', { ...inline, default: parseConstant(text, targetType) })} /></label>
              )}
              <label><input type="checkbox" aria-label="Case-insensitive" checked={!!inline.caseInsensitive} disabled={readOnly}
                onChange={(event) => setInline('Change case sensitivity', { ...inline, caseInsensitive: event.target.checked || undefined })} /> ignore case</label>
            </div>
          </>
        )}
      </div>
      <h3>Lookup table</h3>
      <div className="mr-row" data-testid="rule-lookup">
        <select aria-label="Lookup table" value={rule.lookup ?? ''} disabled={readOnly}
          onChange={(event) => update(event.target.value ? `Look up in ${event.target.value}` : 'Remove the lookup', { ...rule, lookup: event.target.value || undefined })}>
          <option value="">none</option>
          {rule.lookup && !table && <option value={rule.lookup}>{rule.lookup} (unknown)</option>}
          {lookupTables.map((candidate) => <option key={candidate.name} value={candidate.name}>{candidate.name} ({candidate.size})</option>)}
        </select>
        {table && <span className="mr-muted" data-testid="lookup-policy">a missing key: {table.missingKey === 'error' ? 'fails the field' : table.missingKey === 'null' ? 'gives null' : 'passes through'}</span>}
      </div>
    </section>
  );
}
