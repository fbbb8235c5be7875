// Runs the operator's example, docs/examples/verifyToken.mjs (jose), against tokens from the real signer.
import { ed25519PublicJwk, readTokenSettings } from '../../cloudfunctions/mobileCheck/src/host';
import { issueToken, newTestKey, OPENID, verifyWithExample, type Verdict } from './support';

const key = newTestKey();
const kid = readTokenSettings({ MOBILECHECK_SIGNING_KEY: key.privatePem }).signingKey!.kid;
const publicJwk = { ...ed25519PublicJwk(key.publicKey), kid, alg: 'EdDSA', use: 'sig' };
const byPem = { [kid]: key.publicPem };

/** Every token with one byte of one segment changed (each byte XOR 0x01, re-encoded). */
function oneByteChanged(token: string): { segment: number; index: number; token: string }[] {
  const segments = token.split('.').map((part) => Buffer.from(part, 'base64url'));
  return segments.flatMap((bytes, segment) => [...bytes.keys()].map((index) => {
    const changed = segments.map((b) => Buffer.from(b));
    changed[segment][index] ^= 0x01;
    return { segment, index, token: changed.map((b) => b.toString('base64url')).join('.') };
  }));
}

const failed = (verdict: Verdict) => (verdict.ok ? 'accepted' : verdict.code ?? verdict.message);

describe('docs/examples/verifyToken.mjs', () => {
  test('accepts a fresh token with the public key alone, as PEM and as JWK, and returns its claims', () => {
    const { token } = issueToken(key.privatePem);
    const verdicts = [
      ...verifyWithExample({ publicKeys: byPem, cases: [{ token, openid: OPENID }] }),
      ...verifyWithExample({ publicKeys: { [kid]: publicJwk }, cases: [{ token, openid: OPENID }] }),
    ];
    for (const verdict of verdicts) expect(verdict).toMatchObject({ ok: true, payload: { sub: OPENID, verified: true, code: '01' } });
  });

  test('refuses the token when any single byte of its header, payload or signature changes', () => {
    const { token } = issueToken(key.privatePem);
    const tampered = oneByteChanged(token);
    const segmentLengths = token.split('.').map((part) => Buffer.from(part, 'base64url').length);
    expect(tampered).toHaveLength(segmentLengths[0] + segmentLengths[1] + 64);
    const verdicts = verifyWithExample({ publicKeys: byPem, cases: tampered.map((t) => ({ token: t.token, openid: OPENID })) });
    const accepted = tampered.filter((_, i) => verdicts[i].ok).map(({ segment, index }) => `${segment}:${index}`);
    expect(accepted).toEqual([]);
    // Signature bytes fail the signature check itself, not an earlier parse.
    expect(new Set(verdicts.slice(-64).map(failed))).toEqual(new Set(['ERR_JWS_SIGNATURE_VERIFICATION_FAILED']));
  });

  test('refuses an expired token', () => {
    const { token } = issueToken(key.privatePem, { now: Date.now() - 601_000 });
    expect(verifyWithExample({ publicKeys: byPem, cases: [{ token, openid: OPENID }] }).map(failed)).toEqual(['ERR_JWT_EXPIRED']);
  });

  test('refuses a token made for another OPENID, or by another issuer', () => {
    const { token } = issueToken(key.privatePem);
    const other = issueToken(key.privatePem, {}, { MOBILECHECK_TOKEN_ISSUER: 'someone-else' }).token;
    const verdicts = verifyWithExample({ publicKeys: byPem, cases: [{ token, openid: 'oAnotherOpenid' }, { token: other, openid: OPENID }] });
    expect(verdicts.map(failed)).toEqual(['ERR_JWT_CLAIM_VALIDATION_FAILED', 'ERR_JWT_CLAIM_VALIDATION_FAILED']);
    expect(verdicts.map((v) => !v.ok && v.message)).toEqual(['unexpected "sub" claim value', 'unexpected "iss" claim value']);
  });

  test('accepts a token once when the replay guard is on', () => {
    const { token } = issueToken(key.privatePem);
    const verdicts = verifyWithExample({ publicKeys: byPem, replay: true, cases: [{ token, openid: OPENID }, { token, openid: OPENID }] });
    expect(verdicts.map(failed)).toEqual(['accepted', 'token already used']);
  });

  test('during a rotation accepts tokens of the old and the new kid, and refuses an unknown kid', () => {
    const next = newTestKey();
    const old = issueToken(key.privatePem).token;
    const fresh = issueToken(next.privatePem, {}, { MOBILECHECK_SIGNING_KEY_ID: 'mc-next' }).token;
    const stranger = issueToken(newTestKey().privatePem).token;
    const verdicts = verifyWithExample({
      publicKeys: { [kid]: key.publicPem, 'mc-next': next.publicPem },
      cases: [old, fresh, stranger].map((token) => ({ token, openid: OPENID })),
    });
    expect(verdicts.map(failed)).toEqual(['accepted', 'accepted', expect.stringMatching(/^no public key for kid/)]);
  });

  test('refuses a token signed by another key under the same kid', () => {
    const forged = issueToken(newTestKey().privatePem, {}, { MOBILECHECK_SIGNING_KEY_ID: kid }).token;
    expect(verifyWithExample({ publicKeys: byPem, cases: [{ token: forged, openid: OPENID }] }).map(failed))
      .toEqual(['ERR_JWS_SIGNATURE_VERIFICATION_FAILED']);
  });
});
