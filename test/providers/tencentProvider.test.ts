// tencent-faceid over real HTTP against the loopback stand-in: every documented Result, a refused
// signature, the digests of the normalised fields, and not one raw byte of the three fields on the wire.
import { createHash } from 'node:crypto';
import { handlerFromEnv, type LogLine, tencentFaceidProvider } from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxTencent, type TencentSandbox } from '../../local-host/sandboxTencent';
import { openSqliteStore } from '../../local-host/sqliteStore';
import { checkEvent, mobileEndingIn, person } from '../support/people';
import { sandboxEnv } from '../guards/support';
import { preAgreed } from '../support/preAgreed';
import { SAME_AGREEMENT } from '../support/providers';

let sandbox: TencentSandbox;
beforeAll(async () => {
  sandbox = await startSandboxTencent();
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.setFault(undefined));

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const provider = (overrides: { secretKey?: string; now?: () => number } = {}) => tencentFaceidProvider({
  endpoint: sandbox.endpoint, secretId: sandbox.env.MOBILECHECK_TENCENT_SECRET_ID, secretKey: sandbox.env.MOBILECHECK_TENCENT_SECRET_KEY,
  timeoutMs: 1_000, maxResponseBytes: 16 * 1024, ...overrides,
});

describe('a call to tencent-faceid', () => {
  test('posts EncryptedPhoneVerification, version 2018-03-01, EncryptionMode "2" and the three lowercase SHA-256 digests', async () => {
    sandbox.received.length = 0;
    await provider().ask(person);
    const [request] = sandbox.received;
    expect(request).toMatchObject({ method: 'POST', path: '/' });
    expect(request.headers).toMatchObject({ 'x-tc-action': 'EncryptedPhoneVerification', 'x-tc-version': '2018-03-01', 'content-type': 'application/json; charset=utf-8' });
    expect(JSON.parse(request.body)).toEqual({ IdCard: sha('11010519491231002X'), Name: sha('张三'), Phone: sha('13800138000'), EncryptionMode: '2' });
  });

  test.each([
    ['0', 0, { kind: 'status', status: '01', billing: 'billed', carrier: '移动' }],
    ['-4', 1, { kind: 'status', status: '02', billing: 'billed' }],
    ['-9', 2, { kind: 'status', status: '202', billing: 'not-billed' }],
    ['-7', 5, { kind: 'status', status: '205', billing: 'not-billed' }],
  ])('gives the answer of Result %s', async (_result, digit, expected) => {
    const fields = { ...person, mobile: mobileEndingIn(digit) };
    sandbox.learn(fields);
    expect(await provider().ask(fields)).toMatchObject(expected);
  });

  test('gives Result -11 (busy) as VENDOR_UNAVAILABLE, not billed', async () => {
    sandbox.setFault('gatewayError');
    expect(await provider().ask(person)).toMatchObject({ kind: 'refusal', code: 'VENDOR_UNAVAILABLE', billing: 'not-billed', detail: 'Result -11' });
  });

  test('is refused with AuthFailure.SignatureFailure when signed with another key, and answers SERVICE_MISCONFIGURED', async () => {
    const before = sandbox.signatureFailures();
    expect(await provider({ secretKey: 'not-the-secret-key-0000000000000' }).ask(person))
      .toEqual({ kind: 'refusal', code: 'SERVICE_MISCONFIGURED', billing: 'not-billed', httpStatus: 200, detail: 'error AuthFailure.SignatureFailure' });
    expect(sandbox.signatureFailures()).toBe(before + 1);
  });

  test('is refused with AuthFailure.SignatureExpire when the clock is 10 minutes off', async () => {
    expect(await provider({ now: () => Date.now() - 600_000 }).ask(person)).toMatchObject({ code: 'SERVICE_MISCONFIGURED', detail: 'error AuthFailure.SignatureExpire' });
  });
});

describe('the handler with tencent-faceid as its only provider', () => {
  const lines: LogLine[] = [];

  test('digests the normalised fields: an ID number typed with a lower-case x and a mobile with +86 and spaces match', async () => {
    const handler = handlerFromEnv(sandboxEnv(sandbox, {}), { store: preAgreed(openSqliteStore(':memory:')), log: (line) => lines.push(line), ...SAME_AGREEMENT });
    const typed = { name: ' 张三 ', idCard: '11010519491231002x', mobile: '+86 138 0013 8000' };
    sandbox.learn(typed);
    const mismatches = sandbox.digestMismatches();
    const response = await handler(checkEvent(typed), 'o-tencent-normalised');
    expect(response).toMatchObject({ ok: true, code: '01', provider: 'tencent-faceid', carrier: '移动' });
    expect(sandbox.digestMismatches()).toBe(mismatches);
    expect(JSON.parse(sandbox.received.at(-1)?.body ?? '')).toMatchObject({ IdCard: sha('11010519491231002X'), Phone: sha('13800138000'), Name: sha('张三') });
  });

  test('sends not one raw name, ID number or mobile, nor the secret key, in any byte of any request', async () => {
    const people = [person, { name: '买买提·艾力', idCard: '65010219800101001X', mobile: '13912345671' }, { name: '欧阳娜娜', idCard: '110105194912310029', mobile: '15012345675' }];
    for (const [i, p] of people.entries()) await handlerFromEnv(sandboxEnv(sandbox, {}), { store: preAgreed(openSqliteStore(':memory:')), ...SAME_AGREEMENT })(checkEvent(p), `o-scan-${i}`);
    expect(sandbox.rawRequests.length).toBeGreaterThanOrEqual(people.length);
    const wire = Buffer.concat(sandbox.rawRequests);
    for (const p of people) {
      for (const raw of [p.name, p.idCard, p.idCard.toLowerCase(), p.mobile, p.mobile.slice(3), [...p.name].slice(1).join('')]) {
        expect(wire.includes(Buffer.from(raw, 'utf8'))).toBe(false);
      }
    }
    expect(wire.includes(Buffer.from(sandbox.env.MOBILECHECK_TENCENT_SECRET_KEY))).toBe(false);
  });

  test('logs the provider with each answer', async () => {
    await handlerFromEnv(sandboxEnv(sandbox, {}), { store: preAgreed(openSqliteStore(':memory:')), log: (line) => lines.push(line), ...SAME_AGREEMENT })(checkEvent(), 'o-tencent-log');
    expect(lines.at(-1)).toMatchObject({ event: 'mobileCheck', outcome: '01', provider: 'tencent-faceid', providerCalls: 1, billing: 'billed' });
  });
});

describe('tencent-faceid listed without its secret', () => {
  test('answers every check SERVICE_MISCONFIGURED naming the setting, calls nobody, and keeps the rights actions working', async () => {
    const lines: LogLine[] = [];
    const before = sandbox.received.length;
    const handler = handlerFromEnv(
      { MOBILECHECK_PROVIDERS: 'tencent-faceid', MOBILECHECK_TENCENT_ENDPOINT: sandbox.endpoint, MOBILECHECK_TENCENT_SECRET_ID: 'AKIDonly', MOBILECHECK_HASH_SECRET: 'tencent-missing-secret-0123456789abcdef' },
      { store: preAgreed(openSqliteStore(':memory:')), log: (line) => lines.push(line), ...SAME_AGREEMENT },
    );
    expect(await handler(checkEvent(), 'o-no-key')).toMatchObject({ ok: false, code: 'SERVICE_MISCONFIGURED' });
    expect(lines.at(-1)).toMatchObject({ level: 'error', detail: 'MOBILECHECK_TENCENT_SECRET_KEY is not set' });
    expect(sandbox.received.length).toBe(before);
    expect(await handler({ action: 'myRecords' }, 'o-no-key')).toMatchObject({ ok: true, records: [] });
  });
});
