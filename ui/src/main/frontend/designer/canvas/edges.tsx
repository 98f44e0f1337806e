/* The canvas's edge renderer: the path, its port label, the "+" that inserts a step into it, the run overlay's count. */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import { useUi } from '../ui-state';
import type { DiffMark } from './nodes';

export interface LinkData extends Record<string, unknown> {
  port: string;
  showPort: boolean;
  count: number | null;
  diff: DiffMark | null;
  editable: boolean;
}

export type LinkEdge = Edge<LinkData, 'link'>;

function Link({ id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<LinkEdge>): ReactElement {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const port = data?.port ?? 'out';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`wd-edge${data?.diff ? ` wd-diff-${data.diff}` : ''}${selected ? ' wd-edge-selected' : ''}`} />
      <path d={path} fill="none" stroke="none" data-testid="edge" data-edge={id} data-source={source} data-target={target} data-port={port}
        data-diff={data?.diff ?? undefined} />
      <EdgeLabelRenderer>
        <div className="wd-edge-label nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
          {data?.showPort && <span className="wd-edge-port">{port}</span>}
          {data?.count != null && <span className="wd-edge-count" data-testid="edge-count" data-edge={id}>{data.count} {data.count === 1 ? 'item' : 'items'}</span>}
          {data?.editable && (
            <button type="button" className="wd-edge-insert" data-testid="edge-insert" data-edge={id} aria-label={`Insert a step between ${source} and ${target}`}
              onClick={(event) => { event.stopPropagation(); useUi.getState().open({ picker: { edge: id } }); }}>+</button>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const edgeTypes = { link: memo(Link) };
