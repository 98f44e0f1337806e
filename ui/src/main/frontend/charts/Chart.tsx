import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartData } from './contract';
import { axisFormat, bucketLabel, bucketTitle, subtitle, valueLabel } from './format';
import { colours } from './palette';
import './charts.css';

// only what the dashboard draws: bars and lines on a time axis, a tooltip, and the legend's selection (the legend
// itself is drawn as HTML below the title, so that it is read and named like the rest of the page)
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartProps {
  chart: ChartData;
  /** A click on bucket `bucket` of series `series` (only series marked clickable). */
  onOpen(series: number, bucket: number): void;
}

/** How many values the chart draws (a bucket without data draws nothing): tests read it as `data-points`. */
export function pointCount(chart: ChartData): number {
  return chart.series.reduce((sum, s) => sum + s.values.filter((v) => v !== null && v !== undefined).length, 0);
}

function hasData(chart: ChartData): boolean {
  return chart.series.some((s) => s.values.some((v) => v !== null && v !== undefined && v !== 0));
}

function options(chart: ChartData, hidden: Set<string>): echarts.EChartsCoreOption {
  const palette = colours(chart.series.map((s) => s.tone));
  const bars = chart.kind !== 'line';
  return {
    animation: false,
    color: palette,
    grid: { left: 8, right: 12, top: 12, bottom: 4, containLabel: true },
    legend: {
      show: false, data: chart.series.map((s) => s.name),
      selected: Object.fromEntries(chart.series.map((s) => [s.name, !hidden.has(s.name)])),
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: bars ? 'shadow' : 'line' },
      valueFormatter: (value: unknown) => valueLabel(typeof value === 'number' ? value : null, chart.unit),
    },
    xAxis: {
      type: 'category',
      data: chart.x.map((x) => bucketLabel(x, chart.bucketSeconds, chart.x.length)),
      axisTick: { alignWithLabel: true },
      axisLabel: { fontSize: 11, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      minInterval: chart.unit === 'ms' ? undefined : 1,
      splitNumber: 3,
      axisLabel: { fontSize: 11, formatter: (value: number) => valueLabel(value, chart.unit) },
      splitLine: { lineStyle: { type: 'dashed', opacity: 0.5 } },
    },
    series: chart.series.map((s) => bars
      ? {
        type: 'bar', name: s.name, data: s.values, stack: chart.kind === 'stacked-bar' ? 'total' : undefined,
        barMaxWidth: 28, cursor: s.clickable ? 'pointer' : 'default', emphasis: { focus: 'series' },
      }
      : {
        type: 'line', name: s.name, data: s.values, showSymbol: chart.x.length <= 48, symbolSize: 5,
        cursor: s.clickable ? 'pointer' : 'default', lineStyle: { width: 2 },
      }),
  };
}

/**
 * One chart of the dashboard drawn with ECharts (SVG renderer). The figure is named by the chart's title; a line under
 * it says what is plotted per bucket ("Runs ended per 6 hours"); a legend names every series (one too) with its
 * colour, each entry a toggle that hides or shows its series (`data-testid=legend-item`, `aria-pressed`); a visually
 * hidden table carries the same numbers for screen readers. `data-ready` turns true once ECharts has drawn the
 * current data, `data-points` counts the values drawn, `data-axis` says how the x axis names buckets (`time` for a
 * day or less, `date` / `date-time` beyond).
 */
export function Chart({ chart, onOpen }: ChartProps): ReactElement {
  const canvas = useRef<HTMLDivElement>(null);
  const instance = useRef<echarts.ECharts | null>(null);
  const open = useRef(onOpen);
  open.current = onOpen;
  const [drawn, setDrawn] = useState<ChartData | null>(null);
  const [hidden, setHidden] = useState<Set<string>>(new Set());

  useEffect(() => {
    const element = canvas.current!;
    const chartInstance = echarts.init(element, undefined, { renderer: 'svg' });
    instance.current = chartInstance;
    chartInstance.on('click', (params) => {
      const p = params as { seriesIndex?: number; dataIndex?: number };
      if (p.seriesIndex !== undefined && p.dataIndex !== undefined) open.current(p.seriesIndex, p.dataIndex);
    });
    // test hook: where bucket `bucket` of series `series` is drawn, so a browser test clicks a real bar
    (element as unknown as { pointOf: (series: number, bucket: number) => number[] }).pointOf = (series, bucket) => {
      const data = (chartInstance.getOption() as { series: { data: (number | null)[] }[] }).series;
      let top = 0;
      const stacked = (chartInstance.getOption() as { series: { stack?: string }[] }).series[series].stack;
      for (let i = 0; i <= series; i++) {
        if (i === series || stacked) top += data[i].data[bucket] ?? 0;
      }
      const bottom = top - (data[series].data[bucket] ?? 0);
      const [x, yTop] = chartInstance.convertToPixel({ seriesIndex: series }, [bucket, top]);
      const [, yBottom] = chartInstance.convertToPixel({ seriesIndex: series }, [bucket, bottom]);
      return [x, (yTop + yBottom) / 2];
    };
    const resize = new ResizeObserver(() => chartInstance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chartInstance.dispose();
      instance.current = null;
    };
  }, []);

  useEffect(() => {
    instance.current?.setOption(options(chart, hidden), { notMerge: true });
    setDrawn(chart);
  }, [chart, hidden]);

  // a series hidden through the legend stays hidden when the dashboard refreshes
  const toggle = (name: string) => {
    setHidden((before) => {
      const after = new Set(before);
      if (after.has(name)) after.delete(name); else after.add(name);
      return after;
    });
  };
  const palette = useMemo(() => colours(chart.series.map((s) => s.tone)), [chart]);
  const plotted = subtitle(chart.unit, chart.bucketSeconds);

  const ready = drawn === chart;
  const empty = useMemo(() => !hasData(chart), [chart]);
  return (
    <figure className="junction-chart" role="figure" aria-label={chart.title} data-testid={`chart-${chart.id}`}
            data-kind={chart.kind} data-ready={ready ? 'true' : 'false'} data-points={pointCount(chart)}
            data-axis={axisFormat(chart.bucketSeconds, chart.x.length)}>
      <figcaption className="junction-chart-title" aria-hidden="true">
        {chart.title}
        <span className="junction-chart-subtitle" data-testid="chart-subtitle">{plotted}</span>
      </figcaption>
      {chart.series.length > 0 && (
        <div className="junction-chart-legend" role="group" aria-label={`${chart.title}: series`}>
          {chart.series.map((s, index) => (
            <button type="button" key={s.name} className="junction-chart-legend-item" data-testid="legend-item"
                    data-tone={s.tone} aria-pressed={!hidden.has(s.name)} onClick={() => toggle(s.name)}
                    title={hidden.has(s.name) ? `Show ${s.name}` : `Hide ${s.name}`}>
              <span className="junction-chart-swatch" style={{ background: palette[index] }} aria-hidden="true" />
              {s.name}
            </button>
          ))}
        </div>
      )}
      <div className="junction-chart-canvas" ref={canvas} aria-hidden="true" />
      {empty && <div className="junction-chart-empty" aria-hidden="true">No data in this range</div>}
      <table className="junction-chart-table">
        <caption>{chart.title} ({plotted.toLowerCase()})</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            {chart.series.map((s) => <th scope="col" key={s.name}>{s.name}</th>)}
          </tr>
        </thead>
        <tbody>
          {chart.x.map((x, bucket) => (
            <tr key={x}>
              <th scope="row">{bucketTitle(x, chart.bucketSeconds)}</th>
              {chart.series.map((s) => <td key={s.name}>{valueLabel(s.values[bucket], chart.unit)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
