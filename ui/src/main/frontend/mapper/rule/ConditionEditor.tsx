import { useId, useState } from 'react';
import { ExpressionInput, type Scope } from '../../shared/expression-input/ExpressionInput';
import { useMapper } from '../store';
import { PathInput, type PathOption } from './inputs';
import { StepArgs } from './PipelineEditor';
import { predicates, type Condition } from './rules';

/**
 * A condition (a rule's `when`, a loop's `where`): none, a predicate function on a source path
 * (`{from, fn, args}`), or a JavaScript expression (`{expression}`).
 */
export function ConditionEditor({ testId, label, condition, options, scope, readOnly, onCommit }: {
  testId: string;
  label: string;
  condition: Condition | undefined;
  options: PathOption[];
  scope(): Scope;
  readOnly: boolean;
  onCommit(condition: Condition | undefined): void;
}) {
  const functions = useMapper((state) => state.catalog?.functions ?? []);
  const labelId = useId();
  // a condition being written (no field or expression yet) stays here until it is complete
  const [draft, setDraft] = useState<Condition | null>(null);
  const shown = condition ?? draft ?? undefined;
  const mode = !shown ? 'none' : shown.expression !== undefined ? 'expression' : 'predicate';
  const fn = functions.find((candidate) => candidate.name === shown?.fn);
  const commit = (next: Condition) => {
    if (next.expression !== undefined ? next.expression.trim() === '' : !next.from) { setDraft(next); if (condition) onCommit(undefined); return; }
    setDraft(null);
    onCommit(next);
  };
  return (
    <div className="mr-condition" data-testid={testId} data-mode={mode}>
      <label id={labelId}>{label}</label>
      <select aria-label={`${label}: kind`} value={mode} disabled={readOnly} data-role="condition-kind"
        onChange={(event) => {
          const next = event.target.value;
          if (next === 'none') { setDraft(null); onCommit(undefined); }
          else commit(next === 'expression' ? { expression: '' } : { from: condition?.from ?? '', fn: 'isNotEmpty' });
        }}>
        <option value="none">always</option>
        <option value="predicate">when a field…</option>
        <option value="expression">when JavaScript…</option>
      </select>
      {mode === 'predicate' && shown && (
        <span className="mr-condition-predicate">
          <PathInput aria-label={`${label}: field`} value={shown.from ?? ''} options={options} readOnly={readOnly}
            onCommit={(from) => commit({ ...shown, from })} />
          <select aria-label={`${label}: test`} value={shown.fn ?? ''} disabled={readOnly} data-role="condition-fn"
            onChange={(event) => commit({ from: shown.from, fn: event.target.value })}>
            {predicates(functions).map((predicate) => <option key={predicate.name} value={predicate.name}>{predicate.name}</option>)}
          </select>
          {fn && fn.parameters.length > 0 && (
            <StepArgs fn={fn} step={shown} options={options} readOnly={readOnly}
              onCommit={(args) => commit({ from: shown.from, fn: shown.fn, ...(args.length ? { args: args.map((a) => a ?? null) } : {}) })} />
          )}
        </span>
      )}
      {mode === 'expression' && shown && (
        <ExpressionInput name={`${testId}-expression`} labelId={labelId} value={shown.expression ?? ''} mode="raw" readOnly={readOnly}
          placeholder="source.IsGift === true" scope={scope} onCommit={(expression) => commit({ expression })} />
      )}
    </div>
  );
}
