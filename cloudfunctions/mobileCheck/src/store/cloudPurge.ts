// The retention purge on the cloud database: once per slot, in batches until a deadline.
import { randomUUID } from 'node:crypto';
import { addOnce, holds, removeInBatches, type DatabaseLike, type Retry } from './cloudDatabase';
import { COLLECTIONS, ids } from './cloudLayout';
import type { Store } from './types';

export function purgeParts(db: DatabaseLike, retry: Retry, settleDebts: (deadline: () => boolean) => Promise<number>): Pick<Store, 'claimOnce' | 'purge'> {
  const _ = db.command;
  const col = (name: keyof typeof COLLECTIONS) => db.collection(COLLECTIONS[name]);
  return {
    // One document per slot: whoever creates it runs the slot; a lost reply is settled by the token.
    claimOnce(slot, until) {
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
      // Counters that no longer limit anything (slot locks included); quota and debts have no `until` and stay.
      const counters = await removeInBatches(col('counters'), _, { until: _.lt(now) }, deadline);
      const stats = await removeInBatches(col('counters'), _, { kind: 'stats', at: _.lt(cutoff) }, deadline);
      return { consents, verifications, claims, counters, stats, debts };
    },
  };
}
