import { beijingDay, cloudStore, COLLECTIONS, DAY_MS, type DatabaseLike, settle } from '../../cloudfunctions/mobileCheck/src/host';
import { describeStoreContract } from './storeContract';
import { fakeCloudDatabase, roundTrips, type FakeCloudDatabase } from '../../support/cloudDatabaseStandIn';
import { completed, keys, NOON, openAndReserve, openFor, prepare, type Prepared, reserved, reserveInput } from './storeFixtures';

const collections = Object.values(COLLECTIONS);

describeStoreContract('cloud database (over the stand-in)', () => cloudStore(fakeCloudDatabase({ collections })));

describe('the cloud store on the wx-server-sdk API', () => {
  let db: FakeCloudDatabase;
  beforeEach(() => {
    db = fakeCloudDatabase({ collections });
  });

  /** Runs `step` and answers its database calls and sequential round trips. */
  async function measured(step: () => Promise<unknown>) {
    const before = db.journal().length;
    await step();
    const entries = db.journal().slice(before);
    return { calls: entries.length, roundTrips: roundTrips(entries) };
  }

  test('keeps each kind of record in its own collection', async () => {
    await reserved(cloudStore(db));
    expect(db.dump()[COLLECTIONS.consents]).toHaveLength(1);
    expect(db.dump()[COLLECTIONS.claims]).toHaveLength(1);
    expect(db.dump()[COLLECTIONS.counters].length).toBeGreaterThan(0);
  });

  test('names every collection in database-rules.json, each closed to clients', () => {
    const rules = require('../../cloudfunctions/mobileCheck/database-rules.json') as Record<string, unknown>;
    expect(Object.keys(rules).sort()).toEqual([...collections].sort());
    for (const name of collections) expect(rules[name]).toEqual({ read: false, write: false });
  });

  test('makes each step of a check one round trip: open, reserve and complete', async () => {
    const store = cloudStore(db);
    const p = prepare();
    let opened: Awaited<ReturnType<typeof openFor>> | undefined;
    expect((await measured(async () => { opened = await openFor(store, p); })).roundTrips).toBe(1);
    let result: Awaited<ReturnType<typeof store.reserve>> | undefined;
    expect((await measured(async () => { result = await store.reserve(reserveInput(p, opened!)); })).roundTrips).toBe(1);
    if (!result?.ok) throw new Error('refused');
    const reservation = result.reservation;
    expect((await measured(() => completed(store, reservation))).roundTrips).toBe(1);
    expect((await measured(() => store.readClaim(keys()))).calls).toBe(1);
  });

  test('fails loudly when a collection was not created, instead of pretending to store', async () => {
    const store = cloudStore(fakeCloudDatabase({ collections: [] }));
    await expect(openFor(store, prepare())).rejects.toThrow(/collection not exists/);
    await expect(store.readClaim(keys())).rejects.toThrow(/collection not exists/);
  });

  /** Retries without waiting: these tests are about what a failing write leaves, not about time. */
  const quick = (database: FakeCloudDatabase) => cloudStore(database, { sleep: async () => undefined });

  test('makes no vendor call possible when the consent cannot be written, and keeps nothing of the reservation', async () => {
    const store = quick(db);
    db.failCalls(/consents\.collection\.add/);
    await expect(openAndReserve(store)).rejects.toThrow();
    db.failCalls(undefined);
    await expect(store.readSpend(beijingDay(NOON))).resolves.toEqual({ today: 0, total: 0 });
    expect((await openFor(store, prepare())).limits).toMatchObject({ calls: 0 });
    await expect(openAndReserve(store)).resolves.toMatchObject({ ok: true });
  });

  /** The store over `db`, with the check's consent write held until `release()`; `reached` resolves when it is sent. */
  function consentWriteHeld() {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let sent = () => undefined as void;
    const reached = new Promise<void>((resolve) => { sent = resolve; });
    const gated: DatabaseLike = {
      command: db.command,
      collection: (name) => {
        const inner = db.collection(name);
        if (name !== COLLECTIONS.consents) return inner;
        return { ...inner, add: async (options) => { sent(); await held; return settle(inner.add(options)); } };
      },
    };
    return { store: cloudStore(gated), release, reached };
  }

  // Another instance's withdrawal, timed by its clock before this check began, lands after this
  // check's reservation took the limits and before the check's consent is written.
  async function withdrawalBetweenReservationAndConsent(withdrawnAt: (p: Prepared) => number) {
    const { store, release, reached } = consentWriteHeld();
    const p = prepare();
    const reserving = store.reserve(reserveInput(p, await openFor(store, p)));
    await reached;
    // The reservation's other writes land while the consent is held: wait for its hold on the limits.
    const limitsTaken = () => db.dump()[COLLECTIONS.counters]?.some((doc) => doc.kind === 'limits' && doc.calls === 1);
    while (!limitsTaken()) await new Promise((resolve) => setImmediate(resolve));
    await store.withdraw(p.keys.caller, withdrawnAt(p));
    release();
    const result = await reserving;
    if (!result.ok) throw new Error(`reservation refused: ${JSON.stringify(result)}`);
    await completed(store, result.reservation);
    return store.ownRecords(p.keys.caller);
  }

  test('marks a check\'s consent withdrawn and keeps no record of it when a withdrawal covering it lands between the reservation and the consent write', async () => {
    const { consents, verifications } = await withdrawalBetweenReservationAndConsent((p) => p.now - 1);
    expect(consents).toEqual([expect.objectContaining({ kind: 'check', withdrawnAt: NOON - 1 })]);
    expect(verifications).toEqual([]);
  });

  test('does not mark a check\'s consent given after the withdrawal that lands in the same gap, and keeps its record', async () => {
    // reserveInput's consent was given a minute before the check.
    const { consents, verifications } = await withdrawalBetweenReservationAndConsent((p) => p.now - 120_000);
    expect(consents).toEqual([expect.objectContaining({ kind: 'check' })]);
    expect(consents[0].withdrawnAt).toBeUndefined();
    expect(verifications).toHaveLength(1);
  });

  test('fails loudly when the claims collection is missing, instead of waiting on a claim nobody holds, and keeps nothing', async () => {
    const bare = fakeCloudDatabase({ collections: [COLLECTIONS.counters, COLLECTIONS.consents] });
    const store = cloudStore(bare);
    await expect(store.reserve(reserveInput(prepare(), { limits: undefined, claim: undefined }))).rejects.toThrow();
    await expect(store.readSpend(beijingDay(NOON))).resolves.toEqual({ today: 0, total: 0 });
    expect(bare.dump()[COLLECTIONS.consents]).toEqual([]);
  });

  // Only a duplicate _id means "exists": a database error must not read as "over the request cap"
  // (which the instance would remember for the rest of the day) ...
  test('does not mistake a failing add of the request counter for a full counter', async () => {
    db.failCalls(/counters\.collection\.add/);
    await expect(openFor(quick(db), prepare())).rejects.toThrow(/outcome unknown after retries/);
  });

  // ... and in reserve() as "budget spent" (BUDGET_EXHAUSTED instead of INTERNAL).
  test('does not mistake a failing add of a spend counter for a spent budget', async () => {
    const store = quick(db);
    const p = prepare();
    const seen = await openFor(store, p);
    db.failCalls(/counters\.collection\.add/);
    await expect(store.reserve(reserveInput(p, seen))).rejects.toThrow(/outcome unknown after retries/);
  });

  // Issue 16, point 3: a failed give-back of an unbilled reservation was never retried.
  test('a give-back the database keeps refusing is written down as owed, and the next purge settles it: nothing stays spent', async () => {
    const store = quick(db);
    const reservation = await reserved(store, { guards: { quotaTotal: 10, dailyBudget: 10 } });
    db.failCalls(/counters\.collection\.update/);
    await store.release(reservation);
    db.failCalls(undefined);
    await expect(store.readSpend(beijingDay(NOON))).resolves.toEqual({ today: 1, total: 1 });
    expect(db.dump()[COLLECTIONS.counters].filter((doc) => doc.kind === 'debt')).toHaveLength(1);
    await expect(store.purge(NOON - 30 * DAY_MS, NOON, () => false)).resolves.toMatchObject({ debts: 1 });
    await expect(store.readSpend(beijingDay(NOON))).resolves.toEqual({ today: 0, total: 0 });
    expect((await openFor(store, prepare())).limits).toMatchObject({ calls: 0 });
    expect(db.dump()[COLLECTIONS.counters].filter((doc) => doc.kind === 'debt')).toHaveLength(0);
    // Settled once: a second purge gives nothing back twice.
    await store.purge(NOON - 30 * DAY_MS, NOON, () => false);
    await expect(store.readSpend(beijingDay(NOON))).resolves.toEqual({ today: 0, total: 0 });
  });

  test('a give-back over a network that refuses half the updates and loses replies is retried to the end, exactly once', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const flaky = fakeCloudDatabase({ collections, network: { seed, maxDelayMs: 2, refuse: { calls: /counters\.collection\.update/, rate: 0.5 }, loseReplies: { calls: /counters\.collection\.update/, rate: 0.3 } } });
      const store = quick(flaky);
      const reservations = [];
      for (let i = 0; i < 3; i += 1) {
        const result = await openAndReserve(store, { keys: { triple: `triple-${i}`, mobile: `mobile-${i}` } }).catch(() => undefined);
        if (result?.ok) reservations.push(result.reservation);
      }
      await Promise.all(reservations.map((r) => store.release(r)));
      await store.purge(NOON - 30 * DAY_MS, NOON, () => false).catch(() => undefined);
      const docs = new Map(flaky.dump()[COLLECTIONS.counters].map((doc) => [doc._id, doc]));
      const limits = docs.get('u_caller-hash-a');
      // (A reservation may itself fail on this network: then it took nothing.)
      expect(reservations.length).toBeGreaterThan(0);
      expect({ seed, quota: docs.get('quota')?.billed, budget: docs.get(`b_${beijingDay(NOON)}`)?.count, calls: limits?.calls })
        .toEqual({ seed, quota: 0, budget: 0, calls: 0 });
    }
  });

  test('rejects a database call that returns no promise (the callback form of the typings)', async () => {
    const store = cloudStore({ command: db.command, collection: (name) => ({ ...db.collection(name), where: () => ({ ...db.collection(name), get: () => undefined }) }) });
    await expect(openFor(store, prepare())).rejects.toThrow(/no promise/);
  });

  test('purges in batches of 100 and stops when the time for this run is up', async () => {
    const store = cloudStore(db);
    const old = NOON - 40 * DAY_MS;
    for (let i = 0; i < 250; i += 1) {
      await db.collection(COLLECTIONS.consents).add({ data: { _id: `c-${i}`, caller: 'x', at: old } });
    }
    await expect(store.purge(NOON - 30 * DAY_MS, NOON, () => true)).resolves.toMatchObject({ consents: 0 });
    let batches = 0;
    const report = await store.purge(NOON - 30 * DAY_MS, NOON, () => (batches += 1) > 2);
    expect(report.consents).toBe(200);
    expect(db.dump()[COLLECTIONS.consents]).toHaveLength(50);
  });
});
