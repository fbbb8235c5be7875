// The parts of wx-server-sdk's database this function uses, and the write patterns built on them.
// The cloud database applies one filtered update to each matching document atomically (filter and
// write together), `stats.updated` says whether it matched, and a second add() with the same _id
// fails. Transactions cannot take `where`, so every guard here is one conditional update.

type Maybe<T> = Promise<T> | void | string;
export type Doc = Record<string, unknown>;

export interface CommandLike {
  inc(value: number): unknown;
  set(value: unknown): unknown;
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

/**
 * add() that answers false when the _id exists; any other failure is thrown, never read as "exists".
 * `mark` names a field whose value only this call writes (a token, the holder's trace id): after an
 * unclear failure, a document carrying it is this add, applied with its reply lost, not a lost race.
 */
export async function addOnce(collection: CollectionLike, doc: Doc, mark?: string): Promise<boolean> {
  try {
    await settle(collection.add({ data: doc }));
    return true;
  } catch (error) {
    if (isDuplicate(error)) return false;
    // An unclear failure: only someone else's document being there now makes it a lost race.
    const { data } = await settle(collection.where({ _id: doc._id }).field({ _id: true, ...(mark && { [mark]: true }) }).limit(1).get());
    if (data.length > 0) return mark !== undefined && data[0][mark] === doc[mark];
    throw error;
  }
}

export interface Counter {
  id: string;
  /** Fields of the document when this call creates it. */
  fields: Doc;
  /** Field → amount; a dotted name adds inside a map (e.g. "refused.RATE_LIMITED"). */
  inc: Record<string, number>;
  /** Count only while `below.field` < `below.limit`. */
  below?: { field: string; limit: number };
}

/**
 * +inc on a document in one round trip, creating it when missing: add() and a conditional update
 * run together. The update never matches the document this same call creates (`created` differs),
 * so a count happens exactly once whichever runs first; when another writer created it, a second
 * round trip counts on it. `knownToExist` skips the add.
 */
export async function bump(collection: CollectionLike, _: CommandLike, counter: Counter, token: string, knownToExist: boolean): Promise<boolean> {
  const condition: Doc = { _id: counter.id, created: _.neq(token) };
  if (counter.below) condition[counter.below.field] = _.lt(counter.below.limit);
  const incs = Object.fromEntries(Object.entries(counter.inc).map(([field, n]) => [field, _.inc(n)]));
  const initial = Object.entries(counter.inc).reduce<Doc>((doc, [field, n]) => setPath(doc, field, n), { ...counter.fields });
  const [added, didUpdate] = await Promise.allSettled([
    knownToExist ? false : addOnce(collection, { _id: counter.id, created: token, ...initial }, 'created'),
    updated(collection.where(condition), incs),
  ]);
  // Our add counted whatever became of the update: it never matches the document this call created.
  if (added.status === 'fulfilled' && added.value) return true;
  if (didUpdate.status === 'rejected') throw didUpdate.reason;
  if (didUpdate.value) return true;
  if (added.status === 'rejected') throw added.reason;
  if (knownToExist) return false;
  // Another writer's add won, and the network may have applied our update before that add (it
  // matched nothing): count on the document now, unless its limit refuses.
  return updated(collection.where(condition), incs);
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
