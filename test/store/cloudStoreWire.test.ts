// The cloud store over the real wx-server-sdk, speaking HTTP to the TCB wire fake: what the SDK
// actually sends for each Store method, and the whole Store contract once more on those bytes.
import { beijingDay, cloudStore, COLLECTIONS, delta } from '../../cloudfunctions/mobileCheck/src/host';
import { addOnce, settle, updated, type CommandLike, type Retry } from '../../cloudfunctions/mobileCheck/src/store/cloudDatabase';
import { openWireDatabase, type WireDatabase } from '../../support/tcbWire/openWireDatabase';
import type { WireCall } from '../../support/tcbWire/faults';
import { startTcbWire } from '../../support/tcbWire/server';
import { describeStoreContract } from './storeContract';
import { NOON, openAndReserve } from './storeFixtures';

/** Retries without waiting: these tests are about what the wire answers, not about time. */
const NO_WAIT: Retry = { sleep: async () => undefined, random: () => 0.5, tries: 3, baseMs: 1 };
let opened: WireDatabase;
beforeAll(async () => {
  opened = await openWireDatabase();
});
afterAll(() => opened.close());

describeStoreContract('cloud database (real wx-server-sdk over the TCB wire fake)', () => cloudStore(opened.fresh()));

describe('the TCB wire fake answers the real SDK as the cloud database does', () => {
  const name = COLLECTIONS.claims;
  const collection = () => opened.db.collection(name);
  // The SDK's command has every MongoDB operator; the function's CommandLike names the ones it uses.
  const _ = () => opened.db.command as CommandLike & { push(value: { each: unknown[]; slice?: number }): unknown };
  beforeEach(() => opened.wire.collections.reset());
  afterEach(() => opened.wire.setFaults({}));
  const actionsSince = (start: number) => opened.wire.journal().slice(start).map((entry) => entry.action);

  test('gets each call as the admin API action the SDK names it, with EJSON bodies decoded', async () => {
    const start = opened.wire.journal().length;
    await settle(collection().add({ data: { _id: 'a', n: 1, at: 1_796_486_400_000, answer: null } }));
    expect(await updated(collection().where({ _id: 'a', n: _().lt(2) }), { n: _().inc(2) })).toBe(true);
    expect((await settle(collection().where({ _id: _().in(['a', 'b']) }).field({ n: true }).orderBy('n', 'desc').limit(5).get())).data).toEqual([{ _id: 'a', n: 3 }]);
    expect((await settle(collection().where({ at: _().gte(1_796_486_400_000) }).remove())).stats.removed).toBe(1);
    expect(actionsSince(start)).toEqual(['database.insertDocument', 'database.modifyDocument', 'database.getDocument', 'database.removeDocument']);
  });

  test('refuses a second add of one _id with -502001 and MongoDB\'s E11000 words, which addOnce reads as "exists"', async () => {
    await settle(collection().add({ data: { _id: 'dup' } }));
    await expect(settle(collection().add({ data: { _id: 'dup' } }))).rejects.toMatchObject({
      errCode: -502001, message: expect.stringMatching(/^collection\.add:fail -502001 database request fail\. .*E11000 duplicate key/),
    });
    expect(await addOnce(collection(), { _id: 'dup' }, () => true, NO_WAIT)).toBe(false);
  });

  test('answers -502005 for a collection that was never created', async () => {
    await expect(settle(opened.db.collection('mobileCheck_missing').where({}).get())).rejects.toMatchObject({ errCode: -502005 });
  });

  test('refuses, like MongoDB and unlike mingo, a write inside null, $inc on a string, $push on a non-array and two writes to one path', async () => {
    await settle(collection().add({ data: { _id: 'strict', answer: null, state: 'pending', mobiles: {} } }));
    const refused = (data: Record<string, unknown>) => expect(settle(collection().where({ _id: 'strict' }).update({ data }))).rejects.toMatchObject({ errCode: -502001 });
    await refused({ answer: { code: '01' } });
    await refused({ state: _().inc(1) });
    await refused({ state: _().push({ each: ['t'], slice: -5 }) });
    await refused({ mobiles: _().set({}), 'mobiles.m1': _().inc(1) });
    // The SDK refuses an _id update itself; the wire refuses it too, for any client that sends one.
    expect(() => opened.wire.collections.modify(name, { _id: 'strict' }, { $set: { _id: 'other' } }, true)).toThrow(/immutable field '_id'/);
    expect(opened.wire.collections.dump()[name]).toEqual([{ _id: 'strict', answer: null, state: 'pending', mobiles: {} }]);
    // The same write whole (_.set) is fine.
    expect(await updated(collection().where({ _id: 'strict' }), { answer: _().set({ code: '01' }) })).toBe(true);
  });

  test('answers injected SYS_ERR (-501001) and DATABASE_REQUEST_FAILED (-502001) without applying the request', async () => {
    opened.wire.setFaults({ choose: (call) => (call.action === 'database.insertDocument' ? { kind: 'error', code: 'SYS_ERR' } : undefined) });
    await expect(settle(collection().add({ data: { _id: 'x' } }))).rejects.toMatchObject({ errCode: -501001 });
    opened.wire.setFaults({ errorRate: 1, errorCode: 'DATABASE_REQUEST_FAILED' });
    await expect(settle(collection().add({ data: { _id: 'x' } }))).rejects.toMatchObject({ errCode: -502001 });
    expect(opened.wire.collections.dump()[name]).toEqual([]);
  });

  test('loses a reply after applying the request: the SDK sees an error, the document is there, and addOnce, reading it back, knows it as its own', async () => {
    opened.wire.setFaults({ loseReplyRate: 1 });
    await expect(settle(collection().add({ data: { _id: 'lost' } }))).rejects.toMatchObject({ errCode: -501001 });
    expect(opened.wire.journal().at(-1)).toMatchObject({ action: 'database.insertDocument', outcome: 'lost' });
    opened.wire.setFaults({ choose: (call) => (call.action === 'database.insertDocument' ? { kind: 'loseReply' } : undefined) });
    expect(await addOnce(collection(), { _id: 'lost-too', by: 'me' }, (found) => found.by === 'me', NO_WAIT)).toBe(true);
    expect(opened.wire.collections.dump()[name].map((doc) => doc._id)).toEqual(['lost', 'lost-too']);
  });

  test('applies requests that arrive within the reorder window in a seeded order: some seeds reverse two writes sent in order', async () => {
    const finalValue = async (seed: number) => {
      opened.wire.collections.reset();
      opened.wire.setFaults({});
      await settle(collection().add({ data: { _id: 'r', v: 0 } }));
      opened.wire.setFaults({ seed, reorderWindowMs: 30 });
      await Promise.all([updated(collection().where({ _id: 'r' }), { v: 1 }), updated(collection().where({ _id: 'r' }), { v: 2 })]);
      return opened.wire.collections.dump()[name][0].v;
    };
    const outcomes = [];
    for (let seed = 1; seed <= 8; seed += 1) outcomes.push(await finalValue(seed));
    expect(new Set(outcomes)).toEqual(new Set([1, 2]));
    expect(await finalValue(3)).toBe(outcomes[2]);
  });

  test('fails the run on a request it does not imitate (here a transaction), instead of answering it', async () => {
    const wire = await startTcbWire({ collections: [name] });
    const body = { action: 'database.startTransaction', envName: wire.envId };
    const reply = await fetch(`${wire.url}?env=${wire.envId}&seqId=1`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', authorization: 'TC3-HMAC-SHA256 Credential=AKID/2026-01-01/tcb/tc3_request, SignedHeaders=host' },
    });
    expect(reply.status).toBe(501);
    await expect(wire.close()).rejects.toThrow(/does not imitate:\n.*database\.startTransaction/);
  });
});

describe('two instances writing a counter that does not exist yet, when each update reaches the database before the adds', () => {
  // Each bump() sends add() and a conditional update together; the network may apply the second
  // writer's update first (it matches nothing), then the first writer's add, then the second's
  // (a duplicate): the second count must still happen.
  const addsLast = () => opened.fresh({ choose: (call) => (call.action === 'database.insertDocument' ? { kind: 'delay', ms: 40 } : undefined) });
  const day = beijingDay(NOON);

  test('both requests of a new caller are counted, and neither is refused by the request cap', async () => {
    const db = addsLast();
    const counted = await Promise.all([cloudStore(db), cloudStore(opened.another())].map((store, i) =>
      store.countRequest({ caller: 'caller-hash-a', day, requestLimit: 100, now: NOON, traceId: `trace-${i}` })));
    expect(counted).toEqual([true, true]);
    expect(opened.wire.collections.dump()[COLLECTIONS.counters]).toEqual([expect.objectContaining({ count: 2 })]);
  });

  test('both aggregates are added to the day\'s stats', async () => {
    const db = addsLast();
    await Promise.all([cloudStore(db), cloudStore(opened.another())].map((store) => store.addAggregates(new Map([[day, delta.cached('01')]]))));
    expect((await cloudStore(db).readAggregates([day])).get(day)).toMatchObject({ requests: 2, cached: 2 });
  });
});

/** The budget document's add (its _id in the EJSON data) or update (in the EJSON query); reads pass. */
const budgetWrite = (call: WireCall, action: 'database.insertDocument' | 'database.modifyDocument') => call.action === action &&
  [call.body.query, ...(Array.isArray(call.body.data) ? call.body.data : [])].some((text) => /"_id":"b_/.test(String(text)));

test('a budget count whose add created the document counts once, even when its update fails (SYS_ERR): the reservation stands', async () => {
  const store = cloudStore(opened.fresh({ choose: (call) => (budgetWrite(call, 'database.modifyDocument') ? { kind: 'error', code: 'SYS_ERR' } : undefined) }));
  await expect(openAndReserve(store)).resolves.toMatchObject({ ok: true });
  opened.wire.setFaults({});
  await expect(store.readSpend(beijingDay(NOON))).resolves.toEqual({ today: 1, total: 1 });
});

test('a reservation whose budget count fails (SYS_ERR at the wire) gives back the quota it counted, and takes nothing else', async () => {
  const budgetWrites = (call: WireCall) => budgetWrite(call, 'database.insertDocument') || budgetWrite(call, 'database.modifyDocument');
  const store = cloudStore(opened.fresh({ choose: (call) => (budgetWrites(call) ? { kind: 'error', code: 'SYS_ERR' } : undefined) }));
  await expect(openAndReserve(store)).rejects.toThrow();
  opened.wire.setFaults({});
  await expect(store.readSpend(beijingDay(NOON))).resolves.toEqual({ today: 0, total: 0 });
  expect(opened.wire.collections.dump()[COLLECTIONS.consents]).toEqual([]);
});

const SEED = Number(process.env.WIRE_SEED ?? 16);
describeStoreContract(
  `cloud database (real SDK, wire with seed ${SEED}: 0–10 ms each way, requests within 4 ms applied in shuffled order)`,
  () => cloudStore(opened.fresh({ seed: SEED, requestJitterMs: 10, replyJitterMs: 10, reorderWindowMs: 4 })),
);
