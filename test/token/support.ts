// jose is ESM-only, and jest here loads test code as CommonJS (swc): `require('jose')` fails with
// "Cannot use import statement outside a module". So jose, and the docs' example built on it, run
// in a child `node`, JSON in on stdin and out on stdout.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { maskFields } from '../../src/domain';
import { createTokenIssuer, readTokenSettings, type TokenIssueInput } from '../../cloudfunctions/mobileCheck/src/host';
import { agreementVersion, person } from '../support/people';

export const root = path.resolve(__dirname, '../..');

export function runEsm<T>(source: string, input: unknown): T {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: root, input: JSON.stringify(input), encoding: 'utf8',
  });
  return JSON.parse(output) as T;
}

export type Verdict = { ok: true; payload: Record<string, unknown> } | { ok: false; code?: string; message: string };

export interface VerifyRun {
  /** kid → public key as SPKI PEM text or JWK. */
  publicKeys: Record<string, string | object>;
  issuer?: string;
  replay?: boolean;
  cases: { token: string; openid: string }[];
}

/** Runs docs/examples/verifyToken.mjs over every case in one child process. */
export const verifyWithExample = (run: VerifyRun): Verdict[] => runEsm<Verdict[]>(`
  import { readFileSync } from 'node:fs';
  import { createTokenVerifier, memoryReplayGuard } from './docs/examples/verifyToken.mjs';
  const { publicKeys, issuer, replay, cases } = JSON.parse(readFileSync(0, 'utf8'));
  const verify = createTokenVerifier({ publicKeys, issuer, replayGuard: replay ? memoryReplayGuard() : undefined });
  const verdicts = [];
  for (const { token, openid } of cases) {
    try {
      verdicts.push({ ok: true, payload: await verify(token, openid) });
    } catch (error) {
      verdicts.push({ ok: false, code: error.code, message: error.message });
    }
  }
  process.stdout.write(JSON.stringify(verdicts));
`, run);

export interface TestKey {
  privatePem: string;
  publicPem: string;
  publicKey: KeyObject;
}

export function newTestKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicKey,
  };
}

export const OPENID = 'oTestOpenid-0123456789abcdef';

export const issueInput = (overrides: Partial<TokenIssueInput> = {}): TokenIssueInput => ({
  caller: OPENID,
  traceId: '6f1e0c2a9b8d4e7f8a1b2c3d4e5f6a7b',
  masked: maskFields(person),
  agreementVersion,
  phone: 'typed',
  provider: 'tencent-faceid',
  now: Date.now(),
  ...overrides,
});

/** Signs with the real issuer, from settings as the function reads them. */
export function issueToken(privatePem: string, input: Partial<TokenIssueInput> = {}, env: Record<string, string> = {}) {
  const issuer = createTokenIssuer(readTokenSettings({ MOBILECHECK_SIGNING_KEY: privatePem, ...env }));
  if (!issuer) throw new Error('no issuer');
  return issuer.issue(issueInput(input));
}

/** The decoded JSON of a token's header or payload. */
export const decodeSegment = (token: string, index: 0 | 1): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8')) as Record<string, unknown>;
