// SCAFFOLD: replaced by its owner (see /work/wt/MAPPER.md).
export function VersionsButton() {
  return null;
}
