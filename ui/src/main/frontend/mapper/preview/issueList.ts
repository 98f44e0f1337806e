/*
 * The issues the panel lists, from the preview's problems: definition problems (named by the mapping's JSON path,
 * shown on the target row of the rule they are in) and output problems (named by the target path). A concrete
 * element path (`items[0].sku`) is shown on its tree row (`items[].sku`).
 */
import type { MappingDoc, MappingProblemInfo, PreviewResult, Rule } from '../contract';

export interface Issue {
  /** The target tree path the issue is about ("" for the mapping as a whole). */
  path: string;
  severity: 'error' | 'warning';
  /** What kind of issue: definition, output, unmapped-required, orphaned, type-mismatch. */
  kind: string;
  message: string;
}

/** "rules[3].rules[0].pipe[1].fn" → the tree path of the target of rules[3].rules[0] ("items[].sku"). */
export function targetOfRulePath(document: MappingDoc, rulePath: string): string {
  let rules: Rule[] | undefined = document.rules;
  const parts: string[] = [];
  let rest = rulePath;
  for (;;) {
    const match = /^\.?rules\[(\d+)\]/.exec(rest);
    if (!match || !rules) break;
    const rule: Rule | undefined = rules[Number(match[1])];
    if (!rule) break;
    parts.push(rule.target);
    rules = rule.rules;
    rest = rest.slice(match[0].length);
  }
  return parts.join('[].');
}

const treePath = (path: string) => path.replace(/\[\d+\]/g, '[]');

function issueOf(document: MappingDoc, problem: MappingProblemInfo): Issue {
  const path = problem.origin === 'definition' ? targetOfRulePath(document, problem.path) : treePath(problem.path);
  return { path, severity: problem.severity === 'ERROR' ? 'error' : 'warning', kind: problem.origin, message: problem.message };
}

/** Every issue of the preview, errors first, each listed once. */
export function previewIssues(document: MappingDoc | null, preview: PreviewResult | null): Issue[] {
  if (!document || !preview) return [];
  const problems = [...preview.problems, ...preview.fields.flatMap((field) => field.problems)];
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const problem of problems) {
    const issue = issueOf(document, problem);
    const key = `${issue.severity}|${issue.path}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
