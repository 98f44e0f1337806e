/**
 * Labels for a chart's axes, tooltips and table: bucket starts and values in the chart's unit, in the browser's
 * language and time zone (an en-GB browser reads "7 Dec, 14:00"; an en-US one "Dec 7, 2:00 PM").
 */

const DAY_SECONDS = 86_400;

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayAndTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/**
 * How the x axis names its buckets: `time` when the chart spans at most a day (times of day are unambiguous),
 * else `date` for daily buckets and `date-time` for shorter ones (7 days of 6-hour buckets need the day).
 */
export function axisFormat(bucketSeconds: number, buckets: number): 'time' | 'date' | 'date-time' {
  if (bucketSeconds * buckets <= DAY_SECONDS) return 'time';
  return bucketSeconds >= DAY_SECONDS ? 'date' : 'date-time';
}

/** A bucket start as the axis shows it (see {@link axisFormat}). */
export function bucketLabel(epochMillis: number, bucketSeconds: number, buckets: number): string {
  const at = new Date(epochMillis);
  switch (axisFormat(bucketSeconds, buckets)) {
    case 'time': return time.format(at);
    case 'date': return day.format(at);
    default: return dayAndTime.format(at);
  }
}

/** A bucket as a tooltip or the table names it: its day and, for buckets under a day, its hours. */
export function bucketTitle(epochMillis: number, bucketSeconds: number): string {
  const from = new Date(epochMillis);
  if (bucketSeconds >= DAY_SECONDS) return day.format(from);
  const to = new Date(epochMillis + bucketSeconds * 1000);
  return `${day.format(from)} ${time.format(from)}–${time.format(to)}`;
}

/** How long one bucket is, for the chart's subtitle: "hour", "6 hours", "day". */
export function bucketLength(bucketSeconds: number): string {
  if (bucketSeconds % DAY_SECONDS === 0) return bucketSeconds === DAY_SECONDS ? 'day' : `${bucketSeconds / DAY_SECONDS} days`;
  if (bucketSeconds % 3600 === 0) return bucketSeconds === 3600 ? 'hour' : `${bucketSeconds / 3600} hours`;
  return `${Math.round(bucketSeconds / 60)} minutes`;
}

const UNIT_NOUNS: Record<string, string> = {
  runs: 'Runs', ms: 'Run duration', hits: 'Rate-limit hits', percent: 'Share (%)', amount: 'Amount',
};

/** What the chart plots, said in a line beside its title: "Runs per hour", "Run duration per 6 hours". */
export function subtitle(unit: string, bucketSeconds: number): string {
  const noun = unit.startsWith('money:') ? `Amount (${unit.substring(6)})` : UNIT_NOUNS[unit] ?? unit;
  return `${noun} per ${bucketLength(bucketSeconds)}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount of an ISO 4217 currency in the browser's language ("£1,250"); whole units above 100. */
function money(value: number, currency: string): string {
  const key = `${currency}:${Math.abs(value) >= 100}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, {
        style: 'currency', currency, maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2,
      });
    } catch {
      format = number;
    }
    moneyFormats.set(key, format);
  }
  return format.format(value);
}

/** A value in the chart's unit: durations readable (ms, s, min), counts grouped as the browser's language does. */
export function valueLabel(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (unit === 'ms') {
    if (value < 1000) return `${Math.round(value)} ms`;
    if (value < 60_000) return `${(value / 1000).toFixed(value < 10_000 ? 1 : 0)} s`;
    if (value < 3_600_000) return `${(value / 60_000).toFixed(1)} min`;
    return `${(value / 3_600_000).toFixed(1)} h`;
  }
  if (unit === 'percent') return `${number.format(value)} %`;
  if (unit.startsWith('money:')) return money(value, unit.substring(6));
  return number.format(value);
}
