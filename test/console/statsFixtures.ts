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
  byProvider: {},
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
    pricesFen: { 'aliyun-market': null },
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
            // The second provider answered twice a day (the first was down).
            byProvider: { 'tencent-faceid': { vendorCalls: 10, billed: 10 - (back === 2 ? 1 : 0) }, 'aliyun-market': { vendorCalls: 2, billed: 2 } },
            latencyMs: { p50: 300 + 10 * back, p95: 900 + 50 * back },
          },
    {
      quota: { total: 1000, used: 850, remaining: 150 },
      budget: { daily: 50, usedToday: 12 },
      pricesFen: { 'tencent-faceid': 45, 'aliyun-market': null },
    },
  );

/** A realistic period for screenshots: ~50 requests a day, a fifth cached, one timeout, quota at 76.5 %. */
export const operatorPeriod = (count: number): StatsAnswer =>
  statsAnswer(
    count,
    (back): Partial<DayStats> => {
      const requests = [38, 52, 47, 61, 44, 29, 55][back % 7]! + (back % 5);
      const cached = Math.round(requests * 0.2);
      const refused = Math.round(requests * 0.12);
      const vendorCalls = requests - cached - refused;
      const maybeBilled = back === 3 ? 1 : 0;
      return {
        requests,
        refused: back % 2 ? { INVALID_ID_CARD: refused - 1, CONSENT_REQUIRED: 1 } : { INVALID_ID_CARD: refused - 2, RATE_LIMITED: 1, INVALID_MOBILE: 1 },
        vendorCalls,
        billed: vendorCalls - maybeBilled,
        maybeBilled,
        cached,
        outcomes: { '01': vendorCalls - maybeBilled - 6, '02': 3, '203': back === 2 ? 2 : 1, '205': back === 2 ? 0 : 1, '206': back === 2 ? 1 : 0 },
        latencyMs: { p50: 280 + ((back * 37) % 90), p95: 820 + ((back * 113) % 400) },
      };
    },
    { quota: { total: 2000, used: 1530, remaining: 470 }, budget: { daily: 80, usedToday: 41 } },
  );
