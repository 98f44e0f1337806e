/* Find a step by name or id (Ctrl+F): Enter selects the first match and centres it. */
import { useState, type ReactElement } from 'react';
import { useDesigner } from '../store';
import { useUi } from '../ui-state';
import { focusNode } from './actions';

export function FindNode(): ReactElement | null {
  const open = useUi((state) => state.find);
  const nodes = useDesigner((state) => state.document?.nodes ?? []);
  const [query, setQuery] = useState('');
  if (!open) return null;
  const q = query.trim().toLowerCase();
  const found = q ? nodes.filter((node) => node.name.toLowerCase().includes(q) || node.id.toLowerCase().includes(q)).slice(0, 8) : [];
  const close = () => { setQuery(''); useUi.getState().open({ find: false }); };
  return (
    <div className="wd-find" role="search">
      <input data-testid="find-node" aria-label="Find a step" placeholder="Find a step…" autoFocus value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && found[0]) { focusNode(found[0].id); close(); }
          if (event.key === 'Escape') close();
        }} onBlur={() => setTimeout(close, 150)} />
      {found.length > 0 && (
        <ul>{found.map((node) => <li key={node.id}><button type="button" onMouseDown={() => { focusNode(node.id); close(); }}>{node.name}</button></li>)}</ul>
      )}
    </div>
  );
}
