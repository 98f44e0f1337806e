/*
 * The bottom panel: the sample (with its output beside it), the output alone (tree, JSON, previous version vs this),
 * the issues, the test cases and the mapping as text. It runs the live preview while the editor is open.
 */
import { useState, type ReactElement } from 'react';
import { TestsTab } from '../tests/TestsTab';
import { TextTab } from '../textview/TextTab';
import { useIssues } from './issues';
import { IssuesPanel } from './IssuesPanel';
import { useLivePreview } from './livePreview';
import { OutputTab } from './OutputTab';
import { SampleTab } from './SampleTab';
import './preview.css';

type Tab = 'sample' | 'output' | 'issues' | 'tests' | 'text';

export function BottomPanel(): ReactElement {
  useLivePreview();
  const [tab, setTab] = useState<Tab>('sample');
  const issues = useIssues();
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const label: Record<Tab, string> = {
    sample: 'Sample', output: 'Output', issues: `Issues (${issues.length})`, tests: 'Tests', text: 'Text',
  };
  return (
    <section className="mapper-bottom mp-bottom" data-testid="mapper-bottom" data-tab={tab}>
      <div className="mp-tabs" role="tablist" aria-label="Sample, output, issues, tests, text">
        {(Object.keys(label) as Tab[]).map((candidate) => (
          <button key={candidate} type="button" role="tab" aria-selected={tab === candidate} data-testid={`bottom-tab-${candidate}`}
            className={candidate === 'issues' && errors > 0 ? 'mp-tab-errors' : undefined} onClick={() => setTab(candidate)}>{label[candidate]}</button>
        ))}
      </div>
      <div className="mp-tab-body">
        {tab === 'sample' && <div className="mp-split"><SampleTab /><OutputTab /></div>}
        {tab === 'output' && <OutputTab />}
        {tab === 'issues' && <IssuesPanel />}
        {tab === 'tests' && <TestsTab />}
        {tab === 'text' && <TextTab />}
      </div>
    </section>
  );
}
