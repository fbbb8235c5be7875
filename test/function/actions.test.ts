// The second-round actions through the real handler over the sandbox vendor (docs/contract.md "Actions").
import { generateKeyPairSync } from 'node:crypto';
import {
  cloudPhoneExchange, type Handler, handlerFromEnv, type LogLine,
} from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { openSqliteStore } from '../../local-host/sqliteStore';
import { agreementVersion, checkEvent, person } from '../support/people';
import { phoneOpenapiStandIn, WECHAT_ERRORS } from '../support/phoneOpenapiStandIn';
import { newTestKey, verifyWithExample } from '../token/support';
import { buildAgreement, editionLabel } from '../../src/domain';
import { operatorSettings } from '../../src/settings/operator';
import { agreementEditions } from '../../src/settings/agreementEditions';
import { preAgreed } from '../support/preAgreed';

const CALLER = 'o-actions-caller';
const HASH_SECRET = 'actions-test-secret-0123456789abcdef';
let sandbox: SandboxVendor;

beforeAll(async () => {
  sandbox = await startSandboxVendor();
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.received.length = 0;
});

type Answer = Record<string, unknown> & { ok: boolean; code?: string };
const makeHandler = (env: Record<string, string> = {}, overrides: Parameters<typeof handlerFromEnv>[1] = {}) => {
  const handle: Handler = handlerFromEnv(
    { ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint, MOBILECHECK_HASH_SECRET: HASH_SECRET, ...env },
    { store: preAgreed(openSqliteStore(':memory:')), log: () => undefined, ...overrides },
  );
  return async (event: unknown, caller: string | undefined = CALLER) => (await handle(event, caller)) as unknown as Answer;
};

describe('status', () => {
  test('says not verified before a check and verified with the masked fields after a 01', async () => {
    const ask = makeHandler();
    expect(await ask({ action: 'status' })).toMatchObject({ ok: true, verified: false, phoneSource: 'typed' });
    await ask(checkEvent());
    const status = await ask({ action: 'status' });
    expect(status).toMatchObject({ ok: true, verified: true, masked: { name: '张*', idCard: '11**************2X', mobile: '138****8000' } });
    expect(typeof status.verifiedAt).toBe('number');
    expect(status.token).toBeUndefined();
  });

  test('does not count a 02 as verified', async () => {
    const ask = makeHandler();
    await ask(checkEvent({ mobile: '13800138001' }));
    expect(await ask({ action: 'status' })).toMatchObject({ verified: false });
  });

  test('does not tell one caller about another caller', async () => {
    const ask = makeHandler();
    await ask(checkEvent());
    expect(await ask({ action: 'status' }, 'o-someone-else')).toMatchObject({ verified: false });
  });
});

/** The person agrees on the agreement page: both separate consents, the version in force. */
const agree = async (ask: ReturnType<typeof makeHandler>, caller = CALLER) =>
  (await ask({ action: 'acceptAgreement', agreementVersion, separate: { idCard: true, provision: true } }, caller)).consentId as string;
const withConsent = (consentId: string, overrides: Record<string, unknown> = {}) => checkEvent({ consent: { consentId, thisCheck: true }, ...overrides });

describe('withdrawConsent', () => {
  test('refuses a check on the withdrawn consent, and accepts one on a consent registered afterwards', async () => {
    const ask = makeHandler();
    const before = await agree(ask);
    const withdrawn = await ask({ action: 'withdrawConsent' });
    expect(withdrawn).toMatchObject({ ok: true, withdrawnAt: expect.any(Number), deleted: { verifications: 0, claims: 0 } });
    expect(await ask(withConsent(before))).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', agreementVersion });
    expect(sandbox.received).toHaveLength(0);
    expect(await ask(withConsent(await agree(ask)))).toMatchObject({ ok: true, code: '01' });
  });

  test('deletes the verifications and the cached answer: status says not verified, with no token, and the same check calls the vendor again', async () => {
    const ask = makeHandler({ MOBILECHECK_SIGNING_KEY: newTestKey().privatePem });
    await ask(withConsent(await agree(ask)));
    expect(await ask({ action: 'status' })).toMatchObject({ verified: true, token: expect.any(String) });
    expect(await ask({ action: 'withdrawConsent' })).toMatchObject({ deleted: { verifications: 1, claims: 1 } });
    const status = await ask({ action: 'status' });
    expect(status).toMatchObject({ ok: true, verified: false });
    expect(status).not.toHaveProperty('token');
    const mine = await ask({ action: 'myRecords' });
    expect(mine.records).toEqual([]);
    expect(mine.consents).toEqual([expect.objectContaining({ withdrawnAt: expect.any(Number) })]);
    expect(await ask(withConsent(await agree(ask)))).toMatchObject({ ok: true, cached: false });
    expect(sandbox.received).toHaveLength(2);
  });

  test('logs no masked fields for a check refused because the consent was withdrawn', async () => {
    const lines: LogLine[] = [];
    const ask = makeHandler({}, { log: (line) => lines.push(line) });
    const consentId = await agree(ask);
    await ask({ action: 'withdrawConsent' });
    expect(await ask(withConsent(consentId))).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' });
    const refusal = lines.find((line) => 'outcome' in line && line.outcome === 'CONSENT_REQUIRED');
    expect(refusal).toBeDefined();
    expect(refusal).not.toHaveProperty('masked');
  });

  test('does not affect another caller', async () => {
    const ask = makeHandler();
    const consentId = await agree(ask);
    await ask({ action: 'withdrawConsent' }, 'o-other');
    expect(await ask(withConsent(consentId))).toMatchObject({ ok: true });
  });
});

describe('myRecords and deleteMyRecords', () => {
  test('lists the caller\'s own checks newest first with every stored field, the consents with the function\'s time and edition, and the limits in counts', async () => {
    const ask = makeHandler();
    const consentId = await agree(ask);
    await ask(withConsent(consentId, { mobile: '13800138001' }));
    await ask(withConsent(consentId));
    await ask(checkEvent(), 'o-other');
    const mine = await ask({ action: 'myRecords' });
    const records = mine.records as Record<string, unknown>[];
    expect(records.map((r) => r.code)).toEqual(['01', '02']);
    expect(records[0]).toEqual({
      at: expect.any(Number), code: '01', verified: true, masked: { name: '张*', idCard: '11**************2X', mobile: '138****8000' },
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/), carrier: '移动', phone: 'typed', provider: 'aliyun-market', edition: editionLabel(agreementVersion, agreementEditions),
    });
    expect(mine.consents).toEqual([{ consentId, acceptedAt: expect.any(Number), edition: editionLabel(agreementVersion, agreementEditions), agreementVersion }]);
    expect(mine.limits).toEqual({ keptUntil: expect.any(Number), checksToday: 2, identities30Days: 1 });
    expect(JSON.stringify(mine)).not.toContain(person.idCard);
    expect(JSON.stringify(mine)).not.toContain(person.mobile);
  });

  test('deletes the caller\'s records, after which myRecords holds only the limits and status is not verified', async () => {
    const ask = makeHandler();
    await ask(withConsent(await agree(ask)));
    expect(await ask({ action: 'deleteMyRecords' })).toMatchObject({ ok: true, deleted: { consents: 2, verifications: 1 } });
    expect(await ask({ action: 'myRecords' })).toMatchObject({ records: [], consents: [], limits: { checksToday: 1, identities30Days: 1 } });
    expect(await ask({ action: 'status' })).toMatchObject({ verified: false });
  });

  test('does not reset a limit by deleting', async () => {
    const ask = makeHandler({ MOBILECHECK_CALLER_DAILY_LIMIT: '1' });
    await ask(withConsent(await agree(ask)));
    await ask({ action: 'deleteMyRecords' });
    expect(await ask(withConsent(await agree(ask), { mobile: '13900139000' }))).toMatchObject({ ok: false, code: 'RATE_LIMITED', limit: 'caller' });
  });
});

describe('admin-only and unknown actions', () => {
  test('answers stats with FORBIDDEN to a caller who is not an admin', async () => {
    expect(await makeHandler({ MOBILECHECK_ADMIN_OPENIDS: 'o-admin' })({ action: 'stats' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('answers stats to an admin, with INVALID_REQUEST for days outside 1–90', async () => {
    const ask = makeHandler({ MOBILECHECK_ADMIN_OPENIDS: `o-admin, ${CALLER}` });
    expect(await ask({ action: 'stats', days: 30 })).toMatchObject({ ok: true, days: expect.any(Array) });
    expect(((await ask({ action: 'stats', days: 30 })).days as unknown[]).length).toBe(30);
    expect(await ask({ action: 'stats', days: 91 })).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  });

  test.each([['an unknown action', { action: 'purge' }], ['a non-string action', { action: 1 }]])('answers %s with INVALID_REQUEST', async (_what, event) => {
    expect(await makeHandler()(event)).toMatchObject({ ok: false, code: 'INVALID_REQUEST', traceId: expect.any(String) });
  });

  test('counts the caller\'s own actions against the daily request cap, so they cannot burn database writes', async () => {
    const ask = makeHandler({ MOBILECHECK_REQUEST_DAILY_LIMIT: '3' });
    for (let i = 0; i < 3; i += 1) expect(await ask({ action: 'withdrawConsent' })).toMatchObject({ ok: true });
    expect(await ask({ action: 'withdrawConsent' })).toMatchObject({ ok: false, code: 'RATE_LIMITED', limit: 'requests' });
    expect(await ask({ action: 'myRecords' })).toMatchObject({ ok: false, code: 'RATE_LIMITED', limit: 'requests' });
    expect(await ask({ action: 'status' }, 'o-someone-else')).toMatchObject({ ok: true });
  });

  test('answers every action without a caller with UNAUTHENTICATED', async () => {
    const ask = makeHandler();
    for (const action of ['status', 'withdrawConsent', 'myRecords', 'deleteMyRecords', 'stats']) {
      expect(await ask({ action }, '')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    }
  });
});

describe('signed result', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signing = { MOBILECHECK_SIGNING_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), MOBILECHECK_SIGNING_KEY_ID: 'k1' };
  const publicKeys = { k1: publicKey.export({ format: 'pem', type: 'spki' }).toString() };

  test('gives a 01 a token the operator verifies with the public key alone, with claims matching the answer', async () => {
    const answer = await makeHandler(signing)(checkEvent());
    expect(typeof answer.token).toBe('string');
    expect(answer.tokenExpiresAt).toBeGreaterThan(Date.now());
    const [verdict] = verifyWithExample({ publicKeys, issuer: 'mobileCheck', cases: [{ token: String(answer.token), openid: CALLER }] });
    expect(verdict).toMatchObject({ ok: true, payload: { sub: CALLER, jti: answer.traceId, verified: true, code: '01', masked: answer.masked, phone: 'typed' } });
  });

  test('gives no token to a 02, and a fresh one from status after a 01', async () => {
    const ask = makeHandler(signing);
    expect((await ask(checkEvent({ mobile: '13800138001' }))).token).toBeUndefined();
    await ask(checkEvent());
    const status = await ask({ action: 'status' });
    const [verdict] = verifyWithExample({ publicKeys, cases: [{ token: String(status.token), openid: CALLER }] });
    expect(verdict).toMatchObject({ ok: true, payload: { jti: status.traceId } });
  });

  test('answers SERVICE_MISCONFIGURED for a malformed key before any vendor call', async () => {
    expect(await makeHandler({ MOBILECHECK_SIGNING_KEY: 'not a key' })(checkEvent())).toMatchObject({ ok: false, code: 'SERVICE_MISCONFIGURED' });
    expect(sandbox.received).toHaveLength(0);
  });
});

describe('the phone proven by WeChat', () => {
  const wechatEvent = (phoneCode: string) => ({ name: person.name, idCard: person.idCard, phoneCode, consent: checkEvent().consent });
  const withPhones = () => {
    const standIn = phoneOpenapiStandIn({
      'code-ok': { purePhoneNumber: person.mobile },
      'code-invalid': WECHAT_ERRORS.invalidCode,
      'code-quota': WECHAT_ERRORS.quotaUsedUp,
      'code-busy': WECHAT_ERRORS.systemBusy,
      'code-virtual': { purePhoneNumber: '17012345678' },
    });
    // The wechat edition of the text is a version of its own (the phone source is part of it).
    const store = preAgreed(openSqliteStore(':memory:'), buildAgreement(operatorSettings, { phoneSource: 'wechat' }).version);
    return { standIn, ask: makeHandler({ MOBILECHECK_PHONE_SOURCE: 'wechat' }, { phone: cloudPhoneExchange(standIn.openapi), store }) };
  };

  test('checks the number WeChat gives for the code, and says phone "wechat" in status', async () => {
    const { ask } = withPhones();
    expect(await ask(wechatEvent('code-ok'))).toMatchObject({ ok: true, code: '01', masked: { mobile: '138****8000' } });
    expect(sandbox.received[0].query.mobile).toBe(person.mobile);
    expect(await ask({ action: 'status' })).toMatchObject({ verified: true, phoneSource: 'wechat' });
  });

  test.each([
    ['an invalid code', 'code-invalid', 'PHONE_CODE_INVALID'],
    ['a used-up phone quota', 'code-quota', 'PHONE_QUOTA_EXHAUSTED'],
    ['WeChat being busy', 'code-busy', 'PHONE_UNAVAILABLE'],
    ['a virtual-operator number', 'code-virtual', 'INVALID_MOBILE'],
  ])('answers %s with its code and never reaches the vendor', async (_what, code, expected) => {
    const { ask } = withPhones();
    expect(await ask(wechatEvent(code))).toMatchObject({ ok: false, code: expected });
    expect(sandbox.received).toHaveLength(0);
  });

  test('refuses a check without a phone code, and ignores a typed mobile', async () => {
    const { ask, standIn } = withPhones();
    expect(await ask({ ...checkEvent() })).toMatchObject({ ok: false, code: 'PHONE_CODE_INVALID' });
    expect(standIn.calls()).toBe(0);
    expect(sandbox.received).toHaveLength(0);
  });
});

describe('the phone exchange after the request cap (issue 16, point 1)', () => {
  test('a caller over the request cap causes no getPhoneNumber call, and refused exchanges count as requests', async () => {
    const standIn = phoneOpenapiStandIn({ 'code-invalid': WECHAT_ERRORS.invalidCode });
    const ask = makeHandler({ MOBILECHECK_PHONE_SOURCE: 'wechat', MOBILECHECK_REQUEST_DAILY_LIMIT: '3' }, { phone: cloudPhoneExchange(standIn.openapi) });
    const wechatEvent = { name: person.name, idCard: person.idCard, phoneCode: 'code-invalid', consent: checkEvent().consent };
    const answers = [];
    for (let i = 0; i < 200; i += 1) answers.push(await ask(wechatEvent));
    expect(answers.slice(0, 3).map((a) => a.code)).toEqual(['PHONE_CODE_INVALID', 'PHONE_CODE_INVALID', 'PHONE_CODE_INVALID']);
    expect(new Set(answers.slice(3).map((a) => a.code))).toEqual(new Set(['RATE_LIMITED']));
    expect(standIn.calls()).toBe(3);
    // The refused exchanges used up the cap: the caller's other actions are refused too.
    expect(await ask({ action: 'status' })).toMatchObject({ ok: false, code: 'RATE_LIMITED', limit: 'requests' });
  });
});

describe('rights that need only the store and the hash key (issue 16, point 4)', () => {
  test.each([
    ['MOBILECHECK_DAILY_BUDGET=0', { MOBILECHECK_DAILY_BUDGET: '0' }],
    ['MOBILECHECK_TOKEN_TTL_SECONDS=30', { MOBILECHECK_TOKEN_TTL_SECONDS: '30' }],
    ['an unreadable MOBILECHECK_ADMIN_OPENIDS', { MOBILECHECK_ADMIN_OPENIDS: 'o-admin-a;o-admin-b' }],
  ])('with %s, status, myRecords, withdrawConsent and deleteMyRecords still answer', async (_what, env) => {
    const ask = makeHandler(env);
    for (const action of ['status', 'myRecords', 'withdrawConsent', 'deleteMyRecords']) {
      expect(await ask({ action })).toMatchObject({ ok: true });
    }
  });

  test('MOBILECHECK_DAILY_BUDGET=0 stops spending: a check answers BUDGET_EXHAUSTED without a vendor call', async () => {
    expect(await makeHandler({ MOBILECHECK_DAILY_BUDGET: '0' })(checkEvent())).toMatchObject({ ok: false, code: 'BUDGET_EXHAUSTED' });
    expect(sandbox.received).toHaveLength(0);
  });
});

describe('settings, stricter (issue 16, point 5)', () => {
  const logged = (env: Record<string, string>) => {
    const lines: LogLine[] = [];
    return { lines, ask: makeHandler(env, { log: (line) => lines.push(line) }) };
  };

  test.each(['o-admin-a;o-admin-b', 'o-admin-a o-admin-b', 'o-admin-a，o-admin-b', '["o-admin-a","o-admin-b"]'])(
    'MOBILECHECK_ADMIN_OPENIDS=%p: stats answers SERVICE_MISCONFIGURED with an error line naming the setting',
    async (value) => {
      const { lines, ask } = logged({ MOBILECHECK_ADMIN_OPENIDS: value });
      expect(await ask({ action: 'stats' }, 'o-admin-a')).toMatchObject({ ok: false, code: 'SERVICE_MISCONFIGURED' });
      expect(lines).toContainEqual(expect.objectContaining({ level: 'error', action: 'stats', detail: expect.stringMatching(/MOBILECHECK_ADMIN_OPENIDS/) }));
    },
  );

  test('a misspelt MOBILECHECK_* name gives one warn line at load naming it, and not its value', () => {
    const { lines } = logged({ MOBILECHECK_DAILY_BUGDET: '50' });
    expect(lines).toEqual([{ level: 'warn', event: 'unknownSetting', name: 'MOBILECHECK_DAILY_BUGDET' }]);
  });

  test.each([['MOBILECHECK_CALLER_DAILY_LIMIT', '0x10'], ['MOBILECHECK_DAILY_BUDGET', '1e3'], ['MOBILECHECK_HASH_SECRET', 'a'.repeat(32)]])(
    '%s=%p is unreadable: a check answers SERVICE_MISCONFIGURED before any vendor call',
    async (name, value) => {
      expect(await makeHandler({ [name]: value })(checkEvent())).toMatchObject({ ok: false, code: 'SERVICE_MISCONFIGURED' });
      expect(sandbox.received).toHaveLength(0);
    },
  );
});
