import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useImperativeHandle, useLayoutEffect, useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { FieldRow } from '../schema/fields';
import type { TargetState } from '../issues';
import type { TreeView } from './visibleRows';

export const ROW_HEIGHT = 30;

export interface TreeHandle {
  scrollElement(): HTMLDivElement | null;
  scrollToPath(path: string): void;
  focus(): void;
}

export interface RowInfo {
  mapped: boolean;
  selected: boolean;
  highlight: boolean;
  /** A target row a dragged source is over. */
  drop?: boolean;
  state?: TargetState;
  chip?: string;
  issue?: string;
}

interface Props {
  side: 'source' | 'target';
  view: TreeView;
  collapsed: Set<string>;
  active: string | null;
  info(row: FieldRow): RowInfo;
  onToggle(path: string): void;
  onActivate(path: string): void;
  onKey(event: KeyboardEvent<HTMLDivElement>, row: FieldRow | null): void;
  onRowClick(row: FieldRow, event: React.MouseEvent): void;
  onRowPointerDown?(row: FieldRow, event: PointerEvent<HTMLDivElement>): void;
  onRowHover?(row: FieldRow | null): void;
  /** Rendered after the name of a target row (the "map here" button). */
  rowAction?(row: FieldRow): ReactNode;
  onRendered(): void;
  onScroll(): void;
  emptyText: string;
}

function highlighted(name: string, ranges: [number, number][] | undefined): ReactNode {
  if (!ranges || ranges.length === 0) return name;
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(name.slice(at, start));
    parts.push(<mark key={i}>{name.slice(start, end)}</mark>);
    at = end;
  });
  if (at < name.length) parts.push(name.slice(at));
  return parts;
}

/** One virtualised tree of schema rows: only the rows in view (and a few around) are in the DOM. */
export const FieldTree = forwardRef<TreeHandle, Props>(function FieldTree(props, ref) {
  const { side, view, collapsed, active, info } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: view.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  useImperativeHandle(ref, () => ({
    scrollElement: () => scroller.current,
    scrollToPath: (path) => {
      const index = view.index.get(path);
      if (index !== undefined) virtualizer.scrollToIndex(index, { align: 'center' });
    },
    focus: () => scroller.current?.focus(),
  }), [view, virtualizer]);
  useLayoutEffect(() => props.onRendered());

  const activeRow = active !== null ? view.rows[view.index.get(active) ?? -1] ?? null : null;
  const testid = side === 'source' ? 'source-field' : 'target-field';
  return (
    <div
      ref={scroller}
      className={`mt-scroll mt-${side}`}
      tabIndex={0}
      role="tree"
      aria-label={side === 'source' ? 'Source fields' : 'Target fields'}
      aria-activedescendant={activeRow ? `mt-${side}-${view.index.get(activeRow.path)}` : undefined}
      data-testid={`${side}-tree`}
      onScroll={props.onScroll}
      onFocus={(event) => {
        if (event.target === scroller.current && active === null && view.rows.length > 0) props.onActivate(view.rows[0].path);
      }}
      onKeyDown={(event) => props.onKey(event, activeRow)}
      onPointerLeave={() => props.onRowHover?.(null)}
    >
      {view.rows.length === 0 && <div className="mt-empty">{props.emptyText}</div>}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = view.rows[item.index];
          const state = info(row);
          const isCollapsed = row.hasChildren && !view.filtered && collapsed.has(row.path);
          return (
            <div
              key={row.path}
              id={`mt-${side}-${item.index}`}
              className="mt-row"
              role="treeitem"
              aria-level={row.depth + 1}
              aria-expanded={row.hasChildren ? !isCollapsed : undefined}
              aria-selected={state.selected}
              data-testid={testid}
              data-path={row.path}
              data-index={item.index}
              data-type={row.type}
              data-mapped={String(state.mapped)}
              data-selected={String(state.selected)}
              data-highlight={String(state.highlight)}
              data-active={String(row.path === active)}
              data-drop={state.drop ? 'true' : undefined}
              data-state={side === 'target' ? state.state ?? 'ok' : undefined}
              title={[row.path, row.description, state.issue].filter(Boolean).join('\n')}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              onClick={(event) => props.onRowClick(row, event)}
              onPointerDown={props.onRowPointerDown ? (event) => props.onRowPointerDown!(row, event) : undefined}
              onPointerEnter={() => props.onRowHover?.(row)}
            >
              <span className="mt-indent" style={{ width: row.depth * 16 }} />
              {row.hasChildren ? (
                <button type="button" tabIndex={-1} className="mt-twisty" aria-label={isCollapsed ? 'Expand' : 'Collapse'}
                  data-testid="toggle" onClick={(event) => { event.stopPropagation(); props.onToggle(row.path); }}
                  onPointerDown={(event) => event.stopPropagation()}>
                  {isCollapsed ? '▸' : '▾'}
                </button>
              ) : <span className="mt-twisty-space" />}
              <span className="mt-name">{highlighted(row.name, view.marks.get(row.path))}{row.type === 'array' ? <span className="mt-array">[ ]</span> : null}</span>
              {row.required && <span className="mt-required" title="Required">*</span>}
              {side === 'target' && state.chip && <span className="mt-chip" data-testid="rule-chip" title={state.chip}>{state.chip}</span>}
              <span className="mt-spacer" />
              {props.rowAction?.(row)}
              <span className={`mt-type mt-type-${row.type}`} data-testid="field-type" data-path={row.path}>{row.type}</span>
              {side === 'target' && state.state && state.state !== 'ok' && <span className={`mt-state mt-state-${state.state}`} aria-label={state.issue} />}
            </div>
          );
        })}
      </div>
    </div>
  );
});
