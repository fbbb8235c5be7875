// The operator's view: daily aggregates, quota and budget. Admins only.
import { STATS_MAX_DAYS, STATS_MIN_DAYS, type StatsAnswer } from '../../../../src/domain';
import type { HandlerDeps } from '../handlerDeps';
import type { InstanceMemory } from '../instanceMemory';
import { beijingDay, lastBeijingDays } from '../policy';
import type { Store } from '../ports';
import { toDayStats } from '../stats';

export const DEFAULT_STATS_DAYS = 7;

/** `days` from the event: absent → 7; a whole number 1–90, else undefined (INVALID_REQUEST). */
export function statsDays(event: Record<string, unknown>): number | undefined {
  const days = event.days ?? DEFAULT_STATS_DAYS;
  return typeof days === 'number' && Number.isInteger(days) && days >= STATS_MIN_DAYS && days <= STATS_MAX_DAYS ? days : undefined;
}

export async function readStats(deps: HandlerDeps, store: Store, memory: InstanceMemory, days: number, now: number): Promise<Omit<StatsAnswer, 'traceId'>> {
  // This instance's uncounted refusals first, so the operator sees them now.
  const pending = memory.take();
  if (pending.size > 0) {
    try {
      await store.addStats(pending);
    } catch (error) {
      memory.restore(pending);
      throw error;
    }
  }
  const wanted = lastBeijingDays(now, days);
  const [stats, spend] = await Promise.all([store.readStats(wanted), store.readSpend(beijingDay(now))]);
  const total = deps.guards.quotaTotal ?? null;
  return {
    ok: true,
    days: wanted.map((day) => toDayStats(day, stats.get(day))),
    quota: { total, used: spend.total, remaining: total === null ? null : Math.max(0, total - spend.total) },
    budget: { daily: deps.guards.dailyBudget ?? null, usedToday: spend.today },
    pricesFen: Object.fromEntries(deps.providers.map(({ id }) => [id, deps.pricesFen?.[id] ?? null])),
  };
}
