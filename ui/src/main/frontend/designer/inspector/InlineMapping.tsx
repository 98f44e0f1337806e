import { useEffect, useId, useState, type ReactElement } from 'react';
import { isDirty, useDesigner } from '../store';
import { useUi } from '../ui-state';
import { NamedPicker } from './fields';

/** Where a rule's value comes from, as the rows offer it (docs/mappings.md: exactly one of from / value / expression). */
export type RuleKind = 'from' | 'value' | 'expression';
const KINDS: { kind: RuleKind; title: string; placeholder: string }[] = [
  { kind: 'from', title: 'From field', placeholder: 'a path in the source, e.g. VendorTxCode' },
  { kind: 'value', title: 'Fixed value', placeholder: 'text, a number, true, false, null or JSON' },
  { kind: 'expression', title: 'Expression', placeholder: "JavaScript over source, e.g. 'Order ' + source.VendorTxCode" },
];
const SOURCE_KEYS = ['from', 'value', 'expression', 'forEach'];

type Rule = Record<string, unknown>;
type MappingDocument = Record<string, unknown> & { rules?: unknown };

/** The inline mapping a map node starts with when its rules are written here: no schemas, so any target is taken. */
export function emptyInlineMapping(nodeName: string): MappingDocument {
  return { schemaVersion: 1, name: `${nodeName} (inline)`, rules: [] };
}

/** The kind of a rule: the first of from / value / expression it has (a forEach rule is not edited here). */
export function kindOf(rule: Rule): RuleKind | 'forEach' {
  if ('forEach' in rule) return 'forEach';
  if ('value' in rule) return 'value';
  if ('expression' in rule) return 'expression';
  return 'from';
}

/** The text a row shows for a rule's source: paths and expressions as written, a constant string as is, any other
 * constant as JSON. */
export function sourceText(rule: Rule, kind: RuleKind | 'forEach'): string {
  const source = rule[kind];
  if (source === undefined) return '';
  return typeof source === 'string' ? source : JSON.stringify(source);
}

/** A fixed value as typed: a number, true, false, null, a JSON object or array is that JSON value; anything else is
 * the text itself. */
export function fixedValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return text;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'string' ? text : parsed;
  } catch {
    return text;
  }
}

/** The rule with its source replaced: `kind` filled from `text`, the other source keys removed, the rest kept. */
export function withSource(rule: Rule, kind: RuleKind, text: string): Rule {
  const next: Rule = { target: rule.target ?? '' };
  next[kind] = kind === 'value' ? fixedValue(text) : text;
  for (const [key, value] of Object.entries(rule)) {
    if (key !== 'target' && !SOURCE_KEYS.includes(key)) next[key] = value;
  }
  return next;
}

function rulesOf(mapping: MappingDocument): Rule[] {
  return Array.isArray(mapping.rules)
    ? mapping.rules.map((rule) => (rule && typeof rule === 'object' && !Array.isArray(rule) ? rule as Rule : {}))
    : [];
}

const LEAVE_WARNING = 'This workflow has unsaved changes. Leave without saving?';

/**
 * The way from a map node to the mapping editor: "Open in mapping editor" when the node names a stored mapping, else
 * "New mapping from this node" (a stored mapping with the schemas around the node; the workflow is saved with the node
 * naming it — unsaved changes with it, after asking). Both open mappings/<id>?workflow=<wid>&node=<nodeId>.
 */
function MappingEditorLink({ nodeId, mappingId, readOnly, onCommit }: {
  nodeId: string; mappingId: string | null; readOnly: boolean; onCommit(next: unknown): void;
}): ReactElement | null {
  const [busy, setBusy] = useState(false);
  const server = useDesigner((state) => state.server);
  if (!server) return null;
  if (mappingId) {
    return (
      <button type="button" className="mapping-editor-link" data-testid="open-mapping-editor" data-mapping={mappingId}
        onClick={() => {
          if (isDirty(useDesigner.getState()) && !window.confirm(LEAVE_WARNING)) return;
          void server.openMapping(mappingId, nodeId);
        }}>Open in mapping editor</button>
    );
  }
  if (readOnly) return null;
  return (
    <button type="button" className="mapping-editor-link" data-testid="new-mapping-from-node" disabled={busy}
      onClick={async () => {
        const state = useDesigner.getState();
        if (!state.document) return;
        if (isDirty(state) && !window.confirm('The workflow is saved with the node naming the new mapping, its unsaved changes too. Continue?')) return;
        setBusy(true);
        try {
          const result = await server.newMappingFromNode(nodeId, state.document, state.workflow?.baseVersion ?? null);
          if (result.outcome === 'refused') {
            useUi.getState().showToast(`No mapping made: ${result.message}`);
          } else if (result.saved.outcome !== 'saved') {
            onCommit(result.mappingId);
            useUi.getState().showToast(`Mapping '${result.mappingName}' made and chosen; the workflow was not saved (${result.saved.outcome}): save it, then open the mapping.`);
          }
        } finally {
          setBusy(false);
        }
      }}>New mapping from this node</button>
  );
}

/** A text committed on blur or Enter, reset when the value changes outside (undo, another row removed). */
function RuleText({ label, value, placeholder, testId, readOnly, multiline, onCommit }: {
  label: string; value: string; placeholder: string; testId: string; readOnly: boolean; multiline?: boolean;
  onCommit(next: string): void;
}): ReactElement {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const done = () => { if (text !== value) onCommit(text); };
  const common = { 'aria-label': label, 'data-testid': testId, value: text, readOnly, placeholder, onBlur: done };
  return multiline
    ? <textarea {...common} rows={2} onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => { if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) done(); }} />
    : <input type="text" {...common} onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => { if (event.key === 'Enter') done(); }} />;
}

/**
 * A map node's `config.mapping`: a stored mapping chosen by name, or rules written here — an inline mapping document
 * edited as rows (target path; from a source field, a fixed value or a JavaScript expression). Each row edit is one
 * `onCommit` of the whole document, so one history entry. Problems the validator names under `config.mapping` show
 * on their rule (or above the rules).
 */
export function InlineMapping({ nodeId, nodeName, labelId, value, choices, readOnly, onCommit }: {
  nodeId: string; nodeName: string; labelId: string; value: unknown; choices: { id: string; name: string }[];
  readOnly: boolean; onCommit(next: unknown): void;
}): ReactElement {
  const modeId = useId();
  // the designer's problems name list elements as segments (config.mapping.rules.2.target); read [2] the same way
  const problems = useDesigner((state) => state.problems)
    .filter((problem) => problem.nodeId === nodeId && problem.field?.startsWith('config.mapping.'))
    .map((problem) => ({ ...problem, field: problem.field!.replace(/\[(\d+)\]/g, '.$1') }));
  const inline = value !== null && typeof value === 'object' && !Array.isArray(value);
  const mapping = (inline ? value : {}) as MappingDocument;
  const rules = rulesOf(mapping);
  const [added, setAdded] = useState<number | null>(null);

  useEffect(() => {
    if (added === null) return;
    document.querySelector<HTMLInputElement>(`[data-testid=map-rule][data-node='${nodeId}'][data-index='${added}'] [data-testid=rule-target]`)?.focus();
    setAdded(null);
  }, [added, nodeId]);

  const commitRules = (next: Rule[]) => onCommit({ ...mapping, rules: next });
  const changeRule = (index: number, rule: Rule) => commitRules(rules.map((current, at) => (at === index ? rule : current)));
  const rowProblems = (index: number) => problems.filter((problem) =>
    problem.field === `config.mapping.rules.${index}` || problem.field.startsWith(`config.mapping.rules.${index}.`));
  const otherProblems = problems.filter((problem) => !/^config\.mapping\.rules\.\d+(\.|$)/.test(problem.field));

  return (
    <div className="inline-mapping">
      <span className="mapping-mode">
        <label htmlFor={modeId}>Mapping given as</label>
        <select id={modeId} data-testid="mapping-mode" value={inline ? 'inline' : 'stored'} disabled={readOnly}
          onChange={(event) => onCommit(event.target.value === 'inline' ? emptyInlineMapping(nodeName) : undefined)}>
          <option value="stored">Stored mapping</option>
          <option value="inline">Rules written here</option>
        </select>
      </span>
      {!inline && <NamedPicker labelId={labelId} value={value} choices={choices} readOnly={readOnly} what="a mapping" onCommit={onCommit} />}
      {!inline && <MappingEditorLink nodeId={nodeId} readOnly={readOnly} onCommit={onCommit}
        mappingId={typeof value === 'string' && choices.some((choice) => choice.id === value) ? value : null} />}
      {inline && (
        <>
          {otherProblems.map((problem) => (
            <div key={problem.field} className="field-error" role="alert" data-testid="mapping-problem" data-name={problem.field}>
              {problem.field.replace(/^config\.mapping\.?/, '') || 'mapping'}: {problem.message}
            </div>
          ))}
          {rules.length === 0 && <p className="pane-empty">No rules yet: add one for each field the output should have.</p>}
          <ol className="map-rules" aria-labelledby={labelId}>
            {rules.map((rule, index) => {
              const kind = kindOf(rule);
              const own = rowProblems(index);
              const number = index + 1;
              return (
                <li key={index} className="map-rule" data-testid="map-rule" data-node={nodeId} data-index={index}
                  data-kind={kind} data-invalid={own.length > 0 ? 'true' : undefined}>
                  <RuleText label={`Target field of rule ${number}`} value={typeof rule.target === 'string' ? rule.target : ''}
                    placeholder="target path, e.g. billingAddress.address1" testId="rule-target" readOnly={readOnly}
                    onCommit={(text) => changeRule(index, { ...rule, target: text.trim() })} />
                  {kind === 'forEach'
                    ? <span className="rule-foreach" data-testid="rule-kind" data-kind="forEach">
                      for each element of {sourceText(rule, 'forEach')} ({Array.isArray(rule.rules) ? rule.rules.length : 0} nested rules, kept as written)
                    </span>
                    : <>
                      <select aria-label={`Source kind of rule ${number}`} data-testid="rule-kind" value={kind} disabled={readOnly}
                        onChange={(event) => changeRule(index, withSource(rule, event.target.value as RuleKind, sourceText(rule, kind)))}>
                        {KINDS.map((option) => <option key={option.kind} value={option.kind}>{option.title}</option>)}
                      </select>
                      <RuleText label={`Source of rule ${number}`} value={sourceText(rule, kind)} testId="rule-source" readOnly={readOnly}
                        multiline={kind === 'expression'} placeholder={KINDS.find((option) => option.kind === kind)!.placeholder}
                        onCommit={(text) => changeRule(index, withSource(rule, kind, text))} />
                    </>}
                  {!readOnly && (
                    <button type="button" data-testid="rule-remove" aria-label={`Remove rule ${number}`} title="Remove this rule"
                      onClick={() => commitRules(rules.filter((_, at) => at !== index))}>✕</button>
                  )}
                  {own.map((problem) => (
                    <div key={problem.field} className="field-error rule-problem" role="alert" data-testid="rule-problem" data-name={problem.field}>
                      {problem.field.replace(`config.mapping.rules.${index}`, '').replace(/^\./, '') || 'rule'}: {problem.message}
                    </div>
                  ))}
                </li>
              );
            })}
          </ol>
          {!readOnly && (
            <button type="button" data-testid="rule-add" onClick={() => {
              commitRules([...rules, { target: '', from: '' }]);
              setAdded(rules.length);
            }}>Add rule</button>
          )}
        </>
      )}
    </div>
  );
}
