import { vendorStatus, VENDOR_STATUS_CODES, type CheckResponse } from '../../src/domain';
import { type CheckLogLine, type Handler, handlerFromEnv } from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxVendor, type SandboxFault, type SandboxVendor } from '../../local-host/sandboxVendor';
import { openSqliteStore } from '../../local-host/sqliteStore';
import { agreementVersion, checkEvent, mobileEndingIn, person, rawValues } from '../support/people';
import { preAgreed } from '../support/preAgreed';

const APP_CODE = 'marker0appcode0f3c9d2b7a6e5f4d3c2b';
const CALLER = 'o-test-caller';
const TIMEOUT_MS = 400;

let sandbox: SandboxVendor;
let logs: CheckLogLine[];
let handle: Handler;
const responses: CheckResponse[] = [];
const allLogs: CheckLogLine[] = [];
const record = (line: CheckLogLine) => {
  logs.push(line);
  allLogs.push(line);
};

// Checks are recorded now: each handler gets a hash secret and a fresh store, so answers cached and
// limits counted in one test do not carry into the next.
const HASH_SECRET = 'handler-test-secret-0123456789abcdef';
const freshStore = () => preAgreed(openSqliteStore(':memory:'));

function makeHandler(env: Record<string, string | undefined> = {}): Handler {
  const inner = handlerFromEnv(
    { ALIYUN_APPCODE: APP_CODE, MOBILECHECK_ENDPOINT: sandbox.endpoint, MOBILECHECK_TIMEOUT_MS: String(TIMEOUT_MS), MOBILECHECK_HASH_SECRET: HASH_SECRET, ...env },
    { log: record, store: freshStore() },
  );
  return async (event, caller) => {
    const response = (await inner(event, caller)) as CheckResponse;
    responses.push(response);
    return response;
  };
}

beforeAll(async () => {
  sandbox = await startSandboxVendor({ appCode: APP_CODE, slowMs: 3_000 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  logs = [];
  sandbox.received.length = 0;
  sandbox.setFault(undefined);
  handle = makeHandler();
});

describe('a completed check', () => {
  test('answers 01 as verified with carrier, masked fields and a trace id', async () => {
    const response = await handle(checkEvent(), CALLER);
    expect(response).toEqual({
      ok: true,
      verified: true,
      code: '01',
      message: vendorStatus('01').message,
      carrier: '移动',
      masked: { name: '张*', idCard: '11**************2X', mobile: '138****8000' },
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      cached: false,
      provider: 'aliyun-market',
    });
  });

  test.each(VENDOR_STATUS_CODES.filter((code) => code !== '01'))('answers %s as not verified, with its message', async (code) => {
    const digit = { '02': 1, '202': 2, '203': 3, '204': 4, '205': 5, '206': 6, '207': 7 }[code];
    const response = await handle(checkEvent({ mobile: mobileEndingIn(digit ?? 0) }), CALLER);
    expect(response).toMatchObject({ ok: true, verified: false, code, message: vendorStatus(code).message, carrier: '' });
  });

  test('sends the appCode header and the decoded query the vendor documents', async () => {
    await handle(checkEvent({ name: '买买提·艾力', idCard: '11010519491231002x' }), CALLER);
    expect(sandbox.received).toHaveLength(1);
    const [request] = sandbox.received;
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/mobileCheck');
    expect(request.headers.authorization).toBe(`APPCODE ${APP_CODE}`);
    expect(request.query).toEqual({ name: '买买提·艾力', idCard: '11010519491231002X', mobile: person.mobile });
  });

  test('sends the trimmed values, not what surrounded them', async () => {
    await handle(checkEvent({ name: ' 张三 ', mobile: ' 13800138000' }), CALLER);
    expect(sandbox.received[0].query).toMatchObject({ name: '张三', mobile: '13800138000' });
  });

  test('gives every call its own trace id and logs it once', async () => {
    const first = await handle(checkEvent(), CALLER);
    const second = await handle(checkEvent(), CALLER);
    expect(first.traceId).not.toBe(second.traceId);
    expect(logs.map((line) => line.traceId)).toEqual([first.traceId, second.traceId]);
  });

  test('logs the outcome, vendor HTTP status, latency and masked fields', async () => {
    const response = await handle(checkEvent(), CALLER);
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'info', event: 'mobileCheck', traceId: response.traceId, outcome: '01', vendorHttpStatus: 200,
        latencyMs: expect.any(Number), masked: { name: '张*', idCard: '11**************2X', mobile: '138****8000' },
      }),
    ]);
  });
});

describe('refusals before the vendor', () => {
  test.each<[string, unknown, string, string | undefined]>([
    ['a missing name', checkEvent({ name: undefined }), 'INVALID_NAME', 'name'],
    ['a name in latin letters', checkEvent({ name: 'Zhang San' }), 'INVALID_NAME', 'name'],
    ['an ID with a wrong check digit', checkEvent({ idCard: '110105194912310021' }), 'INVALID_ID_CARD', 'idCard'],
    ['an ID born on 1999-02-30', checkEvent({ idCard: '110105199902300012' }), 'INVALID_ID_CARD', 'idCard'],
    ['a 10-digit mobile', checkEvent({ mobile: '1380013800' }), 'INVALID_MOBILE', 'mobile'],
    ['a virtual-operator mobile', checkEvent({ mobile: '17012345678' }), 'INVALID_MOBILE', 'mobile'],
    ['a number where the name belongs', checkEvent({ name: 42 }), 'INVALID_REQUEST', undefined],
    ['an array event', [person], 'INVALID_REQUEST', undefined],
    ['a null event', null, 'INVALID_REQUEST', undefined],
    ['a 10 000-character name', checkEvent({ name: '张'.repeat(10_000) }), 'INVALID_REQUEST', undefined],
  ])('refuses %s with its code and makes no vendor call', async (_label, event, code, field) => {
    const response = (await handle(event, CALLER)) as CheckResponse;
    expect(response).toMatchObject({ ok: false, code });
    expect(response.ok === false && response.field).toBe(field ?? undefined);
    expect(response.message).toMatch(/[\u4e00-\u9fff]/);
    expect(sandbox.received).toHaveLength(0);
  });

  test.each<[string, unknown]>([
    ['missing', undefined],
    ['refused', { agreementVersion, accepted: false }],
    ['accepted as the string "true"', { agreementVersion, accepted: 'true' }],
    ['for an outdated agreement version', { agreementVersion: '0000000000000000', accepted: true }],
  ])('answers CONSENT_REQUIRED with the current version when consent is %s', async (_label, consent) => {
    const response = await handle(checkEvent({ consent }), CALLER);
    expect(response).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', agreementVersion });
    expect(sandbox.received).toHaveLength(0);
  });

  test('answers UNAUTHENTICATED without a caller, even when the event names one', async () => {
    const response = await handle(checkEvent({ openid: 'o-forged', OPENID: 'o-forged', userInfo: { openId: 'o-forged' } }), undefined);
    expect(response).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(sandbox.received).toHaveLength(0);
  });

  test('checks identity before the shape of the event', async () => {
    expect(await handle('not an event', undefined)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  test('checks the fields before consent, so a person fixes typos first', async () => {
    expect(await handle(checkEvent({ mobile: '123', consent: undefined }), CALLER)).toMatchObject({ code: 'INVALID_MOBILE' });
  });

  test('answers SERVICE_MISCONFIGURED without an appCode and calls nobody', async () => {
    const response = await makeHandler({ ALIYUN_APPCODE: '' })(checkEvent(), CALLER);
    expect(response).toMatchObject({ ok: false, code: 'SERVICE_MISCONFIGURED' });
    expect(sandbox.received).toHaveLength(0);
  });

  test('answers SERVICE_MISCONFIGURED for an unreadable timeout setting instead of crashing', async () => {
    const response = await makeHandler({ MOBILECHECK_TIMEOUT_MS: 'soon' })(checkEvent(), CALLER);
    expect(response).toMatchObject({ ok: false, code: 'SERVICE_MISCONFIGURED' });
    expect(sandbox.received).toHaveLength(0);
  });
});

describe('vendor faults', () => {
  test.each<[SandboxFault, string]>([
    ['slow', 'VENDOR_TIMEOUT'],
    ['quotaExhausted', 'VENDOR_QUOTA_EXHAUSTED'],
    ['throttled', 'VENDOR_THROTTLED'],
    ['invalidAppCode', 'SERVICE_MISCONFIGURED'],
    ['serverError', 'VENDOR_UNAVAILABLE'],
    ['gatewayError', 'VENDOR_UNAVAILABLE'],
    ['htmlBody', 'VENDOR_BAD_RESPONSE'],
    ['truncatedJson', 'VENDOR_BAD_RESPONSE'],
    ['unknownStatus', 'VENDOR_BAD_RESPONSE'],
    ['oversizedBody', 'VENDOR_BAD_RESPONSE'],
    ['oversizedErrorPage', 'VENDOR_UNAVAILABLE'],
    ['connectionReset', 'VENDOR_UNAVAILABLE'],
  ])('maps the %s fault to %s after exactly one vendor request', async (fault, code) => {
    sandbox.setFault(fault);
    const started = Date.now();
    const response = await handle(checkEvent(), CALLER);
    expect(response).toMatchObject({ ok: false, code });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_000);
    expect(sandbox.received).toHaveLength(1);
    // The appCode and the bought package are the operator's to fix: those are errors, the rest warnings.
    const level = code === 'SERVICE_MISCONFIGURED' || code === 'VENDOR_QUOTA_EXHAUSTED' ? 'error' : 'warn';
    expect(logs[0]).toMatchObject({ level, outcome: code });
  });

  test('answers VENDOR_UNAVAILABLE when nothing listens at the endpoint', async () => {
    const response = await makeHandler({ MOBILECHECK_ENDPOINT: 'http://127.0.0.1:9/mobileCheck' })(checkEvent(), CALLER);
    expect(response).toMatchObject({ ok: false, code: 'VENDOR_UNAVAILABLE' });
  });

  test('answers the gateway rejecting the appCode as SERVICE_MISCONFIGURED', async () => {
    const response = await makeHandler({ ALIYUN_APPCODE: 'some-other-appcode' })(checkEvent(), CALLER);
    expect(response).toMatchObject({ ok: false, code: 'SERVICE_MISCONFIGURED' });
    expect(logs[0]).toMatchObject({ level: 'error', vendorHttpStatus: 400, billing: 'not-billed' });
  });

  test('logs a timeout as possibly billed', async () => {
    sandbox.setFault('slow');
    await handle(checkEvent(), CALLER);
    expect(logs[0]).toMatchObject({ outcome: 'VENDOR_TIMEOUT', billing: 'unknown' });
  });

  test('answers INTERNAL for an unexpected failure without repeating its message', async () => {
    const failing = handlerFromEnv({ MOBILECHECK_HASH_SECRET: HASH_SECRET }, {
      store: freshStore(),
      providers: [{ id: 'aliyun-market', ask: () => Promise.reject(new TypeError(`boom ${person.idCard}`)) }],
      log: record,
    });
    const response = (await failing(checkEvent(), CALLER)) as CheckResponse;
    responses.push(response);
    expect(response).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(response) + JSON.stringify(logs)).not.toContain(person.idCard);
  });
});

describe('what leaves the function', () => {
  // Runs last: scans every response and log line that the tests above produced.
  test('no response or log line holds a raw name, ID, mobile or the appCode', () => {
    expect(responses.length).toBeGreaterThan(30);
    expect(allLogs.length).toBe(responses.length);
    const everything = JSON.stringify(responses) + JSON.stringify(allLogs);
    const secrets = [...rawValues(), '11010519491231002x', '买买提·艾力', APP_CODE];
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });

  test('never returns a stack trace or the vendor body', () => {
    const text = JSON.stringify(responses);
    expect(text).not.toMatch(/\bat \S+ \(|Error:|<html|维护中|status":"09/);
  });
});
