// A caller's rights over their own records (PIPL art. 15, 45, 47) on the cloud database.
import { randomUUID } from 'node:crypto';
import { currentLimits } from '../policy';
import type { Store } from '../ports';
import { addOnce, bump, retried, settle, updated, type DatabaseLike, type Retry } from './cloudDatabase';
import { COLLECTIONS as names } from './cloudLayout';
import { fromDoc, ids, limitsDoc } from './documents';

/** Enough for any honest caller's history within the retention period; `myRecords` shows the newest. */
const OWN_RECORDS_LIMIT = 100;

export function ownRights(db: DatabaseLike, retry: Retry): Pick<Store, 'recordAgreement' | 'readAgreement' | 'withdraw' | 'stampCaller' | 'ownRecords' | 'deleteOwn' | 'latestPass'> {
  const _ = db.command;
  // A record reserve() wrote and complete() has not filled in yet is not the caller's history.
  const newest = (name: string, condition: Record<string, unknown>, max: number) =>
    retried(retry, () => settle(db.collection(name).where({ ...condition, open: _.neq(true) }).orderBy('at', 'desc').limit(max).get()));
  // Each write below is harmless to repeat: retried after an unclear failure (a lost reply).
  // Only what a check begun by then wrote: a check begun after the erasure keeps its record.
  const remove = (name: string, caller: string, at: number) => retried(retry, () => settle(db.collection(name).where({ caller, at: _.lte(at) }).remove()));

  /**
   * Creates the caller's limits document with the stamp, or stamps it; a new version makes a check
   * that read the limits before this re-read them (and refuse). `until: at` has the next purge prune
   * the document entry by entry (policy.ts prunedLimits keeps each stamp a window). Counted like a
   * counter: never lost to a racing first write.
   */
  async function stampCaller(caller: string, at: number, stamp: 'withdrawnAt' | 'erasedAt'): Promise<void> {
    const fresh = currentLimits(undefined, at);
    const until = at;
    // Never moved back: a later stamp already in force covers this one (then nothing is written).
    await bump(db.collection(names.counters), _, {
      id: ids.limits(caller), fields: { kind: 'limits', ...limitsDoc(fresh, until) }, inc: { version: 1 }, set: { [stamp]: at, until }, below: { field: stamp, limit: at },
    }, randomUUID(), false, retry);
  }

  return {
    stampCaller,

    async recordAgreement(consent) {
      // A lost reply is settled by reading back: the consent id is this request's own.
      const written = await addOnce(db.collection(names.consents), { _id: consent.consentId, ...consent, withdrawnAt: 0 }, (found) => found.traceId === consent.traceId, retry);
      if (!written) throw new Error('consent id taken');
    },

    async readAgreement(caller, consentId) {
      const { data } = await retried(retry, () => settle(db.collection(names.consents).where({ _id: consentId, caller, kind: 'agreement' }).get()));
      return data[0] && fromDoc.consent(data[0]);
    },

    // The stamps first (withdrawal: later checks refused; erasure: a check in flight keeps no record),
    // then the consents, kept and marked as evidence, and the verifications and claims, deleted
    // (PIPL art. 47(1)(3)): what was written by then, and what checks relying on a consent given by
    // then wrote although timed later (another instance's clock; what they write after the stamps,
    // complete() undoes).
    async withdraw(caller, at) {
      await stampCaller(caller, at, 'withdrawnAt');
      await stampCaller(caller, at, 'erasedAt');
      const [, verifications, claims, late] = await Promise.all([
        retried(retry, () => updated(db.collection(names.consents).where({ caller, withdrawnAt: 0, acceptedAt: _.lte(at) }), { withdrawnAt: at })),
        remove(names.verifications, caller, at),
        remove(names.claims, caller, at),
        retried(retry, () => settle(db.collection(names.consents).where({ caller, kind: 'check', acceptedAt: _.lte(at), at: _.gt(at) }).field({ _id: true }).limit(OWN_RECORDS_LIMIT).get())),
      ]);
      const lateIds = late.data.map((doc) => String(doc._id));
      const [lateVerifications, lateClaims] = lateIds.length === 0 ? [0, 0] : (await Promise.all([
        retried(retry, () => settle(db.collection(names.verifications).where({ _id: _.in(lateIds) }).remove())),
        retried(retry, () => settle(db.collection(names.claims).where({ caller, holder: _.in(lateIds) }).remove())),
      ])).map((removed) => removed.stats.removed);
      return { verifications: verifications.stats.removed + lateVerifications, claims: claims.stats.removed + lateClaims };
    },

    async ownRecords(caller) {
      const [verifications, consents, limits] = await Promise.all([
        newest(names.verifications, { caller }, OWN_RECORDS_LIMIT),
        newest(names.consents, { caller }, OWN_RECORDS_LIMIT),
        settle(db.collection(names.counters).where({ _id: ids.limits(caller) }).get()),
      ]);
      return { verifications: verifications.data.map(fromDoc.verification), consents: consents.data.map(fromDoc.consent), limits: fromDoc.limits(limits.data[0]) };
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
