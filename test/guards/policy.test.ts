import fc from 'fast-check';
import {
  type CallerLimits, createHasher, DEFAULT_GUARDS, type GuardSettings, readSettings, tripleValue, unknownSettings,
} from '../../cloudfunctions/mobileCheck/src/host';
import {
  admitCall, applyGiveBack, beijingDay, beijingDayStart, billingOf, currentLimits, decidingCall, hourSlot, HOUR_MS, isDigestDue, lastBeijingDays, limitsUntil, DAY_MS, IDENTITY_WINDOW_MS, nextBeijingMidnight, percentUsed, quotaWarningDue,
  limitsGiveBack, mayFailOver, retentionCutoff, retryAfterSeconds, reusableSince, spendExhausted,
} from '../../cloudfunctions/mobileCheck/src/policy';
import { HASH_SECRET } from './support';

/** 2025-03-10 12:00 Beijing time. */
const NOON = Date.UTC(2025, 2, 10, 4, 0);
const MIDNIGHT = Date.UTC(2025, 2, 10, 16, 0);
const plan = (mobile = 'm', person = 'p', now = NOON) => ({ now, mobile, person });

/** The limits after admitting each planned call in turn; throws on a refusal. */
function afterCalls(plans: ReturnType<typeof plan>[], guards: GuardSettings = DEFAULT_GUARDS): CallerLimits | undefined {
  return plans.reduce<CallerLimits | undefined>((limits, next) => {
    const admitted = admitCall(limits, next, guards);
    if (!admitted.ok) throw new Error(`refused: ${'refusal' in admitted ? admitted.refusal.limit : 'withdrawn'}`);
    return admitted.next;
  }, undefined);
}

describe('the pure cost-guard policy', () => {
  test('counts Beijing calendar days: 23:59 and 00:00 Beijing time fall on different days', () => {
    expect(beijingDay(Date.UTC(2025, 2, 10, 15, 59))).toBe('20250310');
    expect(beijingDay(Date.UTC(2025, 2, 10, 16, 0))).toBe('20250311');
    expect(nextBeijingMidnight(Date.UTC(2025, 2, 10, 4, 0))).toBe(Date.UTC(2025, 2, 10, 16, 0));
    expect(nextBeijingMidnight(Date.UTC(2025, 2, 10, 16, 0))).toBe(Date.UTC(2025, 2, 11, 16, 0));
  });

  test('puts the next Beijing midnight after now and within a day, on the next Beijing day', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (now) => {
      const next = nextBeijingMidnight(now);
      expect(next).toBeGreaterThan(now);
      expect(next - now).toBeLessThanOrEqual(DAY_MS);
      expect(beijingDay(next)).not.toBe(beijingDay(now));
      expect(beijingDay(next - 1)).toBe(beijingDay(now));
    }));
  });

  test('answers retryAfterSeconds in whole seconds, rounded up, never below 1', () => {
    expect(retryAfterSeconds(10_500, 0)).toBe(11);
    expect(retryAfterSeconds(10_000, 0)).toBe(10);
    expect(retryAfterSeconds(5, 10)).toBe(1);
  });

  test('admits a caller\'s calls up to the daily limit, then refuses until Beijing midnight, when the count starts afresh', () => {
    const guards = { ...DEFAULT_GUARDS, callerDailyLimit: 2 };
    const limits = afterCalls([plan('m1'), plan('m2')], guards);
    expect(limits).toMatchObject({ day: '20250310', calls: 2, mobiles: { m1: 1, m2: 1 }, version: 2 });
    expect(admitCall(limits, plan('m3'), guards)).toEqual({ ok: false, refusal: { limit: 'caller', retryAt: MIDNIGHT } });
    expect(admitCall(limits, plan('m3', 'p', MIDNIGHT - 1), guards).ok).toBe(false);
    expect(admitCall(limits, plan('m3', 'p', MIDNIGHT), guards)).toMatchObject({ ok: true, next: { day: '20250311', calls: 1, mobiles: { m3: 1 } } });
  });

  test('counts this caller\'s calls on one mobile per Beijing day', () => {
    const limits = afterCalls([plan(), plan(), plan()]);
    expect(admitCall(limits, plan(), DEFAULT_GUARDS)).toEqual({ ok: false, refusal: { limit: 'mobile', retryAt: MIDNIGHT } });
    expect(admitCall(limits, plan('other'), DEFAULT_GUARDS).ok).toBe(true);
  });

  test('admits at most 2 distinct people per caller in 30 days, the same people again, and a 3rd once the oldest is 30 days old', () => {
    const limits = afterCalls([plan('m1', 'p1'), plan('m2', 'p2', NOON + 1000)]);
    expect(admitCall(limits, plan('m3', 'p3'), DEFAULT_GUARDS)).toEqual({ ok: false, refusal: { limit: 'identities', retryAt: NOON + IDENTITY_WINDOW_MS } });
    expect(admitCall(limits, plan('m3', 'p1'), DEFAULT_GUARDS).ok).toBe(true);
    expect(admitCall(limits, plan('m3', 'p3', NOON + IDENTITY_WINDOW_MS), DEFAULT_GUARDS)).toMatchObject({
      ok: true, next: { identities: { p2: NOON + 1000 + IDENTITY_WINDOW_MS, p3: NOON + 2 * IDENTITY_WINDOW_MS } },
    });
  });

  test('gives back an unbilled call\'s day counts but keeps its person counted, and gives nothing back on another day', () => {
    const limits = afterCalls([plan('m1', 'p1')]) as CallerLimits;
    const giveBack = (day: number) => limitsGiveBack({ day: beijingDay(day), keys: { caller: 'c', triple: 't', person: 'p1', mobile: 'm1' } });
    expect(applyGiveBack(limits, giveBack(NOON))).toMatchObject({ calls: 0, mobiles: { m1: 0 }, identities: { p1: NOON + IDENTITY_WINDOW_MS }, version: 2 });
    expect(applyGiveBack(limits, giveBack(MIDNIGHT))).toEqual(limits);
    expect(applyGiveBack({ ...limits, calls: 0, mobiles: {} }, giveBack(NOON)).calls).toBe(0);
  });

  test('keeps a withdrawal in the current limits across days', () => {
    expect(currentLimits({ day: '20250309', calls: 5, mobiles: { m: 3 }, identities: {}, withdrawnAt: 7, version: 4 }, NOON))
      .toEqual({ day: '20250310', calls: 0, mobiles: {}, identities: {}, withdrawnAt: 7, version: 4 });
  });

  test('stops spending at the daily budget or the bought quota, and never without them', () => {
    expect(spendExhausted({ today: 7, total: 7 }, { ...DEFAULT_GUARDS, dailyBudget: 7 })).toBe(true);
    expect(spendExhausted({ today: 6, total: 99 }, { ...DEFAULT_GUARDS, dailyBudget: 7 })).toBe(false);
    expect(spendExhausted({ today: 0, total: 100 }, { ...DEFAULT_GUARDS, quotaTotal: 100 })).toBe(true);
    expect(spendExhausted({ today: 1e9, total: 1e9 }, DEFAULT_GUARDS)).toBe(false);
  });

  test('reuses answers only within the cache window, and not at all with a window of 0', () => {
    expect(reusableSince(100_000, { ...DEFAULT_GUARDS, cacheSeconds: 60 })).toBe(40_000);
    expect(reusableSince(100_000, { ...DEFAULT_GUARDS, cacheSeconds: 0 })).toBeUndefined();
  });

  test('warns from 80 % of the bought quota, and never without a total', () => {
    expect(quotaWarningDue(79, 100)).toBe(false);
    expect(quotaWarningDue(80, 100)).toBe(true);
    expect(quotaWarningDue(4, 5)).toBe(true);
    expect(quotaWarningDue(1_000_000, undefined)).toBe(false);
    expect(percentUsed(801, 1000)).toBe(80.1);
  });

  test('keeps records from exactly the retention period ago', () => {
    expect(retentionCutoff(40 * DAY_MS, 30)).toBe(10 * DAY_MS);
  });
});

describe('the guard settings', () => {
  test('uses the documented defaults when nothing is set', () => {
    expect(readSettings({})).toMatchObject({
      hashSecret: undefined, retentionDays: 30, adminOpenids: new Set(),
      guards: { callerDailyLimit: 10, mobileDailyLimit: 3, callerIdentityLimit: 2, requestDailyLimit: 100, dailyBudget: undefined, cacheSeconds: 86_400, quotaTotal: undefined },
    });
  });

  test('reads every guard setting', () => {
    expect(readSettings({
      MOBILECHECK_HASH_SECRET: ` ${HASH_SECRET} `, MOBILECHECK_CALLER_DAILY_LIMIT: '20', MOBILECHECK_MOBILE_DAILY_LIMIT: '2',
      MOBILECHECK_CALLER_IDENTITY_LIMIT: '5', MOBILECHECK_REQUEST_DAILY_LIMIT: '300', MOBILECHECK_DAILY_BUDGET: '50',
      MOBILECHECK_CACHE_SECONDS: '0', MOBILECHECK_QUOTA_TOTAL: '5000', MOBILECHECK_RETENTION_DAYS: '90', MOBILECHECK_ADMIN_OPENIDS: ' o-admin-a, ,o_admin_B9 ',
    })).toMatchObject({
      hashSecret: HASH_SECRET, retentionDays: 90, adminOpenids: new Set(['o-admin-a', 'o_admin_B9']),
      guards: { callerDailyLimit: 20, mobileDailyLimit: 2, callerIdentityLimit: 5, requestDailyLimit: 300, dailyBudget: 50, cacheSeconds: 0, quotaTotal: 5000 },
    });
  });

  test.each([
    ['MOBILECHECK_CALLER_DAILY_LIMIT', '0'],
    ['MOBILECHECK_MOBILE_DAILY_LIMIT', '21'],
    ['MOBILECHECK_CALLER_IDENTITY_LIMIT', '0'],
    ['MOBILECHECK_REQUEST_DAILY_LIMIT', 'many'],
    ['MOBILECHECK_DAILY_BUDGET', '-1'],
    ['MOBILECHECK_CACHE_SECONDS', '-1'],
    // Plain decimal digits only: what Number() would also accept is a typo or a trick here.
    ['MOBILECHECK_CALLER_DAILY_LIMIT', '0x10'],
    ['MOBILECHECK_REQUEST_DAILY_LIMIT', '1e3'],
    ['MOBILECHECK_DAILY_BUDGET', '0b11'],
    ['MOBILECHECK_QUOTA_TOTAL', '12abc'],
    ['MOBILECHECK_RETENTION_DAYS', '1.5'],
    ['MOBILECHECK_TIMEOUT_MS', '+2500'],
    ['MOBILECHECK_VERIFIED_DAYS', ' 3 0 '],
    ['MOBILECHECK_QUOTA_TOTAL', 'lots'],
    ['MOBILECHECK_RETENTION_DAYS', '0'],
  ])('rejects %s=%p with the setting\'s name', (name, value) => {
    expect(() => readSettings({ [name]: value })).toThrow(new RegExp(name));
  });

  test.each(['x', 's3cret', 'x'.repeat(31)])('rejects a hash secret shorter than 32 characters (%p), saying how to make one', (secret) => {
    expect(() => readSettings({ MOBILECHECK_HASH_SECRET: secret })).toThrow(/MOBILECHECK_HASH_SECRET.*32.*openssl rand/);
  });

  test.each(['a'.repeat(32), 'ab'.repeat(20), 'changeme'.repeat(4), '012345678'.repeat(4)])('rejects a hash secret of one repeated character or fewer than 10 distinct ones (%p)', (secret) => {
    expect(() => readSettings({ MOBILECHECK_HASH_SECRET: secret })).toThrow(/MOBILECHECK_HASH_SECRET.*10 different/);
  });

  // openssl rand -hex 16 (this one has 12 of the 16 digits) and -base64 32.
  test.each(['cdfb4e5beb65eef0db91529c2dc45f21', 'Rj6KXosEb3rQ2+2FBKCLYRIininlv75Z7RkFO0iWV/A='])('accepts a random key of 32 hex or base64 characters that lacks some digits (%p)', (secret) => {
    expect(readSettings({ MOBILECHECK_HASH_SECRET: secret }).hashSecret).toBe(secret);
  });

  test('takes MOBILECHECK_DAILY_BUDGET=0 as the operator\'s stop: a budget of zero calls', () => {
    expect(readSettings({ MOBILECHECK_DAILY_BUDGET: '0' }).guards.dailyBudget).toBe(0);
  });

  test.each(['o-admin-a;o-admin-b', 'o-admin-a o-admin-b', 'o-admin-a，o-admin-b', '["o-admin-a","o-admin-b"]', 'o-a', 'x'.repeat(65)])(
    'rejects MOBILECHECK_ADMIN_OPENIDS=%p instead of reading it as "no admin"',
    (value) => {
      expect(() => readSettings({ MOBILECHECK_ADMIN_OPENIDS: value })).toThrow(/MOBILECHECK_ADMIN_OPENIDS/);
    },
  );

  test('names MOBILECHECK_* variables nothing reads, such as a misspelt budget', () => {
    expect(unknownSettings({ MOBILECHECK_DAILY_BUGDET: '50', MOBILECHECK_DAILY_BUDGET: '50', PATH: '/bin', MOBILECHECK_DATA_DIR: '.data' })).toEqual(['MOBILECHECK_DAILY_BUGDET']);
  });

  test('rejects a cache window longer than the retention period', () => {
    expect(() => readSettings({ MOBILECHECK_RETENTION_DAYS: '1', MOBILECHECK_CACHE_SECONDS: '86401' })).toThrow(/MOBILECHECK_CACHE_SECONDS/);
  });
});

describe('the keyed hashes', () => {
  const hasher = createHasher(HASH_SECRET);

  test('gives equal values of different kinds different hashes', () => {
    expect(hasher.hash('mobile', '13800138000')).not.toBe(hasher.hash('caller', '13800138000'));
  });

  test('depends on the secret, so a leaked table cannot be reversed by hashing guesses without it', () => {
    expect(createHasher(`${HASH_SECRET}-other`).hash('mobile', '13800138000')).not.toBe(hasher.hash('mobile', '13800138000'));
    expect(hasher.hash('mobile', '13800138000')).toMatch(/^[0-9a-f]{64}$/);
  });

  test('keeps the three fields apart, so moving characters between fields changes the hash', () => {
    const a = tripleValue({ name: '张三', idCard: '1', mobile: '2' });
    const b = tripleValue({ name: '张', idCard: '三1', mobile: '2' });
    expect(hasher.hash('triple', a)).not.toBe(hasher.hash('triple', b));
  });

  test('refuses an empty secret', () => {
    expect(() => createHasher('')).toThrow();
  });
});

describe('failover: mayFailOver', () => {
  test.each(['VENDOR_UNAVAILABLE', 'VENDOR_THROTTLED', 'VENDOR_QUOTA_EXHAUSTED', 'SERVICE_MISCONFIGURED'])('moves on after %s that certainly was not billed', (code) => {
    expect(mayFailOver({ kind: 'refusal', code, billing: 'not-billed' })).toBe(true);
  });

  test.each([
    ['a timeout, billing unknown', { kind: 'refusal', code: 'VENDOR_TIMEOUT', billing: 'unknown' }],
    ['an unreadable answer, maybe billed', { kind: 'refusal', code: 'VENDOR_BAD_RESPONSE', billing: 'unknown' }],
    ['an unreadable billed 200', { kind: 'refusal', code: 'VENDOR_BAD_RESPONSE', billing: 'billed' }],
    ['a refused bad request (Tencent -8), not billed', { kind: 'refusal', code: 'VENDOR_BAD_RESPONSE', billing: 'not-billed' }],
    ['a reset after sending, billing unknown', { kind: 'refusal', code: 'VENDOR_UNAVAILABLE', billing: 'unknown' }],
    ['an unbilled answer (Tencent -9 → 202)', { kind: 'status', billing: 'not-billed' }],
    ['a billed answer', { kind: 'status', billing: 'billed' }],
    ['a refusal without a code', { kind: 'refusal', billing: 'not-billed' }],
  ] as const)('stays after %s', (_label, answer) => {
    expect(mayFailOver(answer)).toBe(false);
  });
});

describe('failover: billingOf and decidingCall', () => {
  const call = (kind: 'status' | 'refusal', billing: 'billed' | 'not-billed' | 'unknown', code?: string) => ({ answer: { kind, billing, ...(code && { code }) } });

  test.each([
    [['not-billed'], 'not-billed'],
    [['not-billed', 'not-billed'], 'not-billed'],
    [['not-billed', 'unknown'], 'unknown'],
    [['unknown', 'not-billed'], 'unknown'],
    [['not-billed', 'billed'], 'billed'],
    [['billed', 'unknown'], 'billed'],
    [['billed'], 'billed'],
  ] as const)('bills %p as %s together', (billings, expected) => {
    expect(billingOf(billings.map((billing) => ({ billing })))).toBe(expected);
  });

  test('answers with the last call when it answered or may have cost money', () => {
    const calls = [call('refusal', 'not-billed', 'VENDOR_UNAVAILABLE'), call('status', 'billed')] as const;
    expect(decidingCall(calls)).toBe(calls[1]);
    const timedOut = [call('refusal', 'not-billed', 'VENDOR_QUOTA_EXHAUSTED'), call('refusal', 'unknown', 'VENDOR_TIMEOUT')] as const;
    expect(decidingCall(timedOut)).toBe(timedOut[1]);
  });

  test('answers with the first (the primary\'s code) when every provider was out', () => {
    const calls = [call('refusal', 'not-billed', 'VENDOR_QUOTA_EXHAUSTED'), call('refusal', 'not-billed', 'VENDOR_UNAVAILABLE')] as const;
    expect(decidingCall(calls)).toBe(calls[0]);
    const one = [call('refusal', 'not-billed', 'VENDOR_UNAVAILABLE')] as const;
    expect(decidingCall(one)).toBe(one[0]);
  });
});

describe('days, slots and the limits document (pure)', () => {
  const limitsOf = (overrides: Partial<CallerLimits> = {}): CallerLimits => ({ day: beijingDay(NOON), calls: 0, mobiles: {}, identities: {}, version: 1, ...overrides });
  const plan = { now: NOON, mobile: 'm', person: 'p' };

  test('beijingDayStart is 16:00 UTC of the day before, and lastBeijingDays counts back whole days', () => {
    expect(new Date(beijingDayStart('20250310')).toISOString()).toBe('2025-03-09T16:00:00.000Z');
    expect(new Date(beijingDayStart('20251231')).toISOString()).toBe('2025-12-30T16:00:00.000Z');
    expect(lastBeijingDays(NOON, 3)).toEqual(['20250310', '20250309', '20250308']);
    expect(beijingDay(Date.UTC(2025, 0, 5, 4))).toBe('20250105');
  });

  test('refuses a consent given at or before the withdrawal, and a check begun before an erasure', () => {
    const withdrawn = limitsOf({ withdrawnAt: NOON - 1_000 });
    expect(admitCall(withdrawn, { ...plan, acceptedAt: NOON - 1_000 }, DEFAULT_GUARDS)).toEqual({ ok: false, withdrawn: true });
    expect(admitCall(withdrawn, { ...plan, acceptedAt: NOON - 999 }, DEFAULT_GUARDS)).toMatchObject({ ok: true });
    expect(admitCall(withdrawn, plan, DEFAULT_GUARDS)).toMatchObject({ ok: true });
    expect(admitCall(limitsOf(), { ...plan, acceptedAt: 0 }, DEFAULT_GUARDS)).toMatchObject({ ok: true });
    const erased = limitsOf({ erasedAt: NOON + 1 });
    expect(admitCall(erased, plan, DEFAULT_GUARDS)).toEqual({ ok: false, withdrawn: true });
    expect(admitCall(limitsOf({ erasedAt: NOON }), plan, DEFAULT_GUARDS)).toMatchObject({ ok: true, next: { erasedAt: NOON } });
  });

  test('marks the limits for the purge at their next entry\'s end: the day\'s counts at midnight, a person 30 days on, a withdrawal a window on', () => {
    expect(limitsUntil(limitsOf(), NOON)).toBe(NOON);
    expect(limitsUntil(limitsOf({ calls: 1 }), NOON)).toBe(nextBeijingMidnight(NOON));
    expect(limitsUntil(limitsOf({ calls: 1, identities: { p: NOON + 5 * DAY_MS } }), NOON)).toBe(nextBeijingMidnight(NOON));
    expect(limitsUntil(limitsOf({ identities: { p: NOON + 5 * DAY_MS, q: NOON + 9 * DAY_MS } }), NOON)).toBe(NOON + 5 * DAY_MS);
    expect(limitsUntil(limitsOf({ withdrawnAt: NOON }), NOON)).toBe(NOON + IDENTITY_WINDOW_MS);
  });

  test('gives a call back without going below zero', () => {
    const giveBack = limitsGiveBack({ day: beijingDay(NOON), keys: { caller: 'c', triple: 't', person: 'p', mobile: 'm' } });
    expect(applyGiveBack(limitsOf({ calls: 0, mobiles: {} }), giveBack)).toMatchObject({ calls: 0, mobiles: {} });
    expect(applyGiveBack(limitsOf({ calls: 2, mobiles: { m: 2 } }), giveBack)).toMatchObject({ calls: 1, mobiles: { m: 1 } });
  });

  test('places a timer run in the nearest hour, and the digest from 03:00 Beijing on', () => {
    const three = Date.UTC(2025, 2, 9, 19); // 03:00 Beijing
    expect(hourSlot(three - 400)).toBe(three);
    expect(hourSlot(three + 400)).toBe(three);
    expect(hourSlot(three + 31 * 60_000)).toBe(three + HOUR_MS);
    expect(isDigestDue(three)).toBe(true);
    expect(isDigestDue(three - HOUR_MS)).toBe(false);
    expect(isDigestDue(three + 20 * HOUR_MS)).toBe(true);
    expect(isDigestDue(three - 3 * HOUR_MS)).toBe(false);
  });

  test('waits whole seconds, rounding up, at least one', () => {
    expect(retryAfterSeconds(NOON + 1_500, NOON)).toBe(2);
    expect(retryAfterSeconds(NOON + 10_000, NOON)).toBe(10);
    expect(retryAfterSeconds(NOON - 5_000, NOON)).toBe(1);
  });

  test('stops spending at the budget or the quota, each only when set', () => {
    const guards = (dailyBudget: number | undefined, quotaTotal: number | undefined): GuardSettings => ({ ...DEFAULT_GUARDS, dailyBudget, quotaTotal });
    expect(spendExhausted({ today: 5, total: 5 }, guards(undefined, undefined))).toBe(false);
    expect(spendExhausted({ today: 4, total: 100 }, guards(5, undefined))).toBe(false);
    expect(spendExhausted({ today: 5, total: 0 }, guards(5, undefined))).toBe(true);
    expect(spendExhausted({ today: 0, total: 9 }, guards(undefined, 10))).toBe(false);
    expect(spendExhausted({ today: 0, total: 10 }, guards(undefined, 10))).toBe(true);
    expect(quotaWarningDue(8, 10)).toBe(true);
    expect(quotaWarningDue(7, 10)).toBe(false);
    expect(quotaWarningDue(0, 0)).toBe(false);
    expect(quotaWarningDue(5, undefined)).toBe(false);
  });
});
