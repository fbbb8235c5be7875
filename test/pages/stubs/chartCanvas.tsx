// Stand-in for the console's ChartCanvas: jsdom has no canvas, so it shows what the chart would draw.
import type { ChartSpec } from '../../../src/packages/console/charts/chartSpecs';

export function ChartCanvas({ spec }: { spec: ChartSpec }) {
  return <div id={spec.id} data-kind={spec.kind} data-series={spec.series.map((s) => s.label).join(',')} data-days={spec.days.join(',')} />;
}
