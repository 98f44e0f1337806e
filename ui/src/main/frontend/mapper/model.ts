import type { MappingDoc, Rule } from './contract';

/*
 * The mapping's rules seen from the trees. A tree path writes an array's element as `name[]`
 * (`salesorderdetails[].productid`); the array row itself is `salesorderdetails`. A rule inside a forEach has paths
 * relative to the element (`SellerSKU`), or `$root.…` (the whole record) / `$parent.…` (the enclosing element). These
 * functions find, replace and add rules by tree path, always returning new objects (the store's history shares the
 * rest), and convert both ways between the rules' paths and tree paths.
 */

/** `a[].b[].c` → ["a", "b", "c"]: the loop levels of a tree path, the last one the field inside the innermost loop. */
export function loopLevels(treePath: string): string[] {
  return treePath.split('[].').map((part) => part.replace(/\[\]$/, ''));
}

/** A concrete or rule path as a tree path: `OrderItems[0].SellerSKU` → `OrderItems[].SellerSKU`. */
export function toTreePath(path: string): string {
  return path.replace(/\[\d*\]/g, '[]');
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
 * is null). The loops on the way must exist (see `ensureLoops`). Returns the same document when nothing changes. */
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

/**
 * A rule's source path as a source tree path, inside the loops whose source elements are `elements` (tree paths of
 * the element, outermost first: ["OrderItems[]"]). Null for `$index` and anything that names no field.
 */
export function resolveSourcePath(path: string, elements: string[]): string | null {
  if (!path || path === '$index' || path.startsWith('$index')) return null;
  if (path === '$root') return null;
  if (path.startsWith('$root.')) return toTreePath(path.slice(6));
  let rest = path;
  let level = elements.length - 1;
  while (rest.startsWith('$parent.') || rest === '$parent') {
    level--;
    rest = rest === '$parent' ? '' : rest.slice(8);
  }
  if (!rest) return null;
  const base = level >= 0 ? elements[level] : '';
  return toTreePath(base ? `${base}.${rest}` : rest);
}

/** One rule as the trees see it. */
export interface RuleEntry {
  /** The target tree path it fills (`salesorderdetails[].productid`; a loop: the array row `salesorderdetails`). */
  targetPath: string;
  rule: Rule;
  /** The rule's JSON path in the document (`rules[3].rules[0]`), as definition problems name it. */
  jsonPath: string;
  /** For a loop, the source array row (`OrderItems`); otherwise the source rows of `from` (tree paths). */
  sources: string[];
  /** Source rows read by pipe arguments and conditions (`{from: "OrderTotal.CurrencyCode"}`). */
  argumentSources: string[];
  loop: boolean;
  /** The source element tree paths of the loops around this rule, outermost first. */
  elements: string[];
}

/** Every rule of the document, loops and the rules inside them, with tree paths. */
export function ruleEntries(document: MappingDoc | null): RuleEntry[] {
  const entries: RuleEntry[] = [];
  if (!document) return entries;
  const walk = (rules: Rule[], targetPrefix: string, elements: string[], jsonPrefix: string) => {
    rules.forEach((rule, index) => {
      const jsonPath = `${jsonPrefix}[${index}]`;
      const targetPath = targetPrefix + rule.target;
      const argumentSources: string[] = [];
      for (const step of rule.pipe ?? []) {
        for (const arg of step.args ?? []) {
          const from = arg && typeof arg === 'object' ? (arg as { from?: unknown }).from : undefined;
          if (typeof from === 'string') {
            const resolved = resolveSourcePath(from, elements);
            if (resolved) argumentSources.push(resolved);
          }
        }
      }
      const when = rule.when as { from?: unknown } | undefined;
      if (when && typeof when.from === 'string') {
        const resolved = resolveSourcePath(when.from, elements);
        if (resolved) argumentSources.push(resolved);
      }
      if (rule.forEach !== undefined) {
        const array = resolveSourcePath(rule.forEach, elements);
        entries.push({ targetPath, rule, jsonPath, sources: array ? [array] : [], argumentSources, loop: true, elements });
        walk(rule.rules ?? [], `${targetPath}[].`, array ? [...elements, `${array}[]`] : elements, `${jsonPath}.rules`);
        return;
      }
      const froms = rule.from === undefined ? [] : Array.isArray(rule.from) ? rule.from : [rule.from];
      const sources = froms.map((from) => resolveSourcePath(from, elements)).filter((path): path is string => path !== null);
      entries.push({ targetPath, rule, jsonPath, sources, argumentSources, loop: false, elements });
    });
  };
  walk(document.rules ?? [], '', [], 'rules');
  return entries;
}

/** The source element tree paths of the loops enclosing `targetPath` (outermost first), as far as loops exist. */
export function enclosingElements(document: MappingDoc, targetPath: string): string[] {
  const levels = loopLevels(targetPath.replace(/\[\]$/, ''));
  const elements: string[] = [];
  let rules: Rule[] = document.rules;
  for (let i = 0; i < levels.length - 1; i++) {
    const loop = rules.find((rule) => rule.target === levels[i] && rule.forEach !== undefined);
    if (!loop) break;
    const array = resolveSourcePath(loop.forEach!, elements);
    if (!array) break;
    elements.push(`${array}[]`);
    rules = loop.rules ?? [];
  }
  return elements;
}

/** The source array a loop level reads, as a rule writes it, for every loop enclosing `targetPath`. */
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
 * element when it is inside it, `$parent.…` when inside the enclosing loop's element, `$root.` + the absolute path
 * otherwise. Outside any loop an element field reads the first element (`OrderItems[0].SellerSKU`). With
 * `keepElements` (a forEach path) the remaining `[]` stay: `Shipments[].Packages` iterates over every package.
 */
export function sourceForTarget(document: MappingDoc, sourcePath: string, targetPath: string, keepElements = false): string {
  const elements = enclosingElements(document, targetPath);
  const concrete = (path: string) => (keepElements ? path : path.replace(/\[\]/g, '[0]'));
  const innermost = elements[elements.length - 1];
  if (innermost && sourcePath.startsWith(innermost + '.')) return concrete(sourcePath.slice(innermost.length + 1));
  const parent = elements[elements.length - 2];
  if (parent && sourcePath.startsWith(parent + '.')) return `$parent.${concrete(sourcePath.slice(parent.length + 1))}`;
  return elements.length > 0 ? `$root.${concrete(sourcePath)}` : concrete(sourcePath);
}

/** Why a source row cannot fill a target row inside arrays (null when it can). */
export function connectRefusal(document: MappingDoc, sourcePath: string, targetPath: string): string | null {
  const levels = loopLevels(targetPath);
  const sourceLevels = loopLevels(sourcePath);
  let rules: Rule[] = document.rules;
  for (let depth = 0; depth < levels.length - 1; depth++) {
    const loop = rules.find((rule) => rule.target === levels[depth] && rule.forEach !== undefined);
    if (loop) { rules = loop.rules ?? []; continue; }
    if (sourceLevels.length <= depth + 1) {
      return `${levels.slice(0, depth + 1).join('[].')} is a list: map a source list onto it first`;
    }
    return null;
  }
  return null;
}

/** The document with a loop (forEach rule) for every array level of `targetPath` that has none; a new loop reads the
 * source array at the same depth of `sourcePath` (`OrderItems[].SellerSKU` → `OrderItems`). Returns the same
 * document when a level has no loop and the source has no array at that depth (see `connectRefusal`). */
export function ensureLoops(document: MappingDoc, sourcePath: string, targetPath: string): MappingDoc {
  const levels = loopLevels(targetPath.replace(/\[\]$/, ''));
  const sourceLevels = loopLevels(sourcePath);
  let current = document;
  for (let depth = 0; depth < levels.length - 1; depth++) {
    const loopPath = levels.slice(0, depth + 1).join('[].');
    if (findRule(current, loopPath)?.forEach !== undefined) continue;
    if (sourceLevels.length <= depth + 1) return document;
    const array = sourceLevels.slice(0, depth + 1).join('[].');
    const forEach = sourceForTarget(current, array, loopPath, true);
    current = setRule(current, loopPath, { target: levels[depth], forEach, rules: [] });
  }
  return current;
}

/** The document with the target array row `targetArray` (`salesorderdetails`) filled by a loop over the source
 * array row `sourceArray` (`OrderItems`); the loop's inner rules are kept when it existed. */
export function connectLoop(document: MappingDoc, sourceArray: string, targetArray: string): MappingDoc {
  const target = targetArray.replace(/\[\]$/, '');
  const source = sourceArray.replace(/\[\]$/, '');
  const withParents = ensureLoops(document, `${source}[].x`, `${target}.x`);
  const existing = findRule(withParents, target);
  const forEach = sourceForTarget(withParents, source, target, true);
  const levels = loopLevels(target);
  const { from: _from, value: _value, expression: _expression, pipe: _pipe, valueMap: _valueMap, lookup: _lookup,
    default: _default, ...rest } = existing ?? { target: levels[levels.length - 1] };
  return setRule(withParents, target, { ...rest, forEach, rules: existing?.forEach !== undefined ? existing.rules ?? [] : [] });
}

/** The document with `targetPath` filled from the source tree paths (one: `from` a path; several: `from` a list,
 * which the pipeline starts with). The rule's other settings (pipe, value map, condition) are kept when it existed.
 * A target array row filled from a source array row becomes a loop (see `connectLoop`). */
export function connect(document: MappingDoc, sourcePaths: string[], targetPath: string): MappingDoc {
  if (sourcePaths.length === 0) return document;
  if (targetPath.endsWith('[]') || (sourcePaths.length === 1 && sourcePaths[0].endsWith('[]'))) {
    return connectLoop(document, sourcePaths[0], targetPath);
  }
  const current = ensureLoops(document, sourcePaths[0], targetPath);
  if (connectRefusal(current, sourcePaths[0], targetPath)) return document;
  const existing = findRule(current, targetPath);
  const from = sourcePaths.map((path) => sourceForTarget(current, path, targetPath));
  const levels = loopLevels(targetPath);
  const { value: _value, expression: _expression, forEach: _forEach, rules: _rules, ...rest } = existing ?? { target: levels[levels.length - 1] };
  return setRule(current, targetPath, { ...rest, from: from.length === 1 ? from[0] : from });
}
