import fc from 'fast-check';
import { createHasher, tripleValue } from '../../cloudfunctions/mobileCheck/src/hash';
import {
  attemptPlan, beijingDay, DAY_MS, isTimerEvent, nextBeijingMidnight, percentUsed, quotaWarningDue, retentionCutoff,
  retryAfterSeconds, reusableSince,
} from '../../cloudfunctions/mobileCheck/src/policy';
import { DEFAULT_GUARDS, readSettings } from '../../cloudfunctions/mobileCheck/src/settings';

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

  test('plans a reservation with the caller\'s day, its end and the settings\' limits', () => {
    const now = Date.UTC(2025, 2, 10, 4, 0);
    expect(attemptPlan({ reservationId: 'r', caller: 'c', mobile: 'm', now }, { ...DEFAULT_GUARDS, callerDailyLimit: 7 })).toEqual({
      reservationId: 'r', now, caller: 'c', callerDay: '20250310', callerLimit: 7, callerResetAt: Date.UTC(2025, 2, 10, 16, 0),
      mobile: 'm', mobileLimit: 3, mobileWindowMs: DAY_MS,
    });
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

  test('recognises the timer trigger\'s event shape, and nothing else', () => {
    expect(isTimerEvent({ Type: 'Timer', TriggerName: 'retentionPurge', Time: '2025-01-01T03:00:00Z' })).toBe(true);
    for (const other of [null, 'Timer', [], { Type: 'Timer' }, { Type: 'timer', TriggerName: 'x' }, { TriggerName: 'x' }]) {
      expect(isTimerEvent(other)).toBe(false);
    }
  });
});

describe('the guard settings', () => {
  test('uses the documented defaults when nothing is set', () => {
    expect(readSettings({})).toMatchObject({
      hashSecret: undefined, retentionDays: 30,
      guards: { callerDailyLimit: 10, mobileDailyLimit: 3, cacheSeconds: 86_400, quotaTotal: undefined },
    });
  });

  test('reads every guard setting', () => {
    expect(readSettings({
      MOBILECHECK_HASH_SECRET: ' s3cret ', MOBILECHECK_CALLER_DAILY_LIMIT: '20', MOBILECHECK_MOBILE_DAILY_LIMIT: '2',
      MOBILECHECK_CACHE_SECONDS: '0', MOBILECHECK_QUOTA_TOTAL: '5000', MOBILECHECK_RETENTION_DAYS: '90',
    })).toMatchObject({
      hashSecret: 's3cret', retentionDays: 90,
      guards: { callerDailyLimit: 20, mobileDailyLimit: 2, cacheSeconds: 0, quotaTotal: 5000 },
    });
  });

  test.each([
    ['MOBILECHECK_CALLER_DAILY_LIMIT', '0'],
    ['MOBILECHECK_MOBILE_DAILY_LIMIT', '21'],
    ['MOBILECHECK_CACHE_SECONDS', '-1'],
    ['MOBILECHECK_QUOTA_TOTAL', 'lots'],
    ['MOBILECHECK_RETENTION_DAYS', '0'],
  ])('rejects %s=%p with the setting\'s name', (name, value) => {
    expect(() => readSettings({ [name]: value })).toThrow(new RegExp(name));
  });

  test('rejects a cache window longer than the retention period', () => {
    expect(() => readSettings({ MOBILECHECK_RETENTION_DAYS: '1', MOBILECHECK_CACHE_SECONDS: '86401' })).toThrow(/MOBILECHECK_CACHE_SECONDS/);
  });
});

describe('the keyed hashes', () => {
  const hasher = createHasher('test-secret');

  test('gives equal values of different kinds different hashes', () => {
    expect(hasher.hash('mobile', '13800138000')).not.toBe(hasher.hash('caller', '13800138000'));
  });

  test('depends on the secret, so a leaked table cannot be reversed by hashing guesses without it', () => {
    expect(createHasher('other-secret').hash('mobile', '13800138000')).not.toBe(hasher.hash('mobile', '13800138000'));
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
