import { hashSecretSetting } from '../../cloudfunctions/mobileCheck/src/host';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkSettings, functionEnv, SANDBOX_DEFAULTS, startProduct } from '../../local-host/product';
import { DEV_OPENID } from '../../local-host/server';
import { checkEvent, mobileEndingIn, versionFor } from '../support/people';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'product-'));
const sandbox = { ALIYUN_APPCODE: 'sandbox-appcode', MOBILECHECK_ENDPOINT: 'http://127.0.0.1:1/mobileCheck' };

describe('npm start settings', () => {
  test('sandbox mode relaxes the limits and makes the local developer an admin', () => {
    const env = functionEnv({ MOBILECHECK_DATA_DIR: dataDir() }, sandbox);
    expect(env).toMatchObject({
      MOBILECHECK_CALLER_DAILY_LIMIT: '1000',
      MOBILECHECK_MOBILE_DAILY_LIMIT: '20',
      MOBILECHECK_CALLER_IDENTITY_LIMIT: '1000',
      MOBILECHECK_REQUEST_DAILY_LIMIT: '10000',
      MOBILECHECK_ADMIN_OPENIDS: DEV_OPENID,
      ...sandbox,
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

  test.each([
    [{ ALIYUN_APPCODE: 'real', MOBILECHECK_PROVIDERS: 'aliyun-market,tencent-faceid' }, 'MOBILECHECK_TENCENT_SECRET_ID'],
    [{ MOBILECHECK_TENCENT_SECRET_ID: 'AKIDreal', MOBILECHECK_PROVIDERS: 'tencent-faceid' }, 'MOBILECHECK_TENCENT_SECRET_KEY'],
    [{ MOBILECHECK_TENCENT_SECRET_ID: 'AKIDreal', MOBILECHECK_TENCENT_SECRET_KEY: 'real' }, 'ALIYUN_APPCODE'],
  ])('refuses to start live when a listed provider lacks its secret (%p), naming it', (env, name) => {
    expect(() => checkSettings({ MOBILECHECK_DATA_DIR: dataDir(), ...env })).toThrow(new RegExp(`^Refusing to start: ${name} is not set.*\nFix: set ${name}, or take its provider out of MOBILECHECK_PROVIDERS`));
  });

  test('refuses an unknown or repeated provider in MOBILECHECK_PROVIDERS', () => {
    for (const value of ['aliyun', 'tencent-faceid,tencent-faceid', 'aliyun-market,']) {
      expect(() => checkSettings({ MOBILECHECK_DATA_DIR: dataDir(), MOBILECHECK_PROVIDERS: value })).toThrow(/Refusing to start: MOBILECHECK_PROVIDERS must list/);
    }
  });

  test('the sandbox runs a stand-in for each provider; a mobile ending in 8 finds the first down and the second answers', async () => {
    const product = await startProduct({ env: { MOBILECHECK_DATA_DIR: dataDir(), MOBILECHECK_PROVIDERS: 'tencent-faceid,aliyun-market' }, port: 0, staticDir: dataDir() });
    try {
      expect(product.sandboxes?.map((s) => s.provider)).toEqual(['tencent-faceid', 'aliyun-market']);
      const call = async (event: unknown) => (await fetch(new URL('api/functions/mobileCheck', product.url), {
        method: 'POST', headers: { 'Content-Type': 'application/json', Origin: new URL(product.url).origin }, body: JSON.stringify(event),
      })).json() as Promise<Record<string, unknown>>;
      const agreed = await call({ action: 'acceptAgreement', agreementVersion: versionFor(['tencent-faceid', 'aliyun-market']), separate: { idCard: true, provision: true } });
      const check = (mobile: string) => call(checkEvent({ mobile, consent: { consentId: agreed.consentId, thisCheck: true } }));
      expect(await check(mobileEndingIn(0))).toMatchObject({ ok: true, code: '01', provider: 'tencent-faceid' });
      expect(await check(mobileEndingIn(1))).toMatchObject({ ok: true, code: '02', provider: 'tencent-faceid' });
      expect(await check(mobileEndingIn(8))).toMatchObject({ ok: true, code: '01', provider: 'aliyun-market' });
      expect(product.sandboxes?.[0].received.map((r) => r.body).join('')).not.toContain(mobileEndingIn(8));
    } finally {
      await product.close();
    }
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
