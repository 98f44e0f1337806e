/**
 * What Chart.java sends in the `chart` state: one DashboardChart of the backend, with its bucket starts as epoch
 * milliseconds. Java computes every number; this code only draws them.
 */
export interface ChartData {
  id: string;
  title: string;
  /** `stacked-bar`, `bar` or `line`. */
  kind: 'stacked-bar' | 'bar' | 'line' | string;
  /** What the values count: `runs`, `ms`, `hits`. */
  unit: string;
  bucketSeconds: number;
  /** Start of each bucket, epoch milliseconds. */
  x: number[];
  series: ChartSeriesData[];
}

export interface ChartSeriesData {
  name: string;
  /** `success`, `error`, `warning` or `neutral`. */
  tone: string;
  /** One per bucket; null where there is no data. */
  values: (number | null)[];
  /** Whether a click on one of this series' bars opens a list (Java builds the link). */
  clickable: boolean;
}
