import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Handler, handlerFromEnv } from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { openSqliteStore } from '../../local-host/sqliteStore';
import { DEV_OPENID, startLocalHost, type LocalHost } from '../../local-host/server';
import { checkEvent } from '../support/people';
import { preAgreed } from '../support/preAgreed';

let sandbox: SandboxVendor;
let host: LocalHost;
const callers: (string | undefined)[] = [];
const staticDir = mkdtempSync(path.join(tmpdir(), 'h5-'));

beforeAll(async () => {
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>核验</title>');
  writeFileSync(path.join(staticDir, 'app.0123abcd.js'), 'console.log(1)');
  sandbox = await startSandboxVendor();
  const real = handlerFromEnv(
    { ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint, MOBILECHECK_HASH_SECRET: 'local-host-test-hash-secret-0123456789abcdef' },
    { log: () => undefined, store: preAgreed(openSqliteStore(':memory:')) },
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

/** A request with headers fetch would not send as given (Host, Origin), over node:http. */
function raw(method: string, pathname: string, headers: Record<string, string>, body = ''): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(pathname, host.url), { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

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

  test('refuses GET on the function path', async () => {
    const response = await fetch(new URL('api/functions/mobileCheck', host.url));
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ error: 'METHOD_NOT_ALLOWED' });
  });

  test.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp'])(
    'refuses a POST sent as %s with 415 and never calls the handler',
    async (type) => {
      const before = callers.length;
      const response = await post(JSON.stringify(checkEvent()), { 'Content-Type': type });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(callers).toHaveLength(before);
    },
  );

  test('accepts application/json with a charset, as browsers send it', async () => {
    const response = await post(JSON.stringify(checkEvent()), { 'Content-Type': 'application/json; charset=UTF-8' });
    expect(await response.json()).toMatchObject({ ok: true });
  });

  test('accepts its own origin under the names this machine has', async () => {
    const { port } = new URL(host.url);
    for (const name of ['127.0.0.1', 'localhost']) {
      const answer = await raw('POST', '/api/functions/mobileCheck',
        { host: `${name}:${port}`, origin: `http://${name}:${port}`, 'content-type': 'application/json' }, JSON.stringify(checkEvent()));
      expect(answer).toMatchObject({ status: 200, json: { ok: true } });
    }
  });

  test('refuses a cross-site page (another Origin) with 403 and never calls the handler', async () => {
    const before = callers.length;
    const { port } = new URL(host.url);
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, `https://127.0.0.1:${port}`, 'null']) {
      const answer = await raw('POST', '/api/functions/mobileCheck', { origin, 'content-type': 'application/json' }, JSON.stringify(checkEvent()));
      expect(answer).toMatchObject({ status: 403, json: { error: 'FORBIDDEN_ORIGIN' } });
    }
    expect(callers).toHaveLength(before);
  });

  test('refuses a Host that is not this machine (DNS rebinding) with 403, for pages and the function alike', async () => {
    const { port } = new URL(host.url);
    const rebound = { host: `rebind.example:${port}`, 'content-type': 'application/json' };
    expect(await raw('POST', '/api/functions/mobileCheck', rebound, JSON.stringify(checkEvent()))).toMatchObject({ status: 403 });
    expect(await raw('GET', '/api/status', rebound)).toMatchObject({ status: 403, json: { error: 'FORBIDDEN_ORIGIN' } });
    expect(await raw('GET', '/api/status', { ...rebound, host: '127.0.0.1:1' })).toMatchObject({ status: 403 });
  });

  test('answers a body over 16 KB with 413 and a JSON error on an intact connection', async () => {
    const { port } = new URL(host.url);
    const body = JSON.stringify({ ...checkEvent(), padding: 'x'.repeat(200_000) });
    const socket = net.connect(Number(port), '127.0.0.1');
    let received = '';
    const closed = new Promise<string>((resolve, reject) => {
      socket.on('data', (chunk) => { received += chunk.toString('utf8'); });
      socket.on('error', reject); // ECONNRESET would land here
      socket.on('close', () => resolve(received));
    });
    socket.write(`POST /api/functions/mobileCheck HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
    socket.end(body);
    const answer = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
  });

  test('keeps serving after an oversized body, and never hands it to the handler', async () => {
    const before = callers.length;
    const response = await post(JSON.stringify({ ...checkEvent(), padding: 'x'.repeat(20_000) }));
    expect(response.status).toBe(413);
    expect(callers).toHaveLength(before);
    expect((await post(JSON.stringify(checkEvent()))).status).toBe(200);
  });

  test.each(['/api/functions/other', '/api/statuses', '/api', '/api/'])('answers 404 with a JSON error for the unknown endpoint %s', async (pathname) => {
    const response = await fetch(new URL(pathname, host.url));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'NOT_FOUND' });
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
