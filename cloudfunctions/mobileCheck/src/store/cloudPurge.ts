// The retention purge on the cloud database: at most once per period, in batches until a deadline.
import { addOnce, removeInBatches, updated, type DatabaseLike } from './cloudDatabase';
import { COLLECTIONS, ids } from './cloudLayout';
import type { Store } from './types';

export function purgeParts(db: DatabaseLike): Pick<Store, 'claimPurge' | 'purge'> {
  const _ = db.command;
  const col = (name: keyof typeof COLLECTIONS) => db.collection(COLLECTIONS[name]);
  return {
    async claimPurge(now, everyMs) {
      const token = `purge:${now}`;
      const [added, took] = await Promise.all([
        addOnce(col('counters'), { _id: ids.purge, kind: 'purge', lastRun: now, created: token }, 'created'),
        updated(col('counters').where({ _id: ids.purge, created: _.neq(token), lastRun: _.lte(now - everyMs) }), { lastRun: now }),
      ]);
      return added || took;
    },

    async purge(cutoff, now, deadline) {
      const old = { at: _.lt(cutoff) };
      const consents = await removeInBatches(col('consents'), _, old, deadline);
      const verifications = await removeInBatches(col('verifications'), _, old, deadline);
      // Pending ones too: a claim older than the retention period was abandoned long ago.
      const claims = await removeInBatches(col('claims'), _, old, deadline);
      // Counters that no longer limit anything; quota and the purge lock have no `until` and stay.
      const counters = await removeInBatches(col('counters'), _, { until: _.lt(now) }, deadline);
      const stats = await removeInBatches(col('counters'), _, { kind: 'stats', at: _.lt(cutoff) }, deadline);
      return { consents, verifications, claims, counters, stats };
    },
  };
}
