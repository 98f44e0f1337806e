import type { Rule } from '../contract';

function argText(arg: unknown): string {
  if (arg && typeof arg === 'object' && typeof (arg as { from?: unknown }).from === 'string') return (arg as { from: string }).from;
  return JSON.stringify(arg);
}

/** A rule in one line, as its target row's chip shows it: `from OrderTotal.Amount · toMinorUnits(OrderTotal.CurrencyCode)`. */
export function ruleSummary(rule: Rule): string {
  const parts: string[] = [];
  if (rule.forEach !== undefined) parts.push(`for each ${rule.forEach}`);
  else if (rule.from !== undefined) parts.push(`from ${Array.isArray(rule.from) ? rule.from.join(' + ') : rule.from}`);
  else if (rule.value !== undefined) parts.push(`= ${JSON.stringify(rule.value)}`);
  else if (rule.expression !== undefined) parts.push('expression');
  for (const step of rule.pipe ?? []) parts.push(`${step.fn}(${(step.args ?? []).map(argText).join(', ')})`);
  if (rule.valueMap !== undefined) parts.push(`map ${typeof rule.valueMap === 'string' ? rule.valueMap : 'inline'}`);
  if (rule.lookup !== undefined) parts.push(`lookup ${rule.lookup}`);
  if (rule.when !== undefined) parts.push('when …');
  if (rule.default !== undefined) parts.push(`default ${JSON.stringify(rule.default)}`);
  return parts.join(' · ');
}
