/*
 * The live preview: every change of the working copy or of the sample asks the server for a preview, debounced, and
 * keeps only the answer to the latest question (an older answer arriving late is dropped). Mounted once, by the
 * bottom panel.
 */
import { useEffect } from 'react';
import type { PreviewResult } from '../contract';
import { useMapper } from '../store';

export const PREVIEW_DEBOUNCE_MILLIS = 150;

/** JSON text with object keys sorted, so equal values give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** A short stable hash (FNV-1a, 32 bits, hex) of a value's canonical JSON: the same output, the same hash. */
export function hashJson(value: unknown): string {
  const text = canonicalJson(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** What a preview shows as its state: pending while one is on its way, error when it did not compile or an output
 * field has an error, ok otherwise. */
export function previewState(preview: PreviewResult | null, previewing: boolean): 'ok' | 'error' | 'pending' {
  if (previewing || !preview) return 'pending';
  if (!preview.compiled || preview.problems.some((problem) => problem.severity === 'ERROR')) return 'error';
  return 'ok';
}

/** Previews the working copy on the sample after each change (debounced), latest question wins. */
export function useLivePreview(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let asked = 0;
    const ask = () => {
      clearTimeout(timer);
      useMapper.getState().set({ previewing: true });
      timer = setTimeout(() => {
        const { server, document, sample } = useMapper.getState();
        if (!server || !document) return;
        const question = ++asked;
        server.preview(document, sample ?? {}).then(
          (preview) => {
            if (question !== asked) return;
            useMapper.getState().set({ preview, previewing: false });
          },
          (error: unknown) => {
            if (question !== asked) return;
            useMapper.getState().set({
              previewing: false,
              preview: { compiled: false, output: null, fields: [], problems: [{ severity: 'ERROR', code: 'PreviewFailed', path: '', message: `The preview failed: ${String((error as Error)?.message ?? error)}`, origin: 'definition' }] },
            });
          });
      }, PREVIEW_DEBOUNCE_MILLIS);
    };
    ask();
    const unsubscribe = useMapper.subscribe((state, before) => {
      if (state.document !== before.document || state.sample !== before.sample || state.server !== before.server) ask();
    });
    return () => { clearTimeout(timer); unsubscribe(); };
  }, []);
}
