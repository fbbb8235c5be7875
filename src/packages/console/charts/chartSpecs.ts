// Pure: a `stats` answer → what each chart draws. No chart library here, so it is tested without a canvas.
import type { DayStats, StatsAnswer } from '../../../domain';
import { OTHER_COLOR, OTHER_LABEL, STATUS_COLORS, STATUS_LABELS, STATUS_ORDER } from '../labels';

export interface ChartSeries {
  label: string;
  color: string;
}

/** One value of one series on one day; `series` is the series' label (what the legend shows). */
export interface ChartRow {
  day: string;
  series: string;
  value: number;
}

export type ChartKind = 'stack' | 'dodge' | 'line';

export interface ChartSpec {
  /** Canvas id, unique on the page. */
  id: string;
  title: string;
  kind: ChartKind;
  unit: string;
  /** The x axis, oldest day first, as MM-DD. */
  days: string[];
  series: ChartSeries[];
  rows: ChartRow[];
  /** Nothing to draw: every value is zero or missing. */
  empty: boolean;
}

/** The answer lists days newest first; charts read left to right, oldest first. */
export const chronological = (days: readonly DayStats[]): DayStats[] => [...days].sort((a, b) => a.day.localeCompare(b.day));

/** 2026-11-29 → 11-29. */
export const dayLabel = (day: string): string => day.slice(5);

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** Builds a spec from per-day values of each series (null: no value that day, drawn as a gap). */
function spec(
  head: Pick<ChartSpec, 'id' | 'title' | 'kind' | 'unit'>,
  days: DayStats[],
  series: { label: string; color: string; value: (d: DayStats) => number | null }[],
): ChartSpec {
  const rows: ChartRow[] = [];
  for (const d of days) {
    for (const s of series) {
      const value = s.value(d);
      if (value !== null) rows.push({ day: dayLabel(d.day), series: s.label, value });
    }
  }
  return {
    ...head,
    days: days.map((d) => dayLabel(d.day)),
    series: series.map(({ label, color }) => ({ label, color })),
    rows,
    empty: rows.every((r) => r.value === 0),
  };
}

const KNOWN_STATUSES = new Set<string>(STATUS_ORDER);
const otherOutcomes = (d: DayStats) => sum(Object.entries(d.outcomes).filter(([code]) => !KNOWN_STATUSES.has(code)).map(([, n]) => n));

/** Completed checks per day, stacked by vendor status; only statuses seen in the period get a series. */
export function outcomesChart(answer: StatsAnswer): ChartSpec {
  const days = chronological(answer.days);
  const seen = STATUS_ORDER.filter((code) => days.some((d) => (d.outcomes[code] ?? 0) > 0));
  const series = seen.map((code) => ({ label: STATUS_LABELS[code], color: STATUS_COLORS[code], value: (d: DayStats) => d.outcomes[code] ?? 0 }));
  if (days.some((d) => otherOutcomes(d) > 0)) series.push({ label: OTHER_LABEL, color: OTHER_COLOR, value: otherOutcomes });
  return spec({ id: 'chart-outcomes', title: '核验结果（按服务商状态）', kind: 'stack', unit: '次' }, days, series);
}

/** Billed vendor calls next to answers served from the cache (free); timeouts that may have been billed when any. */
export function billingChart(answer: StatsAnswer): ChartSpec {
  const days = chronological(answer.days);
  const series = [
    { label: '计费', color: '#dc7306', value: (d: DayStats) => d.billed },
    { label: '缓存（免费）', color: STATUS_COLORS['01'], value: (d: DayStats) => d.cached },
  ];
  if (days.some((d) => d.maybeBilled > 0)) series.splice(1, 0, { label: '可能计费（超时）', color: '#fa5151', value: (d: DayStats) => d.maybeBilled });
  return spec({ id: 'chart-billing', title: '计费与缓存', kind: 'dodge', unit: '次' }, days, series);
}

/** Vendor latency per day; days without vendor calls have no point. */
export function latencyChart(answer: StatsAnswer): ChartSpec {
  const days = chronological(answer.days);
  return spec({ id: 'chart-latency', title: '服务商响应时间', kind: 'line', unit: '毫秒' }, days, [
    { label: 'p50', color: '#0097e4', value: (d) => d.latencyMs.p50 },
    { label: 'p95', color: '#fa5151', value: (d) => d.latencyMs.p95 },
  ]);
}
