/* The command palette (Ctrl/Cmd+K) and the shortcut sheet (?): every action with its shortcut. */
import { useMemo, useState, type ReactElement } from 'react';
import { useUi } from '../ui-state';
import { ARROW_SHORTCUT, COMMANDS } from './actions';

export function CommandPalette(): ReactElement | null {
  const open = useUi((state) => state.commandPalette);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listed = useMemo(() => COMMANDS.filter((command) => command.title.toLowerCase().includes(query.toLowerCase()) || command.name.includes(query.toLowerCase())), [query]);
  if (!open) return null;
  const close = () => { setQuery(''); setActive(0); useUi.getState().open({ commandPalette: false }); };
  const run = (index: number) => {
    const command = listed[index];
    if (!command || !command.enabled()) return;
    close();
    command.run();
  };
  return (
    <div className="wd-modal-backdrop" onClick={close}>
      <div className="wd-modal wd-command-palette" role="dialog" aria-modal="true" aria-label="Command palette" data-testid="command-palette" onClick={(e) => e.stopPropagation()}>
        <input data-testid="command-search" aria-label="Search commands" placeholder="Type a command…" autoFocus value={query}
          onChange={(event) => { setQuery(event.target.value); setActive(0); }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') { event.preventDefault(); setActive((a) => Math.min(a + 1, listed.length - 1)); }
            else if (event.key === 'ArrowUp') { event.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
            else if (event.key === 'Enter') { event.preventDefault(); run(active); }
            else if (event.key === 'Escape') close();
          }} />
        <ul role="listbox" aria-label="Commands">
          {listed.map((command, index) => (
            <li key={command.name} role="option" aria-selected={index === active} aria-disabled={!command.enabled()}
              data-testid="command" data-command={command.name} className={index === active ? 'active' : undefined}
              onMouseEnter={() => setActive(index)} onClick={() => run(index)}>
              <span>{command.title}</span>{command.shortcut && <kbd>{command.shortcut}</kbd>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function ShortcutSheet(): ReactElement | null {
  const open = useUi((state) => state.shortcuts);
  if (!open) return null;
  const close = () => useUi.getState().open({ shortcuts: false });
  const rows = [...COMMANDS.filter((command) => command.shortcut), ARROW_SHORTCUT];
  return (
    <div className="wd-modal-backdrop" onClick={close}>
      <div className="wd-modal" role="dialog" aria-modal="true" aria-labelledby="wd-shortcuts-title" data-testid="shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2 id="wd-shortcuts-title">Keyboard shortcuts</h2>
        <table>
          <tbody>{rows.map((row) => <tr key={row.title}><td>{row.title}</td><td><kbd>{row.shortcut}</kbd></td></tr>)}</tbody>
        </table>
        <button type="button" onClick={close} autoFocus>Close</button>
      </div>
    </div>
  );
}
