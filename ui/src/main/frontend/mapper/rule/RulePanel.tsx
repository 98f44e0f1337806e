// SCAFFOLD: replaced by its owner (see /work/wt/MAPPER.md).
export function RulePanel() {
  return <aside className="mapper-rule" data-testid="rule-panel" />;
}
