// The operator's figures (the `stats` action): daily aggregates, quota and budget. Admins only.
import type { ProviderId, StatsAnswer } from '../../../../src/domain';
import { toDayStats } from '../aggregates';
import type { InstanceMemory } from '../instanceMemory';
import { beijingDay, lastBeijingDays, type GuardSettings } from '../policy';
import type { Provider, Store } from '../ports';

export interface OperatorStatsDeps {
  store: Store;
  memory: InstanceMemory;
  guards: Pick<GuardSettings, 'quotaTotal' | 'dailyBudget'>;
  providers: readonly Pick<Provider, 'id'>[];
  pricesFen: Partial<Record<ProviderId, number>> | undefined;
}

export async function operatorStats(deps: OperatorStatsDeps, days: number, now: number): Promise<Omit<StatsAnswer, 'traceId'>> {
  const { store, memory } = deps;
  // This instance's uncounted refusals first, so the operator sees them now.
  const pending = memory.take();
  if (pending.size > 0) {
    try {
      await store.addAggregates(pending);
    } catch (error) {
      memory.restore(pending);
      throw error;
    }
  }
  const wanted = lastBeijingDays(now, days);
  const [aggregates, spend] = await Promise.all([store.readAggregates(wanted), store.readSpend(beijingDay(now))]);
  const total = deps.guards.quotaTotal ?? null;
  return {
    ok: true,
    days: wanted.map((day) => toDayStats(day, aggregates.get(day))),
    quota: { total, used: spend.total, remaining: total === null ? null : Math.max(0, total - spend.total) },
    budget: { daily: deps.guards.dailyBudget ?? null, usedToday: spend.today },
    pricesFen: Object.fromEntries(deps.providers.map(({ id }) => [id, deps.pricesFen?.[id] ?? null])),
  };
}
