import { useMemo } from 'react';
import { useMapper } from '../store';
import { EMPTY_FIELDS, sideFields, type SideFields } from './fields';

export type Side = 'source' | 'target';

/** The rows of one side's schema (resolved from the working copy's `source`/`target` and the catalog), memoised on
 * the schema reference so every part of the editor shares the same rows. */
export function useSideFields(side: Side): SideFields {
  const ref = useMapper((state) => state.document?.[side]?.schema);
  const catalog = useMapper((state) => state.catalog);
  return useMemo(() => (ref == null ? EMPTY_FIELDS : cachedSideFields(ref, catalog)), [ref, catalog]);
}

/** The same outside React (the store's current document). */
export function currentSideFields(side: Side): SideFields {
  const { document, catalog } = useMapper.getState();
  const ref = document?.[side]?.schema;
  return ref == null ? EMPTY_FIELDS : cachedSideFields(ref, catalog);
}

let cache: { ref: unknown; catalog: unknown; fields: SideFields }[] = [];
function cachedSideFields(ref: NonNullable<unknown>, catalog: ReturnType<typeof useMapper.getState>['catalog']): SideFields {
  const hit = cache.find((entry) => entry.ref === ref && entry.catalog === catalog);
  if (hit) return hit.fields;
  const fields = sideFields(ref as string | Record<string, unknown>, catalog);
  cache = [{ ref, catalog, fields }, ...cache].slice(0, 4);
  return fields;
}
