import type { Catalog } from '../../shared/generated/catalog';
import type { MappingDoc } from '../contract';
import { sourceForTarget } from '../model';
import type { FieldRow, SideFields } from '../schema/fields';

/** A conversion the drop proposes: one pipe step, and how people read it. */
export interface Proposal {
  fn: string;
  args: unknown[];
  label: string;
}

const MONEY_WORDS = /(amount|total|price|cost|fee|tax|charge|discount|balance)/i;

function isMoneyText(row: FieldRow, fields: SideFields): boolean {
  if (!['string', 'number'].includes(row.type)) return false;
  if (MONEY_WORDS.test(row.name)) return true;
  return siblings(row, fields).some((sibling) => /currency/i.test(sibling.name));
}

function siblings(row: FieldRow, fields: SideFields): FieldRow[] {
  return fields.rows.filter((candidate) => candidate.parent === row.parent && candidate.path !== row.path);
}

function isMinorUnits(row: FieldRow): boolean {
  return row.type === 'integer' && (/minor/i.test(row.description ?? '') || MONEY_WORDS.test(row.name));
}

/** The currency field nearest to an amount: a sibling whose name says currency, else the one sharing the longest
 * path prefix (schema order breaks ties). */
export function nearestCurrency(amount: FieldRow, fields: SideFields): FieldRow | null {
  const candidates = fields.rows.filter((row) => /currency/i.test(row.name) && row.type === 'string');
  if (candidates.length === 0) return null;
  const shared = (a: string, b: string) => {
    const left = a.split('.');
    const right = b.split('.');
    let n = 0;
    while (n < left.length && n < right.length && left[n] === right[n]) n++;
    return n;
  };
  const sibling = candidates.find((row) => row.parent === amount.parent);
  if (sibling) return sibling;
  return [...candidates].sort((a, b) => shared(b.path, amount.path) - shared(a.path, amount.path) || a.order - b.order)[0];
}

/** What dropping `sources` on `target` should add, or null when the types fit (or no function would help). */
export function proposeConversion(document: MappingDoc, catalog: Catalog | null, sources: FieldRow[], target: FieldRow,
  sourceFields: SideFields): Proposal | null {
  if (sources.length !== 1) return null;
  const source = sources[0];
  const known = (fn: string) => !catalog || catalog.functions.some((candidate) => candidate.name === fn);
  if (isMinorUnits(target) && isMoneyText(source, sourceFields) && known('toMinorUnits')) {
    const currency = nearestCurrency(source, sourceFields);
    if (currency) {
      const from = sourceForTarget(document, currency.path, target.path);
      return { fn: 'toMinorUnits', args: [{ from }], label: `toMinorUnits(${from})` };
    }
  }
  if ((target.type === 'number' || target.type === 'integer') && source.type === 'string' && !source.enum) {
    const fn = target.type === 'integer' && known('toInteger') ? 'toInteger' : 'toNumber';
    if (known(fn)) return { fn, args: [], label: `${fn}()` };
  }
  return null;
}
