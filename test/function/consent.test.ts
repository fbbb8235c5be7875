// Consent registered by the function and confirmed for each check (docs/contract.md "Consent"), and
// the guardian rule (PIPL art. 31), through the real handler over the sandbox vendor.
import { type Handler, handlerFromEnv } from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { openSqliteStore, type SqliteStore } from '../../local-host/sqliteStore';
import { editionLabel, MINOR_MESSAGE } from '../../src/domain';
import { agreementEditions } from '../../src/settings/agreementEditions';
import { agreementVersion, checkEvent, idCardAged, oldConsent } from '../support/people';

const CALLER = 'o-consent-caller';
const NOW = Date.UTC(2026, 11, 4, 4, 0, 0);
let sandbox: SandboxVendor;
let store: SqliteStore;
let ask: (event: unknown, caller?: string) => Promise<Record<string, unknown>>;
let clock: number;

beforeAll(async () => {
  sandbox = await startSandboxVendor();
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.received.length = 0;
  clock = NOW;
  store = openSqliteStore(':memory:');
  const handle: Handler = handlerFromEnv(
    { ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint, MOBILECHECK_HASH_SECRET: 'consent-test-secret-0123456789abcdef', MOBILECHECK_REQUEST_DAILY_LIMIT: '4' },
    { store, log: () => undefined, clock: { now: () => clock } },
  );
  ask = async (event, caller = CALLER) => (await handle(event, caller)) as unknown as Record<string, unknown>;
});
afterEach(() => store.close());

const BOTH = { idCard: true, provision: true };
const accept = (separate: unknown = BOTH, version: unknown = agreementVersion) => ({ action: 'acceptAgreement', agreementVersion: version, separate });
const confirmed = (consentId: unknown, overrides: Record<string, unknown> = {}) => checkEvent({ consent: { consentId, thisCheck: true }, ...overrides });

describe('acceptAgreement', () => {
  test('registers the consent on the function\'s clock and answers its id, version and edition', async () => {
    const answer = await ask(accept());
    expect(answer).toEqual({
      ok: true, consentId: expect.stringMatching(/^[0-9a-f]{32}$/), acceptedAt: NOW, agreementVersion, edition: editionLabel(agreementVersion, agreementEditions), traceId: expect.any(String),
    });
    expect(answer.edition).not.toMatch(/未登记/);
    expect(await ask(confirmed(answer.consentId))).toMatchObject({ ok: true, code: '01' });
  });

  test.each([
    ['no separate consent at all', null, agreementVersion],
    ['the ID number\'s separate consent missing', { provision: true }, agreementVersion],
    ['the provision\'s separate consent false', { idCard: true, provision: false }, agreementVersion],
    ['a separate consent that is only truthy', { idCard: 'yes', provision: 1 }, agreementVersion],
    ['another version of the text', BOTH, '0000000000000000'],
  ])('answers CONSENT_REQUIRED with the version in force for %s, and registers nothing', async (_label, separate, version) => {
    expect(await ask(accept(separate, version))).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', agreementVersion });
    expect(store.dump().consents).toEqual([]);
  });

  test('counts against the caller\'s daily request cap like every action', async () => {
    for (let i = 0; i < 4; i += 1) expect(await ask(accept())).toMatchObject({ ok: true });
    expect(await ask(accept())).toMatchObject({ ok: false, code: 'RATE_LIMITED', limit: 'requests' });
  });
});

describe('a check\'s consent', () => {
  test('is refused in the old shape (the device\'s clock and version), however it is dated, with no vendor call', async () => {
    for (const acceptedAt of [NOW - 60_000, NOW + 4 * 60_000]) {
      expect(await ask(checkEvent({ consent: { ...oldConsent, acceptedAt } }))).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', agreementVersion });
    }
    expect(sandbox.received).toHaveLength(0);
  });

  test('needs the confirmation of this check: thisCheck other than true is refused', async () => {
    const { consentId } = await ask(accept());
    for (const thisCheck of [undefined, false, 'true', 1]) {
      expect(await ask(checkEvent({ consent: { consentId, thisCheck } }))).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' });
    }
    expect(sandbox.received).toHaveLength(0);
  });

  test('must be this caller\'s: another caller\'s consent id is refused', async () => {
    const { consentId } = await ask(accept(), 'o-someone-else');
    expect(await ask(confirmed(consentId))).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', agreementVersion });
    expect(sandbox.received).toHaveLength(0);
  });

  test('must exist: an id the function never gave is refused', async () => {
    expect(await ask(confirmed('0123456789abcdef0123456789abcdef'))).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' });
  });

  test('must be for the text in force: a consent registered for an earlier edition is refused', async () => {
    await store.recordAgreement({ kind: 'agreement', consentId: 'e'.repeat(32), traceId: 't', caller: '', triple: '', agreementVersion: 'older', acceptedAt: NOW, at: NOW });
    const { consentId } = await ask(accept());
    const dump = store.dump().consents as { caller: string }[];
    await store.recordAgreement({ kind: 'agreement', consentId: 'f'.repeat(32), traceId: 't2', caller: dump[1].caller, triple: '', agreementVersion: '84c834e11219c35e', acceptedAt: NOW, at: NOW });
    expect(await ask(confirmed('f'.repeat(32)))).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', agreementVersion });
    expect(await ask(confirmed(consentId))).toMatchObject({ ok: true });
  });

  test('is not kept alive by a fast device clock after a withdrawal: only a consent registered later works', async () => {
    const { consentId } = await ask(accept());
    clock += 1_000;
    await ask({ action: 'withdrawConsent' });
    clock += 1_000;
    expect(await ask(confirmed(consentId))).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' });
    expect(sandbox.received).toHaveLength(0);
  });
});

describe('a consent\'s lifetime', () => {
  test('ends with its record: after the retention purge the next check asks for the agreement again', async () => {
    const { consentId } = await ask(accept());
    clock += 31 * 86_400_000;
    await store.purge(clock - 30 * 86_400_000, clock, () => false);
    expect(await ask(confirmed(consentId))).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', agreementVersion });
    expect(await ask(confirmed((await ask(accept())).consentId))).toMatchObject({ ok: true });
  });
});

describe('minors (PIPL art. 31)', () => {
  test('refuses the ID of someone under 14 on the Beijing date with MINOR_NEEDS_GUARDIAN, before the store and the vendor', async () => {
    const { consentId } = await ask(accept());
    const before = JSON.stringify(store.dump().counters);
    const answer = await ask(confirmed(consentId, { idCard: idCardAged(NOW, 13) }));
    expect(answer).toMatchObject({ ok: false, code: 'MINOR_NEEDS_GUARDIAN', field: 'idCard', message: MINOR_MESSAGE });
    expect(JSON.stringify(store.dump().counters)).toBe(before);
    expect(sandbox.received).toHaveLength(0);
  });

  test('checks someone who turned 14 today', async () => {
    const { consentId } = await ask(accept());
    expect(await ask(confirmed(consentId, { idCard: idCardAged(NOW, 14) }))).toMatchObject({ ok: true });
  });
});
