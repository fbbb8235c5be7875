import { sign, type KeyObject } from 'node:crypto';
import type { TokenClaims } from './claims';

/** An Ed25519 private key and the `kid` the operator's backend finds its public half by. */
export interface SigningKey {
  privateKey: KeyObject;
  kid: string;
}

export interface SignedToken {
  /** Compact JWS (RFC 7515), EdDSA (RFC 8037). */
  token: string;
  /** `exp` in ms since the epoch, as the answer's `tokenExpiresAt`. */
  expiresAt: number;
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

export function signToken(claims: TokenClaims, key: SigningKey): SignedToken {
  const header = { alg: 'EdDSA', typ: 'JWT', kid: key.kid };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  // Ed25519 hashes internally: the digest argument must be null.
  const signature = sign(null, Buffer.from(signingInput), key.privateKey);
  return { token: `${signingInput}.${base64url(signature)}`, expiresAt: claims.exp * 1000 };
}
