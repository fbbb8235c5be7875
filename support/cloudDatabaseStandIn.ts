// A stand-in for the wx-server-sdk cloud database (server side), following the subset of its API
// that cloudStore uses and behaving like the real one on the points the adapter relies on:
// - every call returns a promise and resolves later (other calls interleave between calls);
// - one call is atomic: a filtered update checks the filter and writes each document together;
// - add() with an _id that exists fails ("duplicate key", errCode -502001);
// - update() merges fields and answers { stats: { updated } }, remove() { stats: { removed } },
//   count() { total }, get() { data } with at most 100 documents unless limit() says fewer;
// - comparison commands (lt, lte, gt, gte) never match a missing field; neq does (MongoDB rules);
// - a collection must exist (created in the console) or calls fail with errCode -502005.
// With `network` set (off by default) it also behaves like the network in between, from a seed:
// a random delay before each request is applied and before each reply arrives (so requests sent
// together are applied in either order), replies lost after the write was applied, and requests
// refused (-501001) without being applied. Every error it makes names the seed.
import { randomBytes } from 'node:crypto';
import type { CollectionLike, CommandLike, DatabaseLike, QueryLike } from '../cloudfunctions/mobileCheck/src/host';

type Doc = Record<string, unknown>;
type Op = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'inc' | 'set' | 'push';

class Command {
  constructor(readonly op: Op, readonly value: unknown) {}
}

class DatabaseError extends Error {
  constructor(readonly errCode: number, message: string) {
    super(message);
  }
}

const DEFAULT_GET_LIMIT = 100;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function matchesOne(actual: unknown, expected: unknown): boolean {
  if (!(expected instanceof Command)) return actual === expected;
  const { op, value } = expected;
  // MongoDB: against an array field, eq means "holds" and neq "does not hold".
  if (op === 'neq') return Array.isArray(actual) ? !actual.includes(value) : actual !== value;
  if (op === 'eq') return Array.isArray(actual) ? actual.includes(value) : actual === value;
  if (op === 'in') return (value as unknown[]).includes(actual);
  if (actual === undefined || actual === null) return false;
  const a = actual as number;
  const v = value as number;
  switch (op) {
    case 'lt': return a < v;
    case 'lte': return a <= v;
    case 'gt': return a > v;
    case 'gte': return a >= v;
    default: throw new DatabaseError(-502003, `unsupported query command ${op}`);
  }
}

const readPath = (doc: Doc, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Doc)[key] : undefined), doc);

const matches = (doc: Doc, condition: Doc): boolean =>
  Object.entries(condition).every(([field, expected]) => matchesOne(readPath(doc, field), expected));

const isPlain = (value: unknown): value is Doc => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Command);

/** Like MongoDB: writing inside a field that holds null, a number or a string is refused. */
function inside(doc: Doc, head: string): Doc {
  if (doc[head] === undefined) doc[head] = {};
  if (!isPlain(doc[head])) throw new DatabaseError(-502001, `collection.update:fail -502001 Cannot create field in element {${head}: ${JSON.stringify(doc[head])}}`);
  return doc[head] as Doc;
}

/** update() semantics: a dotted field writes inside a map; a plain object merges (only `_.set` replaces). */
function applyUpdate(doc: Doc, field: string, value: unknown): void {
  const [head, ...rest] = field.split('.');
  if (rest.length > 0) {
    applyUpdate(inside(doc, head), rest.join('.'), value);
    return;
  }
  if (value instanceof Command) {
    if (value.op === 'inc') doc[head] = Number(doc[head] ?? 0) + Number(value.value);
    else if (value.op === 'set') doc[head] = structuredClone(value.value);
    else if (value.op === 'push') {
      // _.push({ each, slice }): append, then keep the last |slice| (slice < 0) like MongoDB's $slice.
      const { each, slice } = value.value as { each: unknown[]; slice?: number };
      const current = doc[head] === undefined ? [] : doc[head];
      if (!Array.isArray(current)) throw new DatabaseError(-502001, `collection.update:fail -502001 The field '${head}' must be an array`);
      const next = [...current, ...structuredClone(each)];
      doc[head] = slice === undefined ? next : slice < 0 ? next.slice(slice) : next.slice(0, slice);
    }
    else throw new DatabaseError(-502003, `unsupported update command ${value.op}`);
  } else if (isPlain(value)) {
    const target = inside(doc, head);
    for (const [key, inner] of Object.entries(value)) applyUpdate(target, key, inner);
  } else {
    doc[head] = structuredClone(value);
  }
}

export interface FakeCloudDatabase extends DatabaseLike {
  /** Every document of every collection, as stored. */
  dump(): Record<string, Doc[]>;
  /** How many calls reached the database. */
  calls(): number;
  /** Makes every following call fail, to test what the adapter does then. */
  failCalls(pattern: RegExp | undefined): void;
  /** Every call so far, in the order made, with when it was made and when it answered. */
  journal(): JournalEntry[];
  /** The network seed, when the network is on: put it in every failure message. */
  readonly seed: number | undefined;
}

/** One database call; `start` and `end` are ticks of one counter, so order is exact whatever the latency. */
export interface JournalEntry {
  call: string;
  start: number;
  end: number;
}

/**
 * Sequential round trips in a journal: the longest chain of calls each made after the previous one
 * answered. Calls made together (in parallel) count once, however many there are.
 */
export function roundTrips(entries: readonly JournalEntry[]): number {
  const depth = new Map<JournalEntry, number>();
  for (const entry of [...entries].sort((a, b) => a.start - b.start)) {
    const before = [...depth].filter(([done]) => done.end < entry.start).map(([, d]) => d);
    depth.set(entry, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...depth.values());
}

/** The network between function and database, all decided by `seed`. */
export interface NetworkOptions {
  seed: number;
  /** Each request waits 0..maxDelayMs before it is applied, and its reply as long again. */
  maxDelayMs?: number;
  /** Replies lost after the call was applied: every `every`-th call matching `calls`, or each with probability `rate`. */
  loseReplies?: { calls: RegExp; every?: number; rate?: number };
  /** Requests refused with -501001 and not applied, each matching one with probability `rate`. */
  refuse?: { calls: RegExp; rate: number };
}

/** A small seeded generator (mulberry32): the same seed gives the same delays and losses. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `latencyMs` delays every call, as a network hop to the cloud database would; `network` makes the hop unreliable. */
export function fakeCloudDatabase(options: { collections?: readonly string[]; latencyMs?: number; network?: NetworkOptions } = {}): FakeCloudDatabase {
  const data = new Map<string, Map<string, Doc>>();
  for (const name of options.collections ?? []) data.set(name, new Map());
  let calls = 0;
  let ticks = 0;
  const journal: JournalEntry[] = [];
  let failing: RegExp | undefined;
  const net = options.network;
  const random = net ? seededRandom(net.seed) : Math.random;
  const matchingCalls = new Map<RegExp, number>();
  const nth = (pattern: RegExp) => {
    const n = (matchingCalls.get(pattern) ?? 0) + 1;
    matchingCalls.set(pattern, n);
    return n;
  };
  /** Whether this call's reply is lost; decided when it is sent, so the seed alone fixes the run. */
  function losesReply(call: string): boolean {
    const lose = net?.loseReplies;
    if (!lose || !lose.calls.test(call)) return false;
    if (lose.every !== undefined) return nth(lose.calls) % lose.every === 0;
    return random() < (lose.rate ?? 0);
  }
  const draw = () => (net ? Math.floor(random() * ((net.maxDelayMs ?? 20) + 1)) : 0);

  const command: CommandLike & { eq(value: unknown): Command } = {
    eq: (value) => new Command('eq', value),
    neq: (value) => new Command('neq', value),
    lt: (value) => new Command('lt', value),
    lte: (value) => new Command('lte', value),
    gt: (value) => new Command('gt', value),
    gte: (value) => new Command('gte', value),
    in: (values) => new Command('in', values),
    inc: (value) => new Command('inc', value),
    set: (value) => new Command('set', value),
    push: (value) => new Command('push', value),
  };

  async function run<T>(name: string, what: string, body: (docs: Map<string, Doc>) => T): Promise<T> {
    calls += 1;
    const entry = { call: `${name}.${what}`, start: (ticks += 1), end: 0 };
    journal.push(entry);
    const call = `${name}.${what}`;
    const refused = net?.refuse !== undefined && net.refuse.calls.test(call) && random() < net.refuse.rate;
    const lost = losesReply(call);
    const [toServer, toClient] = [draw(), draw()];
    await (options.latencyMs ? sleepMs(options.latencyMs) : tick());
    if (toServer > 0) await sleepMs(toServer);
    try {
      const docs = data.get(name) ?? (options.collections ? undefined : new Map<string, Doc>());
      if (!docs) throw new DatabaseError(-502005, `${what}:fail -502005 database collection not exists. [ResourceNotFound] Db or Table not exist: ${name}`);
      data.set(name, docs);
      if (failing?.test(call)) throw new DatabaseError(-501001, `${what}:fail -501001 resource system error`);
      if (refused) throw new DatabaseError(-501001, `${what}:fail -501001 resource system error (stand-in seed ${net?.seed})`);
      const result = body(docs);
      if (toClient > 0) await sleepMs(toClient);
      if (lost) throw new DatabaseError(-501001, `${what}:fail network error: reply lost after the call was applied (stand-in seed ${net?.seed})`);
      return result;
    } finally {
      entry.end = ticks += 1;
    }
  }

  interface QueryState { condition: Doc; order?: [string, string]; max?: number }

  function select(docs: Map<string, Doc>, state: QueryState): Doc[] {
    let found = [...docs.values()].filter((doc) => matches(doc, state.condition));
    if (state.order) {
      const [field, direction] = state.order;
      const sign = direction === 'desc' ? -1 : 1;
      found = found.sort((a, b) => ((a[field] as number) < (b[field] as number) ? -sign : (a[field] as number) > (b[field] as number) ? sign : 0));
    }
    return found;
  }

  function query(name: string, state: QueryState): QueryLike {
    return {
      where: (condition) => query(name, { ...state, condition: { ...condition } }),
      orderBy: (field, order) => query(name, { ...state, order: [field, order] }),
      limit: (max) => query(name, { ...state, max }),
      field: () => query(name, state),
      get: () => run(name, 'collection.get', (docs) => ({
        data: select(docs, state).slice(0, Math.min(state.max ?? DEFAULT_GET_LIMIT, 1000)).map((doc) => structuredClone(doc)),
      })),
      count: () => run(name, 'collection.count', (docs) => ({ total: select(docs, state).length })),
      update: ({ data: changes }) => run(name, 'collection.update', (docs) => {
        if ('_id' in changes) throw new DatabaseError(-502001, 'collection.update:fail -502001 cannot update _id');
        let updated = 0;
        for (const doc of select(docs, state)) {
          for (const [field, value] of Object.entries(changes)) applyUpdate(doc, field, value);
          updated += 1;
        }
        return { stats: { updated } };
      }),
      remove: () => run(name, 'collection.remove', (docs) => {
        const doomed = select(docs, state);
        for (const doc of doomed) docs.delete(String(doc._id));
        return { stats: { removed: doomed.length } };
      }),
    };
  }

  function collection(name: string): CollectionLike {
    return {
      ...query(name, { condition: {} }),
      add: ({ data: doc }) => run(name, 'collection.add', (docs) => {
        const id = doc._id === undefined ? randomBytes(16).toString('hex') : String(doc._id);
        if (docs.has(id)) {
          throw new DatabaseError(-502001, `collection.add:fail -502001 database request fail. E11000 duplicate key error dup key: { _id: "${id}" }`);
        }
        docs.set(id, { ...structuredClone(doc), _id: id });
        return { _id: id };
      }),
    };
  }

  return {
    command,
    collection,
    dump: () => Object.fromEntries([...data].map(([name, docs]) => [name, [...docs.values()].map((doc) => structuredClone(doc))])),
    calls: () => calls,
    failCalls: (pattern) => { failing = pattern; },
    journal: () => journal.map((entry) => ({ ...entry })),
    seed: net?.seed,
  };
}
