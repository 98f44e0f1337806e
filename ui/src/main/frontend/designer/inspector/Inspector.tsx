import type { ReactElement } from 'react';

/** SCAFFOLD (replaced by the inspector work): the open node's Input | Parameters | Output panes. Reads the store. */
export function Inspector(): ReactElement | null {
  return null;
}
