// Daily aggregates without personal data (read by operatorStats, the `stats` action). Pure: counts in, counts out.
import type { DayStats } from '../../../src/domain';
import type { Aggregates, Billing, ProviderCounts } from './ports';

/** Upper bounds (ms) of the vendor-latency histogram; the last bucket is everything slower. */
const LATENCY_BUCKETS_MS = [50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000] as const;

export const emptyAggregates = (): Aggregates => ({
  requests: 0, vendorCalls: 0, billed: 0, maybeBilled: 0, cached: 0, refused: {}, outcomes: {}, latency: {}, byProvider: {},
});

const addCounts = (into: Record<string, number>, from: Record<string, number>): void => {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
};

export function mergeAggregates(into: Aggregates, from: Aggregates): Aggregates {
  into.requests += from.requests;
  into.vendorCalls += from.vendorCalls;
  into.billed += from.billed;
  into.maybeBilled += from.maybeBilled;
  into.cached += from.cached;
  addCounts(into.refused, from.refused);
  addCounts(into.outcomes, from.outcomes);
  addCounts(into.latency, from.latency);
  for (const [id, counts] of Object.entries(from.byProvider)) {
    const mine = into.byProvider[id] ?? { vendorCalls: 0, billed: 0 };
    into.byProvider[id] = { vendorCalls: mine.vendorCalls + counts.vendorCalls, billed: mine.billed + counts.billed };
  }
  return into;
}

/** Adds `delta` to `day` in a per-day map (pending counts of an instance). */
export function addToDays(days: Map<string, Aggregates>, day: string, delta: Aggregates): void {
  const existing = days.get(day);
  if (existing) mergeAggregates(existing, delta);
  else days.set(day, mergeAggregates(emptyAggregates(), delta));
}

const latencyBucket = (ms: number): number => {
  const index = LATENCY_BUCKETS_MS.findIndex((bound) => ms <= bound);
  return index === -1 ? LATENCY_BUCKETS_MS.length : index;
};

/** The upper bound of the bucket holding the q-th quantile; null without samples. */
function quantileMs(latency: Record<string, number>, q: number): number | null {
  const counts = Array.from({ length: LATENCY_BUCKETS_MS.length + 1 }, (_unused, i) => latency[String(i)] ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < counts.length; i += 1) {
    seen += counts[i];
    // The open last bucket reports the largest bound: "slower than 5 s".
    if (seen >= rank) return LATENCY_BUCKETS_MS[Math.min(i, LATENCY_BUCKETS_MS.length - 1)];
  }
  return null;
}

/** YYYYMMDD → YYYY-MM-DD. */
const isoDay = (day: string): string => `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;

export function toDayStats(day: string, delta: Aggregates | undefined): DayStats {
  const d = delta ?? emptyAggregates();
  return {
    day: isoDay(day),
    requests: d.requests,
    refused: { ...d.refused },
    vendorCalls: d.vendorCalls,
    billed: d.billed,
    maybeBilled: d.maybeBilled,
    cached: d.cached,
    outcomes: { ...d.outcomes },
    byProvider: Object.fromEntries(Object.entries(d.byProvider).map(([id, counts]) => [id, { ...counts }])),
    latencyMs: { p50: quantileMs(d.latency, 0.5), p95: quantileMs(d.latency, 0.95) },
  };
}

/** Deltas for one answered request. */
export const delta = {
  refused: (code: string): Aggregates => ({ ...emptyAggregates(), requests: 1, refused: { [code]: 1 } }),
  cached: (code: string): Aggregates => ({ ...emptyAggregates(), requests: 1, cached: 1, outcomes: { [code]: 1 } }),
  /**
   * A check that reached (or may have reached) one or more providers: one request and one outcome,
   * every call counted (per provider too).
   */
  vendor(outcome: string, calls: readonly { provider: string; billing: Billing }[], latencyMs: number, refusedCode?: string): Aggregates {
    const byProvider: Record<string, ProviderCounts> = {};
    for (const call of calls) {
      const counts = byProvider[call.provider] ?? { vendorCalls: 0, billed: 0 };
      byProvider[call.provider] = { vendorCalls: counts.vendorCalls + 1, billed: counts.billed + (call.billing === 'billed' ? 1 : 0) };
    }
    return {
      ...emptyAggregates(),
      requests: 1,
      vendorCalls: calls.length,
      billed: calls.filter((call) => call.billing === 'billed').length,
      maybeBilled: calls.filter((call) => call.billing === 'unknown').length,
      outcomes: refusedCode ? {} : { [outcome]: 1 },
      refused: refusedCode ? { [refusedCode]: 1 } : {},
      latency: { [String(latencyBucket(latencyMs))]: 1 },
      byProvider,
    };
  },
};
