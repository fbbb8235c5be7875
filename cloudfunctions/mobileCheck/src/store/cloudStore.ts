// Store adapter on the WeChat cloud database (wx-server-sdk). The database object is passed in, so
// tests run the same code over a stand-in that follows the subset of the API used here.
// Each Store method is one round trip: the calls inside it run in parallel.
import { randomUUID } from 'node:crypto';
import { limitsGiveBack, limitsUntil, nextBeijingMidnight as nextMidnightOf, undoneCheck } from '../policy';
import type { Aggregates, CallerLimits, Claim, Reservation, ReserveInput, Reserved, Store, VerificationRecord } from '../ports';
import { addOnce, backoff, retried, bump, holds, readDoc, RECENT_TOKENS, settle, updated, updateOnce, type CollectionLike, type Counter, type DatabaseLike, type Retry } from './cloudDatabase';
import { COLLECTIONS } from './cloudLayout';
import { purgeParts } from './cloudPurge';
import { ownRights } from './cloudRights';
import { aggregatesCounter, fromDoc, ids, limitsDoc, type Doc } from './documents';

/** The record of a reserved call before the vendor answers: what it says if the answer never comes. */
const pendingRecord = (input: ReserveInput): VerificationRecord => ({
  traceId: input.traceId, caller: input.keys.caller, triple: input.keys.triple, outcome: 'INTERNAL', carrier: '', billing: 'unknown',
  vendorTraceId: '', latencyMs: 0, at: input.now, ...input.record,
});

/** Documents this instance has seen exist: their counters skip the add() attempt. */
const KNOWN_LIMIT = 5_000;
/**
 * Retries of one write: 6 tries, waiting 20 ms doubling (× 0.5–1.5 jitter) in between, at most about
 * 0.9 s in all: inside the function's time (vendor timeout + 1.5 s, docs/deploy.md), spent only on a
 * write that keeps failing.
 */
const DEFAULT_RETRY = { tries: 6, baseMs: 20 } as const;

export interface CloudStoreOptions {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  tries?: number;
  baseMs?: number;
}

export function cloudStore(db: DatabaseLike, options: CloudStoreOptions = {}): Store {
  const _ = db.command;
  const retry: Retry = {
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    tries: options.tries ?? DEFAULT_RETRY.tries,
    baseMs: options.baseMs ?? DEFAULT_RETRY.baseMs,
  };
  const col = (name: keyof typeof COLLECTIONS): CollectionLike => db.collection(COLLECTIONS[name]);
  const known = new Set<string>();
  const remember = (id: string) => {
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.add(id);
  };
  /**
   * Request and stats documents are per day and only the purge deletes them (once their day is
   * over), so once seen they exist. Spend documents are known only from this request's own read:
   * an operator may delete the `quota` document to restart the count (docs/deploy.md).
   */
  const count = async (counter: Counter, token: string, exists = known.has(counter.id)) => {
    const ok = await bump(col('counters'), _, counter, token, exists, retry);
    if (ok) remember(counter.id);
    return ok;
  };
  const getCounters = async (wanted: string[]): Promise<Map<string, Doc>> => {
    const { data } = await retried(retry, () => settle(col('counters').where({ _id: _.in(wanted) }).get()));
    return new Map(data.map((doc) => [String(doc._id), doc]));
  };
  const readClaim = async (id: string): Promise<Claim | undefined> => {
    const { data } = await retried(retry, () => settle(col('claims').where({ _id: id }).get()));
    return data[0] && fromDoc.claim(data[0]);
  };
  const readLimits = async (caller: string) => fromDoc.limits((await getCounters([ids.limits(caller)])).get(ids.limits(caller)));

  /**
   * Writes the caller's limits if nobody changed them since `seen`: 'lost' when another write came
   * first. The write carries the request's token, so a lost reply is settled by reading it back.
   */
  async function writeLimits(caller: string, seen: CallerLimits | undefined, next: CallerLimits, until: number, token: string): Promise<'written' | 'lost'> {
    const id = ids.limits(caller);
    if (!seen) {
      const doc = { _id: id, kind: 'limits', ...limitsDoc(next, until), recent: [token] };
      return (await addOnce(col('counters'), doc, (found) => holds(found, token), retry)) ? 'written' : 'lost';
    }
    try {
      const change = { ...limitsDoc(next, until, (map) => _.set(map)), recent: _.push({ each: [token], slice: -RECENT_TOKENS }) };
      return (await updated(col('counters').where({ _id: id, version: seen.version }), change)) ? 'written' : 'lost';
    } catch {
      return holds(await readDoc(col('counters'), id), token) ? 'written' : 'lost';
    }
  }

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

  /** Compare-and-set on the caller's limits, re-run on what is stored now after each lost race, with jittered backoff. */
  async function takeLimits(input: ReserveInput): Promise<Reserved | true> {
    let seen = input.seen;
    for (let attempt = 0; attempt < retry.tries; attempt += 1) {
      const admitted = input.admit(seen);
      if (!admitted.ok) return 'withdrawn' in admitted ? { ok: false, reason: 'withdrawn' } : { ok: false, reason: 'limits', refusal: admitted.refusal };
      const written = await writeLimits(input.keys.caller, seen, admitted.next, limitsUntil(admitted.next, input.now), input.traceId);
      if (written === 'written') return true;
      if (attempt > 0) await backoff(retry, attempt - 1);
      seen = await readLimits(input.keys.caller).catch(() => seen);
    }
    return { ok: false, reason: 'busy' };
  }

  async function takeClaim(input: ReserveInput): Promise<boolean> {
    const id = ids.claim(input.keys.caller, input.keys.triple);
    const claim = { state: 'pending', holder: input.traceId, until: input.claimUntil, answer: null, failed: null };
    // The holder is this request's trace id: a claim found after a lost reply is this request's own when it names it.
    const mine = (doc: Doc | undefined) => doc?.holder === input.traceId;
    if (!input.seenClaim) return addOnce(col('claims'), { _id: id, caller: input.keys.caller, at: input.now, ...claim }, mine, retry);
    try {
      return await updated(col('claims').where({ _id: id, holder: input.seenClaim.holder, state: input.seenClaim.state }), { ...claim, at: input.now });
    } catch {
      return mine(await readDoc(col('claims'), id));
    }
  }

  /**
   * Each give-back is one conditional update carrying `give:<traceId>`, retried until answered and
   * never applied twice. Limits: policy.ts `limitsGiveBack`.
   */
  const giveBacks = (reservation: Omit<Reservation, 'acceptedAt'>) => {
    const { keys, day, traceId } = reservation;
    const token = `give:${traceId}`;
    const limits = limitsGiveBack(reservation);
    const each = (value: unknown) => Object.fromEntries(limits.counts.map((field) => [field, value]));
    return {
      limits: () => updateOnce(col('counters'), _, { _id: ids.limits(keys.caller), day: limits.day, ...each(_.gt(0)) }, { ...each(_.inc(-1)), version: _.inc(1) }, token, retry),
      budget: () => updateOnce(col('counters'), _, { _id: ids.budget(day), count: _.gt(0) }, { count: _.inc(-1) }, token, retry),
      quota: () => updateOnce(col('counters'), _, { _id: ids.quota, billed: _.gt(0) }, { billed: _.inc(-1) }, token, retry),
    };
  };

  async function release(reservation: Reservation): Promise<void> {
    const give = giveBacks(reservation);
    const parts = ['limits', 'budget', 'quota'] as const;
    const results = await Promise.allSettled(parts.map((part) => give[part]()));
    const owed = parts.filter((_part, i) => results[i].status === 'rejected');
    if (owed.length === 0) return;
    // Still failing after the retries: the debt is written down (each part given back at most once),
    // and the next purge settles it.
    await addOnce(col('counters'), { _id: ids.debt(reservation.traceId), kind: 'debt', ...reservation, parts: owed, until: null }, () => true, retry);
  }

  /** Gives back what earlier releases still owe; a debt is removed once all its parts went through. */
  async function settleDebts(deadline: () => boolean): Promise<number> {
    const { data } = await settle(col('counters').where({ kind: 'debt' }).limit(100).get());
    let settled = 0;
    for (const doc of data) {
      if (deadline()) break;
      const reservation = { traceId: String(doc.traceId), keys: doc.keys as Reservation['keys'], day: String(doc.day), now: Number(doc.now) };
      const give = giveBacks(reservation);
      const parts = (Array.isArray(doc.parts) ? doc.parts : []).filter((part): part is keyof typeof give => part in give);
      const results = await Promise.allSettled(parts.map((part) => give[part]()));
      if (results.some((r) => r.status === 'rejected')) continue;
      await settle(col('counters').where({ _id: doc._id }).remove());
      settled += 1;
    }
    return settled;
  }

  const countRequest: Store['countRequest'] = ({ caller, day, requestLimit, now, traceId }) =>
    count({ id: ids.requests(day, caller), fields: { kind: 'requests', until: nextMidnightOf(now) }, inc: { count: 1 }, below: { field: 'count', limit: requestLimit } }, traceId);

  const addAggregates = async (aggregates: Map<string, Aggregates>, token: string): Promise<void> => {
    await Promise.all([...aggregates].map(([day, delta]) => count(aggregatesCounter(day, delta), token)));
  };

  /** What a caller's erasure or withdrawal stamped after this check reserved: its record, claim and consent must not outlive it (policy.ts `undoneCheck`). */
  async function undoneBy(reservation: Reservation): Promise<void> {
    const undone = undoneCheck(fromDoc.limits(await readDoc(col('counters'), ids.limits(reservation.keys.caller))), reservation);
    if (!undone) return;
    const { traceId, keys } = reservation;
    await Promise.all([
      settle(col('verifications').where({ _id: traceId }).remove()),
      settle(col('claims').where({ _id: ids.claim(keys.caller, keys.triple), holder: traceId }).remove()),
      undone.consent === 'remove'
        ? settle(col('consents').where({ _id: traceId }).remove())
        : updated(col('consents').where({ _id: traceId, withdrawnAt: 0 }), { withdrawnAt: undone.withdrawnAt }),
    ]);
  }

  const again = <T>(write: () => Promise<T>) => retried(retry, write);

  return {
    async open({ keys, day, requestLimit, now, traceId, counted }) {
      const [requestCounted, claim, docs] = await Promise.all([
        counted ? true : countRequest({ caller: keys.caller, day, requestLimit, now, traceId }),
        readClaim(ids.claim(keys.caller, keys.triple)),
        getCounters([ids.limits(keys.caller), ids.budget(day), ids.quota, ids.aggregates(day)]),
      ]);
      // Seen a moment ago: reserve() and complete() count on them without trying to create them.
      for (const id of [ids.budget(day), ids.quota, ids.aggregates(day)]) if (docs.has(id)) remember(id); else known.delete(id);
      return {
        requestCounted,
        claim,
        limits: fromDoc.limits(docs.get(ids.limits(keys.caller))),
        spend: { today: Number(docs.get(ids.budget(day))?.count ?? 0), total: Number(docs.get(ids.quota)?.billed ?? 0) },
      };
    },

    async reserve(input) {
      const reservation = { traceId: input.traceId, keys: input.keys, day: input.day, now: input.now, acceptedAt: input.consent.acceptedAt };
      const spendCounters: Counter[] = [
        { id: ids.budget(input.day), fields: { kind: 'budget', until: nextMidnightOf(input.now) }, inc: { count: 1 }, ...(input.dailyBudget !== undefined && { below: { field: 'count', limit: input.dailyBudget } }) },
        { id: ids.quota, fields: { kind: 'quota', warnedFor: 0 }, inc: { billed: 1 }, ...(input.quotaTotal !== undefined && { below: { field: 'billed', limit: input.quotaTotal } }) },
      ];
      const isMine = (doc: Doc) => doc._id === input.traceId;
      // The record is written now, as "no answer yet": complete() fills it in only if it is still there,
      // so a deletion in between is never undone (see undoneBy).
      const pending = { _id: input.traceId, ...pendingRecord(input), open: true };
      const [claimed, limits, budget, quota, consent, record] = await Promise.allSettled([
        takeClaim(input),
        inTurn(input.keys.caller, () => takeLimits(input)),
        ...spendCounters.map((counter) => count(counter, input.traceId)),
        addOnce(col('consents'), { _id: input.traceId, ...input.consent, withdrawnAt: 0 }, isMine, retry),
        addOnce(col('verifications'), pending, isMine, retry),
      ]);
      const ok = <T>(r: PromiseSettledResult<T>, good: (v: T) => boolean) => r.status === 'fulfilled' && good(r.value);
      const [claimOk, limitsOk, budgetOk, quotaOk, consentOk, recordOk] = [
        ok(claimed, Boolean), ok(limits, (v) => v === true), ok(budget, Boolean), ok(quota, Boolean), ok(consent, Boolean), ok(record, Boolean),
      ];
      if (claimOk && limitsOk && budgetOk && quotaOk && consentOk && recordOk) return { ok: true, reservation };
      // Lost a race or failed a write: give back what was taken (rare; costs one more round trip).
      const give = giveBacks(reservation);
      await Promise.allSettled([
        // Given up, not failed: a request waiting on it tries itself instead of copying a refusal.
        claimOk && again(() => settle(col('claims').where({ _id: ids.claim(input.keys.caller, input.keys.triple), holder: input.traceId }).remove())),
        limitsOk && give.limits(),
        budgetOk && give.budget(),
        quotaOk && give.quota(),
        consentOk && settle(col('consents').where({ _id: input.traceId }).remove()),
        recordOk && settle(col('verifications').where({ _id: input.traceId }).remove()),
      ]);
      if (claimed.status === 'fulfilled' && !claimed.value) return { ok: false, reason: 'claimed' };
      if (limits.status === 'fulfilled' && limits.value !== true) return limits.value;
      if ((budget.status === 'fulfilled' && !budget.value) || (quota.status === 'fulfilled' && !quota.value)) return { ok: false, reason: 'budget' };
      // A write the database kept failing: an outage, answered INTERNAL with an error line.
      const failure = [claimed, limits, budget, quota, consent, record].find((r): r is PromiseRejectedResult => r.status === 'rejected');
      throw failure?.reason ?? new Error('reservation write failed');
    },

    async complete({ reservation, record, answer, aggregates }) {
      const { keys } = reservation;
      // `_.set`: a plain object would be written field by field into `answer`, which holds null.
      const claimFields = 'failed' in answer ? { state: 'done', failed: answer.failed, answer: null } : { state: 'done', answer: _.set(answer), failed: null };
      const { traceId, masked, ...fields } = record;
      const [written, claimed, counted, undone] = await Promise.allSettled([
        // Fills in the record reserve() wrote; nothing when the caller deleted it since (no upsert).
        again(() => updated(col('verifications').where({ _id: traceId }), { ...fields, traceId, masked: _.set(masked), open: false })),
        again(() => updated(col('claims').where({ _id: ids.claim(keys.caller, keys.triple), holder: reservation.traceId }), claimFields)),
        addAggregates(aggregates, traceId),
        // Read after reserve() wrote the record: a stamp not seen here came after it, and its deletion removes it.
        again(() => undoneBy(reservation)),
      ]);
      return { recorded: [written, claimed, undone].every((r) => r.status === 'fulfilled'), aggregatesWritten: counted.status === 'fulfilled' };
    },

    release,
    countRequest,

    readClaim: (keys) => readClaim(ids.claim(keys.caller, keys.triple)),

    ...ownRights(db, retry),

    addAggregates: (aggregates) => addAggregates(aggregates, randomUUID()),

    async readSpend(day) {
      const docs = await getCounters([ids.budget(day), ids.quota]);
      return { today: Number(docs.get(ids.budget(day))?.count ?? 0), total: Number(docs.get(ids.quota)?.billed ?? 0) };
    },

    async readAggregates(days) {
      const docs = await getCounters(days.map(ids.aggregates));
      return new Map(days.flatMap((day) => {
        const doc = docs.get(ids.aggregates(day));
        return doc ? [[day, fromDoc.aggregates(doc)]] : [];
      }));
    },

    markQuotaWarned: (total) => updated(col('counters').where({ _id: ids.quota, warnedFor: _.neq(total) }), { warnedFor: total }),

    ...purgeParts(db, retry, settleDebts),
  };
}

export { COLLECTIONS } from './cloudLayout';
