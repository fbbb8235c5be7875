// Pure: a `stats` answer → the console's figures (totals, quota and budget meters, refusals by code).
import { isErrorCode, isProviderId, PROVIDER_LABELS, type StatsAnswer } from '../../domain';
import { REFUSAL_LABELS } from './labels';

export interface PeriodTotals {
  requests: number;
  refused: number;
  vendorCalls: number;
  billed: number;
  maybeBilled: number;
  cached: number;
}

export function periodTotals(answer: StatsAnswer): PeriodTotals {
  const totals: PeriodTotals = { requests: 0, refused: 0, vendorCalls: 0, billed: 0, maybeBilled: 0, cached: 0 };
  for (const d of answer.days) {
    totals.requests += d.requests;
    totals.refused += Object.values(d.refused).reduce((a, b) => a + b, 0);
    totals.vendorCalls += d.vendorCalls;
    totals.billed += d.billed;
    totals.maybeBilled += d.maybeBilled;
    totals.cached += d.cached;
  }
  return totals;
}

/** Nothing happened in the period: no request, no refusal. */
export const hasActivity = (answer: StatsAnswer): boolean => {
  const t = periodTotals(answer);
  return t.requests > 0 || t.refused > 0;
};

export type MeterLevel = 'ok' | 'warn' | 'full';

export interface Meter {
  used: number;
  /** null: no limit set. */
  limit: number | null;
  remaining: number | null;
  /** 0–100, for the bar; null without a limit. */
  percent: number | null;
  level: MeterLevel;
}

/** Warn from 80 %, the share at which the function logs its quota warning. */
const WARN_SHARE = 0.8;

function meter(used: number, limit: number | null, remaining: number | null): Meter {
  if (limit === null || limit <= 0) return { used, limit, remaining, percent: null, level: 'ok' };
  const share = used / limit;
  const level: MeterLevel = share >= 1 ? 'full' : share >= WARN_SHARE ? 'warn' : 'ok';
  return { used, limit, remaining: remaining ?? Math.max(0, limit - used), percent: Math.min(100, Math.round(share * 1000) / 10), level };
}

/** The bought quota (used/total/remaining) and today's budget (usedToday/daily). */
export function meters(answer: StatsAnswer): { quota: Meter; budget: Meter } {
  const { quota, budget } = answer;
  return {
    quota: meter(quota.used ?? 0, quota.total, quota.remaining),
    budget: meter(budget.usedToday, budget.daily, null),
  };
}

export interface RefusalRow {
  code: string;
  label: string;
  count: number;
}

/** Refusals in the period by code, most frequent first. */
export function refusalRows(answer: StatsAnswer): RefusalRow[] {
  const counts = new Map<string, number>();
  for (const d of answer.days) for (const [code, n] of Object.entries(d.refused)) counts.set(code, (counts.get(code) ?? 0) + n);
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([code, count]) => ({ code, label: isErrorCode(code) ? REFUSAL_LABELS[code] : '其他', count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

export interface ProviderRow {
  id: string;
  label: string;
  vendorCalls: number;
  billed: number;
  /** Price of one billed call in fen; null when the operator has not set it. */
  priceFen: number | null;
  /** billed × price, in yuan; null without a price. */
  spendYuan: number | null;
}

/** Calls and billed calls per provider in the period, with spend in yuan where a price is set. */
export function providerRows(answer: StatsAnswer): ProviderRow[] {
  const prices = answer.pricesFen ?? {};
  const ids = [...new Set([...Object.keys(prices), ...answer.days.flatMap((d) => Object.keys(d.byProvider ?? {}))])];
  return ids.map((id) => {
    const vendorCalls = answer.days.reduce((sum, d) => sum + (d.byProvider?.[id]?.vendorCalls ?? 0), 0);
    const billed = answer.days.reduce((sum, d) => sum + (d.byProvider?.[id]?.billed ?? 0), 0);
    const priceFen = prices[id] ?? null;
    return {
      id, label: isProviderId(id) ? PROVIDER_LABELS[id] : id, vendorCalls, billed, priceFen,
      spendYuan: priceFen === null ? null : (billed * priceFen) / 100,
    };
  });
}
