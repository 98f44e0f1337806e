// SCAFFOLD: replaced by its owner (see /work/wt/MAPPER.md).
export function Toolbar() {
  return <div className="mapper-toolbar" data-testid="mapper-toolbar" />;
}
