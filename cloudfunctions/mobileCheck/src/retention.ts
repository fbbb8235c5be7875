import type { CheckResponse } from '../../../src/domain';
import type { Clock, Handler } from './handler';
import type { LogLine } from './log';
import { isTimerEvent, retentionCutoff } from './policy';
import type { PurgeReport, Store } from './store/types';

export interface PurgeResponse {
  ok: boolean;
  purged?: PurgeReport;
}

export interface RetentionDeps {
  store: Store | undefined;
  clock: Clock;
  retentionDays: number;
  log(line: LogLine): void;
  misconfigured?: string;
}

/** Deletes records older than the retention setting. Refuses when settings are unreadable rather than guess a period. */
export function createRetentionJob(deps: RetentionDeps): () => Promise<PurgeResponse> {
  return async () => {
    const now = deps.clock.now();
    const cutoff = retentionCutoff(now, deps.retentionDays);
    const at = new Date(cutoff).toISOString();
    if (deps.misconfigured || !deps.store) {
      deps.log({ level: 'error', event: 'retentionPurge', cutoff: at, detail: deps.misconfigured ?? 'no store' });
      return { ok: false };
    }
    try {
      const purged = await deps.store.purgeOlderThan(cutoff, now);
      deps.log({ level: 'info', event: 'retentionPurge', cutoff: at, removed: purged });
      return { ok: true, purged };
    } catch (error) {
      deps.log({ level: 'error', event: 'retentionPurge', cutoff: at, detail: error instanceof Error ? error.name : typeof error });
      return { ok: false };
    }
  };
}

export type Entry = (event: unknown, caller: string | undefined) => Promise<CheckResponse | PurgeResponse>;

/**
 * The function's one entry. A timer trigger is told from a person by the missing caller, never by
 * the event alone: anyone can send a Timer-shaped event through callFunction, but then has an OPENID
 * and gets an ordinary (invalid) check.
 */
export function createEntry(handle: Handler, purge: () => Promise<PurgeResponse>): Entry {
  return (event, caller) => (!caller && isTimerEvent(event) ? purge() : handle(event, caller));
}
