import type { ReactElement } from 'react';

/** SCAFFOLD (replaced by the versions work): history, compare two versions on the canvas, restore, publish. */
export function VersionsPanel(_props: { onClose(): void }): ReactElement | null {
  return null;
}
