// The production entry as the cloud runs it: the built index.js loaded in its own Node process with
// the cloud's environment, `main` → cloud.init / cloud.database() of the bundled wx-server-sdk →
// HTTP to the TCB wire fake on loopback; the vendor is the sandbox on loopback. Nothing is swapped.
import { COLLECTIONS } from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { roundTrips } from '../../support/cloudDatabaseStandIn';
import { startFunctionProcess, type FunctionProcess } from '../../support/tcbWire/functionProcess';
import { startTcbWire, type TcbWire } from '../../support/tcbWire/server';
import { capture } from '../support/captureLeaks';
import { fitsContract } from '../support/contract';
import { agreementVersion, checkEvent, person, rawValues } from '../support/people';
import { buildTestBundle } from '../support/testBundle';
import { eventFor, HASH_SECRET } from '../guards/support';

const ADMIN = 'o-wire-admin';
const TIMER = { Type: 'Timer', TriggerName: 'retentionPurge', Time: '2026-01-01T03:00:00Z' };
let sandbox: SandboxVendor;
let wire: TcbWire;
let bundle: string;
const started: FunctionProcess[] = [];

/**
 * One function instance: the bundle in a process of its own, with the function's settings. Its log
 * lines and answers go to the whole-run leak scan, which cannot see a child's stdout by itself.
 */
function instance(extra: Record<string, string> = {}): FunctionProcess {
  const loaded = startFunctionProcess(bundle, wire, {
    ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint, MOBILECHECK_HASH_SECRET: HASH_SECRET, MOBILECHECK_ADMIN_OPENIDS: ADMIN, ...extra,
  });
  started.push(loaded);
  return {
    async call(event, caller) {
      const invocation = await loaded.call(event, caller);
      capture('child', [...invocation.logLines, JSON.stringify(invocation.response)].join('\n'));
      return invocation;
    },
    close: () => loaded.close(),
  };
}

/** What one invocation sent over the wire: requests, sequential round trips, and their actions. */
async function measured<T>(run: () => Promise<T>) {
  const start = wire.journal().length;
  const result = await run();
  const entries = wire.journal().slice(start);
  return { result, requests: entries.length, roundTrips: roundTrips(entries), actions: entries.map((entry) => `${entry.collection.replace('mobileCheck_', '')} ${entry.action.replace('database.', '')}`) };
}

let a: FunctionProcess;
let b: FunctionProcess;

/** The person agrees on the agreement page (acceptAgreement) and confirms each check with the consent answered. */
async function agree(copy: FunctionProcess, caller: string): Promise<{ consentId: string; thisCheck: true }> {
  const { response } = await copy.call({ action: 'acceptAgreement', agreementVersion, separate: { idCard: true, provision: true } }, caller);
  return { consentId: (response as { consentId: string }).consentId, thisCheck: true };
}
beforeAll(async () => {
  [{ bundle }, sandbox, wire] = await Promise.all([buildTestBundle(), startSandboxVendor(), startTcbWire({ collections: Object.values(COLLECTIONS) })]);
  a = instance();
  b = instance();
  // Both copies load the bundle and open the database before any test measures them.
  await Promise.all([a.call({ action: 'status' }, 'o-wire-warm-up'), b.call({ action: 'status' }, 'o-wire-warm-up')]);
}, 60_000);
afterEach(() => wire.setFaults({}));
afterAll(async () => {
  capture('store', JSON.stringify(wire.collections.dump()));
  await Promise.all(started.map((loaded) => loaded.close()));
  await sandbox.close();
  await wire.close();
});

describe('the built main through the real wx-server-sdk and the TCB wire', () => {
  test('answers every action: a billed check, status, myRecords, stats, withdrawConsent and deleteMyRecords', async () => {
    const caller = 'o-wire-every-action';
    const billedBefore = sandbox.billed();
    const consent = await agree(a, caller);
    const check = await a.call(checkEvent({ consent }), caller);
    expect(check.response).toMatchObject({ ok: true, code: '01', verified: true, cached: false });
    expect(fitsContract(check.response, { agreementVersion })).toBe(true);
    expect(sandbox.billed()).toBe(billedBefore + 1);

    expect((await a.call({ action: 'status' }, caller)).response).toMatchObject({ ok: true, verified: true });
    const records = (await a.call({ action: 'myRecords' }, caller)).response as { records: unknown[]; consents: unknown[] };
    expect([records.records.length, records.consents.length]).toEqual([1, 1]);
    const stats = (await a.call({ action: 'stats', days: 1 }, ADMIN)).response as { days: { billed: number }[] };
    expect(stats.days[0].billed).toBeGreaterThanOrEqual(1);
    expect((await a.call({ action: 'stats', days: 1 }, caller)).response).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await a.call({ action: 'withdrawConsent' }, caller)).response).toMatchObject({ ok: true, withdrawnAt: expect.any(Number), deleted: { verifications: 1, claims: 1 } });
    expect((await a.call(checkEvent({ consent }), caller)).response).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' });
    // The agreement and the check's confirmation; the verification went with the withdrawal.
    expect((await a.call({ action: 'deleteMyRecords' }, caller)).response).toMatchObject({ ok: true, deleted: { consents: 2, verifications: 0 } });
    expect((await a.call({ action: 'myRecords' }, caller)).response).toMatchObject({ records: [], consents: [] });

    const stored = JSON.stringify(wire.collections.dump());
    for (const secret of [...rawValues(person), caller, sandbox.appCode]) {
      expect(stored).not.toContain(secret);
      expect(JSON.stringify(check)).not.toContain(secret);
    }
  });

  test('a new caller\'s billed check (after agreeing) makes 14 requests in 3 round trips, the same check cached 4 in 1 (the consent read beside round trip 1), a refused one none', async () => {
    const fresh = instance();
    const caller = 'o-wire-counts';
    // Parallel requests leave the SDK within a few ms of each other; a hop this long makes them overlap on the wire.
    wire.setFaults({ latencyMs: 100 });
    const consent = await agree(fresh, caller);
    const billed = await measured(() => fresh.call(eventFor(101, { consent }), caller));
    const calls = sandbox.received.length;
    const cached = await measured(() => fresh.call(eventFor(101, { consent }), caller));
    const refused = await measured(() => fresh.call(eventFor(102, { name: '', consent }), caller));
    expect(billed.result.response).toMatchObject({ ok: true, cached: false });
    expect(cached.result.response).toMatchObject({ ok: true, cached: true });
    expect(refused.result.response).toMatchObject({ ok: false, code: 'INVALID_NAME' });
    expect(sandbox.received.length).toBe(calls);
    expect([billed.requests, billed.roundTrips, cached.requests, cached.roundTrips, refused.requests]).toEqual([14, 3, 4, 1, 0]);
    expect(cached.actions).toEqual(['counters modifyDocument', 'claims getDocument', 'counters getDocument', 'consents getDocument']);
  });

  test('two loaded copies checking the same person for one caller at once make one vendor call; both answer 01', async () => {
    const caller = 'o-wire-two-copies';
    // A hop long enough that both copies' first requests are in flight together: a race, not a cache hit.
    wire.setFaults({ latencyMs: 30 });
    const consent = await agree(a, caller);
    const calls = sandbox.received.length;
    const answers = await Promise.all([a.call(eventFor(202, { consent }), caller), b.call(eventFor(202, { consent }), caller)]);
    expect(answers.map((answer) => answer.response)).toEqual([
      expect.objectContaining({ ok: true, code: '01' }), expect.objectContaining({ ok: true, code: '01' }),
    ]);
    expect(answers.filter((answer) => (answer.response as { cached: boolean }).cached)).toHaveLength(1);
    expect(sandbox.received.length).toBe(calls + 1);
  });

  test('20 distinct checks at once on two loaded copies with MOBILECHECK_DAILY_BUDGET=5 make exactly 5 vendor calls and leave 5 verifications', async () => {
    const own = await startTcbWire({ collections: Object.values(COLLECTIONS), faults: { seed: 17, requestJitterMs: 10, replyJitterMs: 10 } });
    const settings = { ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint, MOBILECHECK_HASH_SECRET: HASH_SECRET, MOBILECHECK_DAILY_BUDGET: '5' };
    const copies = [startFunctionProcess(bundle, own, settings), startFunctionProcess(bundle, own, settings)];
    try {
      await Promise.all(copies.map((copy) => copy.call({ action: 'status' }, 'o-wire-budget-warm-up')));
      const consents = await Promise.all(Array.from({ length: 20 }, (_unused, i) => agree(copies[i % 2], `o-wire-budget-${i}`)));
      const calls = sandbox.received.length;
      const answers = await Promise.all(Array.from({ length: 20 }, (_unused, i) => copies[i % 2].call(eventFor(700 + i, { consent: consents[i] }), `o-wire-budget-${i}`)));
      capture('child', answers.map((answer) => [...answer.logLines, JSON.stringify(answer.response)].join('\n')).join('\n'));
      const codes = answers.map((answer) => (answer.response as { code: string }).code);
      expect(codes.filter((code) => code === '01')).toHaveLength(5);
      expect(codes.filter((code) => code !== '01')).toEqual(Array(15).fill('BUDGET_EXHAUSTED'));
      expect(sandbox.received.length - calls).toBe(5);
      expect(own.collections.dump()[COLLECTIONS.verifications]).toHaveLength(5);
    } finally {
      await Promise.all(copies.map((copy) => copy.close()));
      await own.close();
    }
  });

  test('a third distinct person from one caller within 30 days is RATE_LIMITED (identities) without a vendor call', async () => {
    const caller = 'o-wire-limits';
    const consent = await agree(a, caller);
    await a.call(eventFor(301, { consent }), caller);
    await a.call(eventFor(302, { consent }), caller);
    const calls = sandbox.received.length;
    expect((await a.call(eventFor(303, { consent }), caller)).response).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(sandbox.received.length).toBe(calls);
  });

  test('a check whose consent cannot be written (SYS_ERR at the wire) answers INTERNAL with no vendor call', async () => {
    const consent = await agree(a, 'o-wire-sys-err');
    wire.setFaults({ choose: (call) => (call.collection === COLLECTIONS.consents && call.action === 'database.insertDocument' ? { kind: 'error', code: 'SYS_ERR' } : undefined) });
    const calls = sandbox.received.length;
    expect((await a.call(eventFor(401, { consent }), 'o-wire-sys-err')).response).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(sandbox.received.length).toBe(calls);
  });

  test.each([
    ['the claim\'s insert', COLLECTIONS.claims],
    ['the new caller\'s request counter insert (made by acceptAgreement, their first request)', COLLECTIONS.counters],
  ])('a lost reply of %s (applied, then the connection reset) still answers 01 with one vendor call', async (_what, collection) => {
    const caller = `o-wire-lost-${collection}`;
    let lost = 0;
    wire.setFaults({ choose: (call) => (call.collection === collection && call.action === 'database.insertDocument' && lost++ === 0 ? { kind: 'loseReply' } : undefined) });
    const calls = sandbox.received.length;
    const start = wire.journal().length;
    const consent = await agree(a, caller);
    expect(consent.consentId).toMatch(/^[0-9a-f]{32}$/);
    const answer = await a.call(eventFor(collection === COLLECTIONS.claims ? 501 : 502, { consent }), caller);
    expect(wire.journal().slice(start).filter((entry) => entry.outcome === 'lost')).toHaveLength(1);
    expect(answer.response).toMatchObject({ ok: true, code: '01', cached: false });
    expect(sandbox.received.length).toBe(calls + 1);
  }, 30_000);

  test('the timer trigger with no caller purges records older than the retention period and keeps newer ones', async () => {
    const now = Date.now();
    const old = now - 1000 * 86_400_000;
    const recent = now - 86_400_000;
    wire.collections.insert(COLLECTIONS.verifications, [{ _id: 'v-old', caller: 'h', at: old }, { _id: 'v-new', caller: 'h', at: recent }]);
    wire.collections.insert(COLLECTIONS.consents, [{ _id: 'c-old', caller: 'h', at: old }]);
    const purge = await a.call(TIMER);
    expect(purge.response).toEqual({ ok: true });
    expect(purge.logLines.join('\n')).toContain('"event":"retentionPurge"');
    const ids = (name: string) => wire.collections.dump()[name].map((doc) => doc._id);
    expect(ids(COLLECTIONS.verifications)).toContain('v-new');
    expect(ids(COLLECTIONS.verifications)).not.toContain('v-old');
    expect(ids(COLLECTIONS.consents)).not.toContain('c-old');
  });
});
