// A caller's rights over their own records (PIPL art. 15, 45, 47) on the cloud database.
import { randomUUID } from 'node:crypto';
import { currentLimits, IDENTITY_WINDOW_MS } from '../policy';
import { bump, retried, settle, updated, type DatabaseLike, type Retry } from './cloudDatabase';
import { fromDoc, limitsDoc } from './cloudDocs';
import { COLLECTIONS as names, ids } from './cloudLayout';
import type { Store } from './types';

/** Enough for any honest caller's history within the retention period; `myRecords` shows the newest. */
const OWN_RECORDS_LIMIT = 100;

export function ownRights(db: DatabaseLike, retry: Retry): Pick<Store, 'withdraw' | 'stampCaller' | 'ownRecords' | 'deleteOwn' | 'latestPass'> {
  const _ = db.command;
  // A record reserve() wrote and complete() has not filled in yet is not the caller's history.
  const newest = (name: string, condition: Record<string, unknown>, max: number) =>
    retried(retry, () => settle(db.collection(name).where({ ...condition, open: _.neq(true) }).orderBy('at', 'desc').limit(max).get()));
  // Each write below is harmless to repeat: retried after an unclear failure (a lost reply).
  // Only what a check begun by then wrote: a check begun after the erasure keeps its record.
  const remove = (name: string, caller: string, at: number) => retried(retry, () => settle(db.collection(name).where({ caller, at: _.lte(at) }).remove()));

  /**
   * Creates the caller's limits document with the stamp, or stamps it; a new version makes a check
   * that read the limits before this re-read them (and refuse). Kept a window past the stamp (later
   * than any person's expiry in it). Counted like a counter: never lost to a racing first write.
   */
  async function stampCaller(caller: string, at: number, stamp: 'withdrawnAt' | 'erasedAt'): Promise<void> {
    const fresh = currentLimits(undefined, at);
    const until = at + IDENTITY_WINDOW_MS;
    // Never moved back: a later stamp already in force covers this one (then nothing is written).
    await bump(db.collection(names.counters), _, {
      id: ids.limits(caller), fields: { kind: 'limits', ...limitsDoc(fresh, until) }, inc: { version: 1 }, set: { [stamp]: at, until }, below: { field: stamp, limit: at },
    }, randomUUID(), false, retry);
  }

  return {
    stampCaller,

    // The stamp first, then the consents: a check that reserved before the stamp finds it when it completes.
    async withdraw(caller, at) {
      await stampCaller(caller, at, 'withdrawnAt');
      await retried(retry, () => updated(db.collection(names.consents).where({ caller, withdrawnAt: 0, acceptedAt: _.lte(at) }), { withdrawnAt: at }));
    },

    async ownRecords(caller) {
      const [verifications, consents] = await Promise.all([
        newest(names.verifications, { caller }, OWN_RECORDS_LIMIT),
        newest(names.consents, { caller }, OWN_RECORDS_LIMIT),
      ]);
      return { verifications: verifications.data.map(fromDoc.verification), consents: consents.data.map(fromDoc.consent) };
    },

    async deleteOwn(caller, at) {
      // The stamp first: a check in flight either sees it and removes its own record, or wrote it before.
      // Limit counters stay until they expire: deleting must not reset a limit.
      await stampCaller(caller, at, 'erasedAt');
      const [consents, verifications] = await Promise.all([remove(names.consents, caller, at), remove(names.verifications, caller, at), remove(names.claims, caller, at)]);
      return { consents: consents.stats.removed, verifications: verifications.stats.removed };
    },

    async latestPass(caller, since) {
      const { data } = await newest(names.verifications, { caller, outcome: '01', at: _.gte(since) }, 1);
      return data[0] && fromDoc.verification(data[0]);
    },
  };
}
