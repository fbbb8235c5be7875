import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Handler } from '../../cloudfunctions/mobileCheck/src/handler';
import { handlerFromEnv } from '../../cloudfunctions/mobileCheck/src/compose';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { openSqliteStore } from '../../local-host/sqliteStore';
import { DEV_OPENID, startLocalHost, type LocalHost } from '../../local-host/server';
import { checkEvent } from '../support/people';

let sandbox: SandboxVendor;
let host: LocalHost;
const callers: (string | undefined)[] = [];
const staticDir = mkdtempSync(path.join(tmpdir(), 'h5-'));

beforeAll(async () => {
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>核验</title>');
  writeFileSync(path.join(staticDir, 'app.0123abcd.js'), 'console.log(1)');
  sandbox = await startSandboxVendor();
  const real = handlerFromEnv(
    { ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint, MOBILECHECK_HASH_SECRET: 'local-host-test-secret-0123456789abcdef' },
    { log: () => undefined, store: openSqliteStore(':memory:') },
  );
  const handler: Handler = (event, caller) => {
    callers.push(caller);
    return real(event, caller);
  };
  host = await startLocalHost({ handler, mode: 'sandbox', staticDir, port: 0 });
});
afterAll(async () => {
  await host.close();
  await sandbox.close();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(new URL('api/functions/mobileCheck', host.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });

describe('the local host', () => {
  test('runs the real handler for POST /api/functions/mobileCheck', async () => {
    const response = await post(JSON.stringify(checkEvent()));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, code: '01', masked: { mobile: '138****8000' } });
    expect(sandbox.received).toHaveLength(1);
  });

  test('uses the fixed development caller when no x-wx-openid header is sent', async () => {
    await post(JSON.stringify(checkEvent()));
    expect(callers.at(-1)).toBe(DEV_OPENID);
  });

  test('takes the caller from the x-wx-openid header', async () => {
    await post(JSON.stringify(checkEvent()), { 'x-wx-openid': 'o-header' });
    expect(callers.at(-1)).toBe('o-header');
  });

  test('treats an empty x-wx-openid header as no caller', async () => {
    const response = await post(JSON.stringify(checkEvent()), { 'x-wx-openid': ' ' });
    expect(await response.json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  test('answers INVALID_REQUEST for a body that is not JSON', async () => {
    const response = await post('name=张三');
    expect(await response.json()).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  });

  test('answers INVALID_REQUEST for a body over 16 KB without reading it all', async () => {
    const response = await post(JSON.stringify({ ...checkEvent(), padding: 'x'.repeat(20_000) }));
    expect(await response.json()).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  });

  test('refuses GET on the function path', async () => {
    expect((await fetch(new URL('api/functions/mobileCheck', host.url))).status).toBe(405);
  });

  test('tells the page it runs in sandbox mode', async () => {
    expect(await (await fetch(new URL('api/status', host.url))).json()).toEqual({ mode: 'sandbox' });
  });

  test('serves the h5 build with long caching for hashed files', async () => {
    const response = await fetch(new URL('app.0123abcd.js', host.url));
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toMatch(/immutable/);
  });

  test('serves index.html for unknown paths and never a file outside the build', async () => {
    const response = await fetch(new URL('/%2e%2e/%2e%2e/etc/passwd', host.url));
    expect(await response.text()).toContain('<title>核验</title>');
  });
});
