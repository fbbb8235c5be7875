import { verify } from 'node:crypto';
import { buildPayload } from '../../cloudfunctions/mobileCheck/src/token/payload';
import { createTokenIssuer, readTokenSettings } from '../../cloudfunctions/mobileCheck/src/host';
import { findRawData } from '../support/captureLeaks.scan';
import { person } from '../support/people';
import { decodeSegment, issueInput, issueToken, newTestKey, OPENID } from './support';

const key = newTestKey();
const NOW = 1_764_400_000_123;

describe('signed result token', () => {
  test('is three base64url segments without padding, whose signature Ed25519 verifies over the first two', () => {
    const { token } = issueToken(key.privatePem, { now: NOW });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const [header, payload, signature] = token.split('.');
    expect(verify(null, Buffer.from(`${header}.${payload}`), key.publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
  });

  test('has the header alg EdDSA, typ JWT and the kid, nothing else', () => {
    const { token } = issueToken(key.privatePem, { now: NOW }, { MOBILECHECK_SIGNING_KEY_ID: 'mc-2026-01' });
    expect(decodeSegment(token, 0)).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: 'mc-2026-01' });
  });

  test('carries exactly the claims of design.md, with iat from now and exp after the TTL', () => {
    const input = issueInput({ now: NOW, phone: 'wechat' });
    const { token, expiresAt } = issueToken(key.privatePem, input, { MOBILECHECK_TOKEN_TTL_SECONDS: '900', MOBILECHECK_TOKEN_ISSUER: 'acme-mobileCheck' });
    expect(decodeSegment(token, 1)).toStrictEqual({
      iss: 'acme-mobileCheck',
      sub: OPENID,
      iat: 1_764_400_000,
      exp: 1_764_400_900,
      jti: input.traceId,
      verified: true,
      code: '01',
      masked: { name: '张*', idCard: '11**************2X', mobile: '138****8000' },
      agreementVersion: input.agreementVersion,
      phone: 'wechat',
      provider: 'tencent-faceid',
    });
    expect(expiresAt).toBe(1_764_400_900_000);
  });

  test('holds no raw name, ID number or mobile, only their masked forms', () => {
    const { token } = issueToken(key.privatePem, { now: NOW });
    const decoded = token.split('.').slice(0, 2).map((segment) => Buffer.from(segment, 'base64url').toString('utf8')).join('\n');
    expect(findRawData(decoded)).toEqual([]);
    for (const raw of [person.name, person.idCard, person.mobile]) expect(decoded).not.toContain(raw);
  });

  test('copies only the three masked fields, whatever else rides on the object passed in', () => {
    const masked = Object.assign(issueInput().masked, { raw: person.idCard });
    const claims = buildPayload({ ...issueInput({ masked }), issuer: 'mobileCheck', ttlSeconds: 600 });
    expect(Object.keys(claims.masked)).toEqual(['name', 'idCard', 'mobile']);
  });

  test('is not issued when no signing key is set', () => {
    expect(createTokenIssuer(readTokenSettings({}))).toBeUndefined();
  });

  test('differs for each answer (jti is the trace id) and each moment', () => {
    const a = issueToken(key.privatePem, { now: NOW, traceId: 'a'.repeat(32) }).token;
    const b = issueToken(key.privatePem, { now: NOW, traceId: 'b'.repeat(32) }).token;
    const c = issueToken(key.privatePem, { now: NOW + 1000, traceId: 'a'.repeat(32) }).token;
    expect(new Set([a, b, c]).size).toBe(3);
  });
});
