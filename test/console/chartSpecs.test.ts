import { billingChart, chronological, dayLabel, latencyChart, outcomesChart } from '../../src/packages/console/charts/chartSpecs';
import { STATUS_COLORS } from '../../src/packages/console/labels';
import { busyWeek, emptyAnswer, statsAnswer } from './statsFixtures';

const valueOf = (spec: ReturnType<typeof outcomesChart>, day: string, series: string) =>
  spec.rows.find((r) => r.day === day && r.series === series)?.value;

test('charts read oldest day first although the answer lists newest first', () => {
  const answer = busyWeek();
  expect(answer.days[0]!.day).toBe('2026-11-29');
  expect(chronological(answer.days).map((d) => d.day)).toEqual([
    '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29',
  ]);
  expect(outcomesChart(answer).days).toEqual(['11-23', '11-24', '11-25', '11-26', '11-27', '11-28', '11-29']);
  expect(dayLabel('2026-01-05')).toBe('01-05');
});

test('the outcomes chart stacks one series per vendor status seen in the period, in status order', () => {
  const spec = outcomesChart(busyWeek());
  expect(spec.kind).toBe('stack');
  expect(spec.series.map((s) => s.label)).toEqual(['01 一致', '02 不一致', '203 无法核验']);
  expect(spec.series.map((s) => s.color)).toEqual([STATUS_COLORS['01'], STATUS_COLORS['02'], STATUS_COLORS['203']]);
  expect(valueOf(spec, '11-29', '01 一致')).toBe(9);
  expect(valueOf(spec, '11-28', '203 无法核验')).toBe(1);
  // Every day has a value for every series, zeros included, so the bars line up with the axis.
  expect(spec.rows).toHaveLength(7 * 3);
  expect(spec.empty).toBe(false);
});

test('the outcomes chart adds an 其他 series for a status it does not know', () => {
  const spec = outcomesChart(statsAnswer(2, (back) => (back === 0 ? { outcomes: { '01': 1, '999': 2 } } : {})));
  expect(spec.series.map((s) => s.label)).toEqual(['01 一致', '其他']);
  expect(valueOf(spec, '11-29', '其他')).toBe(2);
});

test('the billing chart puts billed calls next to cached answers, and timeouts only when there were any', () => {
  const spec = billingChart(busyWeek());
  expect(spec.kind).toBe('dodge');
  expect(spec.series.map((s) => s.label)).toEqual(['计费', '可能计费（超时）', '缓存（免费）']);
  expect(valueOf(spec, '11-27', '计费')).toBe(11);
  expect(valueOf(spec, '11-27', '可能计费（超时）')).toBe(1);
  expect(valueOf(spec, '11-29', '缓存（免费）')).toBe(4);

  const calm = billingChart(statsAnswer(3, () => ({ billed: 2, cached: 1 })));
  expect(calm.series.map((s) => s.label)).toEqual(['计费', '缓存（免费）']);
});

test('the latency chart draws p50 and p95 and leaves a gap on days without vendor calls', () => {
  const spec = latencyChart(busyWeek());
  expect(spec.kind).toBe('line');
  expect(spec.series.map((s) => s.label)).toEqual(['p50', 'p95']);
  expect(valueOf(spec, '11-29', 'p95')).toBe(900);
  expect(spec.rows.some((r) => r.day === '11-23')).toBe(false);
  expect(spec.rows).toHaveLength(6 * 2);
});

test('every chart says it is empty when nothing happened', () => {
  const answer = emptyAnswer(30);
  for (const spec of [outcomesChart(answer), billingChart(answer), latencyChart(answer)]) {
    expect(spec.empty).toBe(true);
    expect(spec.days).toHaveLength(30);
  }
  expect(outcomesChart(answer).series).toEqual([]);
});

test('each chart has its own canvas id', () => {
  const answer = busyWeek();
  const ids = [outcomesChart(answer), billingChart(answer), latencyChart(answer)].map((s) => s.id);
  expect(new Set(ids).size).toBe(3);
});
