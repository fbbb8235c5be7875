import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeKeys, PUBLIC_JWK_FILE, PUBLIC_PEM_FILE } from '../../scripts/keys';
import { issueToken, OPENID, root, verifyWithExample } from './support';

const run = promisify(execFile);
const npmKeys = (out: string) => run('npm', ['run', '--silent', 'keys', '--', '--out', out], { cwd: root, encoding: 'utf8' });

let dir: string;
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'mobileCheck-keys-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run keys', () => {
  test('prints a private key and kid whose tokens the written public key files verify', async () => {
    const out = path.join(dir, 'keys');
    const { stdout } = await npmKeys(out);
    const privatePem = /-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----/.exec(stdout)?.[0];
    const kid = /^kid: (\S+)/m.exec(stdout)?.[1];
    expect(privatePem).toBeDefined();
    // The printed one-line form is the same key, for consoles with single-line fields.
    expect(stdout).toContain(privatePem!.replace(/\n/g, '\\n'));

    const jwk = JSON.parse(readFileSync(path.join(out, PUBLIC_JWK_FILE), 'utf8')) as Record<string, string>;
    expect(jwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid, alg: 'EdDSA', use: 'sig' });
    const publicPem = readFileSync(path.join(out, PUBLIC_PEM_FILE), 'utf8');
    expect(publicPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(publicPem + JSON.stringify(jwk)).not.toContain('PRIVATE');

    // The function's settings, as pasted from the one-line form, with MOBILECHECK_SIGNING_KEY_ID unset.
    const { token } = issueToken(privatePem!.replace(/\n/g, '\\n'));
    const verdicts = [
      ...verifyWithExample({ publicKeys: { [kid!]: publicPem }, cases: [{ token, openid: OPENID }] }),
      ...verifyWithExample({ publicKeys: { [kid!]: jwk }, cases: [{ token, openid: OPENID }] }),
    ];
    expect(verdicts.map((v) => v.ok)).toEqual([true, true]);
  });

  test('refuses to overwrite existing key files and leaves them as they were', () => {
    const out = path.join(dir, 'again');
    makeKeys(out);
    const before = [PUBLIC_PEM_FILE, PUBLIC_JWK_FILE].map((file) => readFileSync(path.join(out, file), 'utf8'));
    expect(() => makeKeys(out)).toThrow(/already exist: choose another --out directory/);
    expect([PUBLIC_PEM_FILE, PUBLIC_JWK_FILE].map((file) => readFileSync(path.join(out, file), 'utf8'))).toEqual(before);
  });

  test('refuses an unknown option with its usage', async () => {
    await expect(run('npm', ['run', '--silent', 'keys', '--', '--bogus'], { cwd: root, encoding: 'utf8' }))
      .rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run keys') });
  });
});
