/** Labels for a chart's axes, tooltips and table: bucket starts and values in the chart's unit. */

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A bucket start as the axis shows it: the time of day for buckets under a day, the date otherwise. */
export function bucketLabel(epochMillis: number, bucketSeconds: number): string {
  const d = new Date(epochMillis);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (bucketSeconds < 86_400) return time;
  return `${d.getDate()} ${MONTHS[d.getMonth()]}`;
}

/** A bucket as a tooltip or the table names it: date, time and length. */
export function bucketTitle(epochMillis: number, bucketSeconds: number): string {
  const from = new Date(epochMillis);
  const to = new Date(epochMillis + bucketSeconds * 1000);
  const day = `${from.getDate()} ${MONTHS[from.getMonth()]}`;
  if (bucketSeconds >= 86_400) return day;
  return `${day} ${pad(from.getHours())}:${pad(from.getMinutes())}–${pad(to.getHours())}:${pad(to.getMinutes())}`;
}

/** A value in the chart's unit: durations readable (ms, s, min), counts as integers with thousands grouped. */
export function valueLabel(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (unit === 'ms') {
    if (value < 1000) return `${Math.round(value)} ms`;
    if (value < 60_000) return `${(value / 1000).toFixed(value < 10_000 ? 1 : 0)} s`;
    if (value < 3_600_000) return `${(value / 60_000).toFixed(1)} min`;
    return `${(value / 3_600_000).toFixed(1)} h`;
  }
  const rounded = Number.isInteger(value) ? value : Math.round(value * 10) / 10;
  return rounded.toLocaleString('en-GB');
}
