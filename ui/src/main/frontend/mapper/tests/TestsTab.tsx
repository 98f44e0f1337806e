import { useEffect, useState, type ReactElement } from 'react';
import type { OutputDifference, TestCase, TestResult } from '../contract';
import { useMapper } from '../store';
import { onRunError, runTestsNow, startTestRunner, summary } from './runner';
import './tests.css';

startTestRunner();

/**
 * Saved test cases (golden samples) of this mapping: save the current sample and its preview output as a test; every
 * test runs on the working copy after each change; a failing one shows where its output differs from the expected.
 */
export function TestsTab(): ReactElement {
  const testCases = useMapper((state) => state.testCases);
  const results = useMapper((state) => state.testResults);
  const sample = useMapper((state) => state.sample);
  const preview = useMapper((state) => state.preview);
  const edit = useMapper((state) => state.permissions.edit);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => onRunError(setRunError), []);

  const canSave = edit && sample != null && preview != null && preview.compiled && preview.output != null;
  const save = async () => {
    const { server } = useMapper.getState();
    if (!server || !canSave) return;
    const testName = name.trim() || `Test ${testCases.length + 1}`;
    setBusy(true);
    setMessage(null);
    try {
      const saved = await server.saveTestCase(testName, sample, preview!.output);
      if (saved) {
        const current = useMapper.getState().testCases;
        if (!current.some((test) => test.id === saved.id)) useMapper.getState().set({ testCases: [...current, saved] });
      }
      setName('');
      setMessage({ text: `Saved “${testName}”: it expects the output shown now.`, error: false });
      await runTestsNow();
    } catch (error) {
      setMessage({ text: `Could not save the test: ${String(error)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (test: TestCase) => {
    const { server } = useMapper.getState();
    if (!server) return;
    try {
      await server.deleteTestCase(test.id);
      useMapper.getState().set({ testCases: useMapper.getState().testCases.filter((candidate) => candidate.id !== test.id) });
    } catch (error) {
      setMessage({ text: `Could not delete the test: ${String(error)}`, error: true });
    }
  };

  const { text, failing } = summary(testCases.length, results);
  const resultOf = (test: TestCase) => results?.find((result) => result.id === test.id);
  return (
    <section className="mapper-tests" aria-label="Test cases">
      <header className="mapper-tests-header">
        <span className="mapper-tests-summary" data-testid="test-summary" data-failing={failing}
          data-state={testCases.length === 0 ? 'none' : failing > 0 ? 'failing' : results == null ? 'running' : 'passing'}>
          {text}
        </span>
        <button type="button" data-testid="run-tests" disabled={testCases.length === 0} onClick={() => void runTestsNow()}>Run all</button>
        <span className="mapper-tests-spacer" />
        <input type="text" data-testid="test-name" aria-label="Name of the new test" placeholder={`Test ${testCases.length + 1}`}
          value={name} disabled={!edit} onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => { if (event.key === 'Enter') void save(); }} />
        <button type="button" data-testid="save-test" disabled={!canSave || busy} onClick={() => void save()}
          title={canSave ? 'Save the current sample and its output as a test' : 'Needs a sample with a preview output'}>
          Save as test
        </button>
      </header>
      {message && <p className={message.error ? 'mapper-tests-message mapper-tests-error' : 'mapper-tests-message'}
        role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {runError && <p className="mapper-tests-message mapper-tests-error" role="alert">{runError}</p>}
      {testCases.length === 0 && <p className="mapper-tests-empty">No tests yet. Pick a sample whose output is right and save it as a test: every later change is checked against it.</p>}
      <ul className="mapper-tests-list">
        {testCases.map((test) => <TestRow key={test.id} test={test} result={resultOf(test)} edit={edit} onDelete={() => void remove(test)} />)}
      </ul>
    </section>
  );
}

function TestRow({ test, result, edit, onDelete }: { test: TestCase; result: TestResult | undefined; edit: boolean; onDelete(): void }): ReactElement {
  const state = result == null ? 'pending' : result.passed ? 'passed' : 'failed';
  return (
    <li data-testid="test-case" data-id={test.id} data-state={state}>
      <div className="mapper-tests-row">
        <span className="mapper-tests-badge" data-state={state}>{state === 'pending' ? '…' : state === 'passed' ? 'pass' : 'fail'}</span>
        <span className="mapper-tests-name">{test.name}</span>
        {edit && <button type="button" data-testid="delete-test" aria-label={`Delete test ${test.name}`} onClick={onDelete}>Delete</button>}
      </div>
      {result?.error && <p className="mapper-tests-error" data-testid="test-error">{result.error}</p>}
      {result && result.differences.length > 0 && (
        <table className="mapper-tests-diff">
          <thead><tr><th scope="col">Path</th><th scope="col">Expected</th><th scope="col">Actual</th></tr></thead>
          <tbody>{result.differences.map((difference) => <DiffRow key={`${difference.kind}:${difference.path}`} difference={difference} />)}</tbody>
        </table>
      )}
    </li>
  );
}

function DiffRow({ difference }: { difference: OutputDifference }): ReactElement {
  const show = (value: unknown, present: boolean) => (present ? JSON.stringify(value) : <em>(absent)</em>);
  return (
    <tr data-testid="test-diff" data-path={difference.path} data-kind={difference.kind}>
      <td className="mapper-tests-path">{difference.path}</td>
      <td className="mapper-tests-expected">{show(difference.expected, difference.kind !== 'added')}</td>
      <td className="mapper-tests-actual">{show(difference.actual, difference.kind !== 'removed')}</td>
    </tr>
  );
}
