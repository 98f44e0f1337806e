import type { MappingDoc } from '../contract';

/** Why a text is not a mapping: the message and, for text that is not JSON, where (1-based line and column). */
export interface TextProblem {
  message: string;
  line: number | null;
  column: number | null;
}

/** Line and column (1-based) of character `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Where JSON.parse stopped, from its message: "… at position 42" (or "line 3 column 5" in newer browsers); the end
 * of the text for "Unexpected end of JSON input". */
function parseErrorAt(text: string, message: string): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const position = /position (\d+)/.exec(message);
  if (position) return lineColumn(text, Number(position[1]));
  if (/end of (JSON )?input|unexpected end/i.test(message)) return lineColumn(text, text.length);
  return null;
}

/** The mapping in `text`, or why it is not one. Only the shape the editor relies on is checked here (a JSON object
 * with schemaVersion 1 and a list of rules, each with a target); everything else is the server's to judge (the
 * preview and the issues list show it). */
export function readMapping(text: string): { document: MappingDoc } | { problem: TextProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = parseErrorAt(text, message);
    return { problem: { message: message.replace(/\s*\(line \d+ column \d+\)/, ''), line: at?.line ?? null, column: at?.column ?? null } };
  }
  const mapping = value as Partial<MappingDoc> | null;
  const problem = (message: string) => ({ problem: { message, line: null, column: null } });
  if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) return problem('The mapping must be a JSON object');
  if (mapping.schemaVersion !== 1) return problem('schemaVersion must be 1');
  if (!Array.isArray(mapping.rules)) return problem('rules must be a list');
  const bad = findRuleWithoutTarget(mapping.rules, 'rules');
  if (bad) return problem(`${bad} needs a target (a string)`);
  return { document: mapping as MappingDoc };
}

function findRuleWithoutTarget(rules: unknown[], path: string): string | null {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as { target?: unknown; rules?: unknown } | null;
    if (!rule || typeof rule !== 'object' || Array.isArray(rule) || typeof rule.target !== 'string' || rule.target === '') return `${path}[${i}]`;
    if (rule.rules !== undefined) {
      if (!Array.isArray(rule.rules)) return `${path}[${i}].rules`;
      const inner = findRuleWithoutTarget(rule.rules, `${path}[${i}].rules`);
      if (inner) return inner;
    }
  }
  return null;
}

/** The document as the text view shows it: JSON indented by two spaces. */
export const formatMapping = (document: MappingDoc | null) => JSON.stringify(document, null, 2) ?? '';
