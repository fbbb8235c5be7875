// Concurrent requests through the real handler and the sandbox vendor over loopback, on one function
// instance and on two over one store: what each burst costs, counted as the requests that reached
// the vendor.
import type { CheckResponse } from '../../src/domain';
import type { SandboxVendor } from '../../local-host/sandboxVendor';
import { checkEvent } from '../support/people';
import { ADAPTERS, countOf, eventFor, harness, MANY_PEOPLE, type Harness, type OpenedStore } from './support';
import { PRIMARIES, startSandbox } from '../support/providers';

const CALLER = 'o-burst-caller';
describe.each(PRIMARIES)('with %s as the provider', (primary) => {
  let sandbox: SandboxVendor;

  // 30 ms of vendor latency keeps every burst's requests in flight together.
  beforeAll(async () => {
    sandbox = await startSandbox(primary, { latencyMs: 30 });
  });
  afterAll(() => sandbox.close());

  describe.each(ADAPTERS)('bursts with the %s store', (_adapter, openStore) => {
    let opened: OpenedStore;
    beforeEach(() => {
      opened = openStore();
      sandbox.received.length = 0;
    });
    afterEach(() => opened.close());

    /** Two function instances over one store, each with its own memory and its own store handle. */
    const twoInstances = (env: Record<string, string> = {}): [Harness, Harness] =>
      [harness(sandbox, opened.store, env), harness(sandbox, opened.another(), env)];
    const spread = (instances: Harness[], n: number, request: (i: number) => [unknown, string]): Promise<CheckResponse[]> =>
      Promise.all(Array.from({ length: n }, (_unused, i) => instances[i % instances.length].check(...request(i))));

    test('50 identical requests at once make one vendor call, and all 50 get its answer', async () => {
      const responses = await spread([harness(sandbox, opened.store)], 50, () => [checkEvent(), CALLER]);
      expect(sandbox.received).toHaveLength(1);
      expect(sandbox.billed()).toBeGreaterThan(0);
      expect(countOf(responses, (r) => r.ok && r.code === '01')).toBe(50);
      expect(countOf(responses, (r) => r.ok && !r.cached)).toBe(1);
      expect(new Set(responses.map((r) => r.traceId)).size).toBe(50);
    });

    test('50 identical requests of a non-final 202 at once still make one vendor call', async () => {
      const responses = await spread([harness(sandbox, opened.store)], 50, () => [checkEvent({ mobile: '13800138002' }), CALLER]);
      expect(sandbox.received).toHaveLength(1);
      expect(countOf(responses, (r) => r.code === '202')).toBe(50);
    });

    test('two instances × 5 identical requests at once make exactly one vendor call: all 10 answer the same code, 9 of them cached', async () => {
      const responses = await spread(twoInstances(), 10, () => [checkEvent(), CALLER]);
      expect(sandbox.received).toHaveLength(1);
      expect(sandbox.billed()).toBeGreaterThan(0);
      expect(new Set(responses.map((r) => r.code))).toEqual(new Set(['01']));
      expect(countOf(responses, (r) => r.ok && r.cached)).toBe(9);
    });

    test('two instances × 25 identical requests of a non-final 202 at once make exactly one vendor call', async () => {
      const responses = await spread(twoInstances(), 50, () => [checkEvent({ mobile: '13800138002' }), CALLER]);
      expect(sandbox.received).toHaveLength(1);
      expect(countOf(responses, (r) => r.code === '202')).toBe(50);
    });

    test('50 distinct requests at once from one caller with a limit of 10 make at most 10 vendor calls, and no other answer is billed', async () => {
      const responses = await spread([harness(sandbox, opened.store, { MOBILECHECK_CALLER_DAILY_LIMIT: '10', ...MANY_PEOPLE })], 50, (i) => [eventFor(i), CALLER]);
      expect(sandbox.received.length).toBeLessThanOrEqual(10);
      expect(countOf(responses, (r) => r.ok)).toBe(sandbox.received.length);
      for (const r of responses.filter((x) => x.code === 'RATE_LIMITED')) expect(r.ok === false && r.retryAfterSeconds).toBeGreaterThan(0);
    });

    // Concurrent reservations of one caller race on one limits document: they take turns within an
    // instance and retry with jittered backoff across instances, then end in the limit, never INTERNAL.
    test('50 distinct requests at once from one caller with a limit of 10 make exactly 10 vendor calls and 40 RATE_LIMITED, none INTERNAL', async () => {
      const responses = await spread([harness(sandbox, opened.store, { MOBILECHECK_CALLER_DAILY_LIMIT: '10', ...MANY_PEOPLE })], 50, (i) => [eventFor(i), CALLER]);
      expect(countOf(responses, (r) => r.code === 'INTERNAL')).toBe(0);
      expect(sandbox.received).toHaveLength(10);
      expect(countOf(responses, (r) => r.code === 'RATE_LIMITED')).toBe(40);
    });

    test('50 distinct requests split over two instances from one caller with a limit of 10 still make at most 10 vendor calls', async () => {
      const responses = await spread(twoInstances({ MOBILECHECK_CALLER_DAILY_LIMIT: '10', ...MANY_PEOPLE }), 50, (i) => [eventFor(i), CALLER]);
      expect(sandbox.received.length).toBeLessThanOrEqual(10);
      expect(countOf(responses, (r) => r.ok)).toBe(sandbox.received.length);
    });

    test('20 callers checking one mobile at once each get their own answer: no caller uses up another\'s checks', async () => {
      const responses = await spread(twoInstances(), 20, (i) => [checkEvent(), `o-caller-${i}`]);
      expect(sandbox.received).toHaveLength(20);
      expect(countOf(responses, (r) => r.ok && r.code === '01' && !r.cached)).toBe(20);
    });

    test.each([1, 2])('50 distinct checks at once from distinct callers on %i instance(s) with MOBILECHECK_DAILY_BUDGET=7 make exactly 7 vendor calls, the rest BUDGET_EXHAUSTED; cached answers still work', async (instances) => {
      const env = { MOBILECHECK_DAILY_BUDGET: '7' };
      const harnesses = instances === 1 ? [harness(sandbox, opened.store, env)] : twoInstances(env);
      const responses = await spread(harnesses, 50, (i) => [eventFor(i), `o-caller-${i}`]);
      expect(sandbox.received).toHaveLength(7);
      expect(countOf(responses, (r) => r.ok)).toBe(7);
      expect(countOf(responses, (r) => r.code === 'BUDGET_EXHAUSTED')).toBe(43);
      const answered = responses.findIndex((r) => r.ok);
      const again = await harnesses[harnesses.length - 1].check(eventFor(answered), `o-caller-${answered}`);
      expect(again).toMatchObject({ ok: true, code: '01', cached: true });
      expect(await harnesses[0].check(eventFor(99), 'o-newcomer')).toMatchObject({ code: 'BUDGET_EXHAUSTED' });
      expect(sandbox.received).toHaveLength(7);
    });
  });
});
