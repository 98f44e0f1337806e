/** A value as short JSON for one line of a panel: "(none)" when absent, cut with "…" past `limit` characters. */
export function shortJson(value: unknown, limit = 80): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** "12 Mar 2026, 14:05" in the browser's locale; the ISO text itself when it does not parse. */
export function shortTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
