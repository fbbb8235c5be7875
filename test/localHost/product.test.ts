import { hashSecretSetting } from '../../cloudfunctions/mobileCheck/src/settings';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkSettings, functionEnv, SANDBOX_DEFAULTS, startProduct } from '../../local-host/product';
import { DEV_OPENID } from '../../local-host/server';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'product-'));
const sandbox = { appCode: 'sandbox-appcode', endpoint: 'http://127.0.0.1:1/mobileCheck' };

describe('npm start settings', () => {
  test('sandbox mode relaxes the limits and makes the local developer an admin', () => {
    const env = functionEnv({ MOBILECHECK_DATA_DIR: dataDir() }, sandbox);
    expect(env).toMatchObject({
      MOBILECHECK_CALLER_DAILY_LIMIT: '1000',
      MOBILECHECK_MOBILE_DAILY_LIMIT: '20',
      MOBILECHECK_CALLER_IDENTITY_LIMIT: '1000',
      MOBILECHECK_REQUEST_DAILY_LIMIT: '10000',
      MOBILECHECK_ADMIN_OPENIDS: DEV_OPENID,
      ALIYUN_APPCODE: sandbox.appCode,
      MOBILECHECK_ENDPOINT: sandbox.endpoint,
    });
  });

  test('a limit set in the environment wins over the sandbox default, and an empty one does not', () => {
    const env = functionEnv({ MOBILECHECK_DATA_DIR: dataDir(), MOBILECHECK_CALLER_DAILY_LIMIT: '2', MOBILECHECK_MOBILE_DAILY_LIMIT: ' ' }, sandbox);
    expect(env.MOBILECHECK_CALLER_DAILY_LIMIT).toBe('2');
    expect(env.MOBILECHECK_MOBILE_DAILY_LIMIT).toBe('20');
  });

  test('live mode keeps the cloud defaults: nothing is relaxed when checks are billed', () => {
    const env = functionEnv({ MOBILECHECK_DATA_DIR: dataDir(), ALIYUN_APPCODE: 'real' });
    for (const name of Object.keys(SANDBOX_DEFAULTS)) expect(env[name]).toBeUndefined();
    expect(env.ALIYUN_APPCODE).toBe('real');
  });

  test('without MOBILECHECK_HASH_SECRET a random 48-character key the function accepts is made once and kept in the data folder', () => {
    const dir = dataDir();
    const first = functionEnv({ MOBILECHECK_DATA_DIR: dir }, sandbox).MOBILECHECK_HASH_SECRET;
    expect(first).toMatch(/^[A-Za-z0-9_-]{48}$/);
    expect(hashSecretSetting(first)).toBe(first);
    expect(functionEnv({ MOBILECHECK_DATA_DIR: dir }, sandbox).MOBILECHECK_HASH_SECRET).toBe(first);
  });

  test.each([
    ['MOBILECHECK_TIMEOUT_MS', 'soon'],
    ['MOBILECHECK_ENDPOINT', 'http://vendor.example/mobileCheck'],
    ['MOBILECHECK_RETENTION_DAYS', '0'],
    ['MOBILECHECK_SIGNING_KEY', 'not a key'],
    ['MOBILECHECK_HASH_SECRET', 'short'],
  ])('refuses to start when %s is %p, naming the setting and the fix', (name, value) => {
    const env = { MOBILECHECK_DATA_DIR: dataDir(), ALIYUN_APPCODE: 'real', [name]: value };
    expect(() => checkSettings(env)).toThrow(new RegExp(`^Refusing to start: ${name} .*\\nFix: correct ${name} .*unset ${name}`));
  });

  test('refuses to start on a MOBILECHECK_* name nothing reads, naming it', () => {
    expect(() => checkSettings({ MOBILECHECK_DATA_DIR: dataDir(), MOBILECHECK_DAILY_BUGDET: '50' })).toThrow(/^Refusing to start: MOBILECHECK_DAILY_BUGDET is not a setting/);
  });

  test('startProduct refuses bad settings before it opens a port or a store', async () => {
    const dir = dataDir();
    await expect(startProduct({ env: { MOBILECHECK_DATA_DIR: dir, MOBILECHECK_TIMEOUT_MS: '-1' }, port: 0 }))
      .rejects.toThrow(/MOBILECHECK_TIMEOUT_MS/);
  });
});
