import { useState } from 'react';
import { useMapper } from '../store';

/** Auto-map: asks the server for suggestions between the two schemas and puts them up as pending (drawn dashed). */
export function AutoMapButton() {
  const edit = useMapper((state) => state.permissions.edit);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const { server, document } = useMapper.getState();
    if (!server || !document) return;
    setBusy(true);
    try {
      const answer = await server.suggest((document.source?.schema ?? {}) as never, (document.target?.schema ?? {}) as never);
      useMapper.getState().applySuggestions('Auto-map', answer?.suggestions ?? []);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" data-testid="auto-map" disabled={!edit || busy} onClick={run}>Auto-map</button>
  );
}
