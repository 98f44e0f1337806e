import type { ReactElement } from 'react';

/** SCAFFOLD (replaced by the versions work): test run (input dialog), the run overlay's summary, open a past run. */
export function RunControls(): ReactElement | null {
  return null;
}
