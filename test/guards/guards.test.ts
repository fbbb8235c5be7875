// Cost guards, consent evidence and what is stored, through the real handler and the sandbox vendor
// over loopback, once with each store adapter.
import { createServer } from 'node:net';
import {
  beijingDay, type CheckLogLine, type LogLine, nextBeijingMidnight,
} from '../../cloudfunctions/mobileCheck/src/host';
import type { SandboxVendor } from '../../local-host/sandboxVendor';
import { preAgreedIdOf } from '../support/preAgreed';
import { ACCEPTED_AT, agreementVersion, checkEvent, mobileEndingIn, person, rawValues } from '../support/people';
import { ADAPTERS, callerHash, eventFor, harness, MANY_PEOPLE, NOON, personNumber, storePerTest, tripleHash } from './support';
import { ENDPOINT_SETTING, PRIMARIES, startSandbox } from '../support/providers';

const CALLER = 'o-guard-caller';
const DAY = beijingDay(NOON);

describe.each(PRIMARIES)('with %s as the provider', (primary) => {
  let sandbox: SandboxVendor;
  beforeAll(async () => {
    sandbox = await startSandbox(primary, { slowMs: 2_000 });
  });
  afterAll(() => sandbox.close());

  const checkLines = (lines: LogLine[]) => lines.filter((line): line is CheckLogLine => line.event === 'mobileCheck');

  /** An endpoint nobody listens on: the connection is refused before anything is sent. */
  async function refusingEndpoint(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return `http://127.0.0.1:${port}/mobileCheck`;
  }

  describe.each(ADAPTERS)('with the %s store', (_name, openStore) => {
    const t = storePerTest(() => sandbox, openStore);

    describe('the answer cache', () => {
      test('answers the same caller\'s same three fields again from the store, with cached: true, a new trace id and no vendor call', async () => {
        const { check, lines } = t.make();
        const first = await check(checkEvent(), CALLER);
        t.now += 3_600_000;
        const second = await check(checkEvent(), CALLER);
        expect(first).toMatchObject({ ok: true, code: '01', cached: false });
        expect(second).toEqual({ ...first, traceId: expect.any(String), cached: true });
        expect(second.traceId).not.toBe(first.traceId);
        expect(sandbox.received).toHaveLength(1);
        expect(checkLines(lines)[1]).toMatchObject({ traceId: second.traceId, cached: true, billing: 'not-billed', cachedFrom: first.traceId });
      });

      test('asks the vendor again once the cache window has passed', async () => {
        const { check } = t.make({ MOBILECHECK_CACHE_SECONDS: '600' });
        await check(checkEvent(), CALLER);
        t.now += 600_001;
        expect(await check(checkEvent(), CALLER)).toMatchObject({ cached: false });
        expect(sandbox.received).toHaveLength(2);
      });

      test('does not reuse another caller\'s answer for the same three fields', async () => {
        const { check } = t.make();
        await check(checkEvent(), CALLER);
        expect(await check(checkEvent(), 'o-someone-else')).toMatchObject({ cached: false });
        expect(sandbox.received).toHaveLength(2);
      });

      test('does not reuse a non-final 202 answer (a provider that can answer later)', async () => {
        const { check } = t.make();
        const event = checkEvent({ mobile: mobileEndingIn(2) });
        expect(await check(event, CALLER)).toMatchObject({ code: '202', cached: false });
        expect(await check(event, CALLER)).toMatchObject({ code: '202', cached: false });
        expect(sandbox.received).toHaveLength(2);
      });

      test('does not cache a vendor failure', async () => {
        const { check } = t.make();
        sandbox.setFault('serverError');
        expect(await check(checkEvent(), CALLER)).toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
        sandbox.setFault(undefined);
        expect(await check(checkEvent(), CALLER)).toMatchObject({ code: '01', cached: false });
        expect(sandbox.received).toHaveLength(2);
      });
    });

    describe('the limits', () => {
      test('refuses a caller\'s check over the daily limit with RATE_LIMITED until Beijing midnight, without a vendor call', async () => {
        const { check, lines } = t.make({ MOBILECHECK_CALLER_DAILY_LIMIT: '2', ...MANY_PEOPLE });
        await check(eventFor(1), CALLER);
        await check(eventFor(2), CALLER);
        const refused = await check(eventFor(3), CALLER);
        expect(refused).toMatchObject({ ok: false, code: 'RATE_LIMITED', limit: 'caller', retryAfterSeconds: (nextBeijingMidnight(NOON) - NOON) / 1000 });
        expect(refused.message).toBe('今日核验次数已达上限，请12小时后再试。'); // noon in Beijing
        expect(sandbox.received).toHaveLength(2);
        expect(checkLines(lines).at(-1)).toMatchObject({ outcome: 'RATE_LIMITED', limit: 'caller', level: 'warn' });
        // Another caller is not affected, and the next Beijing day starts afresh.
        expect(await check(eventFor(3), 'o-other')).toMatchObject({ ok: true });
        t.now = nextBeijingMidnight(NOON);
        expect(await check(eventFor(4), CALLER)).toMatchObject({ ok: true });
      });

      test('still answers a cached check when the caller\'s limit is used up', async () => {
        const { check } = t.make({ MOBILECHECK_CALLER_DAILY_LIMIT: '1' });
        await check(eventFor(1), CALLER);
        expect(await check(eventFor(1), CALLER)).toMatchObject({ ok: true, cached: true });
        expect(await check(eventFor(2), CALLER)).toMatchObject({ code: 'RATE_LIMITED', limit: 'caller' });
      });

      test('refuses this caller\'s 4th check of one mobile in a Beijing day (the default per-mobile limit, below the vendor\'s 203) until midnight', async () => {
        const { check } = t.make();
        for (const name of ['张三', '张四', '张五']) {
          expect(await check(checkEvent({ name }), CALLER)).toMatchObject({ ok: true, cached: false });
          t.now += 60_000;
        }
        const refused = await check(checkEvent({ name: '张六' }), CALLER);
        expect(refused).toMatchObject({ code: 'RATE_LIMITED', limit: 'mobile', retryAfterSeconds: (nextBeijingMidnight(NOON) - t.now) / 1000 });
        expect(refused.message).toBe('该手机号码今日核验次数已达上限，请11小时57分钟后再试。');
        expect(sandbox.received).toHaveLength(3);
        t.now = nextBeijingMidnight(NOON);
        expect(await check(checkEvent({ name: '张六' }), CALLER)).toMatchObject({ ok: true });
      });

      test('gives the caller\'s count back when the gateway refused without billing (quota exhausted)', async () => {
        const { check } = t.make({ MOBILECHECK_CALLER_DAILY_LIMIT: '2', ...MANY_PEOPLE });
        sandbox.setFault('quotaExhausted');
        for (let i = 1; i <= 3; i += 1) expect(await check(eventFor(i), CALLER)).toMatchObject({ code: 'VENDOR_QUOTA_EXHAUSTED' });
        sandbox.setFault(undefined);
        expect(await check(eventFor(4), CALLER)).toMatchObject({ ok: true });
        expect(await check(eventFor(5), CALLER)).toMatchObject({ ok: true });
        expect(await check(eventFor(6), CALLER)).toMatchObject({ code: 'RATE_LIMITED' });
        expect(sandbox.received).toHaveLength(5);
      });

      test('keeps the reservation of a call that timed out, since the vendor may have billed it: it counts toward the limit and the quota, and is never retried', async () => {
        const { check } = t.make({ MOBILECHECK_CALLER_DAILY_LIMIT: '1', MOBILECHECK_TIMEOUT_MS: '200', MOBILECHECK_QUOTA_TOTAL: '1' });
        sandbox.setFault('slow');
        expect(await check(eventFor(1), CALLER)).toMatchObject({ code: 'VENDOR_TIMEOUT' });
        expect(sandbox.received).toHaveLength(1);
        sandbox.setFault(undefined);
        await expect(t.opened.store.readSpend(DAY)).resolves.toEqual({ today: 1, total: 1 });
        expect(await check(eventFor(2), CALLER)).toMatchObject({ code: 'BUDGET_EXHAUSTED' });
        expect(await check(eventFor(2), 'o-other')).toMatchObject({ code: 'BUDGET_EXHAUSTED' });
        expect(sandbox.received).toHaveLength(1);
      });

      test('gives the reservation back when the connection was refused, since nothing reached the vendor', async () => {
        const { check } = harness(sandbox, t.opened.store, { MOBILECHECK_CALLER_DAILY_LIMIT: '1', MOBILECHECK_QUOTA_TOTAL: '1', [ENDPOINT_SETTING[primary]]: await refusingEndpoint() }, { clock: t.clock });
        expect(await check(eventFor(1), CALLER)).toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
        await expect(t.opened.store.readSpend(DAY)).resolves.toEqual({ today: 0, total: 0 });
        expect(await t.make({ MOBILECHECK_CALLER_DAILY_LIMIT: '1', MOBILECHECK_QUOTA_TOTAL: '1' }).check(eventFor(1), CALLER)).toMatchObject({ ok: true, cached: false });
      });
    });

    describe('consent evidence', () => {
      test('writes the check\'s confirmation with the reservation, before the vendor call, naming the agreement and linked to the verification by trace id', async () => {
        const order: string[] = [];
        const store = t.opened.store;
        const watched = {
          ...store,
          reserve: async (input: Parameters<typeof store.reserve>[0]) => { order.push(`reserve ${sandbox.received.length}`); return store.reserve(input); },
          complete: async (input: Parameters<typeof store.complete>[0]) => { order.push(`complete ${sandbox.received.length}`); return store.complete(input); },
        };
        const response = await harness(sandbox, watched, {}, { clock: t.clock }).check(checkEvent(), CALLER);
        expect(order).toEqual(['reserve 0', 'complete 1']);
        const own = await store.ownRecords(callerHash(CALLER));
        const consentId = preAgreedIdOf(callerHash(CALLER));
        expect(own.consents.filter((c) => c.kind === 'check')).toEqual([
          { kind: 'check', consentId, traceId: response.traceId, caller: callerHash(CALLER), triple: tripleHash(person), agreementVersion, acceptedAt: ACCEPTED_AT, at: NOON },
        ]);
        expect(own.verifications.map((r) => r.traceId)).toEqual([response.traceId]);
      });

      test('makes no vendor call when the reservation (with its consent) cannot be written', async () => {
        const { check } = harness(sandbox, { ...t.opened.store, reserve: () => Promise.reject(new Error(`disk full ${person.idCard}`)) }, {}, { clock: t.clock });
        const response = await check(checkEvent(), CALLER);
        expect(response).toMatchObject({ ok: false, code: 'INTERNAL' });
        expect(JSON.stringify(response)).not.toContain(person.idCard);
        expect(sandbox.received).toHaveLength(0);
      });

      test.each([['no', ''], ['a one-character', 'x'], ['a 31-character', 'x'.repeat(31)]])(
        'answers SERVICE_MISCONFIGURED and calls nobody with %s hash secret, storing nothing',
        async (_what, secret) => {
          const { check, lines } = t.make({ MOBILECHECK_HASH_SECRET: secret });
          expect(await check(checkEvent(), CALLER)).toMatchObject({ ok: false, code: 'SERVICE_MISCONFIGURED' });
          expect(sandbox.received).toHaveLength(0);
          expect(t.opened.rows()).toHaveLength(0);
          expect(checkLines(lines)[0].detail).toMatch(/MOBILECHECK_HASH_SECRET/);
        },
      );

      test.each(['0', 'ten', '-1', '2.5'])('answers SERVICE_MISCONFIGURED for a caller limit of %p instead of crashing', async (value) => {
        const { check } = t.make({ MOBILECHECK_CALLER_DAILY_LIMIT: value });
        expect(await check(checkEvent(), CALLER)).toMatchObject({ code: 'SERVICE_MISCONFIGURED' });
        expect(sandbox.received).toHaveLength(0);
      });

      test('still answers a paid check when its verification record cannot be written, and logs that as an error', async () => {
        const { check, lines } = harness(sandbox, { ...t.opened.store, complete: () => Promise.reject(new Error('timeout')) }, {}, { clock: t.clock });
        expect(await check(checkEvent(), CALLER)).toMatchObject({ ok: true, code: '01' });
        expect(checkLines(lines)[0]).toMatchObject({ level: 'error', billing: 'billed' });
      });
    });

    describe('the bought quota', () => {
      test('logs one structured warning when billed calls pass 80 % of MOBILECHECK_QUOTA_TOTAL', async () => {
        const { check, lines } = t.make({ MOBILECHECK_QUOTA_TOTAL: '5', ...MANY_PEOPLE });
        const warnings = () => lines.filter((line) => line.event === 'quotaWarning');
        for (let i = 1; i <= 3; i += 1) await check(eventFor(i), CALLER);
        expect(warnings()).toHaveLength(0);
        await check(eventFor(4), CALLER);
        expect(warnings()).toEqual([{ level: 'warn', event: 'quotaWarning', billed: 4, total: 5, percentUsed: 80 }]);
        await check(eventFor(5), CALLER);
        await check(eventFor(5), CALLER); // cached: not billed
        expect(warnings()).toHaveLength(1);
      });

      test('does not count unbilled gateway refusals towards the quota', async () => {
        const { check, lines } = t.make({ MOBILECHECK_QUOTA_TOTAL: '2', MOBILECHECK_CALLER_DAILY_LIMIT: '50', ...MANY_PEOPLE });
        sandbox.setFault('quotaExhausted');
        for (let i = 1; i <= 4; i += 1) await check(eventFor(i), CALLER);
        expect(lines.filter((line) => line.event === 'quotaWarning')).toHaveLength(0);
        await expect(t.opened.store.readSpend(DAY)).resolves.toEqual({ today: 0, total: 0 });
      });

      test('logs no quota warning when no total is set', async () => {
        const { check, lines } = t.make({ MOBILECHECK_CALLER_DAILY_LIMIT: '50', ...MANY_PEOPLE });
        for (let i = 1; i <= 5; i += 1) await check(eventFor(i), CALLER);
        expect(lines.filter((line) => line.event === 'quotaWarning')).toHaveLength(0);
      });
    });

    describe('what is stored and logged', () => {
      test('no stored record holds a raw name, ID number, mobile or OPENID, and no log line holds a stored hash', async () => {
        const { check, lines } = t.make({ MOBILECHECK_QUOTA_TOTAL: '3', ...MANY_PEOPLE });
        const people = [person, personNumber(7), { ...person, mobile: mobileEndingIn(3) }];
        for (const p of people) await check(checkEvent(p), CALLER);
        await check(checkEvent(), CALLER);
        sandbox.setFault('quotaExhausted');
        await check(checkEvent(personNumber(8)), CALLER);
        const rows = t.opened.rows();
        expect(rows.length).toBeGreaterThan(5);
        const stored = JSON.stringify(rows);
        for (const secret of [...people.flatMap((p) => rawValues(p)), ...rawValues(personNumber(8)), CALLER, '13800138000'.slice(3)]) {
          expect(stored).not.toContain(secret);
        }
        const hashes = stored.match(/[0-9a-f]{64}/g) ?? [];
        expect(hashes.length).toBeGreaterThan(10);
        const logged = JSON.stringify(lines);
        for (const hash of new Set(hashes)) expect(logged).not.toContain(hash);
        expect(logged).not.toContain(CALLER);
      });
    });
  });
});
