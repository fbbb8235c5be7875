// The retention purge: the hourly timer's job, and nothing else (entry.ts tells the timer from a person).
import { toDayStats } from './aggregates';
import { gate, type Readiness } from './gate';
import { beijingDay, DAY_MS, hourSlot, isDigestDue, retentionCutoff } from './policy';
import type { Clock, LogLine } from './ports';

/** Says nothing countable: whoever can trigger the purge learns nothing from its answer. */
export interface PurgeResponse {
  ok: boolean;
}

export interface RetentionDeps extends Pick<Readiness, 'store' | 'misconfigured'> {
  clock: Clock;
  retentionDays: number;
  log(line: LogLine): void;
  /** How long one run may delete before it stops (the rest waits for the next run). */
  purgeBudgetMs: number;
}

/**
 * The hourly timer (config.json): deletes records older than the retention setting, in batches that
 * fit the function timeout, exactly once per hour slot whatever calls it (a lock keyed by the hour,
 * so timer jitter neither skips nor repeats a run); the first run at or after 03:00 Beijing time
 * also logs yesterday's totals, once per day (a lock keyed by the day).
 * Refuses when settings are unreadable rather than guess a period.
 */
export function createRetentionJob(deps: RetentionDeps): () => Promise<PurgeResponse> {
  return async () => {
    const now = deps.clock.now();
    const cutoff = retentionCutoff(now, deps.retentionDays);
    const at = new Date(cutoff).toISOString();
    const gated = gate(deps, { settings: true, store: true });
    if (!gated.ready) {
      deps.log({ level: 'error', event: 'retentionPurge', cutoff: at, detail: gated.detail });
      return { ok: false };
    }
    const { store } = gated.parts;
    try {
      const slot = hourSlot(now);
      // Locks outlive their slot by two days, then the purge removes them.
      if (await store.markOnce(`purge:${slot}`, slot + 2 * DAY_MS)) {
        const stopAt = now + deps.purgeBudgetMs;
        const removed = await store.purge(cutoff, now, () => deps.clock.now() >= stopAt);
        deps.log({ level: 'info', event: 'retentionPurge', cutoff: at, removed });
      }
      const yesterday = beijingDay(slot - DAY_MS);
      if (isDigestDue(slot) && (await store.markOnce(`digest:${yesterday}`, slot + 2 * DAY_MS))) {
        const aggregates = await store.readAggregates([yesterday]);
        deps.log({ level: 'info', event: 'dailyDigest', totals: toDayStats(yesterday, aggregates.get(yesterday)) });
      }
      return { ok: true };
    } catch (error) {
      deps.log({ level: 'error', event: 'retentionPurge', cutoff: at, detail: error instanceof Error ? error.name : typeof error });
      return { ok: false };
    }
  };
}
