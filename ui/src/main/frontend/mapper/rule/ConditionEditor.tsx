import { useId } from 'react';
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
  const mode = !condition ? 'none' : condition.expression !== undefined ? 'expression' : 'predicate';
  const fn = functions.find((candidate) => candidate.name === condition?.fn);
  return (
    <div className="mr-condition" data-testid={testId} data-mode={mode}>
      <label id={labelId}>{label}</label>
      <select aria-label={`${label}: kind`} value={mode} disabled={readOnly} data-role="condition-kind"
        onChange={(event) => {
          const next = event.target.value;
          onCommit(next === 'none' ? undefined : next === 'expression' ? { expression: '' } : { from: '', fn: 'isNotEmpty' });
        }}>
        <option value="none">always</option>
        <option value="predicate">when a field…</option>
        <option value="expression">when JavaScript…</option>
      </select>
      {mode === 'predicate' && condition && (
        <span className="mr-condition-predicate">
          <PathInput aria-label={`${label}: field`} value={condition.from ?? ''} options={options} readOnly={readOnly}
            onCommit={(from) => onCommit({ ...condition, from })} />
          <select aria-label={`${label}: test`} value={condition.fn ?? ''} disabled={readOnly} data-role="condition-fn"
            onChange={(event) => onCommit({ from: condition.from, fn: event.target.value })}>
            {predicates(functions).map((predicate) => <option key={predicate.name} value={predicate.name}>{predicate.name}</option>)}
          </select>
          {fn && fn.parameters.length > 0 && (
            <StepArgs fn={fn} step={condition} options={options} readOnly={readOnly}
              onCommit={(args) => onCommit({ from: condition.from, fn: condition.fn, ...(args.length ? { args: args.map((a) => a ?? null) } : {}) })} />
          )}
        </span>
      )}
      {mode === 'expression' && condition && (
        <ExpressionInput name={`${testId}-expression`} labelId={labelId} value={condition.expression ?? ''} mode="raw" readOnly={readOnly}
          placeholder="source.IsGift === true" scope={scope} onCommit={(expression) => onCommit({ expression })} />
      )}
    </div>
  );
}
