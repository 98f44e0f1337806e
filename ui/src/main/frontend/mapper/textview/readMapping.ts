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

/** Where JSON.parse stopped: "line 3 column 5" or "position 42" when the browser's message says so, else found by
 * reading the text again (browsers differ: Chrome names only the token and a snippet). */
function parseErrorAt(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const position = /position (\d+)/.exec(message);
  return lineColumn(text, position ? Number(position[1]) : firstErrorOffset(text));
}

/** The offset of the first character at which `text` stops being JSON (a small reader of the JSON grammar, used only
 * to place an error JSON.parse already found). */
export function firstErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => { throw i; };
  const space = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const literal = (word: string) => { for (const ch of word) { if (text[i] !== ch) fail(); i++; } };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') { for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) { i += k; fail(); } i += 5; continue; }
        if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      } else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match || match[0] === '' || match[0] === '-') fail();
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{') {
      i++; space();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string(); space();
        if (text[i] !== ':') fail();
        i++; value(); space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail();
      }
    }
    if (ch === '[') {
      i++; space();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail();
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
    fail();
  };
  try {
    value();
    space();
    return i < text.length ? i : text.length;
  } catch (offset) {
    return Math.min(offset as number, text.length);
  }
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
    const short = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '');
    return { problem: { message: short, line: at.line, column: at.column } };
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
