// The contract every Store adapter keeps. Run by sqliteStore.test.ts and cloudStore.test.ts.
import type { AttemptPlan, ConsentRecord, Store, VerificationRecord } from '../../cloudfunctions/mobileCheck/src/store/types';
import { attemptPlan, DAY_MS, nextBeijingMidnight } from '../../cloudfunctions/mobileCheck/src/policy';
import { DEFAULT_GUARDS } from '../../cloudfunctions/mobileCheck/src/settings';

export interface StoreUnderTest {
  store: Store;
  /** Every stored row or document, as JSON-able values. */
  rows(): unknown[];
}

/** 2025-03-10 12:00 Beijing time. */
export const NOON = Date.UTC(2025, 2, 10, 4, 0, 0);
const HOUR = 3_600_000;

export const consent = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  traceId: 't-consent', caller: 'caller-hash-a', agreementVersion: 'v1', personHash: 'person-hash-1', at: NOON, ...overrides,
});

export const verification = (overrides: Partial<VerificationRecord> = {}): VerificationRecord => ({
  traceId: 't-1', caller: 'caller-hash-a', tripleHash: 'triple-hash-1', mobileHash: 'mobile-hash-1', outcome: '01', final: true,
  carrier: '移动', billing: 'billed', vendorTraceId: 'v-1', latencyMs: 42, at: NOON, ...overrides,
});

let seq = 0;
export const plan = (overrides: Partial<AttemptPlan> = {}, limits = { caller: 3, mobile: 2 }): AttemptPlan => {
  const now = overrides.now ?? NOON;
  return {
    ...attemptPlan(
      { reservationId: `r-${(seq += 1)}`, caller: 'caller-hash-a', mobile: 'mobile-hash-1', now },
      { ...DEFAULT_GUARDS, callerDailyLimit: limits.caller, mobileDailyLimit: limits.mobile },
    ),
    ...overrides,
  };
};

export function describeStoreContract(adapter: string, open: () => Promise<StoreUnderTest>, close: () => Promise<void> = async () => undefined) {
  describe(`the ${adapter} store keeps the Store contract`, () => {
    let store: Store;
    let subject: StoreUnderTest;
    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(() => close());

    test('keeps a consent record with the caller, agreement version, person hash and time', async () => {
      await store.recordConsent(consent());
      expect(JSON.stringify(subject.rows())).toEqual(expect.stringContaining('person-hash-1'));
      expect(JSON.stringify(subject.rows())).toEqual(expect.stringContaining('v1'));
    });

    test('finds the newest final answer of the same caller and triple within the window', async () => {
      await store.recordVerification(verification({ traceId: 't-old', outcome: '02', carrier: '', at: NOON - 2 * HOUR }));
      await store.recordVerification(verification({ traceId: 't-new', outcome: '01', carrier: '联通', at: NOON - HOUR }));
      await expect(store.findReusableAnswer({ caller: 'caller-hash-a', tripleHash: 'triple-hash-1', since: NOON - DAY_MS }))
        .resolves.toEqual({ code: '01', carrier: '联通', traceId: 't-new', at: NOON - HOUR });
    });

    test('does not reuse a non-final answer, another caller\'s answer, another triple\'s or one older than the window', async () => {
      await store.recordVerification(verification({ traceId: 'nonfinal', outcome: '203', final: false, at: NOON }));
      await store.recordVerification(verification({ traceId: 'error', outcome: 'VENDOR_TIMEOUT', final: false, billing: 'unknown', at: NOON }));
      await store.recordVerification(verification({ traceId: 'other-caller', caller: 'caller-hash-b', at: NOON }));
      await store.recordVerification(verification({ traceId: 'other-triple', tripleHash: 'triple-hash-2', at: NOON }));
      await store.recordVerification(verification({ traceId: 'too-old', at: NOON - DAY_MS - 1 }));
      await expect(store.findReusableAnswer({ caller: 'caller-hash-a', tripleHash: 'triple-hash-1', since: NOON - DAY_MS }))
        .resolves.toBeUndefined();
    });

    test('counts a caller\'s calls per Beijing day and refuses the one over the limit until the day ends', async () => {
      for (let i = 0; i < 3; i += 1) {
        await expect(store.reserveAttempt(plan({ mobile: `m-${i}` }))).resolves.toMatchObject({ ok: true });
      }
      await expect(store.reserveAttempt(plan({ mobile: 'm-9' })))
        .resolves.toEqual({ ok: false, limit: 'caller', retryAt: nextBeijingMidnight(NOON) });
      // 23:59 the same day is still refused; 00:00 the next day starts a fresh count.
      const lastMinute = nextBeijingMidnight(NOON) - 60_000;
      await expect(store.reserveAttempt(plan({ mobile: 'm-9', now: lastMinute }))).resolves.toMatchObject({ ok: false, limit: 'caller' });
      await expect(store.reserveAttempt(plan({ mobile: 'm-9', now: nextBeijingMidnight(NOON) }))).resolves.toMatchObject({ ok: true });
    });

    test('refuses a mobile over its limit in a rolling window, until its oldest call leaves the window', async () => {
      await expect(store.reserveAttempt(plan({ caller: 'c-1', now: NOON - 3 * HOUR }))).resolves.toMatchObject({ ok: true });
      await expect(store.reserveAttempt(plan({ caller: 'c-2', now: NOON - HOUR }))).resolves.toMatchObject({ ok: true });
      await expect(store.reserveAttempt(plan({ caller: 'c-3', now: NOON })))
        .resolves.toEqual({ ok: false, limit: 'mobile', retryAt: NOON - 3 * HOUR + DAY_MS });
      await expect(store.reserveAttempt(plan({ caller: 'c-3', now: NOON - 3 * HOUR + DAY_MS }))).resolves.toMatchObject({ ok: true });
    });

    test('does not use up the caller\'s count when the mobile limit refuses', async () => {
      await store.reserveAttempt(plan({ caller: 'c-1' }));
      await store.reserveAttempt(plan({ caller: 'c-2' }));
      for (let i = 0; i < 3; i += 1) {
        await expect(store.reserveAttempt(plan({ caller: 'c-3' }))).resolves.toMatchObject({ ok: false, limit: 'mobile' });
      }
      await expect(store.reserveAttempt(plan({ caller: 'c-3', mobile: 'other' }))).resolves.toMatchObject({ ok: true });
    });

    test('gives back the caller count and the mobile slot of a released reservation', async () => {
      const limits = { caller: 1, mobile: 1 };
      const first = await store.reserveAttempt(plan({}, limits));
      if (!first.ok) throw new Error('first reservation refused');
      await expect(store.reserveAttempt(plan({}, limits))).resolves.toMatchObject({ ok: false });
      await store.releaseAttempt(first.reservation);
      await expect(store.reserveAttempt(plan({}, limits))).resolves.toMatchObject({ ok: true });
    });

    test('grants exactly the limit when 30 reservations of one caller race', async () => {
      const results = await Promise.all(
        Array.from({ length: 30 }, (_unused, i) => store.reserveAttempt(plan({ mobile: `m-${i}` }, { caller: 10, mobile: 2 })) ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(10);
      expect(results.filter((r) => !r.ok && r.limit === 'caller')).toHaveLength(20);
    });

    test('grants exactly the mobile limit when 12 callers race for one mobile', async () => {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_unused, i) => store.reserveAttempt(plan({ caller: `c-${i}` }, { caller: 5, mobile: 3 })) ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(3);
    });

    test('counts billed calls only', async () => {
      await expect(store.countBilled()).resolves.toBe(0);
      await store.recordVerification(verification({ traceId: 'a' }));
      await store.recordVerification(verification({ traceId: 'b', outcome: 'VENDOR_QUOTA_EXHAUSTED', final: false, billing: 'not-billed' }));
      await store.recordVerification(verification({ traceId: 'c', outcome: 'VENDOR_TIMEOUT', final: false, billing: 'unknown' }));
      await Promise.all([store.recordVerification(verification({ traceId: 'd' })), store.recordVerification(verification({ traceId: 'e' }))]);
      await expect(store.countBilled()).resolves.toBe(3);
    });

    test('lets exactly one of many concurrent claimers log the quota warning, again for a new total', async () => {
      await store.recordVerification(verification());
      const claims = await Promise.all(Array.from({ length: 10 }, () => store.claimQuotaWarning(100)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      await expect(store.claimQuotaWarning(100)).resolves.toBe(false);
      await expect(store.claimQuotaWarning(200)).resolves.toBe(true);
    });

    test('purges consents and verifications older than the cutoff and keeps newer ones and the billed count', async () => {
      const cutoff = NOON - 30 * DAY_MS;
      await store.recordConsent(consent({ traceId: 'old', at: cutoff - 1 }));
      await store.recordConsent(consent({ traceId: 'new', at: cutoff }));
      await store.recordVerification(verification({ traceId: 'old', at: cutoff - 1 }));
      await store.recordVerification(verification({ traceId: 'new', at: cutoff + 1 }));
      await store.reserveAttempt(plan({ now: NOON - 2 * DAY_MS }));
      const live = await store.reserveAttempt(plan({ now: NOON, mobile: 'm-live' }));

      const report = await store.purgeOlderThan(cutoff, NOON);
      expect(report).toMatchObject({ consents: 1, verifications: 1 });
      expect(report.counters).toBeGreaterThanOrEqual(1);
      const text = JSON.stringify(subject.rows());
      expect(text).not.toContain('"old"');
      expect(text.match(/"new"/g)).toHaveLength(2);
      await expect(store.countBilled()).resolves.toBe(2);
      await expect(store.findReusableAnswer({ caller: 'caller-hash-a', tripleHash: 'triple-hash-1', since: cutoff }))
        .resolves.toMatchObject({ traceId: 'new' });
      // The reservation still in force keeps limiting after the purge.
      expect(live.ok).toBe(true);
      await expect(store.reserveAttempt(plan({ now: NOON, mobile: 'm-live', caller: 'x' }, { caller: 3, mobile: 1 })))
        .resolves.toMatchObject({ ok: false, limit: 'mobile' });
    });
  });
}
