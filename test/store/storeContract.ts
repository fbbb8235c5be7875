// The contract every Store adapter keeps. Run by sqliteStore.test.ts and cloudStore.test.ts.
import {
  beijingDay, type CallerLimits, DAY_MS, delta, emptyAggregates, HOUR_MS, IDENTITY_WINDOW_MS, mergeAggregates,
  nextBeijingMidnight, type Aggregates, type Store,
} from '../../cloudfunctions/mobileCheck/src/host';
import {
  answerOf, billedCheck, completed, giveBack, keys, NOON, openAndReserve, openFor, prepare, reserved, reserveInput, verification,
} from './storeFixtures';

const DAY = beijingDay(NOON);
const MIDNIGHT = nextBeijingMidnight(NOON);
const B = { caller: 'caller-hash-b' };

/** Contract tests an adapter is known to fail: product bugs, reported, run as test.failing until fixed. */
export const KNOWN_BUGS = {
  finishedClaim: 'answers "claimed" when the claim was finished by another request since open',
} as const;

export function describeStoreContract(adapter: string, open: () => Store, knownBugs: readonly string[] = []) {
  const testUnlessKnownBug = (name: string) => (knownBugs.includes(name) ? test.failing : test);
  describe(`the ${adapter} store keeps the Store contract`, () => {
    let store: Store;
    beforeEach(() => {
      store = open();
    });
    const limitsOf = async (caller = keys().caller, now = NOON) => (await openFor(store, prepare({ keys: { caller }, now }))).limits;

    describe('open (round trip 1)', () => {
      test('counts each request of a caller per Beijing day and refuses past the cap without counting the refused ones', async () => {
        const ask = (limit: number, t: Parameters<typeof prepare>[0] = {}) => openFor(store, prepare(t), limit).then((o) => o.requestCounted);
        expect([await ask(2), await ask(2), await ask(2), await ask(2)]).toEqual([true, true, false, false]);
        // Two counted: under a cap of 3 exactly one more fits, so the refusals were not counted.
        expect([await ask(3), await ask(3)]).toEqual([true, false]);
        expect(await ask(2, { keys: B })).toBe(true);
        expect(await ask(2, { now: MIDNIGHT })).toBe(true);
      });

      test('reads the claim, the caller\'s limits and the day\'s spend', async () => {
        const first = prepare();
        expect(await openFor(store, first)).toEqual({ requestCounted: true, claim: undefined, limits: undefined, spend: { today: 0, total: 0 } });
        await store.reserve(reserveInput(first, await openFor(store, first)));
        const opened = await openFor(store, prepare());
        expect(opened.claim).toMatchObject({ state: 'pending', holder: first.traceId, until: expect.any(Number) });
        expect(opened.limits).toMatchObject({ day: DAY, calls: 1, mobiles: { 'mobile-hash-1': 1 }, identities: { 'person-hash-1': NOON + IDENTITY_WINDOW_MS } });
        expect(opened.spend).toEqual({ today: 1, total: 1 });
      });
    });

    describe('reserve (round trip 2)', () => {
      test('takes the claim, the consent, the caller\'s limits, the budget and the quota together', async () => {
        const reservation = await reserved(store);
        await expect(store.readClaim(keys())).resolves.toMatchObject({ state: 'pending', holder: reservation.traceId });
        const { consents } = await store.ownRecords(keys().caller);
        expect(consents).toEqual([{ kind: 'check', consentId: 'c1', traceId: reservation.traceId, caller: 'caller-hash-a', triple: 'triple-hash-1', agreementVersion: 'v1', acceptedAt: NOON - 60_000, at: NOON }]);
        await expect(store.readSpend(DAY)).resolves.toEqual({ today: 1, total: 1 });
        expect(await limitsOf()).toMatchObject({ calls: 1, mobiles: { 'mobile-hash-1': 1 } });
      });

      test.each([
        ['the caller\'s limits', { callerDailyLimit: 1 }, {}, { ok: false, reason: 'limits', refusal: { limit: 'caller', retryAt: MIDNIGHT } }],
        ['the daily budget', { dailyBudget: 1 }, B, { ok: false, reason: 'budget' }],
        ['the bought quota', { quotaTotal: 1 }, B, { ok: false, reason: 'budget' }],
      ])('takes nothing when %s refuse: no claim, consent, limit, budget or quota', async (_what, guards, who, refusal) => {
        await reserved(store, { guards });
        const second = { keys: { ...who, triple: 'triple-hash-2', person: 'person-hash-2', mobile: 'mobile-hash-2' }, guards };
        await expect(openAndReserve(store, second)).resolves.toEqual(refusal);
        await expect(store.readSpend(DAY)).resolves.toEqual({ today: 1, total: 1 });
        const caller = second.keys.caller ?? keys().caller;
        expect((await store.ownRecords(caller)).consents).toHaveLength(caller === keys().caller ? 1 : 0);
        expect((await limitsOf(caller))?.calls ?? 0).toBe(caller === keys().caller ? 1 : 0);
        // The refused triple's claim is free: with room again, it is taken at once.
        await expect(openAndReserve(store, { ...second, guards: {} })).resolves.toMatchObject({ ok: true });
      });

      test('counts the bought quota across days, and the budget per Beijing day', async () => {
        await reserved(store, { guards: { dailyBudget: 1, quotaTotal: 2 } });
        const tomorrow = { now: MIDNIGHT, keys: { triple: 'triple-hash-2' }, guards: { dailyBudget: 1, quotaTotal: 2 } };
        await reserved(store, tomorrow);
        await expect(openAndReserve(store, { ...tomorrow, now: MIDNIGHT + DAY_MS, keys: { triple: 'triple-hash-3' } })).resolves.toEqual({ ok: false, reason: 'budget' });
      });

      test('re-runs the limits policy on what is stored now when the limits changed since open', async () => {
        const first = prepare({ guards: { callerDailyLimit: 2 } });
        const second = prepare({ guards: { callerDailyLimit: 2 }, keys: { triple: 'triple-hash-2', mobile: 'mobile-hash-2' } });
        const [seenFirst, seenSecond] = [await openFor(store, first), await openFor(store, second)];
        await expect(store.reserve(reserveInput(first, seenFirst))).resolves.toMatchObject({ ok: true });
        const ranOn: (CallerLimits | undefined)[] = [];
        await expect(store.reserve(reserveInput(second, seenSecond, (current) => ranOn.push(current)))).resolves.toMatchObject({ ok: true });
        expect(ranOn.at(-1)).toMatchObject({ calls: 1 });
        // A stale write would have left 1; a third call is refused because both were counted.
        expect(await limitsOf()).toMatchObject({ calls: 2, mobiles: { 'mobile-hash-1': 1, 'mobile-hash-2': 1 } });
        const third = prepare({ guards: { callerDailyLimit: 2 }, keys: { triple: 'triple-hash-3' } });
        await expect(store.reserve(reserveInput(third, seenSecond))).resolves.toMatchObject({ ok: false, reason: 'limits', refusal: { limit: 'caller' } });
      });

      test('never grants more than the caller\'s limit when reservations of one caller race', async () => {
        const tries = Array.from({ length: 12 }, (_unused, i) => prepare({ guards: { callerDailyLimit: 4 }, keys: { triple: `triple-${i}`, mobile: `mobile-${i}` } }));
        const seen = await Promise.all(tries.map((p) => openFor(store, p)));
        const results = await Promise.allSettled(tries.map((p, i) => store.reserve(reserveInput(p, seen[i]))));
        const granted = results.filter((r) => r.status === 'fulfilled' && r.value.ok).length;
        expect(granted).toBeGreaterThanOrEqual(1);
        expect(granted).toBeLessThanOrEqual(4);
        expect((await limitsOf())?.calls).toBe(granted);
        await expect(store.readSpend(DAY)).resolves.toEqual({ today: granted, total: granted });
      });

      test('answers "claimed" when another request holds the claim, and then takes nothing', async () => {
        const stale = await openFor(store, prepare());
        const holder = await reserved(store);
        await expect(store.reserve(reserveInput(prepare(), stale))).resolves.toEqual({ ok: false, reason: 'claimed' });
        await expect(store.readClaim(keys())).resolves.toMatchObject({ state: 'pending', holder: holder.traceId });
        await expect(store.readSpend(DAY)).resolves.toEqual({ today: 1, total: 1 });
        expect((await store.ownRecords(keys().caller)).consents.map((c) => c.traceId)).toEqual([holder.traceId]);
        expect(await limitsOf()).toMatchObject({ calls: 1 });
      });

      testUnlessKnownBug(KNOWN_BUGS.finishedClaim)(KNOWN_BUGS.finishedClaim, async () => {
        const stale = await openFor(store, prepare());
        await billedCheck(store);
        await expect(store.reserve(reserveInput(prepare(), stale))).resolves.toEqual({ ok: false, reason: 'claimed' });
        await expect(store.readSpend(DAY)).resolves.toEqual({ today: 1, total: 1 });
      });

      test('lets exactly one of two racing requests take over an abandoned claim, and the late holder cannot overwrite it', async () => {
        const abandoned = await reserved(store);
        const later = NOON + 60_000;
        const [b, c] = [prepare({ now: later }), prepare({ now: later })];
        const [seenB, seenC] = [await openFor(store, b), await openFor(store, c)];
        const results = await Promise.all([store.reserve(reserveInput(b, seenB)), store.reserve(reserveInput(c, seenC))]);
        expect(results.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['claimed', 'ok']);
        const winner = results[0].ok ? b : c;
        await completed(store, abandoned, '02');
        await expect(store.readClaim(keys())).resolves.toMatchObject({ state: 'pending', holder: winner.traceId });
      });

      test('lets the next request take a finished claim whose answer may not be reused', async () => {
        await billedCheck(store, {}, '203');
        const next = prepare({ now: NOON + 1_000 });
        await expect(store.reserve(reserveInput(next, await openFor(store, next)))).resolves.toMatchObject({ ok: true });
      });

      test('does not refuse a check when the purge removes the caller\'s expired limits between open and reserve', async () => {
        await billedCheck(store, { now: NOON - 40 * DAY_MS });
        const now = prepare({ keys: { triple: 'triple-hash-2' }, guards: { callerIdentityLimit: 1 } });
        const seen = await openFor(store, now);
        await store.purge(NOON - 30 * DAY_MS, NOON, () => false);
        await expect(store.reserve(reserveInput(now, seen))).resolves.toMatchObject({ ok: true });
        expect(await limitsOf()).toMatchObject({ calls: 1, identities: { 'person-hash-1': NOON + IDENTITY_WINDOW_MS } });
      });
    });

    describe('release and complete (round trip 3)', () => {
      test('release gives back the caller\'s call, the mobile\'s call, the budget and the quota; the person stays counted', async () => {
        const guards = { callerDailyLimit: 1, mobileDailyLimit: 1, dailyBudget: 1, quotaTotal: 1 };
        const reservation = await reserved(store, { guards });
        await giveBack(store, reservation);
        await expect(store.readSpend(DAY)).resolves.toEqual({ today: 0, total: 0 });
        expect(await limitsOf()).toMatchObject({ calls: 0, mobiles: { 'mobile-hash-1': 0 }, identities: { 'person-hash-1': NOON + IDENTITY_WINDOW_MS } });
        await expect(openAndReserve(store, { guards, keys: { triple: 'triple-hash-2' } })).resolves.toMatchObject({ ok: true });
      });

      test('release after the caller\'s next-day check gives nothing back: the limits record stays exactly as that check left it', async () => {
        const first = await reserved(store);
        await reserved(store, { now: NOON + DAY_MS, keys: { triple: 'triple-hash-2' } });
        const before = (await store.ownRecords(keys().caller)).limits;
        expect(before).toMatchObject({ day: beijingDay(NOON + DAY_MS), calls: 1 });
        await giveBack(store, first);
        expect((await store.ownRecords(keys().caller)).limits).toEqual(before);
      });

      test('complete keeps the verification record, puts the answer on the claim and adds the call to the day\'s aggregates', async () => {
        const reservation = await reserved(store);
        const record = await completed(store, reservation);
        await expect(store.readClaim(keys())).resolves.toEqual({ state: 'done', holder: reservation.traceId, until: expect.any(Number), answer: answerOf(reservation) });
        expect((await store.ownRecords(keys().caller)).verifications).toEqual([record]);
        await expect(store.latestPass(keys().caller, NOON)).resolves.toEqual(record);
        await expect(store.readAggregates([DAY])).resolves.toEqual(new Map([[DAY, delta.vendor('01', [{ provider: 'aliyun-market', billing: 'billed' }], 120)]]));
      });

      test('complete after a failed call leaves the error on the claim for waiting requests, and no answer', async () => {
        const reservation = await reserved(store);
        await store.complete({
          reservation, record: verification(reservation, { outcome: 'VENDOR_TIMEOUT', billing: 'unknown' }), answer: { failed: 'VENDOR_TIMEOUT' }, aggregates: new Map(),
        });
        const claim = await store.readClaim(keys());
        expect(claim).toMatchObject({ state: 'done', failed: 'VENDOR_TIMEOUT' });
        expect(claim?.answer).toBeUndefined();
      });
    });

    describe('the caller\'s own records', () => {
      test('withdraw stamps the caller\'s consents and limits with the time and deletes their verifications and claims, and nobody else\'s', async () => {
        await billedCheck(store);
        await billedCheck(store, { keys: B });
        await expect(store.withdraw(keys().caller, NOON + HOUR_MS)).resolves.toEqual({ verifications: 1, claims: 1 });
        expect((await store.ownRecords(keys().caller)).consents).toEqual([expect.objectContaining({ withdrawnAt: NOON + HOUR_MS })]);
        expect((await store.ownRecords(keys().caller)).verifications).toEqual([]);
        await expect(store.readClaim(keys())).resolves.toBeUndefined();
        await expect(store.latestPass(keys().caller, 0)).resolves.toBeUndefined();
        expect((await store.ownRecords(B.caller)).consents[0].withdrawnAt).toBeUndefined();
        expect((await store.ownRecords(B.caller)).verifications).toHaveLength(1);
        expect(await limitsOf()).toMatchObject({ calls: 1, withdrawnAt: NOON + HOUR_MS });
        expect((await limitsOf(B.caller))?.withdrawnAt).toBeUndefined();
        await store.withdraw('caller-hash-new', NOON);
        expect(await limitsOf('caller-hash-new')).toMatchObject({ withdrawnAt: NOON, calls: 0 });
      });

      test('an agreement is read back only by its own caller, by its id, and withdraw marks it', async () => {
        const agreement = { kind: 'agreement' as const, consentId: 'c'.repeat(32), traceId: 't-accept', caller: keys().caller, triple: '', agreementVersion: 'v1', acceptedAt: NOON, at: NOON };
        await store.recordAgreement(agreement);
        await expect(store.readAgreement(keys().caller, agreement.consentId)).resolves.toEqual(agreement);
        await expect(store.readAgreement(B.caller, agreement.consentId)).resolves.toBeUndefined();
        await expect(store.readAgreement(keys().caller, 'd'.repeat(32))).resolves.toBeUndefined();
        const check = await billedCheck(store);
        await expect(store.readAgreement(keys().caller, check.traceId)).resolves.toBeUndefined();
        await store.withdraw(keys().caller, NOON + HOUR_MS);
        await expect(store.readAgreement(keys().caller, agreement.consentId)).resolves.toEqual({ ...agreement, withdrawnAt: NOON + HOUR_MS });
      });

      test('a withdrawal between round trips 1 and 2 refuses the reservation and takes nothing', async () => {
        const p = prepare();
        const seen = await openFor(store, p);
        await store.withdraw(p.keys.caller, p.now - 1_000);
        await expect(store.reserve(reserveInput(p, seen))).resolves.toEqual({ ok: false, reason: 'withdrawn' });
        expect(await limitsOf()).toMatchObject({ calls: 0, withdrawnAt: p.now - 1_000 });
        expect((await store.ownRecords(p.keys.caller)).consents).toEqual([]);
      });

      /** What is left of the caller's check after `steps`: records, consents, the latest pass and the claim's answer. */
      async function leftOf(steps: () => Promise<unknown>) {
        await steps();
        const own = await store.ownRecords(keys().caller);
        return {
          verifications: own.verifications.length,
          consents: own.consents.map((c) => ({ kind: c.kind, withdrawnAt: c.withdrawnAt })),
          latestPass: await store.latestPass(keys().caller, 0),
          claimAnswer: (await store.readClaim(keys()))?.answer,
        };
      }
      const nothingButTheMarkedConsent = (withdrawnAt: number) => ({ verifications: 0, consents: [{ kind: 'check', withdrawnAt }], latestPass: undefined, claimAnswer: undefined });

      test('withdraw while a check begun before it is in flight: its complete keeps no record or claim, and its consent stays, marked', async () => {
        await expect(leftOf(async () => {
          const inFlight = await reserved(store);
          await store.withdraw(keys().caller, NOON + 1_000);
          await completed(store, inFlight);
        })).resolves.toEqual(nothingButTheMarkedConsent(NOON + 1_000));
      });

      // Another instance's clock: the withdrawal is timed before the check began, yet lands after its reservation.
      test('a withdrawal timed before a check began but landing after its reservation covers the check: no record, no claim, the consent marked', async () => {
        await expect(leftOf(async () => {
          const inFlight = await reserved(store);
          await store.withdraw(keys().caller, NOON - 1);
          await completed(store, inFlight);
        })).resolves.toEqual(nothingButTheMarkedConsent(NOON - 1));
      });

      test('a withdrawal timed before a check began but landing after it completed deletes its record and claim too', async () => {
        await expect(leftOf(async () => {
          await billedCheck(store);
          await expect(store.withdraw(keys().caller, NOON - 1)).resolves.toEqual({ verifications: 1, claims: 1 });
        })).resolves.toEqual(nothingButTheMarkedConsent(NOON - 1));
      });

      test('a withdrawal timed before the check\'s consent was given leaves that check whole, landing during it or after it', async () => {
        // reserveInput's consent was given a minute before the check.
        const left = await leftOf(async () => {
          const inFlight = await reserved(store);
          await store.withdraw(keys().caller, NOON - 120_000);
          await completed(store, inFlight);
          await store.withdraw(keys().caller, NOON - 90_000);
        });
        expect(left).toMatchObject({ verifications: 1, consents: [{ kind: 'check', withdrawnAt: undefined }], claimAnswer: { code: '01' } });
        expect(left.latestPass).toBeDefined();
      });

      test('ownRecords lists only the caller\'s own verifications and consents', async () => {
        const own = await billedCheck(store);
        await billedCheck(store, { keys: B });
        const records = await store.ownRecords(keys().caller);
        expect(records.verifications.map((r) => r.traceId)).toEqual([own.traceId]);
        expect(records.consents.map((c) => c.traceId)).toEqual([own.traceId]);
      });

      test('deleteOwn removes the caller\'s consents, verifications and cached answers, and keeps their limits', async () => {
        await billedCheck(store);
        await billedCheck(store, { keys: B });
        await expect(store.deleteOwn(keys().caller, NOON + HOUR_MS)).resolves.toEqual({ consents: 1, verifications: 1 });
        await expect(store.ownRecords(keys().caller)).resolves.toMatchObject({ verifications: [], consents: [] });
        await expect(store.readClaim(keys())).resolves.toBeUndefined();
        await expect(store.latestPass(keys().caller, 0)).resolves.toBeUndefined();
        expect(await limitsOf()).toMatchObject({ calls: 1 });
        expect((await store.ownRecords(B.caller)).verifications).toHaveLength(1);
      });

      test('deleteOwn while a check is in flight: the check\'s complete keeps no record, claim or consent of it', async () => {
        const inFlight = await reserved(store);
        await store.deleteOwn(keys().caller, NOON + 1_000);
        await completed(store, inFlight);
        await expect(store.ownRecords(keys().caller)).resolves.toMatchObject({ verifications: [], consents: [] });
        await expect(store.latestPass(keys().caller, 0)).resolves.toBeUndefined();
        expect((await store.readClaim(keys()))?.answer).toBeUndefined();
        // A check begun before the erasure cannot reserve after it either; one begun later can.
        await expect(openAndReserve(store, { keys: { triple: 'triple-hash-2' }, now: NOON + 500 })).resolves.toEqual({ ok: false, reason: 'withdrawn' });
        await expect(openAndReserve(store, { keys: { triple: 'triple-hash-2' }, now: NOON + 2_000 })).resolves.toMatchObject({ ok: true });
      });

      test('deleteOwn keeps what a check begun after it wrote', async () => {
        await billedCheck(store);
        const later = await billedCheck(store, { now: NOON + 2_000, keys: { triple: 'triple-hash-2' } });
        await expect(store.deleteOwn(keys().caller, NOON + 1_000)).resolves.toEqual({ consents: 1, verifications: 1 });
        expect((await store.ownRecords(keys().caller)).verifications.map((r) => r.traceId)).toEqual([later.traceId]);
      });

      test('stampCaller sets the erasure marker in the caller\'s limits, creating them if needed, and keeps the counts', async () => {
        await reserved(store);
        await store.stampCaller(keys().caller, NOON + 5, 'erasedAt');
        expect(await limitsOf()).toMatchObject({ calls: 1, erasedAt: NOON + 5 });
        await store.stampCaller('caller-hash-new', NOON, 'erasedAt');
        expect(await limitsOf('caller-hash-new')).toMatchObject({ calls: 0, erasedAt: NOON });
      });

      test('latestPass finds the caller\'s newest 01 at or after the given time, and nothing else', async () => {
        await billedCheck(store, { now: NOON - 2 * HOUR_MS });
        const newest = await billedCheck(store, { now: NOON - HOUR_MS, keys: { triple: 'triple-hash-2' } });
        await billedCheck(store, { keys: { triple: 'triple-hash-3' } }, '02');
        await billedCheck(store, { keys: B });
        await expect(store.latestPass(keys().caller, NOON - 3 * HOUR_MS)).resolves.toMatchObject({ traceId: newest.traceId, outcome: '01' });
        await expect(store.latestPass(keys().caller, NOON - HOUR_MS + 1)).resolves.toBeUndefined();
      });
    });

    describe('aggregates, quota warning and purge', () => {
      test('addAggregates adds up aggregates, also written from many places at once; readAggregates leaves out days without any', async () => {
        const parts: Aggregates[] = [delta.refused('RATE_LIMITED'), delta.cached('01'), delta.vendor('02', [{ provider: 'aliyun-market', billing: 'billed' }], 80), delta.vendor('VENDOR_TIMEOUT', [{ provider: 'aliyun-market', billing: 'unknown' }], 2600, 'VENDOR_TIMEOUT')];
        await Promise.all([...parts, ...parts].map((part) => store.addAggregates(new Map([[DAY, part]]))));
        const expected = [...parts, ...parts].reduce((sum, part) => mergeAggregates(sum, part), emptyAggregates());
        await expect(store.readAggregates([DAY, beijingDay(NOON - DAY_MS)])).resolves.toEqual(new Map([[DAY, expected]]));
      });

      test('markQuotaWarned lets exactly one of many claimers warn, once per quota total', async () => {
        await reserved(store);
        const claims = await Promise.all(Array.from({ length: 10 }, () => store.markQuotaWarned(100)));
        expect(claims.filter(Boolean)).toHaveLength(1);
        await expect(store.markQuotaWarned(100)).resolves.toBe(false);
        await expect(store.markQuotaWarned(200)).resolves.toBe(true);
      });

      test('markOnce grants each slot exactly once, whoever asks and however many ask at once', async () => {
        const ask = (slots: string[]) => Promise.all(slots.map((slot) => store.markOnce(slot, NOON + DAY_MS))).then((r) => r.filter(Boolean).length);
        expect(await ask(['purge:1', 'purge:1', 'purge:1', 'digest:1'])).toBe(2);
        expect(await ask(['purge:1'])).toBe(0);
        expect(await ask(['purge:2', 'purge:2', 'purge:3'])).toBe(2);
      });

      test('purge removes records, finished claims and aggregates older than the cutoff and counters no longer in force, and keeps the quota', async () => {
        const old = NOON - 40 * DAY_MS;
        await billedCheck(store, { now: old });
        const recent = await billedCheck(store, { now: NOON - DAY_MS, keys: B });
        const report = await store.purge(NOON - 30 * DAY_MS, NOON, () => false);
        // Counters: both days' request and budget counters, the old caller's limits, and B's limits
        // rewritten without yesterday's counts.
        expect(report).toEqual({ consents: 1, verifications: 1, claims: 1, counters: 6, stats: 1, debts: 0 });
        await expect(store.ownRecords(keys().caller)).resolves.toEqual({ verifications: [], consents: [], limits: undefined });
        expect((await store.ownRecords(B.caller)).verifications.map((r) => r.traceId)).toEqual([recent.traceId]);
        await expect(store.readSpend(DAY)).resolves.toEqual({ today: 0, total: 2 });
        await expect(store.readAggregates([beijingDay(old)])).resolves.toEqual(new Map());
        expect(await limitsOf(B.caller)).toMatchObject({ calls: 0, mobiles: {}, identities: { 'person-hash-1': NOON - DAY_MS + IDENTITY_WINDOW_MS } });
      });

      // The sequences: one person on day 0, another on day 25; withdrawals on days 29, 58, 87.
      test('purge takes each hash out of the limits record when its own window ends, whatever else is in the record', async () => {
        const day = (n: number) => NOON + n * DAY_MS;
        const purgeOn = (n: number) => store.purge(day(n) - 30 * DAY_MS, day(n), () => false);
        await billedCheck(store, { now: day(0), keys: { person: 'person-day-0', mobile: 'mobile-day-0', triple: 't0' } });
        await billedCheck(store, { now: day(25), keys: { person: 'person-day-25', mobile: 'mobile-day-25', triple: 't25' } });
        await purgeOn(26);
        expect(await limitsOf()).toMatchObject({ calls: 0, mobiles: {}, identities: { 'person-day-0': day(30), 'person-day-25': day(55) } });
        await store.withdraw(keys().caller, day(29));
        await purgeOn(31);
        expect((await limitsOf())?.identities).toEqual({ 'person-day-25': day(55) });
        await purgeOn(56);
        expect((await limitsOf())?.identities).toEqual({});
        await store.withdraw(keys().caller, day(58));
        await purgeOn(59);
        expect(await limitsOf()).toMatchObject({ identities: {}, withdrawnAt: day(58) });
        await store.withdraw(keys().caller, day(87));
        await purgeOn(88);
        expect(await limitsOf()).toMatchObject({ identities: {}, mobiles: {}, withdrawnAt: day(87) });
        await purgeOn(118);
        expect(await limitsOf()).toBeUndefined();
      });
    });
  });
}
