/* The issue list the panel and the publish button share (until the trees' issues.ts is merged: from the preview). */
import { useMemo } from 'react';
import { useMapper } from '../store';
import { previewIssues, type Issue } from './issueList';

export type { Issue };

export function useIssues(): Issue[] {
  const document = useMapper((state) => state.document);
  const preview = useMapper((state) => state.preview);
  return useMemo(() => previewIssues(document, preview), [document, preview]);
}
