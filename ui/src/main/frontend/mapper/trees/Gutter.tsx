import { forwardRef, useCallback, useImperativeHandle, useRef, useState } from 'react';
import type { RuleEntry } from '../model';
import { ROW_HEIGHT } from './FieldTree';
import { shownAs, type TreeView } from './visibleRows';

/** A line to draw: rule sources → target, or an auto-map suggestion (dashed). Paths are tree paths. */
export interface LineSpec {
  sources: string[];
  target: string;
  suggested: boolean;
  loop: boolean;
}

export interface GutterContext {
  sourceView: TreeView;
  targetView: TreeView;
  sourcePane: HTMLDivElement | null;
  targetPane: HTMLDivElement | null;
  lines: LineSpec[];
  loops: RuleEntry[];
  hoveredTarget: string | null;
  selectedTarget: string | null;
}

interface End { y: number; clipped: boolean; edge: 'top' | 'bottom' | null; shown: string }

interface DrawnLine {
  key: string;
  sources: string[];
  target: string;
  ys: number[];
  yt: number;
  clipped: string | null;
  count: number | null;
  suggested: boolean;
  loop: boolean;
}

interface DrawnScope { key: string; target: string; source: string; side: 'source' | 'target'; top: number; bottom: number }

interface Geometry { top: number; width: number; lines: DrawnLine[]; scopes: DrawnScope[] }

export interface GutterHandle {
  /** Recomputes the lines on the next animation frame (one computation per frame however often it is asked). */
  schedule(): void;
}

function renderedRows(pane: HTMLDivElement): Map<string, DOMRect> {
  const rows = new Map<string, DOMRect>();
  pane.querySelectorAll<HTMLElement>('.mt-row').forEach((row) => rows.set(row.dataset.path!, row.getBoundingClientRect()));
  return rows;
}

/** Where a row's centre is (viewport y), clipped to its pane; a row not in the DOM is placed from a rendered one. */
function rowCentre(pane: HTMLDivElement, rows: Map<string, DOMRect>, view: TreeView, path: string): { y: number; visible: boolean } | null {
  const index = view.index.get(path);
  if (index === undefined) return null;
  const rect = rows.get(path);
  if (rect) return { y: rect.top + rect.height / 2, visible: true };
  const paneRect = pane.getBoundingClientRect();
  const first = pane.querySelector<HTMLElement>('.mt-row');
  if (first) {
    const firstRect = first.getBoundingClientRect();
    return { y: firstRect.top + (index - Number(first.dataset.index)) * ROW_HEIGHT + ROW_HEIGHT / 2, visible: false };
  }
  return { y: paneRect.top + index * ROW_HEIGHT - pane.scrollTop + ROW_HEIGHT / 2, visible: false };
}

function end(pane: HTMLDivElement, rows: Map<string, DOMRect>, view: TreeView, path: string): End | null {
  const shown = shownAs(view, path);
  if (shown === null) return null;
  const centre = rowCentre(pane, rows, view, shown);
  if (!centre) return null;
  const paneRect = pane.getBoundingClientRect();
  const top = paneRect.top + pane.clientTop;
  const bottom = top + pane.clientHeight;
  if (centre.y < top) return { y: top, clipped: true, edge: 'top', shown };
  if (centre.y > bottom) return { y: bottom, clipped: true, edge: 'bottom', shown };
  return { y: centre.y, clipped: false, edge: null, shown };
}

function scopeOf(pane: HTMLDivElement, rows: Map<string, DOMRect>, view: TreeView, array: string): { top: number; bottom: number } | null {
  if (!view.index.has(array)) return null;
  const start = view.index.get(array)!;
  let last = start;
  for (let i = start + 1; i < view.rows.length && view.rows[i].path.startsWith(array + '[].'); i++) last = i;
  const head = rowCentre(pane, rows, view, array);
  const tail = rowCentre(pane, rows, view, view.rows[last].path);
  if (!head || !tail) return null;
  const paneRect = pane.getBoundingClientRect();
  const top = Math.max(head.y - ROW_HEIGHT / 2 + 3, paneRect.top);
  const bottom = Math.min(tail.y + ROW_HEIGHT / 2 - 3, paneRect.top + pane.clientHeight);
  return bottom > top ? { top, bottom } : null;
}

function compute(context: GutterContext, svg: SVGSVGElement): Geometry {
  const box = svg.getBoundingClientRect();
  const geometry: Geometry = { top: box.top, width: box.width, lines: [], scopes: [] };
  const { sourcePane, targetPane, sourceView, targetView } = context;
  if (!sourcePane || !targetPane) return geometry;
  const sourceRows = renderedRows(sourcePane);
  const targetRows = renderedRows(targetPane);
  const grouped = new Map<string, DrawnLine>();
  for (const spec of context.lines) {
    const to = end(targetPane, targetRows, targetView, spec.target);
    if (!to) continue;
    const from = spec.sources.map((source) => end(sourcePane, sourceRows, sourceView, source)).filter((e): e is End => e !== null);
    if (from.length === 0) continue;
    // Both ends beyond the same edge of their panes: nothing of the line would show.
    if (to.edge !== null && from.every((e) => e.edge === to.edge)) continue;
    const sources = [...new Set(from.map((e) => e.shown))];
    const key = `${spec.suggested ? 's' : 'r'}|${sources.join(',')}→${to.shown}`;
    const aggregated = to.shown !== spec.target || from.some((e, i) => e.shown !== spec.sources[i]);
    const existing = grouped.get(key);
    if (existing) {
      existing.count = (existing.count ?? 1) + 1;
      continue;
    }
    const clipped = [from.some((e) => e.clipped) ? 'source' : '', to.clipped ? 'target' : ''].filter(Boolean).join(',') || null;
    grouped.set(key, {
      key, sources, target: to.shown, ys: sources.map((s) => from.find((e) => e.shown === s)!.y), yt: to.y, clipped,
      count: aggregated ? 1 : null, suggested: spec.suggested, loop: spec.loop,
    });
  }
  geometry.lines = [...grouped.values()];
  for (const loop of context.loops) {
    const source = loop.sources[0];
    if (!source) continue;
    const targetScope = scopeOf(targetPane, targetRows, targetView, loop.targetPath);
    const sourceScope = scopeOf(sourcePane, sourceRows, sourceView, source);
    if (targetScope) geometry.scopes.push({ key: `t|${loop.targetPath}`, target: loop.targetPath, source, side: 'target', ...targetScope });
    if (sourceScope) geometry.scopes.push({ key: `s|${loop.targetPath}`, target: loop.targetPath, source, side: 'source', ...sourceScope });
  }
  return geometry;
}

function same(a: Geometry, b: Geometry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The SVG between the trees: one `map-line` per rule (or per collapsed parent, with `data-count`), dashed lines for
 * suggestions, and a bracket (`loop-scope`) beside each loop's rows. Geometry comes from the rendered rows'
 * getBoundingClientRect whenever `schedule()` is called (scroll of either tree, resize, expand/collapse, any render
 * of the trees, a document change); an end whose row is scrolled out of view is clipped to the pane's edge
 * (`data-clipped` says which end).
 */
export const Gutter = forwardRef<GutterHandle, { context: React.MutableRefObject<GutterContext>; onRemove(target: string): void; editable: boolean }>(
  function Gutter({ context, onRemove, editable }, ref) {
    const svg = useRef<SVGSVGElement>(null);
    const frame = useRef<number | null>(null);
    const [geometry, setGeometry] = useState<Geometry>({ top: 0, width: 0, lines: [], scopes: [] });
    const [hovered, setHovered] = useState<string | null>(null);
    const run = useCallback(() => {
      frame.current = null;
      if (!svg.current) return;
      const next = compute(context.current, svg.current);
      setGeometry((previous) => (same(previous, next) ? previous : next));
    }, [context]);
    useImperativeHandle(ref, () => ({
      schedule: () => {
        if (frame.current === null) frame.current = requestAnimationFrame(run);
      },
    }), [run]);

    const { hoveredTarget, selectedTarget } = context.current;
    const width = geometry.width || 1;
    const path = (ys: number, yt: number) => {
      const a = ys - geometry.top;
      const b = yt - geometry.top;
      return `M 0 ${a} C ${width * 0.5} ${a}, ${width * 0.5} ${b}, ${width} ${b}`;
    };
    return (
      <svg ref={svg} className="mt-gutter" data-testid="map-gutter" aria-hidden="false">
        {geometry.scopes.map((scope) => {
          const x = scope.side === 'target' ? width - 7 : 7;
          const hook = scope.side === 'target' ? 5 : -5;
          const top = scope.top - geometry.top;
          const bottom = scope.bottom - geometry.top;
          return (
            <path key={scope.key} className={`mt-scope mt-scope-${scope.side}`} data-testid="loop-scope" data-target={scope.target}
              data-source={scope.source} data-side={scope.side}
              d={`M ${x + hook} ${top} L ${x} ${top} L ${x} ${bottom} L ${x + hook} ${bottom}`} />
          );
        })}
        {geometry.lines.map((line) => {
          const emphasised = line.target === hoveredTarget || line.target === selectedTarget || hovered === line.key;
          const mid = (line.ys[0] + line.yt) / 2 - geometry.top;
          return (
            <g key={line.key} data-testid="map-line" data-source={line.sources.join(',')} data-target={line.target}
              data-y1={line.ys[0].toFixed(1)} data-y2={line.yt.toFixed(1)} data-suggested={String(line.suggested)}
              data-count={line.count ?? undefined} data-clipped={line.clipped ?? undefined} data-loop={line.loop ? 'true' : undefined}
              className={`mt-line${line.suggested ? ' mt-line-suggested' : ''}${line.loop ? ' mt-line-loop' : ''}${emphasised ? ' mt-line-emphasised' : ''}${line.clipped ? ' mt-line-clipped' : ''}`}
              onPointerEnter={() => setHovered(line.key)} onPointerLeave={() => setHovered((key) => (key === line.key ? null : key))}>
              {line.ys.map((ys, i) => (
                <g key={i}>
                  <path className="mt-line-hit" d={path(ys, line.yt)} />
                  <path className="mt-line-path" d={path(ys, line.yt)} />
                </g>
              ))}
              {line.count !== null && line.count > 1 && (
                <g className="mt-line-count" transform={`translate(${width / 2}, ${mid})`}>
                  <rect x={-11} y={-8} width={22} height={16} rx={8} />
                  <text textAnchor="middle" dy={4}>{line.count}</text>
                </g>
              )}
              {editable && !line.suggested && line.count === null && emphasised && (
                <g className="mt-line-remove" data-testid="line-remove" transform={`translate(${width / 2}, ${mid})`}
                  role="button" aria-label={`Remove the rule of ${line.target}`} onClick={() => onRemove(line.target)}>
                  <circle r={8} />
                  <path d="M -3 -3 L 3 3 M 3 -3 L -3 3" />
                </g>
              )}
            </g>
          );
        })}
      </svg>
    );
  },
);
