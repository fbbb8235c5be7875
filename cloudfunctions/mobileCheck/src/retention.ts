import type { ActionAnswer } from '../../../src/domain';
import type { Handler } from './handler';
import type { LogLine } from './log';
import { beijingDay, DAY_MS, hourSlot, isDigestDue, isTimerEvent, retentionCutoff } from './policy';
import type { Clock, Store } from './ports';
import { toDayStats } from './stats';

/** Says nothing countable: whoever can trigger the purge learns nothing from its answer. */
export interface PurgeResponse {
  ok: boolean;
}

export interface RetentionDeps {
  store: Store | undefined;
  clock: Clock;
  retentionDays: number;
  log(line: LogLine): void;
  misconfigured?: string;
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
    if (deps.misconfigured || !deps.store) {
      deps.log({ level: 'error', event: 'retentionPurge', cutoff: at, detail: deps.misconfigured ?? 'no store' });
      return { ok: false };
    }
    const { store } = deps;
    try {
      const slot = hourSlot(now);
      // Locks outlive their slot by two days, then the purge removes them.
      if (await store.claimOnce(`purge:${slot}`, slot + 2 * DAY_MS)) {
        const stopAt = now + deps.purgeBudgetMs;
        const removed = await store.purge(cutoff, now, () => deps.clock.now() >= stopAt);
        deps.log({ level: 'info', event: 'retentionPurge', cutoff: at, removed });
      }
      const yesterday = beijingDay(slot - DAY_MS);
      if (isDigestDue(slot) && (await store.claimOnce(`digest:${yesterday}`, slot + 2 * DAY_MS))) {
        const stats = await store.readStats([yesterday]);
        deps.log({ level: 'info', event: 'dailyDigest', totals: toDayStats(yesterday, stats.get(yesterday)) });
      }
      return { ok: true };
    } catch (error) {
      deps.log({ level: 'error', event: 'retentionPurge', cutoff: at, detail: error instanceof Error ? error.name : typeof error });
      return { ok: false };
    }
  };
}

export type Entry = (event: unknown, caller: string | undefined) => Promise<ActionAnswer | PurgeResponse>;

/**
 * The function's one entry. A timer trigger is told from a person by the missing caller, never by
 * the event alone: anyone can send a Timer-shaped event through callFunction, but then has an OPENID
 * and gets an ordinary (invalid) check. Without a caller (other functions, web access) a forged
 * timer event at most starts the hourly-bounded purge, and learns nothing from the answer.
 */
export function createEntry(handle: Handler, purge: () => Promise<PurgeResponse>): Entry {
  return (event, caller) => (!caller && isTimerEvent(event) ? purge() : handle(event, caller));
}
