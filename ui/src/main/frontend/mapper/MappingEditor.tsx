import { useMapper } from './store';
import { Toolbar } from './toolbar/Toolbar';
import { TwoTrees } from './trees/TwoTrees';
import { RulePanel } from './rule/RulePanel';
import { BottomPanel } from './preview/BottomPanel';
import './mapper.css';

/**
 * The mapping editor's layout: the toolbar; the source tree, the lines and the target tree; the selected target's
 * rule; and below, the sample, output, issues, tests and text tabs. Each part reads and edits the one store.
 */
export function MappingEditor() {
  const loaded = useMapper((state) => state.document !== null && state.catalog !== null);
  const edit = useMapper((state) => state.permissions.edit);
  if (!loaded) return <div data-testid="mapping-editor" data-ready="false">Loading…</div>;
  return (
    <div className="mapper" data-testid="mapping-editor" data-ready="true" data-readonly={String(!edit)}>
      <Toolbar />
      <div className="mapper-main">
        <TwoTrees />
        <RulePanel />
      </div>
      <BottomPanel />
    </div>
  );
}
