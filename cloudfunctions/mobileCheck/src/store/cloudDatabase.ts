// The parts of wx-server-sdk's database this function uses, and the write patterns built on them.
// The cloud database applies one filtered update to each matching document atomically (filter and
// write together), `stats.updated` says whether it matched, and a second add() with the same _id
// fails. Transactions cannot take `where`, so every guard here is one conditional update.

import type { Doc } from './documents';

type Maybe<T> = Promise<T> | void | string;

export interface CommandLike {
  inc(value: number): unknown;
  set(value: unknown): unknown;
  lt(value: unknown): unknown;
  lte(value: unknown): unknown;
  gt(value: unknown): unknown;
  gte(value: unknown): unknown;
  neq(value: unknown): unknown;
  in(values: unknown[]): unknown;
  push(value: { each: unknown[]; slice?: number }): unknown;
}

export interface QueryLike {
  where(condition: Doc): QueryLike;
  orderBy(field: string, order: string): QueryLike;
  limit(max: number): QueryLike;
  field(projection: Record<string, boolean>): QueryLike;
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

/** wx-server-sdk types calls as `Promise | void | string` (callback style); we only use promises. */
export async function settle<T>(result: Maybe<T>): Promise<T> {
  if (!result || typeof result === 'string' || typeof (result as Promise<T>).then !== 'function') {
    throw new Error('database call returned no promise');
  }
  return result;
}

export const updated = async (query: QueryLike, data: Doc): Promise<boolean> =>
  (await settle(query.update({ data }))).stats.updated > 0;

/** The database's words for a second add() with the same _id; its errCode (-502001) covers other failures too. */
const isDuplicate = (error: unknown): boolean => /duplicate key|E11000/i.test(error instanceof Error ? error.message : String(error));

/** A failure no retry mends (a collection that was never created): thrown at once. */
const isDefinite = (error: unknown): boolean => /collection not exists|-502005|no promise/i.test(error instanceof Error ? error.message : String(error));

/** A read whose failure is retried by the caller: null for "no answer", definite failures thrown. */
const tryRead = (collection: CollectionLike, id: string): Promise<Doc | undefined | null> =>
  readDoc(collection, id).catch((error: unknown) => {
    if (isDefinite(error)) throw error;
    return null;
  });

/** How many recent write tokens a document keeps: enough to tell one's own write from others' a round trip later. */
export const RECENT_TOKENS = 50;

/**
 * Retries over an unreliable network: at most `tries` attempts with jittered exponential backoff
 * (randomness and sleep passed in), well inside the function's time.
 */
export interface Retry {
  sleep(ms: number): Promise<void>;
  random(): number;
  tries: number;
  baseMs: number;
}

/** A write whose outcome stayed unknown after every retry: the caller answers a retryable refusal, never a guess. */
export class StoreBusy extends Error {
  constructor(what: string) {
    super(`${what}: outcome unknown after retries`);
    this.name = 'StoreBusy';
  }
}

export const backoff = (retry: Retry, attempt: number): Promise<void> =>
  retry.sleep(Math.round(retry.baseMs * 2 ** attempt * (0.5 + retry.random())));

export async function readDoc(collection: CollectionLike, id: string): Promise<Doc | undefined> {
  return (await settle(collection.where({ _id: id }).limit(1).get())).data[0];
}

export const holds = (doc: Doc | undefined, token: string): boolean => Array.isArray(doc?.recent) && doc.recent.includes(token);

/**
 * add() of a document this request owns: true when it was written (by this call, maybe in an
 * attempt whose reply was lost), false when another request's document has that _id. `mine` tells
 * this request's document from another's when the reply did not say.
 */
export async function addOnce(collection: CollectionLike, doc: Doc, mine: (found: Doc) => boolean, retry: Retry): Promise<boolean> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await settle(collection.add({ data: doc }));
      return true;
    } catch (error) {
      if (attempt === 0 && isDuplicate(error)) return false;
      if (isDefinite(error)) throw error;
    }
    // Unclear (a lost reply, a refused request, or a duplicate of our own earlier attempt): look.
    if (attempt + 1 >= retry.tries) throw new StoreBusy(`add ${String(doc._id)}`);
    await backoff(retry, attempt);
    const found = await tryRead(collection, String(doc._id));
    if (found) return mine(found);
  }
}

export interface Counter {
  id: string;
  /** Fields of the document when this call creates it. */
  fields: Doc;
  /** Field → amount; a dotted name adds inside a map (e.g. "refused.RATE_LIMITED"). */
  inc: Record<string, number>;
  /** Fields written on every count (and on creation). */
  set?: Doc;
  /** Count only while `below.field` < `below.limit`. */
  below?: { field: string; limit: number };
}

/**
 * +inc on a document in one round trip, creating it when missing: add() and a conditional update
 * run together, and each carries this request's token (the document keeps the last few), so the
 * update never counts twice and never matches the document this same call creates. "Not counted"
 * is answered only when the document exists and its limit condition failed; anything else (a
 * duplicate add racing an update that ran first, a lost reply, a refused request) is found out by
 * reading the document back, then finished. `knownToExist` skips the add.
 */
export async function bump(collection: CollectionLike, _: CommandLike, counter: Counter, token: string, knownToExist: boolean, retry: Retry): Promise<boolean> {
  const condition: Doc = { _id: counter.id, recent: _.neq(token) };
  if (counter.below) condition[counter.below.field] = _.lt(counter.below.limit);
  const change: Doc = {
    ...Object.fromEntries(Object.entries(counter.inc).map(([field, n]) => [field, _.inc(n)])),
    ...counter.set,
    recent: _.push({ each: [token], slice: -RECENT_TOKENS }),
  };
  const initial = Object.entries(counter.inc).reduce<Doc>((doc, [field, n]) => setPath(doc, field, n), { ...counter.fields, ...counter.set, _id: counter.id, recent: [token] });
  const add = () => settle(collection.add({ data: initial })).then(() => true);
  const update = () => updated(collection.where(condition), change);
  const [added, didUpdate] = await Promise.allSettled([knownToExist ? Promise.resolve(false) : add(), update()]);
  if ((added.status === 'fulfilled' && added.value) || (didUpdate.status === 'fulfilled' && didUpdate.value)) return true;
  for (const result of [added, didUpdate]) if (result.status === 'rejected' && isDefinite(result.reason)) throw result.reason;
  // A clear "matched nothing" on a document seen a moment ago: its limit condition failed.
  if (knownToExist && counter.below && didUpdate.status === 'fulfilled') return false;
  for (let attempt = 0; attempt < retry.tries; attempt += 1) {
    const doc = await tryRead(collection, counter.id);
    if (doc === undefined) {
      if (await add().catch(() => false)) return true;
    } else if (doc !== null) {
      if (holds(doc, token)) return true;
      const { below } = counter;
      if (below && !(Number(doc[below.field] ?? 0) < below.limit)) return false;
      if (await update().catch(() => false)) return true;
    }
    await backoff(retry, attempt);
  }
  throw new StoreBusy(`count ${counter.id}`);
}

/**
 * A conditional update made at most once per token (give-backs): retried until the database
 * answers; a retry after a lost reply matches nothing, since the document holds the token.
 */
export async function updateOnce(collection: CollectionLike, _: CommandLike, condition: Doc, change: Doc, token: string, retry: Retry): Promise<boolean> {
  const where = collection.where({ ...condition, recent: _.neq(token) });
  const data = { ...change, recent: _.push({ each: [token], slice: -RECENT_TOKENS }) };
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await updated(where, data);
    } catch (error) {
      if (attempt + 1 >= retry.tries || isDefinite(error)) throw error;
      await backoff(retry, attempt);
    }
  }
}

/** A call whose repeat is harmless (a read, a remove, a write of the same values) retried after an unclear failure. */
export async function retried<T>(retry: Retry, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt + 1 >= retry.tries || isDefinite(error)) throw error;
      await backoff(retry, attempt);
    }
  }
}

function setPath(doc: Doc, path: string, value: unknown): Doc {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...doc, [head]: value };
  const inner = (doc[head] as Doc | undefined) ?? {};
  return { ...doc, [head]: setPath(inner, rest.join('.'), value) };
}

/** Deletes what `condition` matches, 100 documents a call, until done or `deadline()` says stop. */
export async function removeInBatches(collection: CollectionLike, _: CommandLike, condition: Doc, deadline: () => boolean): Promise<number> {
  let removed = 0;
  while (!deadline()) {
    const { data } = await settle(collection.where(condition).field({ _id: true }).limit(100).get());
    if (data.length === 0) break;
    removed += (await settle(collection.where({ _id: _.in(data.map((doc) => doc._id)) }).remove())).stats.removed;
  }
  return removed;
}
