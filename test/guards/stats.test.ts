// The `stats` action after a scripted session: exactly the session's counts, on each store adapter,
// on one function instance and on two over one store. Admins only.
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { checkEvent } from '../support/people';
import { ADAPTERS, eventFor, harness, personNumber, type Harness, type OpenedStore } from './support';

const ADMIN = 'o-admin';
/** 2025-03-10 12:00 Beijing time. */
const NOON = Date.UTC(2025, 2, 10, 4, 0, 0);

let sandbox: SandboxVendor;
beforeAll(async () => {
  sandbox = await startSandboxVendor();
});
afterAll(() => sandbox.close());

/** Each step: who asks what, and the code they get. */
const SESSION: [string, Record<string, unknown>, string, boolean?][] = [
  ['o-one', eventFor(1), '01'],
  ['o-one', eventFor(1), '01', true],
  ['o-one', checkEvent({ ...personNumber(1), mobile: '13900000011' }), '02'],
  ['o-one', checkEvent({ name: '张3' }), 'INVALID_NAME'],
  ['o-two', checkEvent({ consent: undefined }), 'CONSENT_REQUIRED'],
  ['o-two', eventFor(2), '01'],
  ['o-two', eventFor(3), '01'],
  ['o-two', eventFor(5), 'RATE_LIMITED'],
  ['o-three', eventFor(4), 'VENDOR_QUOTA_EXHAUSTED'],
];

const TODAY = {
  day: '2025-03-10', requests: 9, vendorCalls: 5, billed: 4, maybeBilled: 0, cached: 1,
  refused: { INVALID_NAME: 1, CONSENT_REQUIRED: 1, RATE_LIMITED: 1, VENDOR_QUOTA_EXHAUSTED: 1 },
  outcomes: { '01': 4, '02': 1 },
  byProvider: { 'aliyun-market': { vendorCalls: 5, billed: 4 } },
  // The clock stands still in this session: every vendor call took 0 ms, in the first bucket (≤ 50 ms).
  latencyMs: { p50: 50, p95: 50 },
};

describe.each(ADAPTERS)('with the %s store', (_name, openStore) => {
  let opened: OpenedStore;
  const env = { MOBILECHECK_ADMIN_OPENIDS: `o-nobody, ${ADMIN}`, MOBILECHECK_CALLER_DAILY_LIMIT: '2', MOBILECHECK_ALIYUN_PRICE_FEN: '25' };
  const clock = { now: () => NOON };

  beforeEach(() => {
    opened = openStore();
    sandbox.setFault(undefined);
  });
  afterEach(() => opened.close());

  async function runSession(instances: Harness[]) {
    for (const [i, [caller, event, code, cached]] of SESSION.entries()) {
      if (code === 'VENDOR_QUOTA_EXHAUSTED') sandbox.setFault('quotaExhausted');
      const answer = await instances[i % instances.length].check(event, caller);
      sandbox.setFault(undefined);
      expect(answer).toMatchObject({ code, ...(cached !== undefined && { cached }) });
    }
  }

  test.each([1, 2])('after a scripted session on %i instance(s), the stats action reports exactly its counts', async (count) => {
    const instances = [harness(sandbox, opened.store, env, { clock }), harness(sandbox, opened.another(), env, { clock })].slice(0, count);
    await runSession(instances);
    // Each instance adds what it holds in memory when asked; the last answer has everything.
    const answers = [];
    for (const instance of instances) answers.push(await instance.stats(ADMIN, 7));
    const answer = answers[answers.length - 1];
    expect(answer).toEqual({
      ok: true, traceId: expect.any(String),
      days: [TODAY, ...Array.from({ length: 6 }, (_unused, i) => expect.objectContaining({ day: `2025-03-0${9 - i}`, requests: 0, billed: 0 }))],
      quota: { total: null, used: 4, remaining: null },
      budget: { daily: null, usedToday: 4 },
      pricesFen: { 'aliyun-market': 25 },
    });
    expect(await instances[0].stats(ADMIN, 1)).toMatchObject({ days: [TODAY] });
  });

  test('answers FORBIDDEN to a caller who is not an admin, and to everyone when no admin is set', async () => {
    const instance = harness(sandbox, opened.store, env, { clock });
    await instance.check(eventFor(1), 'o-one');
    expect(await instance.act({ action: 'stats' }, 'o-one')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await instance.act({ action: 'stats' }, undefined)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await harness(sandbox, opened.store, {}, { clock }).act({ action: 'stats' }, ADMIN)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await instance.act({ action: 'stats', days: 91 }, ADMIN)).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  });
});
