import type { MappingDoc, Rule, Suggestion } from '../contract';
import { findRule, setRule } from '../model';

/*
 * Auto-map suggestions as rules. A suggestion's paths are the mapping format's: a top-level target is a dotted path
 * (`billingAddress.address1`), a forEach suggestion's `inner` ones are relative to the list's element, and a source
 * may read `$root.…` or `$index`. Accepting one writes exactly the rule the server's `MappingSuggester.toRules` would.
 */

/** The rule a suggestion stands for: `{target, from, pipe?, valueMap?}`, or `{target, forEach, rules}` with its inner
 * suggestions as nested rules. */
export function suggestionRule(suggestion: Suggestion): Rule {
  if (suggestion.inner && suggestion.inner.length > 0) {
    return { target: suggestion.targetPath, forEach: suggestion.sourcePath, rules: suggestion.inner.map(suggestionRule) };
  }
  const rule: Rule = { target: suggestion.targetPath, from: suggestion.sourcePath };
  if (suggestion.pipe && suggestion.pipe.length > 0) rule.pipe = suggestion.pipe as Rule['pipe'];
  if (suggestion.valueMap) rule.valueMap = suggestion.valueMap;
  return rule;
}

/** The target tree path a top-level suggestion fills (a forEach suggestion fills the array row `items[]`). */
export function suggestionTreePath(suggestion: Suggestion): string {
  return suggestion.inner && suggestion.inner.length > 0 ? `${suggestion.targetPath}[]` : suggestion.targetPath;
}

/** The document with every suggestion in `accepted` written as its rule (a rule already there for the target is
 * replaced). */
export function acceptInto(document: MappingDoc, accepted: Suggestion[]): MappingDoc {
  return accepted.reduce((current, suggestion) => setRule(current, suggestion.targetPath, suggestionRule(suggestion)), document);
}

/** The suggestions for targets the document does not fill yet (auto-map never proposes to overwrite a rule). */
export function forUnmappedTargets(document: MappingDoc, suggestions: Suggestion[]): Suggestion[] {
  return suggestions.filter((suggestion) => findRule(document, suggestion.targetPath) === null);
}

/** "from OrderTotal.Amount · toMinorUnits(…)" / "for each OrderItems (3 fields)": what accepting would write. */
export function describeSuggestion(suggestion: Suggestion): string {
  if (suggestion.inner && suggestion.inner.length > 0) {
    return `for each ${suggestion.sourcePath} (${suggestion.inner.length} field${suggestion.inner.length === 1 ? '' : 's'})`;
  }
  const steps = (suggestion.pipe ?? []).map((step) => `${step.fn}(${step.args && step.args.length > 0 ? '…' : ''})`);
  if (suggestion.valueMap) steps.push(`map ${suggestion.valueMap}`);
  return [`from ${suggestion.sourcePath}`, ...steps].join(' · ');
}

/** The confidence as a whole percentage ("87%"). */
export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
