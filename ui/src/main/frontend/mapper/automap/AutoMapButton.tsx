import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useMapper } from '../store';
import type { SchemaRef } from '../server';
import { forUnmappedTargets } from './suggestions';
import { SuggestionList } from './SuggestionList';
import './automap.css';

/**
 * Auto-map (toolbar): asks the server for rules between the two schemas and puts them up as pending suggestions (one
 * history entry "Auto-map"; the trees draw them dashed) in a list beside the button where each can be accepted or
 * rejected. Targets that already have a rule get no suggestion.
 */
export function AutoMapButton(): ReactElement {
  const edit = useMapper((state) => state.permissions.edit);
  const pending = useMapper((state) => state.suggestions.length);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const anchor = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const run = async () => {
    const { server, document } = useMapper.getState();
    if (!server || !document) return;
    setBusy(true);
    setMessage(null);
    setOpen(true);
    try {
      const answer = await server.suggest((document.source?.schema ?? {}) as SchemaRef, (document.target?.schema ?? {}) as SchemaRef);
      const error = (answer as { error?: string } | undefined)?.error;
      const current = useMapper.getState().document ?? document;
      const suggestions = forUnmappedTargets(current, answer?.suggestions ?? []);
      if (error) setMessage(error);
      else if (suggestions.length === 0) setMessage('No suggestions: no unmapped target has a likely source.');
      useMapper.getState().applySuggestions('Auto-map', suggestions);
    } catch (error) {
      setMessage(`Auto-map failed: ${String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="mapper-automap" ref={anchor}>
      <button type="button" data-testid="auto-map" disabled={!edit || busy} onClick={() => void run()}
        title="Suggest rules for unmapped target fields from names, synonyms, types and earlier mappings">
        {busy ? 'Auto-mapping…' : 'Auto-map'}
      </button>
      {!open && pending > 0 && (
        <button type="button" className="mapper-automap-pending" data-testid="show-suggestions" onClick={() => setOpen(true)}>
          {pending} suggestion{pending === 1 ? '' : 's'}
        </button>
      )}
      {open && <SuggestionList anchor={anchor.current} message={message} busy={busy} onClose={() => setOpen(false)} />}
    </span>
  );
}
