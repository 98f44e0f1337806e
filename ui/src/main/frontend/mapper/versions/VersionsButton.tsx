/** The mapping's versions (list, compare, restore). */
export function VersionsButton() {
  return <button type="button" data-testid="versions" disabled>Versions</button>;
}
