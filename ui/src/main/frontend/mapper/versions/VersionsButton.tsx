import { useState, type ReactElement } from 'react';
import { VersionsPanel } from './VersionsPanel';
import './versions.css';

/** The toolbar's Versions button: opens the panel with the mapping's versions (list, compare, restore). */
export function VersionsButton(): ReactElement {
  const [open, setOpen] = useState(false);
  return (
    <span className="mapper-versions-anchor">
      <button type="button" data-testid="versions" aria-expanded={open} onClick={() => setOpen(!open)}>Versions</button>
      {open && <VersionsPanel onClose={() => setOpen(false)} />}
    </span>
  );
}
