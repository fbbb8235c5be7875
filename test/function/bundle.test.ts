import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { agreementVersion, checkEvent, person } from '../support/people';
import { agreedCheck, buildTestBundle, callEventsScript } from '../support/testBundle';

const run = promisify(execFile);
const APP_CODE = 'bundle0appcode0marker0a1b2c3d4e5f6';
let sandbox: SandboxVendor;
let bundle: string;
let standInDatabase: string;

// As the cloud does: a fresh Node process requires index.js and calls main(event, context);
// getWXContext() reads the caller from WX_CONTEXT_KEYS / WX_OPENID.
// A completed check is recorded in the cloud database, which only exists in the cloud: with
// `database: 'stand-in'` the child calls the bundle's createMain (what main is made of) over the
// wx-server-sdk database stand-in of test/store instead of cloud.database().
async function callBundle(event: unknown, env: Record<string, string>, options: { database?: 'stand-in' } = {}) {
  const entry = options.database === 'stand-in'
    ? `require(${JSON.stringify(bundle)}).createMain(() => require(${JSON.stringify(standInDatabase)}).fakeCloudDatabase())`
    : `require(${JSON.stringify(bundle)}).main`;
  const script = callEventsScript(entry);
  // A clean environment, as in the cloud; the cast only quiets Taro's required TARO_ENV typing.
  const childEnv = { PATH: process.env.PATH ?? '', EVENT: JSON.stringify(event), ...env } as unknown as NodeJS.ProcessEnv;
  const { stdout } = await run(process.execPath, ['-e', script], { env: childEnv });
  const resultLine = stdout.split('\n').find((line) => line.startsWith('RESULT '));
  if (!resultLine) throw new Error(`no result in: ${stdout}`);
  return { response: JSON.parse(resultLine.slice(7)), logLines: stdout.split('\n').filter((line) => line.startsWith('{')) };
}

const cloudEnv = () => ({
  WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
  WX_OPENID: 'o-bundle-caller',
  WX_APPID: 'wx0000000000000000',
  ALIYUN_APPCODE: APP_CODE,
  MOBILECHECK_ENDPOINT: sandbox.endpoint,
});

beforeAll(async () => {
  ({ bundle, standInDatabase } = await buildTestBundle());
  sandbox = await startSandboxVendor({ appCode: APP_CODE });
}, 60_000);
afterAll(() => sandbox.close());

describe('the built index.js', () => {
  test('is deployed as index.js beside package.json and config.json', () => {
    const functionDir = path.resolve(__dirname, '../../cloudfunctions/mobileCheck');
    expect(path.basename(bundle)).toBe('index.js');
    expect(require(path.join(functionDir, 'package.json')).main).toBe('index.js');
    expect(require(path.join(functionDir, 'config.json'))).toHaveProperty('permissions');
  });

  test('completes a check against the vendor with the caller from the WeChat context', async () => {
    const { response, logLines } = await callBundle(agreedCheck(checkEvent()), { ...cloudEnv(), MOBILECHECK_HASH_SECRET: 'bundle-secret-0123456789abcdef012345' }, { database: 'stand-in' });
    expect(response).toMatchObject({ ok: true, verified: true, code: '01', masked: { mobile: '138****8000' } });
    expect(sandbox.received.at(-1)?.headers.authorization).toBe(`APPCODE ${APP_CODE}`);
    expect(logLines.map((line) => JSON.parse(line))).toContainEqual(expect.objectContaining({ traceId: response.traceId, outcome: '01' }));
    for (const secret of [person.name, person.idCard, person.mobile, APP_CODE]) {
      expect(JSON.stringify(response) + logLines.join('\n')).not.toContain(secret);
    }
  });

  test('answers UNAUTHENTICATED when the context has no OPENID, whatever the event says', async () => {
    const before = sandbox.received.length;
    const { WX_OPENID: _omitted, ...env } = cloudEnv();
    const { response } = await callBundle(checkEvent({ openid: 'o-forged' }), env);
    expect(response).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(sandbox.received.length).toBe(before);
  });

  test('answers CONSENT_REQUIRED with the version the mini-program shows', async () => {
    const { response } = await callBundle(checkEvent({ consent: undefined }), cloudEnv());
    expect(response).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', agreementVersion });
  });

  test('answers SERVICE_MISCONFIGURED when no appCode is set', async () => {
    const { ALIYUN_APPCODE: _omitted, ...env } = cloudEnv();
    const { response } = await callBundle(checkEvent(), env);
    expect(response).toMatchObject({ ok: false, code: 'SERVICE_MISCONFIGURED' });
  });

  test('does not contain the appCode or local-only modules', () => {
    const text = require('node:fs').readFileSync(bundle, 'utf8') as string;
    expect(text).not.toContain(APP_CODE);
    expect(text).not.toMatch(/better-sqlite3|sandboxVendor/);
  });
});
