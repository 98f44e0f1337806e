import { useId, useMemo } from 'react';
import { entryOfSchema, entryOfValue, mergeEntries } from '../../shared/expression-input/scope';
import { ExpressionInput, type Scope } from '../../shared/expression-input/ExpressionInput';
import type { MappingProblemInfo } from '../contract';
import { loopLevels, setRule } from '../model';
import { useMapper } from '../store';
import { ConditionEditor } from './ConditionEditor';
import { CommitInput, PathInput, type PathOption } from './inputs';
import { LoopSettings } from './LoopSettings';
import { PipelineEditor } from './PipelineEditor';
import {
  asRule, constantText, fieldAt, isOnlyWhenPresent, parseConstant, previewFieldOf, resolveSchema, ruleAt, ruleJsonPath,
  schemaFields, show, sourceKind, sourceOptions, sourceValues, withSource, type RuleParts, type SourceKind,
} from './rules';
import { ValueMapEditor } from './ValueMapEditor';
import './rule.css';

/**
 * The selected target's rule: where its value comes from, the function chain with the value after each step, the
 * value map and lookup, the condition ("only when present") and default — or, for an array target, the loop's
 * settings. Every change is one history entry (`apply`); text commits on blur or Enter.
 */
export function RulePanel() {
  const targetPath = useMapper((state) => state.selectedTarget);
  const document = useMapper((state) => state.document);
  const catalog = useMapper((state) => state.catalog);
  const edit = useMapper((state) => state.permissions.edit);
  const preview = useMapper((state) => state.preview);
  const sample = useMapper((state) => state.sample);
  const apply = useMapper((state) => state.apply);
  const sourceSchema = document?.source?.schema;
  const targetSchema = document?.target?.schema;
  const sourceFields = useMemo(() => schemaFields(resolveSchema(catalog, sourceSchema)), [catalog, sourceSchema]);
  const targetFields = useMemo(() => schemaFields(resolveSchema(catalog, targetSchema)), [catalog, targetSchema]);
  const valueLabel = useId();

  if (!document || !targetPath) {
    return (
      <aside className="mapper-rule" data-testid="rule-panel" data-target="">
        <p className="mr-muted">Select a target field to see and edit its rule.</p>
      </aside>
    );
  }

  const readOnly = !edit;
  const rule = ruleAt(document, targetPath);
  const targetField = fieldAt(targetFields, targetPath);
  const isArray = targetPath.endsWith('[]') || targetField?.type === 'array' || rule?.forEach !== undefined;
  const name = loopLevels(targetPath.replace(/\[\]$/, '')).pop()!;
  const targetType = targetField?.type ?? 'any';
  const base: RuleParts = rule ?? (isArray ? { target: name, forEach: '', rules: [] } : { target: name });
  const update = (label: string, next: RuleParts | null) =>
    apply(label, (doc) => setRule(doc, targetPath, next ? asRule(next) : null));

  const options = sourceOptions(document, sourceFields, targetPath, false);
  const jsonPath = ruleJsonPath(document, targetPath);
  const definitionProblems: MappingProblemInfo[] = !preview || !jsonPath ? [] : preview.problems
    .filter((problem) => problem.origin === 'definition' && (problem.path === jsonPath || problem.path.startsWith(jsonPath + '.')))
    .map((problem) => ({ ...problem, path: problem.path.slice(jsonPath.length + 1) }));
  const traced = previewFieldOf(preview, targetPath);
  // a rule whose condition does not hold is traced as one step "when: not met, rule skipped"
  const skipped = !!traced && traced.steps.length > 0 && traced.steps[0].label.startsWith('when:');
  const field = skipped ? null : traced;
  const concrete = targetPath.replace(/\[\]$/, '').replace(/\[\]/g, '[0]');
  const outputProblems = (preview?.problems ?? []).filter((problem) => problem.origin === 'output' && problem.path === concrete
    && !(traced?.problems ?? []).some((known) => known.message === problem.message));
  const scope = (): Scope => ({
    source: mergeEntries(entryOfSchema(resolveSchema(catalog, sourceSchema)), sample != null ? entryOfValue(sample) : undefined),
    root: { detail: 'object', info: 'the whole source record' },
    index: { detail: 'integer', info: 'the element index inside a loop' },
  });

  if (isArray) {
    const elementOptions = sourceOptions(document, sourceFields, targetPath.replace(/\[\]$/, '') + '[].x', false);
    return (
      <aside key={targetPath} className="mapper-rule" data-testid="rule-panel" data-target={targetPath} data-readonly={String(readOnly)}>
        <Header targetPath={targetPath} type="array" mapped={!!rule} readOnly={readOnly} onRemove={() => update(`Unmap ${targetPath}`, null)} />
        <LoopSettings rule={base} readOnly={readOnly} scope={scope}
          arrayOptions={sourceOptions(document, sourceFields, targetPath, true)}
          elementOptions={rule?.forEach ? elementOptions : []}
          update={(label, next) => {
            // an emptied source array would lose the element rules: only the Unmap button removes a loop
            if (next.forEach) update(label, next);
            else if (!rule?.rules?.length) update(label, null);
          }} />
        <p className="mr-muted">The element's fields are mapped in their own rows ({rule?.rules?.length ?? 0} rule{rule?.rules?.length === 1 ? '' : 's'}).</p>
        <Problems problems={definitionProblems.filter((p) => p.path === '' || !p.path.startsWith('rules['))} />
      </aside>
    );
  }

  const kind = sourceKind(rule);
  const values = rule && sample != null ? sourceValues(document, targetPath, sample) : null;
  const lateSteps = field ? field.steps.slice((rule?.pipe?.length ?? 0) + 1) : [];
  const otherProblems = definitionProblems.filter((problem) => !problem.path.startsWith('pipe['));

  return (
    <aside key={targetPath} className="mapper-rule" data-testid="rule-panel" data-target={targetPath} data-readonly={String(readOnly)}>
      <Header targetPath={targetPath} type={targetType} mapped={!!rule} readOnly={readOnly} onRemove={() => update(`Unmap ${targetPath}`, null)} />
      <section className="mr-section" aria-label="Source">
        <h3>Source</h3>
        <div className="mr-row" data-testid="rule-source" data-kind={kind}>
          <select aria-label="Source kind" data-role="source-kind" value={kind} disabled={readOnly}
            onChange={(event) => {
              const next = event.target.value as SourceKind;
              if (next === 'none') update(`Unmap ${targetPath}`, null);
              else if (next === 'path') update(`Map ${targetPath} from a path`, withSource(base, { from: Array.isArray(rule?.from) ? rule!.from[0] ?? '' : '' }));
              else if (next === 'paths') update(`Map ${targetPath} from paths`, withSource(base, { from: typeof rule?.from === 'string' ? [rule.from] : [] }));
              else if (next === 'value') update(`Set ${targetPath} to a value`, withSource(base, { value: targetType === 'string' ? '' : null }));
              else update(`Compute ${targetPath} in JavaScript`, withSource(base, { expression: '' }));
            }}>
            <option value="none">not mapped</option>
            <option value="path">from a path</option>
            <option value="paths">from several paths</option>
            <option value="value">a fixed value</option>
            <option value="expression">JavaScript</option>
          </select>
          {kind === 'path' && (
            <PathInput aria-label="Source path" data-testid="source-path" value={rule!.from as string} options={options} readOnly={readOnly}
              onCommit={(from) => update(`Map ${targetPath} from ${from}`, {
                ...withSource(rule!, { from }),
                // "only when present" follows its source
                ...(isOnlyWhenPresent(rule) ? { when: { from, fn: 'isNotEmpty' } } : {}),
              })} />
          )}
          {kind === 'value' && (
            <CommitInput aria-label="Fixed value" data-testid="source-value-input" value={constantText(rule!.value)} readOnly={readOnly} placeholder={targetType}
              onCommit={(text) => update(`Set ${targetPath}`, withSource(rule!, { value: parseConstant(text, targetType) ?? (targetType === 'string' ? '' : null) }))} />
          )}
        </div>
        {kind === 'paths' && (
          <PathList paths={rule!.from as string[]} options={options} readOnly={readOnly}
            onCommit={(from) => update(`Map ${targetPath} from ${from.join(', ')}`, withSource(rule!, { from }))} />
        )}
        {kind === 'expression' && (
          <div className="mr-expression">
            <span id={valueLabel} className="mr-muted">JavaScript over <code>source</code>, <code>root</code>, <code>index</code></span>
            <ExpressionInput name="rule-expression" labelId={valueLabel} value={rule!.expression ?? ''} mode="raw" readOnly={readOnly}
              placeholder="'Amazon order ' + source.AmazonOrderId" scope={scope}
              onCommit={(expression) => update(`Change ${targetPath}'s expression`, withSource(rule!, { expression }))} />
          </div>
        )}
      </section>
      {rule && kind !== 'none' && (
        <>
          <PipelineEditor targetPath={targetPath} rule={rule} field={field} definitionProblems={definitionProblems} options={options}
            readOnly={readOnly} update={update} />
          <ValueMapEditor rule={rule} sourceValues={typeof rule.from === 'string' ? values : null} targetType={targetType} readOnly={readOnly} update={update} />
          <section className="mr-section" aria-label="Condition and default">
            <h3>Condition and default</h3>
            <label className="mr-row">
              <input type="checkbox" data-testid="only-when-present" checked={isOnlyWhenPresent(rule)}
                disabled={readOnly || typeof rule.from !== 'string' || !rule.from}
                onChange={(event) => update(event.target.checked ? `Fill ${targetPath} only when present` : `Always fill ${targetPath}`,
                  { ...rule, when: event.target.checked ? { from: rule.from as string, fn: 'isNotEmpty' } : undefined })} />
              only when the source is present
            </label>
            <ConditionEditor testId="rule-condition" label="Fill" condition={rule.when} options={options} scope={scope} readOnly={readOnly}
              onCommit={(when) => update(when ? `Condition on ${targetPath}` : `Always fill ${targetPath}`, { ...rule, when })} />
            <label className="mr-row">default
              <CommitInput data-testid="rule-default" aria-label="Default" value={constantText(rule.default)} readOnly={readOnly}
                placeholder="when the result is empty"
                onCommit={(text) => update(text === '' ? `Remove ${targetPath}'s default` : `Default ${targetPath} to ${text}`, { ...rule, default: parseConstant(text, targetType) })} />
            </label>
          </section>
          <section className="mr-section" aria-label="Result">
            <h3>Result on the sample</h3>
            {lateSteps.map((step, index) => (
              <div key={index} className="mr-late-step" data-testid="late-step"><span className="mr-muted">{step.label}</span> {show(step.value)}</div>
            ))}
            <div className="mr-result" data-testid="rule-value"
              data-state={!preview ? 'none' : skipped ? 'skipped' : field && field.value != null ? 'ok' : 'absent'}>
              {!preview ? <span className="mr-muted">no preview yet</span>
                : skipped ? <span className="mr-muted">skipped: the condition does not hold (not in the output)</span>
                : field && field.value != null ? show(field.value) : <span className="mr-muted">nothing (not in the output)</span>}
            </div>
            <Problems problems={[...(traced?.problems ?? []), ...outputProblems, ...otherProblems]} />
          </section>
        </>
      )}
    </aside>
  );
}

function Header({ targetPath, type, mapped, readOnly, onRemove }: { targetPath: string; type: string; mapped: boolean; readOnly: boolean; onRemove(): void }) {
  return (
    <header className="mr-header">
      <code className="mr-target" title={targetPath}>{targetPath}</code>
      <span className="mr-types">{type}</span>
      <span className="mr-spacer" />
      {mapped && !readOnly && <button type="button" data-testid="remove-rule" onClick={onRemove}>Unmap</button>}
      {readOnly && <span className="mr-chip">read only</span>}
    </header>
  );
}

function PathList({ paths, options, readOnly, onCommit }: { paths: string[]; options: PathOption[]; readOnly: boolean; onCommit(paths: string[]): void }) {
  return (
    <ol className="mr-paths">
      {paths.map((path, index) => (
        <li key={index}>
          <PathInput aria-label={`Source path ${index + 1}`} value={path} options={options} readOnly={readOnly}
            onCommit={(text) => onCommit(paths.map((p, i) => (i === index ? text : p)))} />
          {!readOnly && <button type="button" aria-label={`Remove source path ${index + 1}`} onClick={() => onCommit(paths.filter((_, i) => i !== index))}>×</button>}
        </li>
      ))}
      {!readOnly && (
        <li><PathInput key={paths.length} aria-label="Add a source path" value="" options={options} placeholder="+ source path"
          onCommit={(text) => { if (text) onCommit([...paths, text]); }} /></li>
      )}
    </ol>
  );
}

function Problems({ problems }: { problems: MappingProblemInfo[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="mr-problems">
      {problems.map((problem, index) => (
        <li key={index} className={problem.severity === 'ERROR' ? 'mr-error' : 'mr-warning'} data-testid="rule-problem" data-severity={problem.severity}>
          {problem.path ? <code>{problem.path}</code> : null} {problem.message}
        </li>
      ))}
    </ul>
  );
}
