// A caller's rights over their own records (PIPL art. 15, 45, 47) on the cloud database.
import { randomUUID } from 'node:crypto';
import { currentLimits, IDENTITY_WINDOW_MS, limitsUntil } from '../policy';
import { addOnce, settle, updated, type DatabaseLike } from './cloudDatabase';
import { fromDoc, limitsDoc } from './cloudDocs';
import { COLLECTIONS as names, ids } from './cloudLayout';
import type { Store } from './types';

/** Enough for any honest caller's history within the retention period; `myRecords` shows the newest. */
const OWN_RECORDS_LIMIT = 100;

export function ownRights(db: DatabaseLike): Pick<Store, 'withdraw' | 'ownRecords' | 'deleteOwn' | 'latestPass'> {
  const _ = db.command;
  const newest = (name: string, condition: Record<string, unknown>, max: number) =>
    settle(db.collection(name).where(condition).orderBy('at', 'desc').limit(max).get());

  return {
    async withdraw(caller, at) {
      const token = randomUUID();
      const fresh = { ...currentLimits(undefined, at), withdrawnAt: at };
      // Creates the limits document when missing, else stamps it; the update never touches the one just
      // created. A new version makes a check that read the limits before this re-read them (and refuse),
      // and the document is kept a window past the withdrawal (later than any person's expiry in it).
      await Promise.all([
        addOnce(db.collection(names.counters), { _id: ids.limits(caller), kind: 'limits', created: token, ...limitsDoc(fresh, limitsUntil(fresh, at)) }, 'created'),
        updated(db.collection(names.counters).where({ _id: ids.limits(caller), created: _.neq(token) }), {
          withdrawnAt: at, version: _.inc(1), until: at + IDENTITY_WINDOW_MS,
        }),
        updated(db.collection(names.consents).where({ caller, withdrawnAt: 0 }), { withdrawnAt: at }),
      ]);
    },

    async ownRecords(caller) {
      const [verifications, consents] = await Promise.all([
        newest(names.verifications, { caller }, OWN_RECORDS_LIMIT),
        newest(names.consents, { caller }, OWN_RECORDS_LIMIT),
      ]);
      return { verifications: verifications.data.map(fromDoc.verification), consents: consents.data.map(fromDoc.consent) };
    },

    async deleteOwn(caller) {
      // Limit counters stay until they expire: deleting must not reset a limit.
      const [consents, verifications] = await Promise.all([
        settle(db.collection(names.consents).where({ caller }).remove()),
        settle(db.collection(names.verifications).where({ caller }).remove()),
        settle(db.collection(names.claims).where({ caller }).remove()),
      ]);
      return { consents: consents.stats.removed, verifications: verifications.stats.removed };
    },

    async latestPass(caller, since) {
      const { data } = await newest(names.verifications, { caller, outcome: '01', at: _.gte(since) }, 1);
      return data[0] && fromDoc.verification(data[0]);
    },
  };
}
