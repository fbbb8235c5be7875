// `stats` answers for the console's tests: quiet days, and a realistic week.
import type { DayStats, StatsAnswer } from '../../src/domain';

const DAY_MS = 86_400_000;
const LAST_DAY = Date.UTC(2026, 10, 29);

/** YYYY-MM-DD of the day `back` days before 2026-11-29. */
const dayBefore = (back: number): string => new Date(LAST_DAY - back * DAY_MS).toISOString().slice(0, 10);

export const quietDay = (day: string): DayStats => ({
  day,
  requests: 0,
  refused: {},
  vendorCalls: 0,
  billed: 0,
  maybeBilled: 0,
  cached: 0,
  outcomes: {},
  latencyMs: { p50: null, p95: null },
});

/** An answer for `count` days ending 2026-11-29, newest first as the function sends them. */
export function statsAnswer(count: number, busy: (back: number) => Partial<DayStats> = () => ({}), extra: Partial<StatsAnswer> = {}): StatsAnswer {
  const days = Array.from({ length: count }, (_, back) => ({ ...quietDay(dayBefore(back)), ...busy(back) }));
  return {
    ok: true,
    days,
    quota: { total: null, used: null, remaining: null },
    budget: { daily: null, usedToday: 0 },
    traceId: 'trace-stats',
    ...extra,
  };
}

export const emptyAnswer = (count = 7): StatsAnswer => statsAnswer(count);

/** A week of sandbox traffic: passes, mismatches, a 203, cached answers, a timeout, refusals. */
export const busyWeek = (): StatsAnswer =>
  statsAnswer(
    7,
    (back): Partial<DayStats> =>
      back === 6
        ? {} // the oldest day: nothing happened
        : {
            requests: 20 + back,
            refused: back === 0 ? { INVALID_ID_CARD: 3, CONSENT_REQUIRED: 1, RATE_LIMITED: 2 } : { INVALID_ID_CARD: 1 },
            vendorCalls: 12,
            billed: 12 - (back === 2 ? 1 : 0),
            maybeBilled: back === 2 ? 1 : 0,
            cached: 4 + back,
            outcomes: { '01': 9 + back, '02': 2, '203': back === 1 ? 1 : 0 },
            latencyMs: { p50: 300 + 10 * back, p95: 900 + 50 * back },
          },
    {
      quota: { total: 1000, used: 850, remaining: 150 },
      budget: { daily: 50, usedToday: 12 },
    },
  );
