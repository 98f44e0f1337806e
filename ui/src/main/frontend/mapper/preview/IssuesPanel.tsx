/*
 * The issues panel: every issue of the working copy on the current sample, errors first; a click scrolls the target
 * row into view and selects it (its rule opens). Filters: errors only, unmapped required targets only.
 */
import { useState, type ReactElement } from 'react';
import { useMapper } from '../store';
import { useIssues } from './issues';

export function IssuesPanel(): ReactElement {
  const issues = useIssues();
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [requiredOnly, setRequiredOnly] = useState(false);
  const shown = issues.filter((issue) => (!errorsOnly || issue.severity === 'error') && (!requiredOnly || issue.kind === 'unmapped-required'));
  const go = (path: string) => {
    if (!path) return;
    const store = useMapper.getState();
    store.revealRow('target', path);
    store.selectTarget(path);
  };
  return (
    <div className="mp-issues" data-testid="issues-panel" data-count={issues.length}>
      <div className="mp-issues-filters">
        <label><input type="checkbox" data-testid="issues-errors-only" checked={errorsOnly} onChange={(event) => setErrorsOnly(event.target.checked)} /> Errors only</label>
        <label><input type="checkbox" data-testid="issues-required-only" checked={requiredOnly} onChange={(event) => setRequiredOnly(event.target.checked)} /> Required fields only</label>
        <span className="mp-issues-count">{shown.length} of {issues.length}</span>
      </div>
      {shown.length === 0 ? <p className="mp-empty">{issues.length === 0 ? 'No issues on this sample.' : 'No issue matches the filters.'}</p> : (
        <ul>
          {shown.map((issue, index) => (
            <li key={`${issue.path}|${issue.kind}|${index}`}>
              <button type="button" className="mp-issue" data-testid="issue" data-path={issue.path} data-severity={issue.severity} data-kind={issue.kind}
                onClick={() => go(issue.path)} disabled={!issue.path} title={issue.path ? `Go to ${issue.path}` : 'About the whole mapping'}>
                <span className={`mp-severity mp-severity-${issue.severity}`}>{issue.severity === 'error' ? '✖' : '⚠'}</span>
                {issue.path && <code>{issue.path}</code>}
                <span>{issue.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
