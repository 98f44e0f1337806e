import type { ReactElement } from 'react';
import type { Definition, SaveResult } from '../contract';

export type Conflict = Extract<SaveResult, { outcome: 'conflict' }>;

/** SCAFFOLD (replaced by the versions work): the three-way merge after someone else saved since this page loaded. */
export function MergeDialog(_props: { conflict: Conflict; onResolved(document: Definition, theirsVersion: number): void; onCancel(): void }): ReactElement | null {
  return null;
}
