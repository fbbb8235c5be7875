// What an attacker gets (issue 9): each attack through the real handler and the sandbox vendor, once
// with each store adapter.
import {
  DAY_MS, HOUR_MS, IDENTITY_WINDOW_MS, nextBeijingMidnight, type Store,
} from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { ACCEPTED_AT, agreementVersion, checkEvent, consent, idCardAged, oldConsent, person } from '../support/people';
import { preAgreedIdOf } from '../support/preAgreed';
import { ADAPTERS, callerHash, eventFor, NOON, personNumber, storePerTest, tripleHash } from './support';

const CALLER = 'o-hostile-caller';
const TIMER = { Type: 'Timer', TriggerName: 'retentionPurge', Time: '2025-04-20T03:00:00Z' };

let sandbox: SandboxVendor;
beforeAll(async () => {
  sandbox = await startSandboxVendor();
});
afterAll(() => sandbox.close());

/** The store with every method call counted. */
function counted(store: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const wrapped = Object.fromEntries(Object.entries(store).map(([name, method]) => [name, (...args: unknown[]) => {
    calls.push(name);
    return (method as (...a: unknown[]) => unknown)(...args);
  }])) as unknown as Store;
  return { store: wrapped, calls };
}

/** Rows added or changed since `before` (as JSON), and how many rows went away. */
function changes(before: unknown[], after: unknown[]) {
  const old = new Set(before.map((row) => JSON.stringify(row)));
  const now = new Set(after.map((row) => JSON.stringify(row)));
  return { written: [...now].filter((row) => !old.has(row)), gone: [...old].filter((row) => !now.has(row)).length };
}

describe.each(ADAPTERS)('with the %s store', (_name, openStore) => {
  const t = storePerTest(() => sandbox, openStore);

  test('a stranger cannot lock someone\'s mobile: caller A\'s checks of it, up to and beyond A\'s limits, never refuse caller B\'s check, and B\'s retryAfterSeconds never depends on A', async () => {
    const victim = { name: '王五', idCard: personNumber(40).idCard, mobile: '13912345670' };
    /** B checks their own mobile, fixing typos in the name: three checks, then B's own mobile limit. */
    const victimSession = async (store: Store) => {
      const { check } = t.make({}, store);
      const answers = [];
      for (const name of ['王五', '王武', '王午', '王伍']) {
        const { traceId: _trace, ...answer } = await check(checkEvent({ ...victim, name }), 'o-victim');
        answers.push(answer);
        t.now += 60_000;
      }
      return answers;
    };
    const alone = openStore();
    t.now = NOON + 2 * HOUR_MS;
    const withoutAttack = await victimSession(alone.store);
    alone.close();

    t.now = NOON;
    const attacker = t.make();
    const attack = [
      ...['甲一', '甲二', '甲三', '甲四', '甲五'].map((name) => ({ ...victim, name })),
      ...[41, 42, 43].map((n) => ({ ...victim, idCard: personNumber(n).idCard })),
      victim,
    ];
    const attackAnswers = [];
    for (const fields of attack) attackAnswers.push(await attacker.check(checkEvent(fields), 'o-attacker'));
    expect(attackAnswers.filter((a) => a.code === 'RATE_LIMITED').map((a) => !a.ok && a.limit)).toEqual(expect.arrayContaining(['mobile']));

    t.now = NOON + 2 * HOUR_MS;
    const withAttack = await victimSession(t.opened.store);
    expect(withAttack).toEqual(withoutAttack);
    expect(withAttack.slice(0, 3)).toEqual(Array(3).fill(expect.objectContaining({ ok: true, cached: false })));
    expect(withAttack[3]).toMatchObject({ code: 'RATE_LIMITED', limit: 'mobile', retryAfterSeconds: (nextBeijingMidnight(NOON) - (NOON + 2 * HOUR_MS + 3 * 60_000)) / 1000 });
  });

  test('a 3rd distinct ID number from one caller within 30 days answers RATE_LIMITED with limit "identities"; the same people again are fine', async () => {
    const { check } = t.make();
    expect(await check(eventFor(1), CALLER)).toMatchObject({ ok: true });
    t.now += HOUR_MS;
    expect(await check(eventFor(2), CALLER)).toMatchObject({ ok: true });
    t.now += HOUR_MS;
    const refused = await check(eventFor(3), CALLER);
    expect(refused).toMatchObject({ ok: false, code: 'RATE_LIMITED', limit: 'identities', retryAfterSeconds: (NOON + IDENTITY_WINDOW_MS - t.now) / 1000 });
    expect(refused.message).toContain('不同身份证件号码');
    expect(await check(eventFor(1, { mobile: '13700000010' }), CALLER)).toMatchObject({ ok: true, cached: false });
    expect(await check(eventFor(2, { name: '李思' }), CALLER)).toMatchObject({ ok: true, cached: false });
    expect(await check(eventFor(3), 'o-someone-else')).toMatchObject({ ok: true });
    expect(sandbox.received).toHaveLength(5);
    // Each check of a person keeps them counted for 30 days from then.
    t.now = NOON + 2 * HOUR_MS + IDENTITY_WINDOW_MS - 1;
    expect(await check(eventFor(3), CALLER)).toMatchObject({ limit: 'identities', retryAfterSeconds: 1 });
    t.now += 1;
    expect(await check(eventFor(3), CALLER)).toMatchObject({ ok: true });
  });

  test('past MOBILECHECK_REQUEST_DAILY_LIMIT a caller gets RATE_LIMITED with limit "requests" on every instance until Beijing midnight; others are not affected', async () => {
    const env = { MOBILECHECK_REQUEST_DAILY_LIMIT: '3' };
    const { check } = t.make(env);
    for (let i = 0; i < 3; i += 1) expect(await check(checkEvent(), CALLER)).toMatchObject({ ok: true });
    const refused = await check(checkEvent(), CALLER);
    expect(refused).toMatchObject({ ok: false, code: 'RATE_LIMITED', limit: 'requests', retryAfterSeconds: (nextBeijingMidnight(NOON) - NOON) / 1000 });
    expect(refused.message).toBe('今日请求次数过多，请12小时后再试。');
    expect(await t.make(env, t.opened.another()).check(checkEvent(), CALLER)).toMatchObject({ limit: 'requests' });
    expect(await check(checkEvent(), 'o-someone-else')).toMatchObject({ ok: true });
    t.now = nextBeijingMidnight(NOON);
    expect(await check(checkEvent(), CALLER)).toMatchObject({ ok: true });
  });

  test('a request refused in the store writes only its request counter, and one over the cap writes nothing at all', async () => {
    const env = { MOBILECHECK_CALLER_DAILY_LIMIT: '1', MOBILECHECK_REQUEST_DAILY_LIMIT: '4' };
    const watched = counted(t.opened.store);
    const { check } = t.make(env, watched.store);
    const counter = new RegExp(`r_\\d{8}_${callerHash(CALLER)}`);
    const step = async (event: unknown, expected: object) => {
      const before = t.opened.rows();
      expect(await check(event, CALLER)).toMatchObject(expected);
      return changes(before, t.opened.rows());
    };
    await step(eventFor(1), { ok: true, cached: false });
    for (const [event, expected] of [[eventFor(2), { limit: 'caller' }], [eventFor(1), { cached: true }], [eventFor(2), { limit: 'caller' }]] as const) {
      const { written, gone } = await step(event, expected);
      expect(written).toEqual([expect.stringMatching(counter)]);
      expect(gone).toBe(1);
    }
    for (let i = 0; i < 3; i += 1) expect(await step(eventFor(2), { limit: 'requests' })).toEqual({ written: [], gone: 0 });
    // The first refusal over the cap read the store; this instance then remembers it for the day.
    // (The registered consent is read alongside each `open`.)
    expect(watched.calls.filter((call) => !call.endsWith('Agreement'))).toEqual(['open', 'reserve', 'complete', 'open', 'open', 'open', 'open']);
    const before = t.opened.rows();
    expect(await t.make(env, t.opened.another()).check(eventFor(1), CALLER)).toMatchObject({ limit: 'requests' });
    expect(changes(before, t.opened.rows())).toEqual({ written: [], gone: 0 });
    expect(sandbox.received).toHaveLength(1);
  });

  test('a refusal before the store (invalid field, no consent, a child, no caller) makes no store call and no database call', async () => {
    const watched = counted(t.opened.store);
    const { check } = t.make({}, watched.store);
    const dbCalls = t.opened.db?.calls();
    const refusals = [
      [checkEvent({ name: '张3' }), CALLER, 'INVALID_NAME'],
      [checkEvent({ idCard: '110105194912310021' }), CALLER, 'INVALID_ID_CARD'],
      [checkEvent({ mobile: '14012345678' }), CALLER, 'INVALID_MOBILE'],
      [checkEvent({ consent: undefined }), CALLER, 'CONSENT_REQUIRED'],
      [checkEvent({ consent: oldConsent }), CALLER, 'CONSENT_REQUIRED'],
      [checkEvent({ consent: { ...consent, thisCheck: false } }), CALLER, 'CONSENT_REQUIRED'],
      [checkEvent({ idCard: idCardAged(NOON, 13) }), CALLER, 'MINOR_NEEDS_GUARDIAN'],
      [checkEvent(), undefined, 'UNAUTHENTICATED'],
    ] as const;
    for (const [event, caller, code] of refusals) expect(await check(event, caller)).toMatchObject({ ok: false, code });
    expect(watched.calls).toEqual([]);
    expect(t.opened.db?.calls()).toBe(dbCalls);
    expect(t.opened.rows()).toEqual([]);
  });

  test('no check confirmation is written for a refusal or a cached answer; a billed check writes exactly one, with caller, triple hash, agreement version and acceptedAt', async () => {
    const { check } = t.make({ MOBILECHECK_CALLER_DAILY_LIMIT: '1' });
    const consents = async () => (await t.opened.store.ownRecords(callerHash(CALLER))).consents.filter((c) => c.kind === 'check');
    const billed = await check(checkEvent(), CALLER);
    expect(await consents()).toEqual([{
      kind: 'check', consentId: preAgreedIdOf(callerHash(CALLER)), traceId: billed.traceId, caller: callerHash(CALLER), triple: tripleHash(person), agreementVersion, acceptedAt: ACCEPTED_AT, at: NOON,
    }]);
    expect(await check(checkEvent(), CALLER)).toMatchObject({ cached: true });
    expect(await check(eventFor(2), CALLER)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await check(checkEvent({ name: '1' }), CALLER)).toMatchObject({ code: 'INVALID_NAME' });
    expect(await consents()).toHaveLength(1);
  });

  test('the three spellings 阿卜杜·热合曼 / 阿卜杜•热合曼 / 阿卜杜‧热合曼 are one person and cost one vendor call: the second and third are cached', async () => {
    const { check } = t.make();
    const answers = [];
    for (const name of ['阿卜杜·热合曼', '阿卜杜•热合曼', '阿卜杜‧热合曼']) answers.push(await check(checkEvent({ name }), CALLER));
    expect(answers.map((a) => a.ok && a.cached)).toEqual([false, true, true]);
    expect(sandbox.received.map((r) => r.query.name)).toEqual(['阿卜杜\u00b7热合曼']);
  });

  test('a forged Timer event with no caller runs the purge at most once per hour slot and answers only { ok: true }; with a caller it is an ordinary, invalid check', async () => {
    const watched = counted(t.opened.store);
    const { check, entry, lines } = t.make({}, watched.store);
    await check(checkEvent(), CALLER);
    t.now = NOON + 31 * DAY_MS;
    const purges = () => watched.calls.filter((call) => call === 'purge').length;
    expect(await entry(TIMER, undefined)).toEqual({ ok: true });
    expect(purges()).toBe(1);
    await expect(t.opened.store.ownRecords(callerHash(CALLER))).resolves.toEqual({ verifications: [], consents: [] });
    for (let i = 0; i < 5; i += 1) {
      t.now += 6 * 60_000 - 1; // up to the half hour: still this hour's slot
      expect(await entry(TIMER, undefined)).toEqual({ ok: true });
    }
    expect(purges()).toBe(1);
    t.now = NOON + 31 * DAY_MS + HOUR_MS;
    expect(await entry(TIMER, undefined)).toEqual({ ok: true });
    expect(purges()).toBe(2);
    expect(lines.filter((line) => line.event === 'retentionPurge')).toHaveLength(2);

    expect(await entry(TIMER, CALLER)).toMatchObject({ ok: false, code: 'INVALID_NAME' });
    expect(await entry({ ...TIMER, Type: 'timer' }, undefined)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    t.now += 2 * HOUR_MS;
    expect(await entry(TIMER, CALLER)).toMatchObject({ ok: false, code: 'INVALID_NAME' });
    expect(purges()).toBe(2);
  });

  test('the timer trigger deletes records older than the retention period and keeps newer ones', async () => {
    const { check, entry } = t.make({ MOBILECHECK_RETENTION_DAYS: '30' });
    const old = await check(eventFor(1), CALLER);
    t.now = NOON + 20 * DAY_MS;
    const recent = await check(eventFor(2), CALLER);
    t.now = NOON + 31 * DAY_MS;
    expect(await entry(TIMER, undefined)).toEqual({ ok: true });
    const own = await t.opened.store.ownRecords(callerHash(CALLER));
    expect(own.verifications.map((r) => r.traceId)).toEqual([recent.traceId]);
    expect(own.consents.map((c) => c.traceId)).toEqual([recent.traceId]);
    const oldClaim = { caller: callerHash(CALLER), triple: tripleHash(personNumber(1)), person: '', mobile: '' };
    await expect(t.opened.store.readClaim(oldClaim)).resolves.toBeUndefined();
    expect(old).toMatchObject({ ok: true, cached: false });
  });

  test('the timer trigger refuses to purge when a setting is unreadable, rather than guess the period', async () => {
    const { check } = t.make();
    await check(eventFor(1), CALLER);
    t.now = NOON + 40 * DAY_MS;
    const broken = t.make({ MOBILECHECK_RETENTION_DAYS: 'a month' });
    expect(await broken.entry(TIMER, undefined)).toEqual({ ok: false });
    expect(broken.lines).toEqual([expect.objectContaining({ event: 'retentionPurge', level: 'error' })]);
    expect((await t.opened.store.ownRecords(callerHash(CALLER))).verifications).toHaveLength(1);
  });
});
