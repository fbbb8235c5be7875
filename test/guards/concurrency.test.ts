// Concurrent requests through the real handler and the sandbox vendor over loopback: what each
// burst costs, counted as the HTTP requests that reached the vendor.
import type { CheckResponse } from '../../src/domain';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { checkEvent } from '../support/people';
import { ADAPTERS, eventFor, harness, type OpenedStore } from './support';

const CALLER = 'o-burst-caller';
let sandbox: SandboxVendor;

// 30 ms of vendor latency keeps every burst's requests in flight together.
beforeAll(async () => {
  sandbox = await startSandboxVendor({ latencyMs: 30 });
});
afterAll(() => sandbox.close());

const count = (responses: CheckResponse[], predicate: (r: CheckResponse) => boolean) => responses.filter(predicate).length;

describe.each(ADAPTERS)('bursts with the %s store', (_name, openStore) => {
  let opened: OpenedStore;
  beforeEach(() => {
    opened = openStore();
    sandbox.received.length = 0;
  });
  afterEach(() => opened.close());

  test('50 identical requests at once make one vendor call, and all 50 get its answer', async () => {
    const { handle } = harness(sandbox, opened.store);
    const responses = await Promise.all(Array.from({ length: 50 }, () => handle(checkEvent(), CALLER)));
    expect(sandbox.received).toHaveLength(1);
    expect(sandbox.billed()).toBeGreaterThan(0);
    expect(count(responses, (r) => r.ok && r.code === '01')).toBe(50);
    expect(count(responses, (r) => r.ok && !r.cached)).toBe(1);
    expect(new Set(responses.map((r) => r.traceId)).size).toBe(50);
  });

  test('50 identical requests of a non-final 203 at once still make one vendor call', async () => {
    const { handle } = harness(sandbox, opened.store);
    const responses = await Promise.all(Array.from({ length: 50 }, () => handle(checkEvent({ mobile: '13800138003' }), CALLER)));
    expect(sandbox.received).toHaveLength(1);
    expect(count(responses, (r) => r.code === '203')).toBe(50);
  });

  test('50 distinct requests at once from one caller with a limit of 10 make exactly 10 vendor calls and 40 RATE_LIMITED', async () => {
    const { handle } = harness(sandbox, opened.store, { MOBILECHECK_CALLER_DAILY_LIMIT: '10' });
    const responses = await Promise.all(Array.from({ length: 50 }, (_unused, i) => handle(eventFor(i), CALLER)));
    expect(sandbox.received).toHaveLength(10);
    expect(count(responses, (r) => r.ok)).toBe(10);
    const limited = responses.filter((r) => r.code === 'RATE_LIMITED');
    expect(limited).toHaveLength(40);
    for (const r of limited) expect(r.ok === false && r.retryAfterSeconds).toBeGreaterThan(0);
  });

  test('50 distinct requests split over two function instances sharing the store still make exactly 10 vendor calls', async () => {
    const a = harness(sandbox, opened.store, { MOBILECHECK_CALLER_DAILY_LIMIT: '10' });
    const b = harness(sandbox, opened.store, { MOBILECHECK_CALLER_DAILY_LIMIT: '10' });
    const responses = await Promise.all(Array.from({ length: 50 }, (_unused, i) => (i % 2 ? a : b).handle(eventFor(i), CALLER)));
    expect(sandbox.received).toHaveLength(10);
    expect(count(responses, (r) => r.code === 'RATE_LIMITED')).toBe(40);
  });

  test('20 callers checking one mobile at once make exactly as many calls as the per-mobile limit (3)', async () => {
    const { handle } = harness(sandbox, opened.store);
    const responses = await Promise.all(Array.from({ length: 20 }, (_unused, i) => handle(checkEvent(), `o-caller-${i}`)));
    expect(sandbox.received).toHaveLength(3);
    expect(count(responses, (r) => r.code === 'RATE_LIMITED')).toBe(17);
  });

  test('50 identical requests split over two instances make at most one vendor call per instance', async () => {
    const a = harness(sandbox, opened.store);
    const b = harness(sandbox, opened.store);
    const responses = await Promise.all(Array.from({ length: 50 }, (_unused, i) => (i % 2 ? a : b).handle(checkEvent(), CALLER)));
    expect(sandbox.received.length).toBeGreaterThanOrEqual(1);
    expect(sandbox.received.length).toBeLessThanOrEqual(2);
    expect(count(responses, (r) => r.code === '01')).toBe(50);
    // eslint-disable-next-line no-console
    console.info(`two instances, 50 identical requests: ${sandbox.received.length} vendor call(s)`);
  });
});
