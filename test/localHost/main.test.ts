// `npm start` refuses at once, before the 20–30 s h5 build, when the port is taken or a setting is wrong.
import { execFile } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const childEnv = { PATH: process.env.PATH ?? '', MOBILECHECK_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'start-')), ...env };
    execFile(process.execPath, ['--import', 'tsx', 'local-host/main.ts'], { cwd: root, env: childEnv, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: stdout + stderr });
    });
  });
}

let busy: http.Server;
let busyPort: number;
beforeAll(async () => {
  busy = http.createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => busy.close(resolve)));

describe('npm start', () => {
  test('stops at once when the port is taken, naming the port and how to choose another', async () => {
    const { code, output } = await start({ PORT: String(busyPort) });
    expect(code).toBe(1);
    expect(output).toContain(`Port ${busyPort} on 127.0.0.1 is already in use`);
    expect(output).toContain(`PORT=${busyPort + 1} npm start`);
    expect(output).not.toContain('build:h5');
  }, 30_000);

  test('stops at once on an unreadable setting, naming it and the fix', async () => {
    const free = http.createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    const { code, output } = await start({ PORT: String(port), MOBILECHECK_CALLER_DAILY_LIMIT: 'many' });
    expect(code).toBe(1);
    expect(output).toMatch(/Refusing to start: MOBILECHECK_CALLER_DAILY_LIMIT must be .*\nFix: correct MOBILECHECK_CALLER_DAILY_LIMIT/);
    expect(output).not.toContain('build:h5');
  }, 30_000);

  test('refuses a PORT that is not a port number', async () => {
    const { code, output } = await start({ PORT: 'http' });
    expect(code).toBe(1);
    expect(output).toContain('PORT must be a whole number from 1 to 65535');
  }, 30_000);
});
