import type { TestResult } from '../contract';
import { useMapper } from '../store';

/*
 * Runs every saved test case on the working copy: ~500 ms after the document or the list of test cases last changed
 * (whether the Tests tab is open or not), and on demand (`runTestsNow`, which the toolbar's publish awaits). An
 * answer that arrives after a newer run started is dropped.
 */

const DEBOUNCE_MILLIS = 500;
let timer: ReturnType<typeof setTimeout> | undefined;
let sequence = 0;
let started = false;
let lastError: string | null = null;
const errorListeners = new Set<(error: string | null) => void>();

/** Runs the tests now; answers their results (an empty list when there are none). */
export async function runTestsNow(): Promise<TestResult[]> {
  clearTimeout(timer);
  const { server, document, testCases } = useMapper.getState();
  const run = ++sequence;
  if (!server || !document || testCases.length === 0) {
    useMapper.getState().set({ testResults: testCases.length === 0 ? [] : null });
    return [];
  }
  try {
    const results = (await server.runTests(document)) ?? [];
    if (run === sequence) {
      useMapper.getState().set({ testResults: results });
      report(null);
    }
    return results;
  } catch (error) {
    if (run === sequence) report(`The tests could not run: ${String(error)}`);
    return [];
  }
}

function report(error: string | null) {
  lastError = error;
  errorListeners.forEach((listener) => listener(error));
}

/** Listens to why the last run failed (null once a run succeeds). */
export function onRunError(listener: (error: string | null) => void): () => void {
  errorListeners.add(listener);
  listener(lastError);
  return () => errorListeners.delete(listener);
}

/** Starts running the tests after every change of the document or of the test cases (once per page). */
export function startTestRunner(): void {
  if (started) return;
  started = true;
  useMapper.subscribe((state, previous) => {
    if (state.document === previous.document && state.testCases === previous.testCases) return;
    clearTimeout(timer);
    timer = setTimeout(() => void runTestsNow(), DEBOUNCE_MILLIS);
  });
  if (useMapper.getState().testCases.length > 0) timer = setTimeout(() => void runTestsNow(), DEBOUNCE_MILLIS);
}

/** "no tests", "all passing", "N failing" (or "running…" before the first answer). */
export function summary(testCount: number, results: TestResult[] | null): { text: string; failing: number } {
  if (testCount === 0) return { text: 'no tests', failing: 0 };
  if (results == null) return { text: 'running…', failing: 0 };
  const failing = results.filter((result) => !result.passed).length;
  return { text: failing === 0 ? 'all passing' : `${failing} failing`, failing };
}
