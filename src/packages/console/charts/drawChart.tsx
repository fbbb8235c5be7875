/** @jsxImportSource @antv/f2 */
// Draws a ChartSpec with F2 on any 2d context: a DOM canvas (h5) or a canvas type="2d" node (weapp).
// The pragma above makes this file's JSX F2's, not React's.
import { Axis, Canvas, Chart, Interval, Legend, Line, Point, type CanvasProps } from '@antv/f2';
import type { ChartSpec } from './chartSpecs';
import type { ColorScheme } from '../../../hooks/useColorScheme';
import { CHART_INK } from './chartInk';

export interface Surface {
  context: CanvasRenderingContext2D;
  /** CSS pixels. */
  width: number;
  height: number;
  pixelRatio: number;
  /** weapp: F2 measures text on it (Taro's `document` cannot make a canvas). */
  offscreenCanvas?: CanvasProps['offscreenCanvas'];
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
}

/** At most this many day labels under a chart (30 and 90 days would overlap). */
const MAX_DAY_LABELS = 7;

/**
 * F2's sizes ('24px') are 750-wide design pixels. By default it scales them by the page's root font
 * size, which Taro's h5 build sets to 20px for its rem units, shrinking the text to 40 %. Fixed instead:
 * half, as on a 375-wide phone.
 */
const designToCss = (px: number): number => px / 2;

export function drawChart(surface: Surface, spec: ChartSpec, scheme: ColorScheme): { destroy(): void } {
  const ink = CHART_INK[scheme];
  const axisStyle = { label: { fill: ink.text }, grid: { stroke: ink.grid }, line: { stroke: ink.grid } };
  const color = { field: 'series', range: spec.series.map((s) => s.color) };
  const scale = {
    day: { type: 'cat' as const, values: spec.days, tickCount: Math.min(spec.days.length, MAX_DAY_LABELS) },
    series: { type: 'cat' as const, values: spec.series.map((s) => s.label) },
    value: { min: 0, nice: true },
  };
  const { props } = (
    <Canvas {...surface} px2hd={designToCss} animate={false}>
      <Chart data={spec.rows} scale={scale}>
        <Axis field="day" style={axisStyle} />
        <Axis field="value" tickCount={4} style={axisStyle} />
        {spec.kind === 'line' ? (
          <Line x="day" y="value" color={color} />
        ) : (
          <Interval x="day" y="value" color={color} adjust={spec.kind === 'stack' ? 'stack' : { type: 'dodge', marginRatio: 0.05 }} />
        )}
        {/* Points too: a period with a single day of calls has no line to draw. */}
        {spec.kind === 'line' && <Point x="day" y="value" color={color} />}
        <Legend position="top" nameStyle={{ fill: ink.text }} />
      </Chart>
    </Canvas>
  );
  const canvas = new Canvas(props);
  void canvas.render();
  return { destroy: () => canvas.destroy() };
}
