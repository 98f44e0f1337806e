import { useState, type ReactElement } from 'react';
import type { Definition, SaveResult } from '../contract';
import { applyMergeChoices, type Side } from './merge';
import { shortJson } from './format';
import './styles';

export type Conflict = Extract<SaveResult, { outcome: 'conflict' }>;

/**
 * The three-way merge after someone else saved since this page loaded: the edits that do not overlap are merged
 * already (`merged`); for each field both sides changed the user keeps their own value ("mine", the default) or
 * the other save's ("theirs"). Accept hands the merged document and the version it builds on to
 * `onResolved` (which saves it); Cancel leaves the working copy as it is.
 */
export function MergeDialog({ conflict, onResolved, onCancel }: {
  conflict: Conflict;
  onResolved(document: Definition, theirsVersion: number): void;
  onCancel(): void;
}): ReactElement {
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const count = conflict.conflicts.length;
  const who = conflict.theirsAuthor ?? 'Someone';
  return (
    <div className="wd-modal-backdrop">
      <div className="wd-dialog wd-merge" role="dialog" aria-modal="true" aria-labelledby="wd-merge-title"
        data-testid="merge-dialog" data-conflicts={count}>
        <h2 id="wd-merge-title">Merge your changes</h2>
        <p>{who} saved version {conflict.theirsVersion} since you opened this page.</p>
        <p data-testid="merge-summary">
          {count === 0
            ? '0 conflicts: your changes and theirs touch different things and were merged.'
            : `${count} ${count === 1 ? 'conflict' : 'conflicts'}: choose which value to keep for each; everything else was merged.`}
        </p>
        {count > 0 && (
          <table className="wd-merge-table">
            <thead>
              <tr><th scope="col">Field</th><th scope="col">Mine</th><th scope="col">Theirs</th></tr>
            </thead>
            <tbody>
              {conflict.conflicts.map((item) => {
                const side = choices[item.key] ?? 'mine';
                const name = `merge-${item.key}`;
                const pick = (next: Side) => setChoices((current) => ({ ...current, [item.key]: next }));
                return (
                  <tr key={item.key} data-testid="merge-conflict" data-key={item.key} data-choice={side}>
                    <th scope="row">{item.label}</th>
                    <td>
                      <label>
                        <input type="radio" name={name} data-testid="keep-mine" checked={side === 'mine'}
                          onChange={() => pick('mine')} aria-label={`Keep mine for ${item.label}`} />
                        <code>{shortJson(item.mine)}</code>
                      </label>
                    </td>
                    <td>
                      <label>
                        <input type="radio" name={name} data-testid="keep-theirs" checked={side === 'theirs'}
                          onChange={() => pick('theirs')} aria-label={`Keep theirs for ${item.label}`} />
                        <code>{shortJson(item.theirs)}</code>
                      </label>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <div className="wd-dialog-buttons">
          <button type="button" data-testid="merge-cancel" onClick={onCancel}>Cancel</button>
          <button type="button" className="wd-primary" data-testid="merge-accept"
            onClick={() => onResolved(applyMergeChoices(conflict.merged, conflict.conflicts, choices), conflict.theirsVersion)}>
            Accept and save
          </button>
        </div>
      </div>
    </div>
  );
}
