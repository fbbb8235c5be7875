import { generateKeyPairSync } from 'node:crypto';
import {
  DEFAULT_TOKEN_ISSUER, DEFAULT_TOKEN_TTL_SECONDS, ed25519PublicJwk, readTokenSettings,
} from '../../cloudfunctions/mobileCheck/src/host';
import { newTestKey, runEsm } from './support';

const key = newTestKey();
const body = key.privatePem.split('\n')[1];
const pem = (value: string) => ({ MOBILECHECK_SIGNING_KEY: value });

function messageFor(env: Record<string, string>): string {
  try {
    readTokenSettings(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no error thrown');
}

/** A telling part of the value: the start of a PEM's base64 body, or the value itself. */
const secretPart = (value: string): string => value.replace(/-----[A-Z ]+-----|\s/g, '').slice(0, 16);

describe('readTokenSettings', () => {
  test('turns tokens off when no key is set, with the default TTL and issuer', () => {
    expect(readTokenSettings({ MOBILECHECK_SIGNING_KEY: '  ' })).toEqual({
      signingKey: undefined, ttlSeconds: DEFAULT_TOKEN_TTL_SECONDS, issuer: DEFAULT_TOKEN_ISSUER,
    });
    expect(DEFAULT_TOKEN_TTL_SECONDS).toBe(600);
    expect(DEFAULT_TOKEN_ISSUER).toBe('mobileCheck');
  });

  test.each([
    ['with its line breaks', key.privatePem],
    ['with literal \\n sequences, as a one-line console field keeps it', key.privatePem.trim().replace(/\n/g, '\\n')],
    ['on one line with spaces for line breaks', key.privatePem.trim().replace(/\n/g, ' ')],
    ['with Windows line breaks', key.privatePem.replace(/\n/g, '\r\n')],
  ])('reads the PEM %s', (_label, value) => {
    const settings = readTokenSettings(pem(value));
    expect(settings.signingKey?.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(ed25519PublicJwk(settings.signingKey!.privateKey)).toEqual(ed25519PublicJwk(key.publicKey));
  });

  test('derives the kid as the RFC 7638 JWK thumbprint, as jose calculates it', () => {
    const { kid } = readTokenSettings(pem(key.privatePem)).signingKey!;
    const thumbprint = runEsm<string>(`
      import { readFileSync } from 'node:fs';
      import { calculateJwkThumbprint } from 'jose';
      process.stdout.write(JSON.stringify(await calculateJwkThumbprint(JSON.parse(readFileSync(0, 'utf8')), 'sha256')));
    `, ed25519PublicJwk(key.publicKey));
    expect(kid).toBe(thumbprint);
  });

  test('takes the kid, TTL and issuer from their settings', () => {
    const settings = readTokenSettings({
      ...pem(key.privatePem), MOBILECHECK_SIGNING_KEY_ID: ' mc-2026-01 ', MOBILECHECK_TOKEN_TTL_SECONDS: '3600', MOBILECHECK_TOKEN_ISSUER: 'acme',
    });
    expect(settings).toMatchObject({ signingKey: { kid: 'mc-2026-01' }, ttlSeconds: 3600, issuer: 'acme' });
  });

  test.each([
    ['not PEM at all', 'not a key'],
    ['a PEM whose body is damaged', key.privatePem.replace(body, body.slice(0, 40))],
    ['the public key instead of the private one', key.publicPem],
    ['an encrypted private key', generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }).toString()],
  ])('refuses %s, naming MOBILECHECK_SIGNING_KEY and npm run keys, never quoting the key', (_label, value) => {
    const message = messageFor(pem(value));
    expect(message).toMatch(/^MOBILECHECK_SIGNING_KEY .*npm run keys/);
    expect(message).not.toContain(secretPart(value));
  });

  test.each([
    ['RSA', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey],
    ['EC', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey],
    ['Ed448', generateKeyPairSync('ed448').privateKey],
  ])('refuses an %s key, saying it must be Ed25519', (type, privateKey) => {
    const value = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const message = messageFor(pem(value));
    expect(message).toContain(`MOBILECHECK_SIGNING_KEY is not an Ed25519 key (it is ${type.toUpperCase()})`);
    expect(message).not.toContain(secretPart(value));
  });

  test.each(['59', '3601', '600.5', 'ten minutes', '-600', '0'])('refuses the TTL %p, naming MOBILECHECK_TOKEN_TTL_SECONDS and its range', (value) => {
    expect(() => readTokenSettings({ MOBILECHECK_TOKEN_TTL_SECONDS: value })).toThrow('MOBILECHECK_TOKEN_TTL_SECONDS must be a whole number from 60 to 3600');
  });

  test.each(['60', '3600'])('accepts the TTL bound %p', (value) => {
    expect(readTokenSettings({ MOBILECHECK_TOKEN_TTL_SECONDS: value }).ttlSeconds).toBe(Number(value));
  });

  test.each(['two words', 'k'.repeat(129), 'ключ'])('refuses the kid %p, naming MOBILECHECK_SIGNING_KEY_ID', (value) => {
    expect(() => readTokenSettings({ ...pem(key.privatePem), MOBILECHECK_SIGNING_KEY_ID: value })).toThrow(/MOBILECHECK_SIGNING_KEY_ID/);
  });
});
