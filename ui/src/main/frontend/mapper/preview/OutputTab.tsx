/*
 * The preview's output: as a tree (each field with its problems), as JSON, and compared with the output the
 * published (or previous) version gives on the same sample. `preview-output` carries a stable hash of the output and
 * the preview's state, for people and tests alike.
 */
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { MappingProblemInfo, PreviewResult, VersionInfo } from '../contract';
import { useMapper } from '../store';
import { hashJson, previewState } from './livePreview';
import { outputChanges } from './outputDiff';

type View = 'tree' | 'json' | 'compare';

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

export function OutputTab(): ReactElement {
  const preview = useMapper((state) => state.preview);
  const previewing = useMapper((state) => state.previewing);
  const [view, setView] = useState<View>('tree');
  const state = previewState(preview, previewing);
  const output = preview?.output ?? null;
  const hash = useMemo(() => hashJson(output), [output]);
  return (
    <div className="mp-output" data-testid="preview-output" data-hash={hash} data-state={state} data-compiled={String(preview?.compiled ?? false)}>
      <div className="mp-subtabs" role="tablist">
        {(['tree', 'json', 'compare'] as View[]).map((candidate) => (
          <button key={candidate} type="button" role="tab" aria-selected={view === candidate} data-testid={`output-${candidate}-tab`}
            onClick={() => setView(candidate)}>{candidate === 'tree' ? 'Tree' : candidate === 'json' ? 'JSON' : 'Previous version vs this'}</button>
        ))}
        <span className="mp-output-state" data-testid="preview-state">{state === 'pending' ? 'Previewing…' : state === 'error' ? 'Problems' : 'Up to date'}</span>
      </div>
      {preview && !preview.compiled && <ProblemList problems={preview.problems} />}
      {view === 'tree' && preview?.compiled && <OutputTree preview={preview} />}
      {view === 'json' && <pre className="mp-output-json" data-testid="preview-json">{JSON.stringify(output, null, 2)}</pre>}
      {view === 'compare' && <CompareWithVersion />}
    </div>
  );
}

function ProblemList({ problems }: { problems: MappingProblemInfo[] }): ReactElement {
  return (
    <ul className="mp-problems" data-testid="preview-problems">
      {problems.map((problem, index) => (
        <li key={index} data-severity={problem.severity.toLowerCase()}>{problem.path && <code>{problem.path}</code>} {problem.message}</li>
      ))}
    </ul>
  );
}

/** The output as an expandable tree; a field with problems shows them beside its value. */
function OutputTree({ preview }: { preview: PreviewResult }): ReactElement {
  const problems = useMemo(() => {
    const byPath = new Map<string, MappingProblemInfo[]>();
    const add = (path: string, problem: MappingProblemInfo) => byPath.set(path, [...(byPath.get(path) ?? []), problem]);
    preview.fields.forEach((field) => field.problems.forEach((problem) => add(field.targetPath, problem)));
    preview.problems.filter((problem) => problem.origin === 'output').forEach((problem) => add(problem.path, problem));
    return byPath;
  }, [preview]);
  const unplaced = [...problems.entries()].filter(([path]) => !hasPath(preview.output, path));
  return (
    <div className="mp-output-tree" data-testid="preview-tree">
      <OutputNode name={null} path="" value={preview.output} problems={problems} />
      {unplaced.map(([path, list]) => list.map((problem, index) => (
        <div key={`${path}${index}`} className="mp-field-problem" data-testid="field-problem" data-path={path} data-severity={problem.severity.toLowerCase()}>
          <code>{path}</code> {problem.message}
        </div>
      )))}
    </div>
  );
}

function hasPath(value: unknown, path: string): boolean {
  if (!path) return true;
  let current: unknown = value;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (current === null || typeof current !== 'object' || !(part in (current as object))) return false;
    current = (current as Record<string, unknown>)[part];
  }
  return true;
}

function OutputNode({ name, path, value, problems }: { name: string | null; path: string; value: unknown; problems: Map<string, MappingProblemInfo[]> }): ReactElement {
  const own = problems.get(path) ?? [];
  const label = name != null && <span className="mp-output-key">{name}</span>;
  const marks = own.map((problem, index) => (
    <span key={index} className="mp-field-problem" data-testid="field-problem" data-path={path} data-severity={problem.severity.toLowerCase()}>{problem.message}</span>
  ));
  if (value !== null && typeof value === 'object') {
    const entries: [string, unknown, string][] = Array.isArray(value)
      ? value.map((item, index) => [`[${index}]`, item, `${path}[${index}]`])
      : Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, item, path ? `${path}.${key}` : key]);
    const body = entries.map(([key, item, childPath]) => <OutputNode key={key} name={key} path={childPath} value={item} problems={problems} />);
    if (name == null) return <div className="mp-output-root">{body}</div>;
    return (
      <details open className="mp-output-node" data-testid="output-node" data-path={path}>
        <summary>{label} <span className="mp-output-count">{Array.isArray(value) ? `[${value.length}]` : `{${entries.length}}`}</span>{marks}</summary>
        {body}
      </details>
    );
  }
  return (
    <div className="mp-output-node mp-output-leaf" data-testid="output-node" data-path={path}>
      {label}{name != null && ': '}<span className="mp-output-value">{show(value)}</span>{marks}
    </div>
  );
}

/** The published (or previous) version's output on the current sample, against the working copy's. */
function CompareWithVersion(): ReactElement {
  const server = useMapper((state) => state.server);
  const mapping = useMapper((state) => state.mapping);
  const sample = useMapper((state) => state.sample);
  const current = useMapper((state) => state.preview);
  const [versions, setVersions] = useState<VersionInfo[]>([]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [theirs, setTheirs] = useState<PreviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!server) return;
    server.versions().then((list) => {
      setVersions(list);
      const published = list.find((version) => version.published);
      const base = mapping?.baseVersion ?? 0;
      const previous = list.find((version) => version.version < base) ?? list.find((version) => version.version === base);
      setChosen((published ?? previous ?? list[0])?.version ?? null);
    }, (failure: unknown) => setError(String(failure)));
  }, [server, mapping?.baseVersion, mapping?.publishedVersion]);

  useEffect(() => {
    if (!server || chosen == null) return;
    let current = true;
    setTheirs(null);
    server.versionDocument(chosen)
      .then((document) => server.preview(document, sample ?? {}))
      .then((result) => { if (current) { setTheirs(result); setError(null); } }, (failure: unknown) => { if (current) setError(String(failure)); });
    return () => { current = false; };
  }, [server, chosen, sample]);

  const changes = useMemo(() => (theirs && current ? outputChanges(theirs.output, current.output) : []), [theirs, current]);
  return (
    <div className="mp-compare" data-testid="output-compare" data-version={chosen ?? ''} data-state={theirs ? 'ready' : 'pending'} data-changes={changes.length}>
      <label>Compare with
        <select data-testid="compare-version" value={chosen ?? ''} onChange={(event) => setChosen(Number(event.target.value))}>
          {versions.map((version) => (
            <option key={version.version} value={version.version}>v{version.version}{version.published ? ' (published)' : ''}{version.comment ? ` · ${version.comment}` : ''}</option>
          ))}
        </select>
      </label>
      {error && <div className="mp-error">{error}</div>}
      {theirs && !theirs.compiled && <div className="mp-error">v{chosen} does not compile: {theirs.problems.map((problem) => problem.message).join('; ')}</div>}
      {theirs && changes.length === 0 && <p data-testid="output-same">The same output as v{chosen} on this sample.</p>}
      {changes.length > 0 && (
        <table className="mp-compare-table">
          <thead><tr><th>Field</th><th>v{chosen}</th><th>This working copy</th></tr></thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.path} data-testid="output-diff" data-path={change.path} data-kind={change.kind} className={`mp-diff-${change.kind}`}>
                <td><code>{change.path}</code></td><td>{show(change.before)}</td><td>{show(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
