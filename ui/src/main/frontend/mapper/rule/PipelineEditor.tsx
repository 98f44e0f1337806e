import { useState } from 'react';
import type { FunctionParameter, MappingFunction } from '../../shared/generated/catalog';
import type { MappingProblemInfo, PreviewField } from '../contract';
import { useMapper } from '../store';
import { FunctionPicker } from './FunctionPicker';
import { ArgInput, type PathOption } from './inputs';
import { show, signature, type Arg, type RuleParts, type Step } from './rules';

/**
 * The function chain: one row per step (its function, typed arguments, up/down/remove) and under it the value after
 * that step on the current sample (`preview.fields[].steps[i + 1]`; step 0 of the preview is the source read).
 */
export function PipelineEditor({ targetPath, rule, field, definitionProblems, options, readOnly, update }: {
  targetPath: string;
  rule: RuleParts;
  field: PreviewField | null;
  /** Definition problems of this rule, paths relative to it (`pipe[0].args`). */
  definitionProblems: MappingProblemInfo[];
  options: PathOption[];
  readOnly: boolean;
  update(label: string, rule: RuleParts): void;
}) {
  const functions = useMapper((state) => state.catalog?.functions ?? []);
  const [picking, setPicking] = useState(false);
  const pipe = rule.pipe ?? [];
  const setPipe = (label: string, next: Step[]) => update(label, { ...rule, pipe: next.length ? next : undefined });
  const fieldError = field?.problems.find((problem) => problem.severity === 'ERROR');
  // the preview stops at the step that failed: steps[0] is the source read, so the failing step is steps.length - 1
  const failing = field && fieldError && field.steps.length - 1 < pipe.length ? field.steps.length - 1 : -1;

  return (
    <section className="mr-section" aria-label="Functions">
      <h3>Functions</h3>
      {field && field.steps[0] && (
        <div className="mr-source-value">source value: <span data-testid="source-value">{show(field.steps[0].value)}</span></div>
      )}
      <ol className="mr-steps">
        {pipe.map((step, index) => {
          const fn = functions.find((candidate) => candidate.name === step.fn);
          const value = field?.steps[index + 1];
          const problems = definitionProblems.filter((problem) => problem.path === `pipe[${index}]` || problem.path.startsWith(`pipe[${index}].`));
          return (
            <li key={index} className="mr-step" data-testid="pipeline-step" data-index={index} data-fn={step.fn}>
              <div className="mr-step-head">
                <code className="mr-step-fn" title={fn ? `${signature(fn)}: ${fn.inputType} → ${fn.resultType}. ${fn.description}` : 'unknown function'}>{step.fn}</code>
                {fn && <span className="mr-types">{fn.inputType} → {fn.resultType}</span>}
                <span className="mr-spacer" />
                {!readOnly && (
                  <span className="mr-step-actions">
                    <button type="button" aria-label={`Move ${step.fn} up`} data-testid="step-up" disabled={index === 0}
                      onClick={() => setPipe(`Move ${step.fn} up`, swap(pipe, index, index - 1))}>↑</button>
                    <button type="button" aria-label={`Move ${step.fn} down`} data-testid="step-down" disabled={index === pipe.length - 1}
                      onClick={() => setPipe(`Move ${step.fn} down`, swap(pipe, index, index + 1))}>↓</button>
                    <button type="button" aria-label={`Remove ${step.fn}`} data-testid="step-remove"
                      onClick={() => setPipe(`Remove ${step.fn}`, pipe.filter((_, i) => i !== index))}>×</button>
                  </span>
                )}
              </div>
              {fn && fn.parameters.length > 0 && (
                <StepArgs fn={fn} step={step} options={options} readOnly={readOnly}
                  onCommit={(args) => setPipe(`Change ${step.fn}'s arguments`, pipe.map((s, i) => (i === index ? withArgs(s, args) : s)))} />
              )}
              <div className="mr-step-value" data-testid="step-value" data-state={index === failing ? 'error' : value ? 'ok' : 'none'}>
                {index === failing ? <span className="mr-error">{fieldError!.message}</span> : value ? show(value.value) : ''}
              </div>
              {problems.map((problem, i) => (
                <div key={i} className="mr-error" data-testid="step-problem">{problem.message}</div>
              ))}
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <div className="mr-add-step">
          <button type="button" data-testid="add-step" aria-expanded={picking} onClick={() => setPicking(!picking)}>+ Add function</button>
          {picking && (
            <FunctionPicker targetPath={targetPath} rule={rule} onClose={() => setPicking(false)}
              onPick={(fn) => {
                setPicking(false);
                setPipe(`Add ${fn.name}`, [...pipe, { fn: fn.name }]);
              }} />
          )}
        </div>
      )}
    </section>
  );
}

function swap<T>(list: T[], a: number, b: number): T[] {
  const copy = [...list];
  [copy[a], copy[b]] = [copy[b], copy[a]];
  return copy;
}

function withArgs(step: Step, args: Arg[]): Step {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  const trimmed = args.slice(0, end).map((arg) => (arg === undefined ? null : arg));
  return trimmed.length ? { fn: step.fn, args: trimmed } : { fn: step.fn };
}

/** A step's arguments, one input per parameter; a variadic last parameter takes any number of values. */
export function StepArgs({ fn, step, options, readOnly, onCommit }: {
  fn: MappingFunction;
  step: { args?: Arg[] };
  options: PathOption[];
  readOnly: boolean;
  onCommit(args: Arg[]): void;
}) {
  const args = step.args ?? [];
  const fixed = fn.parameters.filter((p) => !p.variadic);
  const variadic: FunctionParameter | undefined = fn.parameters.find((p) => p.variadic);
  const rest = variadic ? args.slice(fixed.length) : [];
  const set = (index: number, value: Arg) => {
    const next = [...args];
    while (next.length <= index) next.push(undefined);
    next[index] = value;
    onCommit(next);
  };
  return (
    <div className="mr-step-args">
      {fixed.map((parameter, index) => (
        <ArgInput key={parameter.name} parameter={parameter} value={args[index]} options={options} readOnly={readOnly}
          onCommit={(value) => set(index, value)} />
      ))}
      {variadic && rest.map((value, i) => (
        <span key={i} className="mr-variadic">
          <ArgInput parameter={variadic} value={value} options={options} readOnly={readOnly} onCommit={(next) => set(fixed.length + i, next)} />
          {!readOnly && (
            <button type="button" aria-label={`Remove ${variadic.name} ${i + 1}`}
              onClick={() => onCommit(args.filter((_, j) => j !== fixed.length + i))}>×</button>
          )}
        </span>
      ))}
      {variadic && !readOnly && (
        <button type="button" data-testid="add-arg" onClick={() => onCommit([...args.slice(0, Math.max(args.length, fixed.length)).map((a) => a ?? null), ''])}>
          + {variadic.name}
        </button>
      )}
    </div>
  );
}
