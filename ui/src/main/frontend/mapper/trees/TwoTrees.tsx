import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useIssues, targetStates } from '../issues';
import { connect, connectRefusal, findRule, ruleEntries, setRule, toTreePath, type RuleEntry } from '../model';
import type { FieldRow, SideFields } from '../schema/fields';
import { ancestorsOf } from '../schema/fields';
import { useSideFields } from '../schema/useSideFields';
import { useMapper } from '../store';
import { FieldTree, type RowInfo, type TreeHandle } from './FieldTree';
import { Gutter, type GutterContext, type GutterHandle, type LineSpec } from './Gutter';
import { proposeConversion, type Proposal } from './proposal';
import { ruleSummary } from './ruleSummary';
import { searchIndex, treeView, type SortOrder } from './visibleRows';
import './trees.css';

type Side = 'source' | 'target';

interface PendingProposal { sources: string[]; target: string; proposal: Proposal; top: number }
interface DragState { sources: string[]; x0: number; y0: number; x: number; y: number; over: string | null }

function suggestionLines(suggestions: ReturnType<typeof useMapper.getState>['suggestions'], mapped: Set<string>): LineSpec[] {
  const lines: LineSpec[] = [];
  const walk = (list: typeof suggestions, targetPrefix: string, sourcePrefix: string) => {
    for (const suggestion of list) {
      const target = targetPrefix + toTreePath(suggestion.targetPath);
      const source = sourcePrefix + toTreePath(suggestion.sourcePath);
      if (!mapped.has(target)) lines.push({ sources: [source], target, suggested: true, loop: (suggestion.inner ?? []).length > 0 });
      if ((suggestion.inner ?? []).length > 0) walk(suggestion.inner, `${target}[].`, `${source}[].`);
    }
  };
  walk(suggestions, '', '');
  return lines;
}

function describeSchema(fields: SideFields, ref: unknown): string {
  const title = typeof fields.schema?.title === 'string' ? fields.schema.title : null;
  if (typeof ref === 'string') return title ? `${title}` : ref;
  return title ?? (ref ? 'Inline schema' : 'No schema');
}

/**
 * The source tree, the lines between, and the target tree. Maps by drag (source row onto target row), by click
 * (select sources, then "map here" on a target) and by keyboard (Enter on a source row selects it, Enter on a target
 * row maps the selected sources onto it); a drop whose types do not fit proposes a converting function first.
 */
export function TwoTrees() {
  const document = useMapper((state) => state.document);
  const catalog = useMapper((state) => state.catalog);
  const editable = useMapper((state) => state.permissions.edit);
  const selectedSources = useMapper((state) => state.selectedSources);
  const selectedTarget = useMapper((state) => state.selectedTarget);
  const hoveredTarget = useMapper((state) => state.hoveredTarget);
  const preview = useMapper((state) => state.preview);
  const suggestions = useMapper((state) => state.suggestions);
  const reveal = useMapper((state) => state.reveal);
  const sourceFields = useSideFields('source');
  const targetFields = useSideFields('target');
  const issues = useIssues();

  const [collapsed, setCollapsed] = useState<Record<Side, Set<string>>>({ source: new Set(), target: new Set() });
  const [query, setQuery] = useState<Record<Side, string>>({ source: '', target: '' });
  const [mappedOnly, setMappedOnly] = useState(false);
  const [sort, setSort] = useState<SortOrder>('schema');
  const [active, setActive] = useState<Record<Side, string | null>>({ source: null, target: null });
  const [pending, setPending] = useState<PendingProposal | null>(null);
  const [drag, setDrag] = useState<DragState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const root = useRef<HTMLDivElement>(null);
  const trees = { source: useRef<TreeHandle>(null), target: useRef<TreeHandle>(null) };
  const gutter = useRef<GutterHandle>(null);
  const scrollAfterRender = useRef<{ side: Side; path: string } | null>(null);

  const entries = useMemo(() => ruleEntries(document), [document]);
  const targetEntries = useMemo(() => new Map(entries.map((entry) => [entry.targetPath, entry])), [entries]);
  const usedSources = useMemo(() => new Set(entries.flatMap((entry) => [...entry.sources, ...entry.argumentSources])), [entries]);
  const states = useMemo(() => targetStates(issues), [issues]);
  const issueText = useMemo(() => {
    const text = new Map<string, string>();
    for (const issue of issues) if (issue.side === 'target' && !text.has(issue.path)) text.set(issue.path, issue.message);
    return text;
  }, [issues]);

  const sourceFuse = useMemo(() => searchIndex(sourceFields.rows), [sourceFields]);
  const targetFuse = useMemo(() => searchIndex(targetFields.rows), [targetFields]);
  const sourceView = useMemo(() => treeView(sourceFields.rows, sourceFuse, {
    query: query.source, collapsed: collapsed.source, sort, mappedOnly, mapped: (path) => usedSources.has(path),
  }), [sourceFields, sourceFuse, query.source, collapsed.source, sort, mappedOnly, usedSources]);
  const targetView = useMemo(() => treeView(targetFields.rows, targetFuse, {
    query: query.target, collapsed: collapsed.target, sort, mappedOnly, mapped: (path) => targetEntries.has(path),
  }), [targetFields, targetFuse, query.target, collapsed.target, sort, mappedOnly, targetEntries]);

  const highlighted = useMemo(() => {
    const paths = new Set<string>();
    if (!hoveredTarget || !preview) return paths;
    for (const field of preview.fields ?? []) {
      const target = toTreePath(field.targetPath);
      if (target === hoveredTarget || target.startsWith(hoveredTarget + '[].') || target.startsWith(hoveredTarget + '.')) {
        for (const source of field.sourcePaths ?? []) paths.add(toTreePath(source));
      }
    }
    return paths;
  }, [hoveredTarget, preview]);

  const lines = useMemo<LineSpec[]>(() => [
    ...entries.filter((entry) => entry.sources.length > 0).map((entry) => ({ sources: entry.sources, target: entry.targetPath, suggested: false, loop: entry.loop })),
    ...suggestionLines(suggestions, new Set(targetEntries.keys())),
  ], [entries, suggestions, targetEntries]);
  const loops = useMemo<RuleEntry[]>(() => entries.filter((entry) => entry.loop), [entries]);

  const context = useRef<GutterContext>({ sourceView, targetView, sourcePane: null, targetPane: null, lines, loops, hoveredTarget, selectedTarget });
  context.current = {
    sourceView, targetView, lines, loops, hoveredTarget, selectedTarget,
    sourcePane: trees.source.current?.scrollElement() ?? null,
    targetPane: trees.target.current?.scrollElement() ?? null,
  };
  const schedule = useCallback(() => gutter.current?.schedule(), []);
  useLayoutEffect(() => {
    context.current.sourcePane = trees.source.current?.scrollElement() ?? null;
    context.current.targetPane = trees.target.current?.scrollElement() ?? null;
    schedule();
  });
  useEffect(() => {
    if (!root.current) return;
    const observer = new ResizeObserver(schedule);
    observer.observe(root.current);
    window.addEventListener('resize', schedule);
    return () => { observer.disconnect(); window.removeEventListener('resize', schedule); };
  }, [schedule]);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 5000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  // Reveal a row (issues panel, search): clear what hides it, expand its parents, scroll it into view and select it.
  useEffect(() => {
    if (!reveal) return;
    const { side, path } = reveal;
    const fields = side === 'source' ? sourceFields : targetFields;
    const row = fields.byPath.get(path) ?? fields.byPath.get(toTreePath(path));
    if (!row) return;
    const view = side === 'source' ? sourceView : targetView;
    if (!view.index.has(row.path)) {
      setQuery((q) => ({ ...q, [side]: '' }));
      setMappedOnly(false);
    }
    setCollapsed((c) => {
      const next = new Set(c[side]);
      for (const ancestor of ancestorsOf(row.path)) next.delete(ancestor);
      return { ...c, [side]: next };
    });
    setActive((a) => ({ ...a, [side]: row.path }));
    if (side === 'target') useMapper.getState().selectTarget(row.path);
    else useMapper.getState().selectSource(row.path);
    scrollAfterRender.current = { side, path: row.path };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal]);
  useLayoutEffect(() => {
    const pendingScroll = scrollAfterRender.current;
    if (!pendingScroll) return;
    const view = pendingScroll.side === 'source' ? sourceView : targetView;
    if (!view.index.has(pendingScroll.path)) return;
    scrollAfterRender.current = null;
    trees[pendingScroll.side].current?.scrollToPath(pendingScroll.path);
  });

  const toggle = (side: Side, path: string, open?: boolean) => {
    setCollapsed((c) => {
      const next = new Set(c[side]);
      const isOpen = !next.has(path);
      if (open ?? !isOpen) next.delete(path); else next.add(path);
      return { ...c, [side]: next };
    });
  };

  const removeRule = useCallback((targetPath: string) => {
    const current = useMapper.getState().document;
    if (!current || !findRule(current, targetPath)) return;
    useMapper.getState().apply(`Remove the rule of ${targetPath}`, (doc) => setRule(doc, targetPath, null));
  }, []);

  /** Maps sources onto a target: a loop for list onto list, a proposal first when the types need a function. */
  const map = useCallback((sources: string[], targetPath: string) => {
    const state = useMapper.getState();
    const doc = state.document;
    if (!doc || !state.permissions.edit || sources.length === 0) return;
    const target = targetFields.byPath.get(targetPath);
    const sourceRows = sources.map((path) => sourceFields.byPath.get(path)).filter((row): row is FieldRow => !!row);
    if (!target || sourceRows.length !== sources.length) return;
    const label = `Map ${sources.join(' + ')} → ${targetPath}`;
    if (target.type === 'array' && target.itemType === 'object' && sourceRows.length === 1 && sourceRows[0].type === 'array') {
      state.apply(`Loop over ${sources[0]} → ${targetPath}`, (d) => connect(d, [`${sources[0]}[]`], `${targetPath}[]`));
      state.set({ selectedSources: [] });
      state.selectTarget(targetPath);
      return;
    }
    const refusal = connectRefusal(doc, sources[0], targetPath);
    if (refusal) { setNotice(refusal); return; }
    const proposal = proposeConversion(doc, state.catalog, sourceRows, target, sourceFields);
    if (proposal) {
      const row = root.current?.querySelector<HTMLElement>(`.mt-target .mt-row[data-path="${CSS.escape(targetPath)}"]`);
      const rootTop = root.current?.getBoundingClientRect().top ?? 0;
      setPending({ sources, target: targetPath, proposal, top: row ? row.getBoundingClientRect().bottom - rootTop + 4 : 80 });
      return;
    }
    state.apply(label, (d) => connect(d, sources, targetPath));
    state.set({ selectedSources: [] });
    state.selectTarget(targetPath);
  }, [sourceFields, targetFields]);

  const settle = (accept: boolean) => {
    if (!pending) return;
    const { sources, target, proposal } = pending;
    const state = useMapper.getState();
    state.apply(`Map ${sources.join(' + ')} → ${target}${accept ? ` with ${proposal.fn}` : ''}`, (d) => {
      const next = connect(d, sources, target);
      if (!accept || next === d) return next;
      const rule = findRule(next, target)!;
      const step = proposal.args.length > 0 ? { fn: proposal.fn, args: proposal.args as { [k: string]: unknown }[] } : { fn: proposal.fn };
      return setRule(next, target, { ...rule, pipe: [...(rule.pipe ?? []).filter((s) => s.fn !== proposal.fn), step] });
    });
    state.set({ selectedSources: [] });
    state.selectTarget(target);
    setPending(null);
    trees.target.current?.focus();
  };

  // Dragging a source row (or the selected sources) onto a target row.
  const startDrag = (row: FieldRow, event: PointerEvent<HTMLDivElement>) => {
    if (!editable || event.button !== 0) return;
    const x0 = event.clientX;
    const y0 = event.clientY;
    const selected = useMapper.getState().selectedSources;
    const sources = selected.includes(row.path) ? selected : [row.path];
    let dragging = false;
    const targetAt = (x: number, y: number) =>
      (window.document.elementFromPoint(x, y)?.closest('[data-testid=target-field]') as HTMLElement | null)?.dataset.path ?? null;
    const move = (e: globalThis.PointerEvent) => {
      if (!dragging && Math.hypot(e.clientX - x0, e.clientY - y0) < 5) return;
      dragging = true;
      const rowRect = (event.target as HTMLElement).closest('.mt-row')?.getBoundingClientRect();
      setDrag({ sources, x0: rowRect ? rowRect.right : x0, y0: rowRect ? rowRect.top + rowRect.height / 2 : y0, x: e.clientX, y: e.clientY, over: targetAt(e.clientX, e.clientY) });
    };
    const up = (e: globalThis.PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      setDrag(null);
      if (!dragging) return;
      const over = targetAt(e.clientX, e.clientY);
      if (over) map(sources, over);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const keyHandler = (side: Side) => (event: KeyboardEvent<HTMLDivElement>, row: FieldRow | null) => {
    const view = side === 'source' ? sourceView : targetView;
    const move = (path: string | undefined) => {
      if (!path) return;
      setActive((a) => ({ ...a, [side]: path }));
      trees[side].current?.scrollToPath(path);
    };
    const index = row ? view.index.get(row.path)! : -1;
    const state = useMapper.getState();
    switch (event.key) {
      case 'ArrowDown': move(view.rows[Math.min(index + 1, view.rows.length - 1)]?.path); break;
      case 'ArrowUp': move(view.rows[Math.max(index - 1, 0)]?.path); break;
      case 'Home': move(view.rows[0]?.path); break;
      case 'End': move(view.rows[view.rows.length - 1]?.path); break;
      case 'ArrowRight':
        if (row?.hasChildren && collapsed[side].has(row.path) && !view.filtered) toggle(side, row.path, true);
        else if (row?.hasChildren) move(view.rows[index + 1]?.path);
        break;
      case 'ArrowLeft':
        if (row?.hasChildren && !collapsed[side].has(row.path) && !view.filtered) toggle(side, row.path, false);
        else if (row?.parent) move(row.parent);
        break;
      case 'Enter':
      case ' ':
        if (!row) return;
        if (side === 'source') state.selectSource(row.path, event.ctrlKey || event.metaKey || event.shiftKey);
        else if (state.selectedSources.length > 0 && editable) map(state.selectedSources, row.path);
        else state.selectTarget(row.path);
        break;
      case 'Delete':
      case 'Backspace':
        if (side !== 'target' || !row) return;
        removeRule(row.path);
        break;
      case 'Escape':
        if (side === 'source') state.set({ selectedSources: [] }); else state.selectTarget(null);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const sourceInfo = (row: FieldRow): RowInfo => ({
    mapped: usedSources.has(row.path),
    selected: selectedSources.includes(row.path),
    highlight: highlighted.has(row.path),
  });
  const targetInfo = (row: FieldRow): RowInfo => {
    const entry = targetEntries.get(row.path);
    return {
      mapped: !!entry,
      selected: selectedTarget === row.path,
      highlight: false,
      drop: drag?.over === row.path,
      state: states.get(row.path) ?? 'ok',
      chip: entry ? ruleSummary(entry.rule) : undefined,
      issue: issueText.get(row.path),
    };
  };

  const orphans = issues.filter((issue) => issue.kind === 'orphaned' && !targetFields.byPath.has(issue.path));
  const sourceRef = document?.source?.schema;
  const targetRef = document?.target?.schema;
  const header = (side: Side, fields: SideFields, ref: unknown) => (
    <div className={`mt-head mt-head-${side}`}>
      <div className="mt-title">
        <span className="mt-side">{side === 'source' ? 'Source' : 'Target'}</span>
        <span className="mt-schema" title={typeof ref === 'string' ? ref : undefined}>{describeSchema(fields, ref)}</span>
        {typeof ref === 'string' && <span className="mt-schema-id">{ref}</span>}
        <span className="mt-count">{fields.rows.length} fields</span>
      </div>
      {fields.error && <div className="mt-error" data-testid={`${side}-schema-error`}>{fields.error}</div>}
      <input className="mt-search" type="search" data-testid={`${side}-search`} placeholder={`Search ${side} fields`}
        aria-label={`Search ${side} fields`} value={query[side]} onChange={(e) => setQuery((q) => ({ ...q, [side]: e.target.value }))} />
    </div>
  );

  return (
    <div className="mapper-trees" data-testid="mapper-trees" ref={root}>
      <div className="mt-bar">
        <label className="mt-toggle">
          <input type="checkbox" data-testid="mapped-only" checked={mappedOnly} onChange={(e) => setMappedOnly(e.target.checked)} />
          Mapped only
        </label>
        <label className="mt-sort">Sort
          <select data-testid="tree-sort" value={sort} onChange={(e) => setSort(e.target.value as SortOrder)}>
            <option value="schema">Schema order</option>
            <option value="primitives">Primitives first</option>
            <option value="az">A–Z</option>
          </select>
        </label>
        <button type="button" className="mt-link" data-testid="collapse-all" onClick={() => setCollapsed({
          source: new Set(sourceFields.rows.filter((r) => r.hasChildren).map((r) => r.path)),
          target: new Set(targetFields.rows.filter((r) => r.hasChildren).map((r) => r.path)),
        })}>Collapse all</button>
        <button type="button" className="mt-link" data-testid="expand-all" onClick={() => setCollapsed({ source: new Set(), target: new Set() })}>Expand all</button>
        <span className="mt-hint">
          {selectedSources.length > 0
            ? `${selectedSources.length} source${selectedSources.length > 1 ? 's' : ''} selected — drop, or Enter / “map here” on a target`
            : editable ? 'Drag a source field onto a target field, or select it and press Enter on a target' : 'Read only'}
        </span>
        {orphans.length > 0 && <span className="mt-orphans" data-testid="orphaned-rules">{orphans.length} rule{orphans.length > 1 ? 's' : ''} fill fields the target does not have</span>}
      </div>
      {notice && <div className="mt-notice" role="status" data-testid="tree-notice">{notice}</div>}
      <div className="mt-columns">
        <div className="mt-pane">
          {header('source', sourceFields, sourceRef)}
          <FieldTree ref={trees.source} side="source" view={sourceView} collapsed={collapsed.source} active={active.source}
            info={sourceInfo} onToggle={(path) => toggle('source', path)} onActivate={(path) => setActive((a) => ({ ...a, source: path }))}
            onKey={keyHandler('source')} onRendered={schedule} onScroll={schedule}
            onRowClick={(row, event) => {
              setActive((a) => ({ ...a, source: row.path }));
              useMapper.getState().selectSource(row.path, event.ctrlKey || event.metaKey || event.shiftKey);
            }}
            onRowPointerDown={startDrag}
            emptyText={sourceFields.schema ? 'No field matches' : 'No source schema'} />
        </div>
        <div className="mt-gutter-col">
          <div className="mt-head mt-head-gutter" />
          <Gutter ref={gutter} context={context} onRemove={removeRule} editable={editable} />
        </div>
        <div className="mt-pane">
          {header('target', targetFields, targetRef)}
          <FieldTree ref={trees.target} side="target" view={targetView} collapsed={collapsed.target} active={active.target}
            info={targetInfo} onToggle={(path) => toggle('target', path)} onActivate={(path) => setActive((a) => ({ ...a, target: path }))}
            onKey={keyHandler('target')} onRendered={schedule} onScroll={schedule}
            onRowClick={(row) => {
              setActive((a) => ({ ...a, target: row.path }));
              useMapper.getState().selectTarget(row.path);
            }}
            onRowHover={(row) => {
              const path = row?.path ?? null;
              if (useMapper.getState().hoveredTarget !== path) useMapper.getState().set({ hoveredTarget: path });
            }}
            rowAction={(row) => editable && selectedSources.length > 0 ? (
              <button type="button" tabIndex={-1} className="mt-map-here" data-testid="map-here"
                onPointerDown={(e) => e.stopPropagation()}
                onClick={(e) => { e.stopPropagation(); map(useMapper.getState().selectedSources, row.path); }}>map here</button>
            ) : null}
            emptyText={targetFields.schema ? 'No field matches' : 'No target schema'} />
        </div>
      </div>
      {pending && (
        <div className="mt-proposal" data-testid="drop-proposal" role="dialog" aria-label="Add a conversion"
          style={{ top: pending.top }} onKeyDown={(e) => { if (e.key === 'Escape') { setPending(null); e.stopPropagation(); } }}>
          <div className="mt-proposal-text">
            Add <code>{pending.proposal.label}</code>?
            <div className="mt-proposal-why">{pending.sources.join(' + ')} is {sourceFields.byPath.get(pending.sources[0])?.type}, {pending.target} takes {targetFields.byPath.get(pending.target)?.type}</div>
          </div>
          <button type="button" className="mt-primary" data-testid="proposal-accept" autoFocus onClick={() => settle(true)}>Accept</button>
          <button type="button" data-testid="proposal-plain" onClick={() => settle(false)}>Plain</button>
          <button type="button" className="mt-close" aria-label="Cancel" data-testid="proposal-cancel" onClick={() => setPending(null)}>×</button>
        </div>
      )}
      {drag && (
        <svg className="mt-drag" data-testid="drag-line">
          <path d={`M ${drag.x0} ${drag.y0} C ${(drag.x0 + drag.x) / 2} ${drag.y0}, ${(drag.x0 + drag.x) / 2} ${drag.y}, ${drag.x} ${drag.y}`} />
          <circle cx={drag.x} cy={drag.y} r={4} />
        </svg>
      )}
    </div>
  );
}
