// SCAFFOLD: replaced by its owner (see /work/wt/MAPPER.md).
export function BottomPanel() {
  return <div className="mapper-bottom" data-testid="mapper-bottom" />;
}
