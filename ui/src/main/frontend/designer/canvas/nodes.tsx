/*
 * The canvas's node renderers (memoized; defined once, outside any component): a workflow node, the trigger, and a
 * note. Everything a test reads is a data-* attribute; the accessible name is the node's name.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import type { RunStatus } from '../contract';
import { useDesigner } from '../store';
import { useUi } from '../ui-state';
import { Markdown } from './markdown';

export type DiffMark = 'added' | 'removed' | 'changed' | 'moved' | 'unchanged';

export interface StepData extends Record<string, unknown> {
  kind: string;
  name: string;
  title: string;
  subtitle: string | null;
  icon: string | null;
  ports: string[];
  problems: number;
  problemText: string;
  status: RunStatus | null;
  attempts: number | null;
  durationMillis: number | null;
  stale: boolean;
  /** against a compared run: same, different, only-shown or only-other, and that run's figures as text */
  compare: string | null;
  compareText: string | null;
  /** how the step went when run alone ("Run this step"), if it was */
  stepRun: string | null;
  /** a sample is pinned on this node's output (the trigger's: its payload) */
  pinned: boolean;
  diff: DiffMark | null;
  editable: boolean;
}

export interface NoteData extends Record<string, unknown> {
  text: string;
  color: string | null;
  editable: boolean;
  onText(id: string, text: string): void;
  onColor(id: string, color: string): void;
}

export const NOTE_COLOURS: { name: string; value: string }[] = [
  { name: 'Yellow', value: '#fff6c2' }, { name: 'Green', value: '#d8f3dc' }, { name: 'Blue', value: '#dbeafe' }, { name: 'Pink', value: '#fde2e4' },
];

export type StepNode = Node<StepData, 'step' | 'trigger'>;
export type NoteNode = Node<NoteData, 'note'>;

const ICONS: Record<string, string> = {
  trigger: '⚡', connector: '⇄', map: '⇢', branch: '⑂', forEach: '↻', script: '{}', lookup: '⌕', delay: '◷',
  subflow: '⊂', notify: '✉', waitUntil: '⧗',
};

const duration = (millis: number | null) => (millis == null ? '' : millis < 1000 ? `${millis} ms` : `${(millis / 1000).toFixed(1)} s`);

/**
 * React Flow draws a node again on every mouse move that moves it (its props carry the position and the dragging
 * flag), although the step looks the same wherever it is: the step's drawing is a memo of what it shows (id, data,
 * selected), so that dragging a selection moves the nodes' wrappers only.
 */
function Step({ id, data, selected }: NodeProps<StepNode>): ReactElement {
  return <StepBody id={id} data={data} selected={selected ?? false} />;
}

const StepBody = memo(function StepBody({ id, data, selected }: { id: string; data: StepData; selected: boolean }): ReactElement {
  const trigger = id === 'trigger';
  const openPicker = (port: string) => useUi.getState().open({ picker: { from: id, port } });
  return (
    <div
      className={`wd-node wd-node-${data.kind}`}
      data-testid="canvas-node"
      data-node-id={id}
      data-type={data.kind}
      data-status={data.status ?? undefined}
      data-diff={data.diff ?? undefined}
      data-stale={data.stale ? 'true' : 'false'}
      data-step-run={data.stepRun ?? undefined}
      data-compare={data.compare ?? undefined}
      data-problems={data.problems}
      data-pinned={data.pinned ? 'true' : 'false'}
      data-selected={selected ? 'true' : 'false'}
      role="group"
      aria-roledescription="step"
      tabIndex={0}
      aria-label={data.name}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          useDesigner.getState().select([id]);
          useDesigner.getState().inspect(id);
          useUi.getState().open({ panel: 'inspector' });
        }
      }}
      title={data.problemText || undefined}
    >
      {/* the trigger has an input handle too, so that a connection dropped on it is refused with the reason */}
      <Handle type="target" position={Position.Left} role="img" data-testid="handle-in" data-node={id} aria-label={`${data.name} input`}
        className={trigger ? 'wd-handle-refuses' : undefined} />
      <div className="wd-node-head">
        <span className="wd-node-icon" aria-hidden="true">{ICONS[data.kind] ?? '•'}</span>
        {/* the step's button: named by its visible name alone, with no control inside it (the handles and the "+"
            buttons are the step's other controls, beside it in the group) */}
        <span className="wd-node-title" role="button" tabIndex={-1} aria-pressed={selected}>{data.name}</span>
        {data.pinned && (
          <span className="wd-node-pinned" data-testid="pinned-badge" data-node={id} title="A sample is pinned on this step's output: runs to here use it"
            aria-label="pinned sample">pinned</span>
        )}
        {data.problems > 0 && (
          <span className="wd-node-problems" data-testid="node-problems" data-node={id} aria-label={`${data.problems} problems`}>{data.problems}</span>
        )}
      </div>
      <div className="wd-node-sub">{data.subtitle ?? data.title}</div>
      {data.status && (
        <div className="wd-node-run" data-testid="node-run">
          {data.status}{data.attempts && data.attempts > 1 ? ` · ${data.attempts} attempts` : ''}{data.durationMillis != null ? ` · ${duration(data.durationMillis)}` : ''}
        </div>
      )}
      {data.compare && (
        <div className={`wd-node-compare wd-compare-${data.compare}`} data-testid="node-compare" data-node={id}>{data.compareText}</div>
      )}
      {!data.status && data.stepRun && <div className="wd-node-run" data-testid="node-step-run">ran alone: {data.stepRun}</div>}
      {data.stale && <div className="wd-node-stale">stale</div>}
      <div className="wd-node-ports">
        {data.ports.map((port, index) => (
          <div className="wd-port" key={port} style={{ top: portTop(index, data.ports.length) }}>
            {data.ports.length > 1 && <span className="wd-port-label">{port}</span>}
            <Handle type="source" position={Position.Right} id={port} role="img" data-testid="handle-out" data-node={id} data-port={port}
              aria-label={`${data.name} output ${port}`} />
            {data.editable && (
              <button type="button" className="wd-handle-add nodrag" data-testid="handle-add" data-node={id} data-port={port}
                aria-label={`Add a step after ${data.name} (${port})`} onClick={(event) => { event.stopPropagation(); openPicker(port); }}>+</button>
            )}
          </div>
        ))}
      </div>
    </div>
  );
});

export const portTop = (index: number, count: number) => `${((index + 1) * 100) / (count + 1)}%`;

function NoteView({ id, data, selected }: NodeProps<NoteNode>): ReactElement {
  const editing = useUi((state) => state.editingNote === id);
  return (
    <div className="wd-note" data-testid="canvas-note" data-note-id={id} data-selected={selected ? 'true' : 'false'}
      style={data.color ? { background: data.color } : undefined}
      onDoubleClick={() => data.editable && useUi.getState().open({ editingNote: id })}>
      {editing ? (
        <textarea className="nodrag nowheel" data-testid="note-text" aria-label="Note text" autoFocus defaultValue={data.text}
          onBlur={(event) => { data.onText(id, event.currentTarget.value); useUi.getState().open({ editingNote: null }); }} />
      ) : (
        <Markdown text={data.text || '*Double-click to write a note*'} />
      )}
      {selected && data.editable && (
        <div className="wd-note-colours nodrag">
          {NOTE_COLOURS.map((colour) => (
            <button key={colour.value} type="button" aria-label={`${colour.name} note`} aria-pressed={data.color === colour.value}
              style={{ background: colour.value }} onClick={() => data.onColor(id, colour.value)} />
          ))}
        </div>
      )}
    </div>
  );
}

export const nodeTypes = { step: memo(Step), trigger: memo(Step), note: memo(NoteView) };
