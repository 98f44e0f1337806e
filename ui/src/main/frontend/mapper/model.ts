import type { MappingDoc, Rule } from './contract';

/*
 * The mapping's rules seen from the trees. A tree path writes an array's element as `name[]`
 * (`salesorderdetails[].productid`); a rule inside a forEach has paths relative to the element. These functions find,
 * replace and add rules by tree path, always returning new objects (the store's history shares the rest).
 */

/** `a[].b[].c` → ["a", "b", "c"]: the loop levels of a tree path, the last one the field inside the innermost loop. */
export function loopLevels(treePath: string): string[] {
  return treePath.split('[].').map((part) => part.replace(/\[\]$/, ''));
}

/** The rule that fills a target tree path (a forEach rule for an array row `items[]` or `items`), or null. */
export function findRule(document: MappingDoc, targetPath: string): Rule | null {
  const levels = loopLevels(targetPath.replace(/\[\]$/, ''));
  let rules: Rule[] = document.rules;
  for (let i = 0; i < levels.length - 1; i++) {
    const loop = rules.find((rule) => rule.target === levels[i] && rule.forEach !== undefined);
    if (!loop) return null;
    rules = loop.rules ?? [];
  }
  return rules.find((rule) => rule.target === levels[levels.length - 1]) ?? null;
}

/** The document with the rule for `targetPath` replaced by `rule` (added when there was none, removed when `rule`
 * is null). The loops on the way must exist (see `ensureLoop`). Returns the same document when nothing changes. */
export function setRule(document: MappingDoc, targetPath: string, rule: Rule | null): MappingDoc {
  const levels = loopLevels(targetPath.replace(/\[\]$/, ''));
  const rules = replaceIn(document.rules, levels, rule);
  return rules === document.rules ? document : { ...document, rules };
}

function replaceIn(rules: Rule[], levels: string[], rule: Rule | null): Rule[] {
  const [head, ...rest] = levels;
  if (rest.length === 0) {
    const index = rules.findIndex((candidate) => candidate.target === head);
    if (index < 0) return rule ? [...rules, rule] : rules;
    if (rules[index] === rule) return rules;
    return rule ? rules.map((candidate, i) => (i === index ? rule : candidate)) : rules.filter((_, i) => i !== index);
  }
  const index = rules.findIndex((candidate) => candidate.target === head && candidate.forEach !== undefined);
  if (index < 0) return rules;
  const loop = rules[index];
  const inner = replaceIn(loop.rules ?? [], rest, rule);
  if (inner === loop.rules) return rules;
  return rules.map((candidate, i) => (i === index ? { ...loop, rules: inner } : candidate));
}

/** The source array a loop level reads, as a tree path (`OrderItems[]`), for every loop enclosing `targetPath`. */
export function enclosingLoops(document: MappingDoc, targetPath: string): { target: string; forEach: string }[] {
  const levels = loopLevels(targetPath.replace(/\[\]$/, ''));
  const loops: { target: string; forEach: string }[] = [];
  let rules: Rule[] = document.rules;
  for (let i = 0; i < levels.length - 1; i++) {
    const loop = rules.find((rule) => rule.target === levels[i] && rule.forEach !== undefined);
    if (!loop) break;
    loops.push({ target: levels.slice(0, i + 1).join('[].'), forEach: loop.forEach! });
    rules = loop.rules ?? [];
  }
  return loops;
}

/**
 * A source tree path as a rule inside the loops enclosing `targetPath` reads it: relative to the innermost loop's
 * element when it is inside that loop's source array, `$root.` + the absolute path otherwise. Outside any loop an
 * element field reads the first element (`OrderItems[0].SellerSKU`).
 */
export function sourceForTarget(document: MappingDoc, sourcePath: string, targetPath: string): string {
  const loops = enclosingLoops(document, targetPath);
  let prefix = '';
  for (const loop of loops) prefix = prefix ? `${prefix}[].${loop.forEach}` : loop.forEach;
  if (prefix && sourcePath.startsWith(prefix + '[].')) return sourcePath.slice(prefix.length + 3).replace(/\[\]/g, '[0]');
  const absolute = sourcePath.replace(/\[\]/g, '[0]');
  return loops.length > 0 ? `$root.${absolute}` : absolute;
}

/** The document with a loop (forEach rule) for every array level of `targetPath` that has none; a new loop reads the
 * source array at the same depth of `sourcePath` (`OrderItems[].SellerSKU` → `OrderItems`). */
export function ensureLoops(document: MappingDoc, sourcePath: string, targetPath: string): MappingDoc {
  const levels = loopLevels(targetPath.replace(/\[\]$/, ''));
  const sourceLevels = loopLevels(sourcePath);
  let current = document;
  for (let depth = 0; depth < levels.length - 1; depth++) {
    const loopPath = levels.slice(0, depth + 1).join('[].') + '[]';
    if (findRule(current, loopPath)) continue;
    const forEach = sourceLevels.length > depth + 1 ? sourceLevels[depth] : sourceLevels[0];
    current = setRule(current, loopPath, { target: levels[depth], forEach, rules: [] });
  }
  return current;
}

/** The document with `targetPath` filled from the source tree paths (one: `from` a path; several: `from` a list,
 * which the pipeline starts with). The rule's other settings (pipe, value map, condition) are kept when it existed. */
export function connect(document: MappingDoc, sourcePaths: string[], targetPath: string): MappingDoc {
  if (targetPath.endsWith('[]') || sourcePaths.length === 1 && sourcePaths[0].endsWith('[]')) {
    const levels = loopLevels(targetPath.replace(/\[\]$/, ''));
    const withParents = ensureLoops(document, sourcePaths[0] + '.x', targetPath.replace(/\[\]$/, '') + '[].x');
    const loop = findRule(withParents, targetPath);
    const source = sourceForTarget(withParents, sourcePaths[0].replace(/\[\]$/, ''), targetPath.replace(/\[\]$/, ''));
    const forEach = source.replace(/\[0\]$/, '');
    return setRule(withParents, targetPath, { ...(loop ?? { target: levels[levels.length - 1], rules: [] }), forEach });
  }
  let current = ensureLoops(document, sourcePaths[0], targetPath);
  const existing = findRule(current, targetPath);
  const from = sourcePaths.map((path) => sourceForTarget(current, path, targetPath));
  const { value: _value, expression: _expression, ...rest } = existing ?? { target: loopLevels(targetPath).pop()! };
  current = setRule(current, targetPath, { ...rest, from: from.length === 1 ? from[0] : from });
  return current;
}
