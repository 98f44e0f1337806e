/*
 * Problems: after each edit (debounced; the document only changes at commit points) the server validates the working
 * copy; the panel lists every problem, and a click opens the inspector on the node and field it names.
 */
import { useEffect, type ReactElement } from 'react';
import { useDesigner } from '../store';
import { useUi } from '../ui-state';
import { focusNode } from '../commands/actions';

const DEBOUNCE_MILLIS = 300;

export function useValidation(): void {
  const document = useDesigner((state) => state.document);
  const server = useDesigner((state) => state.server);
  useEffect(() => {
    if (!document || !server || document === useDesigner.getState().checked) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      server.validate(document).then((problems) => {
        if (current && useDesigner.getState().document === document) useDesigner.getState().set({ problems: problems ?? [], checked: document });
      }).catch(() => { /* the channel reports its own errors; keep the last problems */ });
    }, DEBOUNCE_MILLIS);
    return () => { current = false; clearTimeout(timer); };
  }, [document, server]);
}

export function ProblemsPanel(): ReactElement {
  const problems = useDesigner((state) => state.problems);
  const nodes = useDesigner((state) => state.document?.nodes);
  const nameOf = (id: string | null) => (id == null ? 'Workflow' : id === 'trigger' ? 'Trigger' : nodes?.find((n) => n.id === id)?.name ?? id);
  return (
    <section className="wd-problems" data-testid="problems-panel" aria-label="Problems">
      <h2>{problems.length === 0 ? 'No problems' : problems.length === 1 ? '1 problem' : `${problems.length} problems`}</h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.path}-${index}`}>
            <button type="button" data-testid="problem" data-node={problem.nodeId ?? undefined} data-field={problem.field ?? undefined}
              onClick={() => {
                if (!problem.nodeId) return;
                focusNode(problem.nodeId, false);
                useDesigner.getState().inspect(problem.nodeId, problem.field);
                useUi.getState().open({ panel: 'inspector' });
              }}>
              <strong>{nameOf(problem.nodeId)}</strong>{problem.field ? <code>{problem.field}</code> : null}
              <span>{problem.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
