/*
 * The palette (left) and the picker (opened by /, Tab, "+" on an output, "+" on an edge): searchable lists of the
 * catalog's node kinds and connector operations; the palette also lists the trigger kinds. Palette items are dragged
 * onto the canvas or clicked (added in the view's centre).
 */
import { useMemo, useState, type ReactElement } from 'react';
import { matches, paletteChoices, TRIGGER_KINDS, type PaletteChoice } from '../model';
import { useDesigner } from '../store';
import { useUi } from '../ui-state';
import { addChoice, setTriggerKind } from '../commands/actions';

const RECENT_KEY = 'junction.designer.recent';

function recent(): string[] {
  try { return JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as string[]; } catch { return []; }
}
const choiceKey = (choice: PaletteChoice) => `${choice.kind}:${choice.connector ?? ''}:${choice.operation ?? ''}`;

function remember(choice: PaletteChoice): void {
  try { localStorage.setItem(RECENT_KEY, JSON.stringify([choiceKey(choice), ...recent().filter((k) => k !== choiceKey(choice))].slice(0, 5))); } catch { /* private mode */ }
}

function useChoices(query: string): PaletteChoice[] {
  const catalog = useDesigner((state) => state.catalog);
  const all = useMemo(() => paletteChoices(catalog), [catalog]);
  return useMemo(() => {
    const listed = all.filter((choice) => matches(choice, query));
    const order = recent();
    return [...listed].sort((a, b) => rank(order, a) - rank(order, b));
  }, [all, query]);
}
const rank = (order: string[], choice: PaletteChoice) => { const i = order.indexOf(choiceKey(choice)); return i < 0 ? order.length : i; };

function itemProps(choice: PaletteChoice) {
  return { 'data-kind': choice.kind, 'data-connector': choice.connector, 'data-operation': choice.operation };
}

export function Palette(): ReactElement {
  const [query, setQuery] = useState('');
  const choices = useChoices(query);
  const triggers = TRIGGER_KINDS.filter((t) => matches(t, query));
  const add = (choice: PaletteChoice) => { remember(choice); addChoice(choice, {}); };
  return (
    <aside className="wd-palette" data-testid="palette" aria-label="Steps you can add">
      <input type="search" data-testid="palette-search" aria-label="Search steps" placeholder="Search steps…" value={query} onChange={(e) => setQuery(e.target.value)} />
      <h3>Triggers</h3>
      <ul>
        {triggers.map((trigger) => (
          <li key={trigger.kind}>
            <button type="button" data-testid="palette-item" data-kind={trigger.kind} title={trigger.description} onClick={() => setTriggerKind(trigger.kind)}>
              {trigger.title}
            </button>
          </li>
        ))}
      </ul>
      <h3>Steps</h3>
      <ul>
        {choices.map((choice) => (
          <li key={choiceKey(choice)}>
            <button type="button" data-testid="palette-item" {...itemProps(choice)} title={choice.description} draggable
              onDragStart={(event) => { remember(choice); event.dataTransfer.setData('application/x-junction-choice', JSON.stringify(choice)); event.dataTransfer.effectAllowed = 'copy'; }}
              onClick={() => add(choice)}>
              {choice.title}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

export function Picker(): ReactElement | null {
  const target = useUi((state) => state.picker);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const choices = useChoices(query);
  if (!target) return null;
  const close = () => { setQuery(''); setActive(0); useUi.getState().open({ picker: null }); };
  const pick = (choice: PaletteChoice | undefined) => {
    if (!choice) return;
    remember(choice);
    setQuery('');
    setActive(0);
    addChoice(choice, target);
  };
  const what = target.edge ? 'Insert a step into the connection' : target.from ? `Add a step after ${target.from}` : 'Add a step';
  return (
    <div className="wd-modal-backdrop" onClick={close}>
      <div className="wd-modal wd-picker" role="dialog" aria-modal="true" aria-label={what} data-testid="picker" onClick={(e) => e.stopPropagation()}>
        <div className="wd-picker-title">{what}</div>
        <input data-testid="picker-search" aria-label="Search steps" placeholder="Search steps…" autoFocus value={query}
          onChange={(e) => { setQuery(e.target.value); setActive(0); }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') { event.preventDefault(); setActive((a) => Math.min(a + 1, choices.length - 1)); }
            else if (event.key === 'ArrowUp') { event.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
            else if (event.key === 'Enter') { event.preventDefault(); pick(choices[active]); }
            else if (event.key === 'Escape') close();
          }} />
        <ul role="listbox" aria-label="Steps">
          {choices.map((choice, index) => (
            <li key={choiceKey(choice)} role="option" aria-selected={index === active} data-testid="picker-item" {...itemProps(choice)}
              className={index === active ? 'active' : undefined} onMouseEnter={() => setActive(index)} onClick={() => pick(choice)}>
              <strong>{choice.title}</strong><span>{choice.description}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
