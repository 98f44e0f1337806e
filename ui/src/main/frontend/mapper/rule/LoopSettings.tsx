import type { Scope } from '../../shared/expression-input/ExpressionInput';
import { ConditionEditor } from './ConditionEditor';
import { PathInput, type PathOption } from './inputs';
import type { RuleParts, SortKey } from './rules';

/**
 * A forEach rule's settings: the source array (a path with `[]` inside, `Shipments[].Packages`, flattens: one element
 * per package of every shipment), which elements (`where`), their order (`sortBy`: keys, each ascending or
 * descending) and grouping (`groupBy`: one element per distinct value, `{key, items}`).
 */
export function LoopSettings({ rule, arrayOptions, elementOptions, scope, readOnly, update }: {
  rule: RuleParts;
  arrayOptions: PathOption[];
  /** Paths inside one element (for filter, sort and group). */
  elementOptions: PathOption[];
  scope(): Scope;
  readOnly: boolean;
  update(label: string, rule: RuleParts): void;
}) {
  const sortBy = rule.sortBy ?? [];
  const setSort = (label: string, next: SortKey[]) => update(label, { ...rule, sortBy: next.length ? next : undefined });
  const flattens = (rule.forEach ?? '').includes('[]');
  return (
    <section className="mr-section" aria-label="Loop" data-testid="loop-settings" data-source={rule.forEach ?? ''}>
      <h3>Loop</h3>
      <div className="mr-row">
        <label>one element per element of
          <PathInput aria-label="Source array" data-testid="loop-source" value={rule.forEach ?? ''} options={arrayOptions} readOnly={readOnly}
            placeholder="source array (a[].b flattens)"
            onCommit={(forEach) => update(`Loop over ${forEach}`, { ...rule, forEach })} />
        </label>
        {flattens && <span className="mr-chip" data-testid="loop-flatten">flattened</span>}
      </div>
      <ConditionEditor testId="loop-filter" label="Only elements" condition={rule.where} options={elementOptions} scope={scope} readOnly={readOnly}
        onCommit={(where) => update(where ? 'Filter the loop' : 'Remove the loop filter', { ...rule, where })} />
      <div className="mr-loop-sort" data-testid="loop-sort" data-count={sortBy.length}>
        <label>Sort by</label>
        {sortBy.map((key, index) => (
          <span key={index} className="mr-sort-key" data-testid="loop-sort-key" data-path={key.path}>
            <PathInput aria-label={`Sort key ${index + 1}`} value={key.path} options={elementOptions} readOnly={readOnly}
              onCommit={(path) => setSort(`Sort by ${path}`, sortBy.map((k, i) => (i === index ? { ...k, path } : k)))} />
            <select aria-label={`Sort key ${index + 1} order`} value={key.descending ? 'desc' : 'asc'} disabled={readOnly}
              onChange={(event) => setSort('Change the sort order', sortBy.map((k, i) => (i === index ? (event.target.value === 'desc' ? { ...k, descending: true } : { path: k.path }) : k)))}>
              <option value="asc">ascending</option>
              <option value="desc">descending</option>
            </select>
            {!readOnly && <button type="button" aria-label={`Remove sort key ${index + 1}`} onClick={() => setSort('Remove a sort key', sortBy.filter((_, i) => i !== index))}>×</button>}
          </span>
        ))}
        {!readOnly && (
          <PathInput key={sortBy.length} aria-label="Add a sort key" data-testid="loop-sort-add" value="" options={elementOptions} placeholder="+ sort key"
            onCommit={(path) => { if (path) setSort(`Sort by ${path}`, [...sortBy, { path }]); }} />
        )}
      </div>
      <div className="mr-row" data-testid="loop-group">
        <label>Group by
          <PathInput aria-label="Group by" value={rule.groupBy ?? ''} options={elementOptions} readOnly={readOnly} placeholder="no grouping"
            onCommit={(groupBy) => update(groupBy ? `Group by ${groupBy}` : 'Remove the grouping', { ...rule, groupBy: groupBy || undefined })} />
        </label>
        {rule.groupBy && <span className="mr-muted">each element is {'{key, items}'}</span>}
      </div>
    </section>
  );
}
