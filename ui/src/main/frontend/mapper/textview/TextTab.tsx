import { useMapper } from '../store';

/** The working copy as mapping JSON. */
export function TextTab() {
  const document = useMapper((state) => state.document);
  return <pre data-testid="text-view">{JSON.stringify(document, null, 2)}</pre>;
}
