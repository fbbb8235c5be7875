// Store adapter on the WeChat cloud database (wx-server-sdk). The database object is passed in, so
// tests run the same code over a stand-in that follows the subset of the API used here.
//
// Concurrency: the cloud database applies a filtered update to each matching document atomically
// (filter check and write together). Every limit is therefore one conditional update:
//   caller/day counter:  where({ _id, count: _.lt(limit) }).update({ count: _.inc(1) })
//   mobile window slots: where({ _id, until: _.lte(now) }).update({ holder, at, until })
//   quota warning:       where({ _id, warnedFor: _.neq(total) }).update({ warnedFor: total })
// and `stats.updated` (0 or 1) says whether this call won. Documents that do not exist yet are
// created with add() under a fixed _id; the database refuses a second document with the same _id,
// and the loser retries the conditional update. No transactions are needed, and the limits hold
// across function instances, not just within one.
import type { Reservation, ReserveResult, Store } from './types';

type Maybe<T> = Promise<T> | void | string;
type Doc = Record<string, unknown>;

/** The parts of wx-server-sdk's DB.Database this adapter uses. */
export interface CommandLike {
  inc(value: number): unknown;
  lt(value: unknown): unknown;
  lte(value: unknown): unknown;
  gt(value: unknown): unknown;
  gte(value: unknown): unknown;
  neq(value: unknown): unknown;
  in(values: unknown[]): unknown;
}

export interface QueryLike {
  where(condition: Doc): QueryLike;
  orderBy(field: string, order: string): QueryLike;
  limit(max: number): QueryLike;
  get(): Maybe<{ data: Doc[] }>;
  count(): Maybe<{ total: number }>;
  update(options: { data: Doc }): Maybe<{ stats: { updated: number } }>;
  remove(): Maybe<{ stats: { removed: number } }>;
}

export interface CollectionLike extends QueryLike {
  add(options: { data: Doc }): Maybe<{ _id: string | number }>;
}

export interface DatabaseLike {
  readonly command: CommandLike;
  collection(name: string): CollectionLike;
}

/** Collection names; create them in the cloud console and give each the rules in ../../database-rules.json. */
export const COLLECTIONS = {
  consents: 'mobileCheck_consents',
  verifications: 'mobileCheck_verifications',
  counters: 'mobileCheck_counters',
} as const;

const QUOTA_ID = 'quota';

/** wx-server-sdk types calls as `Promise | void | string` (callback style); we only use promises. */
async function settle<T>(result: Maybe<T>): Promise<T> {
  if (!result || typeof result === 'string' || typeof (result as Promise<T>).then !== 'function') {
    throw new Error('database call returned no promise');
  }
  return result;
}

export function cloudStore(db: DatabaseLike): Store {
  const _ = db.command;
  const consents = () => db.collection(COLLECTIONS.consents);
  const verifications = () => db.collection(COLLECTIONS.verifications);
  const counters = () => db.collection(COLLECTIONS.counters);

  const updateWhere = async (condition: Doc, data: Doc): Promise<boolean> =>
    (await settle(counters().where(condition).update({ data }))).stats.updated > 0;

  /** Creates a document under a fixed _id; false when one already exists (a concurrent call made it). */
  async function addOnce(id: string, data: Doc): Promise<boolean> {
    try {
      await settle(counters().add({ data: { _id: id, ...data } }));
      return true;
    } catch (error) {
      // Do not parse the error text: ask whether the document is there now.
      const { total } = await settle(counters().where({ _id: id }).count());
      if (total > 0) return false;
      throw error;
    }
  }

  /** +1 on a counter document if it stays within `limit`, creating it at 1 when missing. */
  async function incrementWithin(id: string, limit: number, fields: Doc): Promise<boolean> {
    const below = { _id: id, count: _.lt(limit) };
    if (await updateWhere(below, { count: _.inc(1) })) return true;
    if (await addOnce(id, { ...fields, count: 1 })) return true;
    return updateWhere(below, { count: _.inc(1) });
  }

  /** Takes one of `limit` slots, each busy for the window after the call that took it. */
  async function takeMobileSlot(plan: Parameters<Store['reserveAttempt']>[0]): Promise<{ id: string } | { retryAt: number }> {
    const ids = Array.from({ length: plan.mobileLimit }, (_unused, i) => `m_${plan.mobile}_${i}`);
    const { data } = await settle(counters().where({ _id: _.in(ids) }).get());
    const seen = new Map(data.map((doc) => [String(doc._id), doc]));
    const taken = { kind: 'mobile', holder: plan.reservationId, at: plan.now, until: plan.now + plan.mobileWindowMs };
    const busyUntil: number[] = [];
    for (const id of ids) {
      const doc = seen.get(id);
      const until = Number(doc?.until ?? 0);
      if (doc && until > plan.now) {
        busyUntil.push(until);
        continue;
      }
      const won = doc ? await updateWhere({ _id: id, until: _.lte(plan.now) }, taken) : await addOnce(id, taken);
      if (won) return { id };
      busyUntil.push(taken.until); // a concurrent call took it just now
    }
    return { retryAt: Math.min(...busyUntil) };
  }

  return {
    async recordConsent(record) {
      await settle(consents().add({ data: { ...record } }));
    },

    async findReusableAnswer({ caller, tripleHash, since }) {
      const { data } = await settle(
        verifications().where({ caller, tripleHash, final: true, at: _.gte(since) }).orderBy('at', 'desc').limit(1).get(),
      );
      const [doc] = data;
      if (!doc) return undefined;
      return { code: doc.outcome as never, carrier: String(doc.carrier ?? ''), traceId: String(doc.traceId), at: Number(doc.at) };
    },

    async reserveAttempt(plan): Promise<ReserveResult> {
      const callerKey = `c_${plan.callerDay}_${plan.caller}`;
      const counted = await incrementWithin(callerKey, plan.callerLimit, { kind: 'caller', until: plan.callerResetAt });
      if (!counted) return { ok: false, limit: 'caller', retryAt: plan.callerResetAt };
      const giveBackCallerCount = () => updateWhere({ _id: callerKey, count: _.gt(0) }, { count: _.inc(-1) });
      let slot;
      try {
        slot = await takeMobileSlot(plan);
      } catch (error) {
        await giveBackCallerCount().catch(() => undefined);
        throw error;
      }
      if ('retryAt' in slot) {
        await giveBackCallerCount();
        return { ok: false, limit: 'mobile', retryAt: slot.retryAt };
      }
      return { ok: true, reservation: { reservationId: plan.reservationId, callerKey, mobileKey: slot.id } };
    },

    async releaseAttempt(reservation: Reservation) {
      await updateWhere({ _id: reservation.callerKey, count: _.gt(0) }, { count: _.inc(-1) });
      await updateWhere({ _id: reservation.mobileKey, holder: reservation.reservationId }, { holder: '', at: 0, until: 0 });
    },

    async recordVerification(record) {
      await settle(verifications().add({ data: { ...record } }));
      if (record.billing !== 'billed') return;
      if (await updateWhere({ _id: QUOTA_ID }, { billed: _.inc(1) })) return;
      if (await addOnce(QUOTA_ID, { kind: 'quota', billed: 1, warnedFor: 0 })) return;
      await updateWhere({ _id: QUOTA_ID }, { billed: _.inc(1) });
    },

    async countBilled() {
      const { data } = await settle(counters().where({ _id: QUOTA_ID }).get());
      return Number(data[0]?.billed ?? 0);
    },

    claimQuotaWarning(total) {
      return updateWhere({ _id: QUOTA_ID, warnedFor: _.neq(total) }, { warnedFor: total });
    },

    async purgeOlderThan(cutoff, now) {
      const [c, v, k] = await Promise.all([
        settle(consents().where({ at: _.lt(cutoff) }).remove()),
        settle(verifications().where({ at: _.lt(cutoff) }).remove()),
        // Counters that no longer limit anything; the quota document has no `until` and stays.
        settle(counters().where({ until: _.lt(now) }).remove()),
      ]);
      return { consents: c.stats.removed, verifications: v.stats.removed, counters: k.stats.removed };
    },
  };
}
