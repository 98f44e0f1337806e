// SCAFFOLD: replaced by its owner (see /work/wt/MAPPER.md).
export function TwoTrees() {
  return <div className="mapper-trees" data-testid="mapper-trees" />;
}
