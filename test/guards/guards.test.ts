// Cost guards, consent evidence and retention through the real handler and the sandbox vendor over
// loopback, once with each store adapter.
import type { CheckLogLine, LogLine } from '../../cloudfunctions/mobileCheck/src/log';
import { DAY_MS, nextBeijingMidnight } from '../../cloudfunctions/mobileCheck/src/policy';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { checkEvent, mobileEndingIn, person, rawValues } from '../support/people';
import { ADAPTERS, eventFor, harness, personNumber, type OpenedStore } from './support';

const CALLER = 'o-guard-caller';
/** 2025-03-10 12:00 Beijing time. */
const NOON = Date.UTC(2025, 2, 10, 4, 0, 0);

let sandbox: SandboxVendor;
beforeAll(async () => {
  sandbox = await startSandboxVendor({ slowMs: 2_000 });
});
afterAll(() => sandbox.close());

const checkLines = (lines: LogLine[]) => lines.filter((line): line is CheckLogLine => line.event === 'mobileCheck');

describe.each(ADAPTERS)('with the %s store', (_name, openStore) => {
  let opened: OpenedStore;
  let now: number;
  const clock = { now: () => now };
  const make = (env: Record<string, string> = {}) => harness(sandbox, opened.store, env, { clock });

  beforeEach(() => {
    opened = openStore();
    now = NOON;
    sandbox.received.length = 0;
    sandbox.setFault(undefined);
  });
  afterEach(() => opened.close());

  describe('the answer cache', () => {
    test('answers the same caller\'s same three fields again from the store, with cached: true, a new trace id and no vendor call', async () => {
      const { handle, lines } = make();
      const first = await handle(checkEvent(), CALLER);
      now += 3_600_000;
      const second = await handle(checkEvent(), CALLER);
      expect(first).toMatchObject({ ok: true, code: '01', cached: false });
      expect(second).toEqual({ ...first, traceId: expect.any(String), cached: true });
      expect(second.traceId).not.toBe(first.traceId);
      expect(sandbox.received).toHaveLength(1);
      expect(checkLines(lines)[1]).toMatchObject({ traceId: second.traceId, cached: true, billing: 'not-billed', cachedFrom: first.traceId });
    });

    test('asks the vendor again once the cache window has passed', async () => {
      const { handle } = make({ MOBILECHECK_CACHE_SECONDS: '600' });
      await handle(checkEvent(), CALLER);
      now += 600_001;
      expect(await handle(checkEvent(), CALLER)).toMatchObject({ cached: false });
      expect(sandbox.received).toHaveLength(2);
    });

    test('does not reuse another caller\'s answer for the same three fields', async () => {
      const { handle } = make();
      await handle(checkEvent(), CALLER);
      expect(await handle(checkEvent(), 'o-someone-else')).toMatchObject({ cached: false });
      expect(sandbox.received).toHaveLength(2);
    });

    test('does not reuse a non-final 203 answer', async () => {
      const { handle } = make();
      const event = checkEvent({ mobile: mobileEndingIn(3) });
      expect(await handle(event, CALLER)).toMatchObject({ code: '203', cached: false });
      expect(await handle(event, CALLER)).toMatchObject({ code: '203', cached: false });
      expect(sandbox.received).toHaveLength(2);
    });

    test('does not cache a vendor failure', async () => {
      const { handle } = make();
      sandbox.setFault('serverError');
      expect(await handle(checkEvent(), CALLER)).toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
      sandbox.setFault(undefined);
      expect(await handle(checkEvent(), CALLER)).toMatchObject({ code: '01', cached: false });
      expect(sandbox.received).toHaveLength(2);
    });
  });

  describe('the limits', () => {
    test('refuses a caller\'s check over the daily limit with RATE_LIMITED until Beijing midnight, without a vendor call', async () => {
      const { handle, lines } = make({ MOBILECHECK_CALLER_DAILY_LIMIT: '2' });
      await handle(eventFor(1), CALLER);
      await handle(eventFor(2), CALLER);
      const refused = await handle(eventFor(3), CALLER);
      expect(refused).toMatchObject({ ok: false, code: 'RATE_LIMITED', retryAfterSeconds: (nextBeijingMidnight(NOON) - NOON) / 1000 });
      expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.message).toBe('今日核验次数已达上限，请12小时后再试。'); // noon in Beijing
      expect(sandbox.received).toHaveLength(2);
      expect(checkLines(lines).at(-1)).toMatchObject({ outcome: 'RATE_LIMITED', limit: 'caller', level: 'warn' });
      // Another caller is not affected, and the next Beijing day starts afresh.
      expect(await handle(eventFor(3), 'o-other')).toMatchObject({ ok: true });
      now = nextBeijingMidnight(NOON);
      expect(await handle(eventFor(4), CALLER)).toMatchObject({ ok: true });
    });

    test('still answers a cached check when the caller\'s limit is used up', async () => {
      const { handle } = make({ MOBILECHECK_CALLER_DAILY_LIMIT: '1' });
      await handle(eventFor(1), CALLER);
      expect(await handle(eventFor(1), CALLER)).toMatchObject({ ok: true, cached: true });
      expect(await handle(eventFor(2), CALLER)).toMatchObject({ code: 'RATE_LIMITED' });
    });

    test('refuses a mobile checked more than the limit in 24 hours, by any callers, until the oldest check is 24 hours old', async () => {
      const { handle } = make({ MOBILECHECK_MOBILE_DAILY_LIMIT: '3' });
      for (let i = 0; i < 3; i += 1) {
        expect(await handle(checkEvent(), `o-caller-${i}`)).toMatchObject({ ok: true });
        now += 60_000;
      }
      const refused = await handle(checkEvent(), 'o-caller-4');
      expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: (NOON + DAY_MS - now) / 1000 });
      expect(refused.message).toBe('该手机号码24小时内核验次数已达上限，请23小时57分钟后再试。');
      expect(sandbox.received).toHaveLength(3);
      now = NOON + DAY_MS;
      expect(await handle(checkEvent(), 'o-caller-4')).toMatchObject({ ok: true });
    });

    test('keeps the default per-mobile limit below the vendor\'s 203 threshold: the 4th check in 24 h is refused', async () => {
      const { handle } = make();
      for (let i = 0; i < 3; i += 1) await handle(checkEvent(), `o-caller-${i}`);
      expect(await handle(checkEvent(), 'o-caller-9')).toMatchObject({ code: 'RATE_LIMITED' });
    });

    test('gives the caller\'s count back when the gateway refused without billing (quota exhausted)', async () => {
      const { handle } = make({ MOBILECHECK_CALLER_DAILY_LIMIT: '2' });
      sandbox.setFault('quotaExhausted');
      for (let i = 1; i <= 3; i += 1) expect(await handle(eventFor(i), CALLER)).toMatchObject({ code: 'VENDOR_QUOTA_EXHAUSTED' });
      sandbox.setFault(undefined);
      expect(await handle(eventFor(4), CALLER)).toMatchObject({ ok: true });
      expect(await handle(eventFor(5), CALLER)).toMatchObject({ ok: true });
      expect(await handle(eventFor(6), CALLER)).toMatchObject({ code: 'RATE_LIMITED' });
      expect(sandbox.received).toHaveLength(5);
    });

    test('keeps the count of a call that timed out, since the vendor may have billed it, and never retries it', async () => {
      const { handle } = make({ MOBILECHECK_CALLER_DAILY_LIMIT: '1', MOBILECHECK_TIMEOUT_MS: '200' });
      sandbox.setFault('slow');
      expect(await handle(eventFor(1), CALLER)).toMatchObject({ code: 'VENDOR_TIMEOUT' });
      expect(sandbox.received).toHaveLength(1);
      sandbox.setFault(undefined);
      expect(await handle(eventFor(2), CALLER)).toMatchObject({ code: 'RATE_LIMITED' });
    });
  });

  describe('consent evidence', () => {
    test('writes the consent record before the vendor call, and links it to the verification by trace id', async () => {
      const order: string[] = [];
      const store = opened.store;
      const watched = {
        ...store,
        recordConsent: async (record: Parameters<typeof store.recordConsent>[0]) => { order.push(`consent ${sandbox.received.length}`); return store.recordConsent(record); },
        recordVerification: async (record: Parameters<typeof store.recordVerification>[0]) => { order.push(`verification ${sandbox.received.length}`); return store.recordVerification(record); },
      };
      const { handle } = harness(sandbox, watched, {}, { clock });
      const response = await handle(checkEvent(), CALLER);
      expect(order).toEqual(['consent 0', 'verification 1']);
      const linked = (opened.rows() as Record<string, unknown>[]).filter((row) => (row.traceId ?? row.trace_id) === response.traceId);
      expect(linked).toHaveLength(2);
    });

    test('makes no vendor call when the consent record cannot be written', async () => {
      const { handle } = harness(sandbox, { ...opened.store, recordConsent: () => Promise.reject(new Error(`disk full ${person.idCard}`)) }, {}, { clock });
      const response = await handle(checkEvent(), CALLER);
      expect(response).toMatchObject({ ok: false, code: 'INTERNAL' });
      expect(JSON.stringify(response)).not.toContain(person.idCard);
      expect(sandbox.received).toHaveLength(0);
    });

    test('answers SERVICE_MISCONFIGURED and calls nobody when no hash secret is set, storing nothing', async () => {
      const { handle, lines } = make({ MOBILECHECK_HASH_SECRET: '' });
      expect(await handle(checkEvent(), CALLER)).toMatchObject({ ok: false, code: 'SERVICE_MISCONFIGURED' });
      expect(sandbox.received).toHaveLength(0);
      expect(opened.rows()).toHaveLength(0);
      expect(checkLines(lines)[0].detail).toMatch(/MOBILECHECK_HASH_SECRET/);
    });

    test.each(['0', 'ten', '-1', '2.5'])('answers SERVICE_MISCONFIGURED for a caller limit of %p instead of crashing', async (value) => {
      const { handle } = make({ MOBILECHECK_CALLER_DAILY_LIMIT: value });
      expect(await handle(checkEvent(), CALLER)).toMatchObject({ code: 'SERVICE_MISCONFIGURED' });
      expect(sandbox.received).toHaveLength(0);
    });

    test('still answers a paid check when its verification record cannot be written, and logs that as an error', async () => {
      const { handle, lines } = harness(sandbox, { ...opened.store, recordVerification: () => Promise.reject(new Error('timeout')) }, {}, { clock });
      expect(await handle(checkEvent(), CALLER)).toMatchObject({ ok: true, code: '01' });
      expect(checkLines(lines)[0]).toMatchObject({ level: 'error', billing: 'billed' });
    });
  });

  describe('the bought quota', () => {
    test('logs one structured warning when billed calls pass 80 % of MOBILECHECK_QUOTA_TOTAL', async () => {
      const { handle, lines } = make({ MOBILECHECK_QUOTA_TOTAL: '5' });
      const warnings = () => lines.filter((line) => line.event === 'quotaWarning');
      for (let i = 1; i <= 3; i += 1) await handle(eventFor(i), CALLER);
      expect(warnings()).toHaveLength(0);
      await handle(eventFor(4), CALLER);
      expect(warnings()).toEqual([{ level: 'warn', event: 'quotaWarning', billed: 4, total: 5, percentUsed: 80 }]);
      await handle(eventFor(5), CALLER);
      await handle(eventFor(5), CALLER); // cached: not billed
      expect(warnings()).toHaveLength(1);
    });

    test('does not count unbilled gateway refusals towards the quota', async () => {
      const { handle, lines } = make({ MOBILECHECK_QUOTA_TOTAL: '2', MOBILECHECK_CALLER_DAILY_LIMIT: '50' });
      sandbox.setFault('quotaExhausted');
      for (let i = 1; i <= 4; i += 1) await handle(eventFor(i), CALLER);
      expect(lines.filter((line) => line.event === 'quotaWarning')).toHaveLength(0);
      await expect(opened.store.countBilled()).resolves.toBe(0);
    });

    test('logs no quota warning when no total is set', async () => {
      const { handle, lines } = make({ MOBILECHECK_CALLER_DAILY_LIMIT: '50' });
      for (let i = 1; i <= 5; i += 1) await handle(eventFor(i), CALLER);
      expect(lines.filter((line) => line.event === 'quotaWarning')).toHaveLength(0);
    });
  });

  describe('retention and the timer trigger', () => {
    const timerEvent = { Type: 'Timer', TriggerName: 'retentionPurge', Time: '2025-04-20T03:00:00Z' };

    test('the timer trigger (no caller) deletes records older than the retention period and keeps newer ones', async () => {
      const { handle, entry, lines } = make({ MOBILECHECK_RETENTION_DAYS: '30' });
      await handle(eventFor(1), CALLER);
      now = NOON + 20 * DAY_MS;
      await handle(eventFor(2), CALLER);
      now = NOON + 31 * DAY_MS;
      const result = await entry(timerEvent, undefined);
      expect(result).toMatchObject({ ok: true, purged: { consents: 1, verifications: 1 } });
      const rows = JSON.stringify(opened.rows());
      expect(rows).not.toMatch(new RegExp(`"at":${NOON}\\b`));
      expect(rows).toContain(`${NOON + 20 * DAY_MS}`);
      expect(lines.at(-1)).toMatchObject({ event: 'retentionPurge', level: 'info', cutoff: new Date(NOON + DAY_MS).toISOString() });
      expect(sandbox.received).toHaveLength(2);
    });

    test('the same Timer-shaped event from a signed-in caller is an ordinary check, refused as invalid, and purges nothing', async () => {
      const { handle, entry } = make({ MOBILECHECK_RETENTION_DAYS: '1' });
      await handle(eventFor(1), CALLER);
      now = NOON + 5 * DAY_MS;
      expect(await entry(timerEvent, CALLER)).toMatchObject({ ok: false, code: 'INVALID_NAME' });
      expect(await entry({ ...timerEvent, Type: 'timer' }, undefined)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      expect(JSON.stringify(opened.rows())).toContain(`"at":${NOON}`);
    });

    test('the timer trigger refuses to purge when a setting is unreadable, rather than guess the period', async () => {
      const { handle, entry } = make({ MOBILECHECK_RETENTION_DAYS: '1' });
      await handle(eventFor(1), CALLER);
      now = NOON + 5 * DAY_MS;
      const broken = harness(sandbox, opened.store, { MOBILECHECK_RETENTION_DAYS: 'a month' }, { clock });
      expect(await broken.entry(timerEvent, undefined)).toEqual({ ok: false });
      expect(broken.lines).toEqual([expect.objectContaining({ event: 'retentionPurge', level: 'error' })]);
      expect(opened.rows().length).toBeGreaterThan(0);
      expect(await entry(timerEvent, undefined)).toMatchObject({ ok: true });
    });
  });

  describe('what is stored and logged', () => {
    test('no stored record holds a raw name, ID number, mobile or OPENID, and no log line holds a stored hash', async () => {
      const { handle, lines } = make({ MOBILECHECK_QUOTA_TOTAL: '3' });
      const people = [person, personNumber(7), { ...person, mobile: mobileEndingIn(3) }];
      for (const p of people) await handle(checkEvent(p), CALLER);
      await handle(checkEvent(), CALLER);
      sandbox.setFault('quotaExhausted');
      await handle(checkEvent(personNumber(8)), CALLER);
      const rows = opened.rows();
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
