import { useLayoutEffect, useState, type ReactElement } from 'react';
import type { Suggestion } from '../contract';
import { useMapper } from '../store';
import { acceptInto, describeSuggestion, percent, suggestionTreePath } from './suggestions';

/**
 * The pending suggestions, best first: target, what accepting writes, confidence and the reasons. Accept one, reject
 * one, or accept every one at or above a confidence threshold; each is one history entry, so Ctrl+Z takes it back
 * (a rejected suggestion comes back, an accepted one turns back into a suggestion).
 */
export function SuggestionList({ anchor, message, busy, onClose }: {
  anchor: HTMLElement | null; message: string | null; busy: boolean; onClose(): void;
}): ReactElement {
  const suggestions = useMapper((state) => state.suggestions);
  const [threshold, setThreshold] = useState(80);
  const [position, setPosition] = useState<{ top: number; left: number }>({ top: 48, left: 16 });

  useLayoutEffect(() => {
    if (!anchor) return;
    const place = () => {
      const box = anchor.getBoundingClientRect();
      const width = Math.min(460, window.innerWidth - 16);
      setPosition({ top: box.bottom + 4, left: Math.max(8, Math.min(box.left, window.innerWidth - width - 8)) });
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [anchor]);

  const sorted = [...suggestions].sort((a, b) => b.confidence - a.confidence);
  const without = (gone: Suggestion[]) => suggestions.filter((candidate) => !gone.includes(candidate));

  const accept = (suggestion: Suggestion) =>
    useMapper.getState().applySuggestions(`Accept suggestion → ${suggestion.targetPath}`, without([suggestion]),
      (document) => acceptInto(document, [suggestion]));
  const reject = (suggestion: Suggestion) =>
    useMapper.getState().applySuggestions(`Reject suggestion → ${suggestion.targetPath}`, without([suggestion]));
  const above = sorted.filter((suggestion) => suggestion.confidence * 100 >= threshold - 1e-9);
  const acceptAbove = () => {
    if (above.length === 0) return;
    useMapper.getState().applySuggestions(`Accept ${above.length} suggestion${above.length === 1 ? '' : 's'} ≥ ${threshold}%`,
      without(above), (document) => acceptInto(document, above));
  };
  const show = (suggestion: Suggestion) => {
    const path = suggestionTreePath(suggestion);
    useMapper.getState().selectTarget(path);
    useMapper.getState().revealRow('target', path);
  };

  return (
    <div className="mapper-automap-list" role="dialog" aria-label="Auto-map suggestions" data-testid="suggestions"
      style={{ top: position.top, left: position.left }}>
      <header>
        <strong>Suggestions</strong>
        <span className="mapper-automap-count">{busy ? 'asking the server…' : `${suggestions.length} pending`}</span>
        <button type="button" className="mapper-automap-close" aria-label="Close suggestions" onClick={onClose}>×</button>
      </header>
      {message && <p className="mapper-automap-message" role="status">{message}</p>}
      {sorted.length > 0 && (
        <div className="mapper-automap-bulk">
          <label>
            Accept all ≥{' '}
            <input type="number" min={0} max={100} step={5} value={threshold} data-testid="accept-threshold"
              aria-label="Confidence threshold in percent"
              onChange={(event) => setThreshold(Math.max(0, Math.min(100, Number(event.target.value) || 0)))} />%
          </label>
          <button type="button" data-testid="accept-above" disabled={above.length === 0} onClick={acceptAbove}>
            Accept {above.length}
          </button>
        </div>
      )}
      <ul>
        {sorted.map((suggestion) => (
          <li key={`${suggestion.targetPath}←${suggestion.sourcePath}`} data-testid="suggestion"
            data-target={suggestion.targetPath} data-source={suggestion.sourcePath}
            data-confidence={suggestion.confidence.toFixed(2)}>
            <div className="mapper-automap-row">
              <button type="button" className="mapper-automap-target" title="Show the target field" onClick={() => show(suggestion)}>
                {suggestion.targetPath}
              </button>
              <span className="mapper-automap-confidence" data-level={suggestion.confidence >= 0.8 ? 'high' : suggestion.confidence >= 0.5 ? 'medium' : 'low'}>
                {percent(suggestion.confidence)}
              </span>
              <button type="button" data-testid="accept-suggestion" aria-label={`Accept the suggestion for ${suggestion.targetPath}`}
                title="Accept: write this rule" onClick={() => accept(suggestion)}>✓</button>
              <button type="button" data-testid="reject-suggestion" aria-label={`Reject the suggestion for ${suggestion.targetPath}`}
                title="Reject" onClick={() => reject(suggestion)}>×</button>
            </div>
            <div className="mapper-automap-rule">{describeSuggestion(suggestion)}</div>
            {suggestion.reasons.length > 0 && (
              <ul className="mapper-automap-reasons" data-testid="suggestion-reasons">
                {suggestion.reasons.map((reason) => <li key={reason}>{reason}</li>)}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
