// Random interleavings of one day's requests against a simple sequential model. fast-check's
// scheduler decides when each database request is applied and when its reply arrives (so two
// requests sent together are applied in either order), and some replies are lost after the write
// was applied. The database comes from a factory: the cloud-database stand-in here, any other
// implementation of the same API (e.g. a wire-level fake behind wx-server-sdk) elsewhere.
// A failure prints fast-check's seed and path: replay with RACE_SEED=<seed> RACE_PATH=<path>.
import fc from 'fast-check';
import type { ActionAnswer } from '../../src/domain';
import {
  beijingDay, cloudStore, type CollectionLike, COLLECTIONS, createHandler, type DatabaseLike, partsFromEnv,
  type LogLine, type Provider, type QueryLike, settle,
} from '../../cloudfunctions/mobileCheck/src/host';
import { seededRandom } from '../../support/cloudDatabaseStandIn';
import { agreementVersion } from '../support/people';
import { callerHash, eventFor, HASH_SECRET } from './support';

/** 2026-03-10 12:00 Beijing time. */
const START = Date.UTC(2026, 2, 10, 4);
const ADMIN = 'o-race-admin';
const CALLERS = ['o-race-a', 'o-race-b'] as const;

type Op =
  | { kind: 'check'; caller: number; person: number; instance: number }
  | { kind: 'status' | 'myRecords' | 'withdrawConsent' | 'deleteMyRecords'; caller: number; instance: number }
  | { kind: 'purge'; instance: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('check' as const), caller: fc.integer({ min: 0, max: 1 }), person: fc.integer({ min: 0, max: 2 }), instance: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('status' as const, 'myRecords' as const, 'withdrawConsent' as const, 'deleteMyRecords' as const), caller: fc.integer({ min: 0, max: 1 }), instance: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('purge' as const), instance: fc.integer({ min: 0, max: 1 }) }) },
);

// One identical check per instance: a second one would share the first's flight (no request of its own).
const scenario = fc.uniqueArray(opArbitrary, {
  minLength: 2, maxLength: 7,
  selector: (op) => (op.kind === 'check' ? `check/${op.caller}/${op.person}/${op.instance}` : JSON.stringify(op) + Math.random()),
});

/** Persons ending in an even number are billed `01`; odd ones are refused unbilled (the reservation is given back). */
const billedPerson = (person: number) => person % 2 === 0;

/**
 * The database behind the scheduler: each request waits for the scheduler before it is applied and
 * again before its reply arrives; `lose()` decides whether a write's reply is lost after it was applied.
 */
function scheduledDatabase(inner: DatabaseLike, s: fc.Scheduler, lose: () => boolean): DatabaseLike {
  async function through<T>(label: string, call: () => ReturnType<QueryLike['get']> | ReturnType<QueryLike['update']> | ReturnType<CollectionLike['add']> | ReturnType<QueryLike['remove']> | ReturnType<QueryLike['count']>): Promise<T> {
    await s.schedule(Promise.resolve(), `apply ${label}`);
    const result = await settle(call() as Promise<T>);
    const lost = /add|update/.test(label) && lose();
    await s.schedule(Promise.resolve(), `reply ${label}`);
    if (lost) throw new Error(`${label}:fail network error: reply lost after the call was applied (race suite)`);
    return result;
  }
  const query = (name: string, q: QueryLike): QueryLike => ({
    where: (condition) => query(name, q.where(condition)),
    orderBy: (field, order) => query(name, q.orderBy(field, order)),
    limit: (max) => query(name, q.limit(max)),
    field: (projection) => query(name, q.field(projection)),
    get: () => through(`${name}.get`, () => q.get()),
    count: () => through(`${name}.count`, () => q.count()),
    update: (options) => through(`${name}.update`, () => q.update(options)),
    remove: () => through(`${name}.remove`, () => q.remove()),
  });
  return {
    command: inner.command,
    collection: (name) => {
      const c = inner.collection(name);
      return { ...query(name, c), add: (options) => through(`${name}.add`, () => c.add(options)) };
    },
  };
}

/** Runs `describe` blocks with race properties over databases from `openDatabase` (fresh for every run). */
export function describeRaces(name: string, openDatabase: () => DatabaseLike, options: { numRuns?: number; lossRate?: number } = {}) {
  const numRuns = Number(process.env.RACE_RUNS ?? options.numRuns ?? 60);
  const replay = process.env.RACE_SEED ? { seed: Number(process.env.RACE_SEED), ...(process.env.RACE_PATH && { path: process.env.RACE_PATH }) } : {};

  describe(`races over ${name}`, () => {
    test.each([['every reply arrives', 0], ['some replies are lost', options.lossRate ?? 0.15]])(
      `random interleavings (%s) of checks, give-backs, status, myRecords, withdrawConsent, deleteMyRecords and the purge keep the sequential model (${numRuns} runs)`,
      async (_what, lossRate) => {
        await fc.assert(
          fc.asyncProperty(fc.scheduler(), scenario, fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (s, ops, seed) => {
            await runScenario(openDatabase(), s, ops, seed, lossRate);
          }),
          { numRuns, ...replay },
        );
      },
      60_000,
    );
  });
}

async function runScenario(database: DatabaseLike, s: fc.Scheduler, ops: Op[], seed: number, lossRate: number): Promise<void> {
  const random = seededRandom(seed);
  const db = scheduledDatabase(database, s, () => random() < lossRate);
  let clock = START;
  let starting: string | undefined;
  const startedAt = new Map<string, number>();
  const now = () => {
    clock += 1;
    if (starting) startedAt.set(starting, clock);
    starting = undefined;
    return clock;
  };
  const sleep = (ms: number) => {
    clock += ms;
    return s.schedule(Promise.resolve());
  };
  let traces = 0;
  const vendorCalls = { billed: 0, notBilled: 0 };
  const vendor: Provider = {
    id: 'aliyun-market',
    async ask(fields) {
      const billed = billedPerson(Number(fields.mobile.slice(3, 10)));
      await s.schedule(Promise.resolve(), 'vendor');
      if (billed) {
        vendorCalls.billed += 1;
        return { kind: 'status', status: '01', billing: 'billed', carrier: '移动', providerTraceId: `v${vendorCalls.billed}`, httpStatus: 200 };
      }
      vendorCalls.notBilled += 1;
      return { kind: 'refusal', code: 'VENDOR_QUOTA_EXHAUSTED', billing: 'not-billed', httpStatus: 403, detail: 'gateway 403 Quota Exhausted' };
    },
  };
  const lines: LogLine[] = [];
  const instances = [0, 1].map(() => {
    const deps = partsFromEnv(
      { ALIYUN_APPCODE: 'race-appcode', MOBILECHECK_HASH_SECRET: HASH_SECRET, MOBILECHECK_CALLER_IDENTITY_LIMIT: '100', MOBILECHECK_CALLER_DAILY_LIMIT: '100', MOBILECHECK_MOBILE_DAILY_LIMIT: '20', MOBILECHECK_ADMIN_OPENIDS: ADMIN, MOBILECHECK_DAILY_BUDGET: '1000' },
      {
        store: cloudStore(db, { sleep, random }), providers: [vendor], clock: { now }, sleep, log: (line) => lines.push(line),
        newTraceId: () => (starting = `t${(traces += 1)}`),
      },
    );
    return { handle: createHandler(deps), deps };
  });
  // Each caller agreed before the day's requests (acceptAgreement, one request of theirs).
  const consents: Record<string, unknown>[] = [];
  for (const caller of CALLERS) {
    const accepted = await s.waitFor(instances[0].handle({ action: 'acceptAgreement', agreementVersion, separate: { idCard: true, provision: true } }, caller)) as { consentId?: string };
    consents.push({ consentId: accepted.consentId, thisCheck: true });
  }
  const run = (op: Op): Promise<ActionAnswer | { ok: boolean }> => {
    const { handle } = instances[op.instance];
    if (op.kind === 'purge') return cloudStore(db, { sleep, random }).purge(START - 40 * 86_400_000, now(), () => false).then(() => ({ ok: true }));
    if (op.kind === 'check') return handle(eventFor(op.person, { consent: consents[op.caller] }), CALLERS[op.caller]);
    return handle({ action: op.kind }, CALLERS[op.caller]);
  };

  const answers = await s.waitFor(Promise.all(ops.map((op) => run(op).catch((error: unknown) => ({ ok: false, code: `THROWN ${String(error)}` })))));
  // Everything below runs with every reply delivered, in order.
  const settled = <T>(p: Promise<T>) => s.waitFor(p);
  type Answer = { ok: boolean; code?: string; cached?: boolean; traceId?: string };
  const answered = ops.map((op, i) => ({ op, answer: answers[i] as Answer }));
  const context = () => JSON.stringify({ seed, ops, answers, errorLines: lines.filter((line) => line.level === 'error') });
  const fail = (what: string): never => {
    throw new Error(`${what}\n${context()}`);
  };

  const touched = (caller: number, kinds: Op['kind'][]) => ops.some((op) => 'caller' in op && op.caller === caller && kinds.includes(op.kind));
  for (const { op, answer } of answered) {
    if (op.kind === 'purge') continue;
    const erased = touched(op.caller, ['withdrawConsent', 'deleteMyRecords']);
    const allowed = op.kind === 'check'
      ? [undefined, '01', ...(billedPerson(op.person) ? [] : ['VENDOR_QUOTA_EXHAUSTED']), ...(erased ? ['CONSENT_REQUIRED', 'VENDOR_UNAVAILABLE'] : [])]
      : [undefined];
    // A request waiting on another's claim may run out of time when the scheduler stalls the holder.
    const waited = op.kind === 'check' && answer.code === 'VENDOR_TIMEOUT' && answer.cached === true &&
      ops.some((other) => other !== op && other.kind === 'check' && other.caller === op.caller && other.person === op.person);
    if (!answer.ok && !allowed.includes(answer.code) && !waited) fail(`${op.kind} answered ${answer.code}, which the model never gives`);
  }
  const errors = lines.filter((line) => line.level === 'error' && !(line.event === 'mobileCheck' && line.outcome === 'VENDOR_QUOTA_EXHAUSTED'));
  if (errors.length > 0) fail(`error lines: ${JSON.stringify(errors)}`);

  // Flush what each instance holds in memory, then settle owed give-backs, with nothing lost.
  lossRate = 0;
  for (const { handle } of instances) await settled(handle({ action: 'stats', days: 1 }, ADMIN));
  await settled(cloudStore(db, { sleep, random }).purge(START - 40 * 86_400_000, now(), () => false));

  const day = beijingDay(START);
  const counters = new Map(((await settled(settle(db.collection(COLLECTIONS.counters).get()))).data).map((doc) => [String(doc._id), doc]));
  const vendorTotal = vendorCalls.billed + vendorCalls.notBilled;
  const stats = counters.get(`s_${day}`) ?? {};
  const expectEqual = (what: string, actual: unknown, expected: unknown) => {
    if (actual !== expected) fail(`${what}: ${String(actual)}, the model says ${String(expected)}`);
  };
  expectEqual('aggregated vendor calls', Number(stats.vendorCalls ?? 0), vendorTotal);
  expectEqual('aggregated billed calls', Number(stats.billed ?? 0), vendorCalls.billed);
  expectEqual('budget spent today', Number(counters.get(`b_${day}`)?.count ?? 0), vendorCalls.billed);
  expectEqual('bought quota used', Number(counters.get('quota')?.billed ?? 0), vendorCalls.billed);
  for (const [i, caller] of CALLERS.entries()) {
    const requests = ops.filter((op) => 'caller' in op && op.caller === i).length + 1; // and acceptAgreement
    expectEqual(`requests counted for caller ${i}`, Number(counters.get(`r_${day}_${callerHash(caller)}`)?.count ?? 0), requests);
  }

  // Withdrawals and deletions answered ok are in force, and nothing of a check begun before them remains.
  for (const { op, answer } of answered) {
    if ((op.kind !== 'withdrawConsent' && op.kind !== 'deleteMyRecords') || !answer.ok || !answer.traceId) continue;
    const at = startedAt.get(answer.traceId) ?? fail('no start time');
    const handle = instances[op.instance].handle;
    const again = await settled(handle(eventFor(7, { consent: consents[op.caller], mobile: '13700000071' }), CALLERS[op.caller])) as Answer;
    if (again.code !== 'CONSENT_REQUIRED') fail(`a check with the ${op.kind === 'withdrawConsent' ? 'withdrawn' : 'deleted'} consent answered ${String(again.code)}`);
    const mine = await settled(handle({ action: 'myRecords' }, CALLERS[op.caller])) as ActionAnswer & { records?: { at: number }[]; consents?: { acceptedAt: number; withdrawnAt?: number }[] };
    if (op.kind === 'deleteMyRecords') {
      const survivors = [...(mine.records ?? []).map((r) => r.at), ...(mine.consents ?? []).map((c) => c.acceptedAt)].filter((time) => time < at);
      if (survivors.length > 0) fail(`records begun before the deletion at ${at} came back: ${JSON.stringify(survivors)}`);
    } else {
      const survivors = (mine.records ?? []).filter((r) => r.at < at);
      if (survivors.length > 0) fail(`verifications begun before the withdrawal at ${at} were not deleted: ${JSON.stringify(survivors)}`);
      const unwithdrawn = (mine.consents ?? []).filter((c) => c.acceptedAt < at && c.withdrawnAt === undefined);
      if (unwithdrawn.length > 0) fail(`consents given before the withdrawal at ${at} are not withdrawn: ${JSON.stringify(unwithdrawn)}`);
    }
  }
}
