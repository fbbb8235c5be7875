import { sign, type KeyObject } from 'node:crypto';
import type { IssuedToken } from '../ports';
import type { TokenPayload } from './payload';

/** An Ed25519 private key and the `kid` the operator's backend finds its public half by. */
export interface SigningKey {
  privateKey: KeyObject;
  kid: string;
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

export function signToken(payload: TokenPayload, key: SigningKey): IssuedToken {
  const header = { alg: 'EdDSA', typ: 'JWT', kid: key.kid };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  // Ed25519 hashes internally: the digest argument must be null.
  const signature = sign(null, Buffer.from(signingInput), key.privateKey);
  return { token: `${signingInput}.${base64url(signature)}`, expiresAt: payload.exp * 1000 };
}
