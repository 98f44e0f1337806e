import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import type { ReactElement } from 'react';
import { Chart } from './Chart';
import type { ChartData } from './contract';

/**
 * The only file of the charts that knows Vaadin: draws the `chart` state Chart.java sets, and hands a click on a bar
 * to its `open(series, bucket)` @ClientCallable (Java knows the bar's link).
 */
class JunctionChartElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks): ReactElement | null {
    const [chart] = hooks.useState<ChartData | undefined>('chart');
    if (!chart) return null;
    const open = (series: number, bucket: number) =>
      (this as unknown as { $server: { open(series: number, bucket: number): Promise<void> } }).$server.open(series, bucket);
    return <Chart chart={chart} onOpen={open} />;
  }
}

customElements.define('junction-chart', JunctionChartElement);
