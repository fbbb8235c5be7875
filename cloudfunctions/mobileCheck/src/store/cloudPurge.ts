// The retention purge on the cloud database: once per slot, in batches until a deadline.
import { randomUUID } from 'node:crypto';
import { limitsUntil, prunedLimits } from '../policy';
import type { Store } from '../ports';
import { addOnce, holds, removeInBatches, retried, settle, updated, type DatabaseLike, type Retry } from './cloudDatabase';
import { COLLECTIONS } from './cloudLayout';
import { fromDoc, ids, limitsDoc } from './documents';

export function purgeParts(db: DatabaseLike, retry: Retry, settleDebts: (deadline: () => boolean) => Promise<number>): Pick<Store, 'markOnce' | 'purge'> {
  const _ = db.command;
  const col = (name: keyof typeof COLLECTIONS) => db.collection(COLLECTIONS[name]);
  /**
   * Limits records whose first entry has ended: each is rewritten without its ended entries (or removed
   * when none is left), compare-and-set on its version so a reservation in between wins.
   */
  async function pruneLimits(now: number, deadline: () => boolean): Promise<number> {
    let touched = 0;
    while (!deadline()) {
      const { data } = await retried(retry, () => settle(col('counters').where({ kind: 'limits', until: _.lt(now) }).limit(100).get()));
      const done = await Promise.all(data.map((doc) => {
        const stored = fromDoc.limits(doc);
        const pruned = stored && prunedLimits(stored, now);
        const same = col('counters').where({ _id: doc._id, version: Number(doc.version ?? 0) });
        if (!pruned) return settle(same.remove()).then((r) => r.stats.removed > 0);
        const next = { ...pruned, version: pruned.version + 1 };
        return updated(same, limitsDoc(next, limitsUntil(next, now), (map) => _.set(map)));
      }));
      const progressed = done.filter(Boolean).length;
      touched += progressed;
      if (data.length < 100 || progressed === 0) break;
    }
    return touched;
  }

  return {
    // One document per slot: whoever creates it runs the slot; a lost reply is settled by the token.
    markOnce(slot, until) {
      const token = randomUUID();
      return addOnce(col('counters'), { _id: ids.once(slot), kind: 'once', until, recent: [token] }, (doc) => holds(doc, token), retry);
    },

    async purge(cutoff, now, deadline) {
      const debts = await settleDebts(deadline);
      const old = { at: _.lt(cutoff) };
      const consents = await removeInBatches(col('consents'), _, old, deadline);
      const verifications = await removeInBatches(col('verifications'), _, old, deadline);
      // Pending ones too: a claim older than the retention period was abandoned long ago.
      const claims = await removeInBatches(col('claims'), _, old, deadline);
      // Counters that no longer limit anything (slot locks included); quota and debts have no `until` and
      // stay; limits records are pruned entry by entry instead.
      const counters = await removeInBatches(col('counters'), _, { until: _.lt(now), kind: _.neq('limits') }, deadline) +
        await pruneLimits(now, deadline);
      const stats = await removeInBatches(col('counters'), _, { kind: 'stats', at: _.lt(cutoff) }, deadline);
      return { consents, verifications, claims, counters, stats, debts };
    },
  };
}
