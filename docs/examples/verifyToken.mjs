// Verifies a mobileCheck token on the operator's backend (Node.js 18+, `npm install jose`).
// Only the public key is needed; the private key stays in the cloud function's settings.
import { importJWK, importSPKI, jwtVerify } from 'jose';

/**
 * Finds the public key by the token's `kid`. `publicKeys` maps each kid to its public key, as the
 * PEM text or the JWK that `npm run keys` wrote. During a key rotation it holds both kids.
 */
export function keyByKid(publicKeys) {
  const imported = new Map();
  return async ({ kid }) => {
    const key = typeof kid === 'string' && Object.hasOwn(publicKeys, kid) ? publicKeys[kid] : undefined;
    if (!key) throw new Error(`no public key for kid ${JSON.stringify(kid)}`);
    if (!imported.has(kid)) imported.set(kid, typeof key === 'string' ? importSPKI(key, 'EdDSA') : importJWK(key, 'EdDSA'));
    return imported.get(kid);
  };
}

/**
 * Remembers each `jti` until its token expires, so a token is accepted once. In memory: good for
 * one process. With several, use a shared store (a database table with a unique jti column, or
 * Redis `SET jti 1 NX EXAT exp`).
 */
export function memoryReplayGuard() {
  const seen = new Map();
  return {
    firstUse(jti, exp) {
      const nowSeconds = Date.now() / 1000;
      for (const [old, oldExp] of seen) if (oldExp < nowSeconds) seen.delete(old);
      if (seen.has(jti)) return false;
      seen.set(jti, exp);
      return true;
    },
  };
}

/**
 * Makes `verify(token, openid)`, which returns the token's claims when the token is genuine,
 * unexpired, for `openid` and seen for the first time, and throws otherwise. `openid` is the
 * OPENID your backend knows for this session (from `code2Session`), never one sent with the token.
 */
export function createTokenVerifier({ publicKeys, issuer = 'mobileCheck', replayGuard }) {
  const key = keyByKid(publicKeys);
  return async function verify(token, openid) {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['EdDSA'],
      issuer,
      subject: openid,
      requiredClaims: ['iat', 'exp', 'jti'],
    });
    if (payload.verified !== true || payload.code !== '01') throw new Error('not a passed verification');
    if (replayGuard && !(await replayGuard.firstUse(payload.jti, payload.exp))) throw new Error('token already used');
    return payload;
  };
}
