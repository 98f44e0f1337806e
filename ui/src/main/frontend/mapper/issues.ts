import { useMemo } from 'react';
import type { MappingDoc, MappingProblemInfo, PreviewResult } from './contract';
import { ruleEntries, toTreePath } from './model';
import type { FieldRow, SideFields } from './schema/fields';
import { useSideFields } from './schema/useSideFields';
import { useMapper } from './store';

/*
 * The mapping's issues, for the target rows' `data-state` and the issues panel: definition problems (the preview's
 * answer when the mapping does not compile, and its warnings when it does), output problems of the current sample,
 * unmapped required targets, orphaned rules (a target or source path the schema does not have) and type mismatches
 * a rule has no function for.
 */

export type IssueKind = 'definition' | 'output' | 'unmapped-required' | 'orphaned' | 'type-mismatch';

export interface Issue {
  /** A tree path of `side` (a target row for most; a source row for an orphaned source), or the rule's JSON path when
   * no row is known. */
  path: string;
  severity: 'error' | 'warning';
  kind: IssueKind;
  message: string;
  side: 'source' | 'target';
  /** The code of a server problem (`UnknownFunction`), when it came from one. */
  code?: string;
}

/** What a target row shows: its worst issue. */
export type TargetState = 'ok' | 'error' | 'warning' | 'orphaned' | 'unmapped-required';

const NUMERIC = new Set(['number', 'integer']);

/** Whether a value of type `from` may fill a field of type `to` without a function converting it. */
export function typeFits(from: FieldRow, to: FieldRow): boolean {
  if (to.type === 'any' || from.type === 'any') return true;
  if (from.types.some((type) => to.types.includes(type))) return true;
  if (to.type === 'number' && from.type === 'integer') return true;
  if (to.type === 'string' && (NUMERIC.has(from.type) || from.type === 'boolean')) return true;
  return false;
}

function hasRows(fields: SideFields): boolean {
  return fields.schema !== null && fields.rows.length > 0;
}

export function computeIssues(document: MappingDoc | null, preview: PreviewResult | null, source: SideFields, target: SideFields): Issue[] {
  const issues: Issue[] = [];
  if (!document) return issues;
  const entries = ruleEntries(document);
  const byJsonPath = entries.map((entry) => entry.jsonPath).sort((a, b) => b.length - a.length);
  const entryFor = (jsonPath: string) => {
    const owner = byJsonPath.find((candidate) => jsonPath === candidate || jsonPath.startsWith(candidate + '.') || jsonPath.startsWith(candidate + '['));
    return owner ? entries.find((entry) => entry.jsonPath === owner) ?? null : null;
  };
  const problem = (info: MappingProblemInfo): Issue => {
    if (info.origin === 'definition') {
      const entry = entryFor(info.path);
      return { path: entry ? entry.targetPath : info.path, severity: info.severity === 'ERROR' ? 'error' : 'warning',
        kind: 'definition', message: info.message, side: 'target', code: info.code };
    }
    return { path: toTreePath(info.path), severity: info.severity === 'ERROR' ? 'error' : 'warning', kind: 'output',
      message: info.message, side: 'target', code: info.code };
  };
  const seen = new Set<string>();
  const add = (issue: Issue) => {
    const key = `${issue.kind}|${issue.side}|${issue.path}|${issue.message}`;
    if (!seen.has(key)) { seen.add(key); issues.push(issue); }
  };
  for (const info of preview?.problems ?? []) add(problem(info));
  for (const field of preview?.fields ?? []) for (const info of field.problems ?? []) add(problem(info));

  const mapped = new Set(entries.map((entry) => entry.targetPath));
  if (hasRows(target)) {
    for (const entry of entries) {
      if (!target.byPath.has(entry.targetPath)) {
        add({ path: entry.targetPath, severity: 'error', kind: 'orphaned', side: 'target',
          message: `The rule fills ${entry.targetPath}, which the target schema does not have` });
      }
    }
    for (const row of target.rows) {
      if (!row.required || mapped.has(row.path) || (row.hasChildren && descendantMapped(row.path, mapped))) continue;
      // Inside an object or a list nothing fills yet, a required field is not asked for (the container is).
      if (row.parent && !mapped.has(row.parent) && !descendantMapped(row.parent, mapped)) continue;
      add({ path: row.path, severity: 'error', kind: 'unmapped-required', side: 'target',
        message: `${row.path} is required and no rule fills it` });
    }
  }
  if (hasRows(source)) {
    for (const entry of entries) {
      for (const sourcePath of [...entry.sources, ...entry.argumentSources]) {
        if (!source.byPath.has(sourcePath)) {
          add({ path: entry.targetPath, severity: 'error', kind: 'orphaned', side: 'target',
            message: `The rule reads ${sourcePath}, which the source schema does not have` });
        }
      }
    }
  }
  if (hasRows(source) && hasRows(target)) {
    for (const entry of entries) {
      if (entry.loop || entry.sources.length !== 1 || (entry.rule.pipe?.length ?? 0) > 0 || entry.rule.valueMap || entry.rule.lookup) continue;
      const from = source.byPath.get(entry.sources[0]);
      const to = target.byPath.get(entry.targetPath);
      if (from && to && !typeFits(from, to)) {
        add({ path: entry.targetPath, severity: 'warning', kind: 'type-mismatch', side: 'target',
          message: `${entry.sources[0]} is ${from.type}, ${entry.targetPath} takes ${to.type}: add a function that converts it` });
      }
    }
  }
  return issues;
}

function descendantMapped(path: string, mapped: Set<string>): boolean {
  for (const candidate of mapped) if (candidate.startsWith(path + '.') || candidate.startsWith(path + '[].')) return true;
  return false;
}

/** The state a target row shows: orphaned and unmapped-required first, then the worst severity. */
export function targetStates(issues: Issue[]): Map<string, TargetState> {
  const rank: Record<TargetState, number> = { ok: 0, warning: 1, error: 2, 'unmapped-required': 3, orphaned: 4 };
  const states = new Map<string, TargetState>();
  for (const issue of issues) {
    if (issue.side !== 'target') continue;
    const state: TargetState = issue.kind === 'orphaned' ? 'orphaned' : issue.kind === 'unmapped-required' ? 'unmapped-required' : issue.severity;
    const current = states.get(issue.path) ?? 'ok';
    if (rank[state] > rank[current]) states.set(issue.path, state);
  }
  return states;
}

/** The issue list of the working copy and its current preview. */
export function useIssues(): Issue[] {
  const document = useMapper((state) => state.document);
  const preview = useMapper((state) => state.preview);
  const source = useSideFields('source');
  const target = useSideFields('target');
  return useMemo(() => computeIssues(document, preview, source, target), [document, preview, source, target]);
}
