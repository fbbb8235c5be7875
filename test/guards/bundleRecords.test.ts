// The built index.js as the cloud loads it: records need the hash secret, and the timer trigger purges.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { checkEvent } from '../support/people';
import { agreedCheck, buildTestBundle, callEventsScript } from '../support/testBundle';
import { HASH_SECRET } from './support';

const run = promisify(execFile);
let sandbox: SandboxVendor;
let bundle: string;
let standIn: string;

/** Runs `main` (or createMain over the database stand-in) in a fresh process with a clean environment. */
async function callBundle(event: unknown, env: Record<string, string>, database: 'cloud' | 'stand-in') {
  const entry = database === 'stand-in'
    ? `require(${JSON.stringify(bundle)}).createMain(() => require(${JSON.stringify(standIn)}).fakeCloudDatabase())`
    : `require(${JSON.stringify(bundle)}).main`;
  const script = callEventsScript(entry);
  const childEnv = { PATH: process.env.PATH ?? '', EVENT: JSON.stringify(event), ...env } as unknown as NodeJS.ProcessEnv;
  const { stdout } = await run(process.execPath, ['-e', script], { env: childEnv });
  const result = stdout.split('\n').find((line) => line.startsWith('RESULT '));
  if (!result) throw new Error(`no result in: ${stdout}`);
  return { response: JSON.parse(result.slice(7)), stdout };
}

beforeAll(async () => {
  ({ bundle, standInDatabase: standIn } = await buildTestBundle());
  sandbox = await startSandboxVendor();
}, 60_000);
afterAll(() => sandbox.close());

const env = (extra: Record<string, string> = {}) => ({
  WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o-bundle', ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint, ...extra,
});

describe('the built index.js with records', () => {
  test('answers SERVICE_MISCONFIGURED without a hash secret before touching the database or the vendor', async () => {
    const before = sandbox.received.length;
    const { response, stdout } = await callBundle(checkEvent(), env(), 'cloud');
    expect(response).toMatchObject({ ok: false, code: 'SERVICE_MISCONFIGURED' });
    expect(stdout).not.toContain('UNHANDLED');
    expect(sandbox.received.length).toBe(before);
  });

  test('runs the retention purge for a Timer event with no caller, answering nothing countable, and a check for the same event from a caller', async () => {
    const timer = { Type: 'Timer', TriggerName: 'retentionPurge', Time: '2025-01-01T03:00:00Z' };
    const { WX_OPENID: _none, ...noCaller } = env({ MOBILECHECK_HASH_SECRET: HASH_SECRET });
    const { response, stdout } = await callBundle(timer, noCaller, 'stand-in');
    expect(response).toEqual({ ok: true });
    expect(stdout).toContain('"event":"retentionPurge"');
    expect((await callBundle(timer, env({ MOBILECHECK_HASH_SECRET: HASH_SECRET }), 'stand-in')).response)
      .toMatchObject({ ok: false, code: 'INVALID_NAME' });
  });

  test('answers a check with the hash secret over the database stand-in, and SERVICE_MISCONFIGURED with a secret under 32 characters', async () => {
    const before = sandbox.received.length;
    expect((await callBundle(agreedCheck(checkEvent()), env({ MOBILECHECK_HASH_SECRET: HASH_SECRET }), 'stand-in')).response).toMatchObject({ ok: true, code: '01', cached: false });
    expect((await callBundle(checkEvent(), env({ MOBILECHECK_HASH_SECRET: 'bundle-secret' }), 'stand-in')).response).toMatchObject({ ok: false, code: 'SERVICE_MISCONFIGURED' });
    expect(sandbox.received.length).toBe(before + 1);
  });

  test('declares the daily timer trigger in config.json with a seven-field cron', () => {
    const config = require('../../cloudfunctions/mobileCheck/config.json') as { triggers: { name: string; type: string; config: string }[] };
    expect(config.triggers).toEqual([{ name: 'retentionPurge', type: 'timer', config: expect.any(String) }]);
    expect(config.triggers[0].config.split(' ')).toHaveLength(7);
  });
});
