// Store adapter on the WeChat cloud database (wx-server-sdk). The database object is passed in, so
// tests run the same code over a stand-in that follows the subset of the API used here.
// Each Store method is one round trip: the calls inside it run in parallel.
import { randomUUID } from 'node:crypto';
import { limitsUntil, nextBeijingMidnight as nextMidnightOf } from '../policy';
import type { StatsDelta } from '../stats';
import { addOnce, bump, settle, updated, type CollectionLike, type Counter, type DatabaseLike, type Doc } from './cloudDatabase';
import { COLLECTIONS, ids } from './cloudLayout';
import { purgeParts } from './cloudPurge';
import { ownRights } from './cloudRights';
import { fromDoc, limitsDoc, statsCounter } from './cloudDocs';
import type { CallerLimits, Claim, Reservation, ReserveInput, Reserved, Store } from './types';

const COMPARE_AND_SET_TRIES = 3;
/** Documents this instance has seen exist: their counters skip the add() attempt. */
const KNOWN_LIMIT = 5_000;

export function cloudStore(db: DatabaseLike): Store {
  const _ = db.command;
  const col = (name: keyof typeof COLLECTIONS): CollectionLike => db.collection(COLLECTIONS[name]);
  const known = new Set<string>();
  const remember = (id: string) => {
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.add(id);
  };
  /**
   * Request and stats documents are per day and only the purge deletes them (once their day is
   * over), so once seen they exist. Spend documents are never assumed to: an operator may delete the
   * `quota` document to restart the count (docs/deploy.md).
   */
  const count = async (counter: Parameters<typeof bump>[2], token: string, mayBeDeleted = false) => {
    const ok = await bump(col('counters'), _, counter, token, !mayBeDeleted && known.has(counter.id));
    if (ok) remember(counter.id);
    return ok;
  };
  const getCounters = async (wanted: string[]): Promise<Map<string, Doc>> => {
    const { data } = await settle(col('counters').where({ _id: _.in(wanted) }).get());
    return new Map(data.map((doc) => [String(doc._id), doc]));
  };
  const readClaim = async (id: string): Promise<Claim | undefined> => {
    const { data } = await settle(col('claims').where({ _id: id }).get());
    return data[0] && fromDoc.claim(data[0]);
  };
  const readLimits = async (caller: string) => fromDoc.limits((await getCounters([ids.limits(caller)])).get(ids.limits(caller)));

  /** Writes the caller's limits if nobody changed them since `seen`; false when the race was lost. `traceId` marks a new document as this request's. */
  const writeLimits = (caller: string, traceId: string, seen: CallerLimits | undefined, next: CallerLimits, until: number): Promise<boolean> =>
    seen
      ? updated(col('counters').where({ _id: ids.limits(caller), version: seen.version }), limitsDoc(next, until, _))
      : addOnce(col('counters'), { _id: ids.limits(caller), kind: 'limits', created: traceId, ...limitsDoc(next, until) }, 'created');

  // One caller's reservations in this instance take turns: they race on one limits document, and a
  // burst would otherwise lose every compare-and-set but one.
  const turns = new Map<string, Promise<unknown>>();
  function inTurn<T>(caller: string, run: () => Promise<T>): Promise<T> {
    const previous = turns.get(caller) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(run);
    turns.set(caller, mine);
    void mine.catch(() => undefined).finally(() => {
      if (turns.get(caller) === mine) turns.delete(caller);
    });
    return mine;
  }

  async function takeLimits(input: ReserveInput): Promise<Reserved | true> {
    let seen = input.seen;
    for (let attempt = 0; attempt < COMPARE_AND_SET_TRIES; attempt += 1) {
      const admitted = input.admit(seen);
      if (!admitted.ok) return 'withdrawn' in admitted ? { ok: false, reason: 'withdrawn' } : { ok: false, reason: 'limits', refusal: admitted.refusal };
      if (await writeLimits(input.keys.caller, input.traceId, seen, admitted.next, limitsUntil(admitted.next, input.now))) return true;
      seen = await readLimits(input.keys.caller);
    }
    throw new Error('caller limits kept changing');
  }

  async function takeClaim(input: ReserveInput): Promise<boolean> {
    const id = ids.claim(input.keys.caller, input.keys.triple);
    const claim = { state: 'pending', holder: input.traceId, until: input.claimUntil, answer: null, failed: null };
    if (!input.seenClaim) {
      if (await addOnce(col('claims'), { _id: id, caller: input.keys.caller, at: input.now, ...claim }, 'holder')) return true;
      // Lost to a concurrent request, or the add failed (e.g. no such collection): only the first is "claimed".
      if (await readClaim(id)) return false;
      throw new Error('claim could not be written');
    }
    return updated(col('claims').where({ _id: id, holder: input.seenClaim.holder, state: input.seenClaim.state }), { ...claim, at: input.now });
  }

  /** One conditional update, no read: same day only (a new day's counts started from zero anyway). The person stays counted. */
  const releaseLimits = ({ keys, day }: Reservation): Promise<boolean> => {
    const mobile = `mobiles.${keys.mobile}`;
    return updated(col('counters').where({ _id: ids.limits(keys.caller), day, calls: _.gt(0), [mobile]: _.gt(0) }), {
      calls: _.inc(-1), [mobile]: _.inc(-1), version: _.inc(1),
    });
  };

  async function release(reservation: Reservation): Promise<void> {
    await Promise.all([
      releaseLimits(reservation),
      updated(col('counters').where({ _id: ids.budget(reservation.day), count: _.gt(0) }), { count: _.inc(-1) }),
      updated(col('counters').where({ _id: ids.quota, billed: _.gt(0) }), { billed: _.inc(-1) }),
    ]);
  }

  const countRequest: Store['countRequest'] = ({ caller, day, requestLimit, now, traceId }) =>
    count({ id: ids.requests(day, caller), fields: { kind: 'requests', until: nextMidnightOf(now) }, inc: { count: 1 }, below: { field: 'count', limit: requestLimit } }, traceId);

  const addStats = async (stats: Map<string, StatsDelta>, token: string): Promise<void> => {
    await Promise.all([...stats].map(([day, delta]) => count(statsCounter(ids.stats(day), day, delta), token)));
  };

  return {
    async open({ keys, day, requestLimit, now, traceId }) {
      const [requestCounted, claim, docs] = await Promise.all([
        countRequest({ caller: keys.caller, day, requestLimit, now, traceId }),
        readClaim(ids.claim(keys.caller, keys.triple)),
        getCounters([ids.limits(keys.caller), ids.budget(day), ids.quota]),
      ]);
      return {
        requestCounted,
        claim,
        limits: fromDoc.limits(docs.get(ids.limits(keys.caller))),
        spend: { today: Number(docs.get(ids.budget(day))?.count ?? 0), total: Number(docs.get(ids.quota)?.billed ?? 0) },
      };
    },

    async reserve(input) {
      const spendCounters: Counter[] = [
        { id: ids.budget(input.day), fields: { kind: 'budget', until: nextMidnightOf(input.now) }, inc: { count: 1 }, ...(input.dailyBudget !== undefined && { below: { field: 'count', limit: input.dailyBudget } }) },
        { id: ids.quota, fields: { kind: 'quota', warnedFor: 0 }, inc: { billed: 1 }, ...(input.quotaTotal !== undefined && { below: { field: 'billed', limit: input.quotaTotal } }) },
      ];
      // Each spend counter settles on its own: one failing must not hide that the other counted.
      const spending = spendCounters.map((counter) => count(counter, input.traceId, true));
      const [claimed, limits, spent, consent] = await Promise.allSettled([
        takeClaim(input),
        inTurn(input.keys.caller, () => takeLimits(input)),
        Promise.all(spending),
        // Its _id is this request's trace id: one found after a lost reply is this request's own.
        addOnce(col('consents'), { _id: input.traceId, ...input.consent, withdrawnAt: 0 }, '_id'),
      ]);
      const claimOk = claimed.status === 'fulfilled' && claimed.value;
      const limitsOk = limits.status === 'fulfilled' && limits.value === true;
      const spentOk = spent.status === 'fulfilled' && spent.value.every(Boolean);
      const consentOk = consent.status === 'fulfilled' && consent.value;
      if (claimOk && limitsOk && spentOk && consentOk) {
        return { ok: true, reservation: { traceId: input.traceId, keys: input.keys, day: input.day, now: input.now } };
      }
      // Lost a race or failed a write: give back what was taken (rare; costs one more round trip).
      const reservation = { traceId: input.traceId, keys: input.keys, day: input.day, now: input.now };
      await Promise.allSettled([
        claimOk && updated(col('claims').where({ _id: ids.claim(input.keys.caller, input.keys.triple), holder: input.traceId }), { state: 'done', failed: 'INTERNAL' }),
        limitsOk && releaseLimits(reservation),
        Promise.allSettled(spending).then((each) => Promise.all(each.map((one, i) => one.status === 'fulfilled' && one.value &&
          updated(col('counters').where({ _id: spendCounters[i].id }), { [Object.keys(spendCounters[i].inc)[0]]: _.inc(-1) })))),
        consentOk && settle(col('consents').where({ _id: input.traceId }).remove()),
      ]);
      if (claimed.status === 'fulfilled' && !claimed.value) return { ok: false, reason: 'claimed' };
      if (limits.status === 'fulfilled' && limits.value !== true) return limits.value;
      if (spent.status === 'fulfilled' && !spentOk) return { ok: false, reason: 'budget' };
      throw new Error('reservation write failed');
    },

    async complete({ reservation, record, answer, stats }) {
      const { keys } = reservation;
      // `_.set`: a plain object would be written field by field into `answer`, which holds null.
      const claimFields = 'failed' in answer ? { state: 'done', failed: answer.failed, answer: null } : { state: 'done', answer: _.set(answer), failed: null };
      const [written, claimed, counted] = await Promise.allSettled([
        addOnce(col('verifications'), { _id: record.traceId, ...record }, '_id'),
        updated(col('claims').where({ _id: ids.claim(keys.caller, keys.triple), holder: reservation.traceId }), claimFields),
        addStats(stats, record.traceId),
      ]);
      return { recorded: written.status === 'fulfilled' && written.value && claimed.status === 'fulfilled', statsWritten: counted.status === 'fulfilled' };
    },

    release,
    countRequest,

    readClaim: (keys) => readClaim(ids.claim(keys.caller, keys.triple)),

    ...ownRights(db),

    addStats: (stats) => addStats(stats, randomUUID()),

    async readSpend(day) {
      const docs = await getCounters([ids.budget(day), ids.quota]);
      return { today: Number(docs.get(ids.budget(day))?.count ?? 0), total: Number(docs.get(ids.quota)?.billed ?? 0) };
    },

    async readStats(days) {
      const docs = await getCounters(days.map(ids.stats));
      return new Map(days.flatMap((day) => {
        const doc = docs.get(ids.stats(day));
        return doc ? [[day, fromDoc.stats(doc)]] : [];
      }));
    },

    claimQuotaWarning: (total) => updated(col('counters').where({ _id: ids.quota, warnedFor: _.neq(total) }), { warnedFor: total }),

    ...purgeParts(db),
  };
}

export { COLLECTIONS } from './cloudLayout';
