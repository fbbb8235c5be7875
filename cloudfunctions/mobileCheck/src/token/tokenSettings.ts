import { decimalNumber } from '../settings';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { ed25519PublicJwk, jwkThumbprint } from './publicKey';
import type { SigningKey } from './signToken';

type Env = Record<string, string | undefined>;

export interface TokenSettings {
  /** Undefined when MOBILECHECK_SIGNING_KEY is not set: checks answer without tokens. */
  signingKey: SigningKey | undefined;
  ttlSeconds: number;
  issuer: string;
}

// Long enough for the page to hand the token to the operator's backend, short enough that a leaked
// token is soon useless; the `status` action gives a fresh one any time.
export const DEFAULT_TOKEN_TTL_SECONDS = 600;
const MIN_TOKEN_TTL_SECONDS = 60;
const MAX_TOKEN_TTL_SECONDS = 3600;
export const DEFAULT_TOKEN_ISSUER = 'mobileCheck';

const MAKE_ONE = 'make one with `npm run keys` and paste the printed private key';
const KID_PATTERN = /^[\x21-\x7e]{1,128}$/;

/**
 * The cloud console may keep the PEM's line breaks as literal "\n", or lose them: take the base64
 * body between the markers and rebuild the lines. Errors name the setting, never its value.
 */
function normalizePem(value: string): string {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(value.replace(/\\r|\\n/g, '\n'));
  if (!match) throw new Error(`MOBILECHECK_SIGNING_KEY is not a PEM private key (-----BEGIN PRIVATE KEY-----): ${MAKE_ONE}`);
  const [, label, body] = match;
  if (label.includes('PUBLIC')) {
    throw new Error(`MOBILECHECK_SIGNING_KEY holds a public key; the function needs the private key: ${MAKE_ONE}`);
  }
  const lines = body.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function readPrivateKey(value: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(normalizePem(value));
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('MOBILECHECK_SIGNING_KEY')) throw error;
    // Node's own message may quote parts of the input: never pass it on.
    throw new Error(`MOBILECHECK_SIGNING_KEY is not a readable unencrypted PKCS#8 PEM private key: ${MAKE_ONE}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`MOBILECHECK_SIGNING_KEY is not an Ed25519 key (it is ${String(key.asymmetricKeyType).toUpperCase()}): ${MAKE_ONE}`);
  }
  return key;
}

function ttlSetting(env: Env): number {
  const raw = env.MOBILECHECK_TOKEN_TTL_SECONDS?.trim();
  if (!raw) return DEFAULT_TOKEN_TTL_SECONDS;
  const value = decimalNumber(raw);
  if (value === undefined || value < MIN_TOKEN_TTL_SECONDS || value > MAX_TOKEN_TTL_SECONDS) {
    throw new Error(`MOBILECHECK_TOKEN_TTL_SECONDS must be a whole number from ${MIN_TOKEN_TTL_SECONDS} to ${MAX_TOKEN_TTL_SECONDS}`);
  }
  return value;
}

function kidSetting(env: Env, privateKey: KeyObject): string {
  const kid = env.MOBILECHECK_SIGNING_KEY_ID?.trim();
  if (!kid) return jwkThumbprint(ed25519PublicJwk(privateKey));
  if (!KID_PATTERN.test(kid)) {
    throw new Error('MOBILECHECK_SIGNING_KEY_ID must be 1 to 128 visible ASCII characters without spaces, or unset (then the key\'s JWK thumbprint)');
  }
  return kid;
}

/** Reads the token settings; throws an Error naming the setting and the fix when one is unreadable. */
export function readTokenSettings(env: Env): TokenSettings {
  const ttlSeconds = ttlSetting(env);
  const issuer = env.MOBILECHECK_TOKEN_ISSUER?.trim() || DEFAULT_TOKEN_ISSUER;
  const pem = env.MOBILECHECK_SIGNING_KEY?.trim();
  if (!pem) return { signingKey: undefined, ttlSeconds, issuer };
  const privateKey = readPrivateKey(pem);
  return { signingKey: { privateKey, kid: kidSetting(env, privateKey) }, ttlSeconds, issuer };
}
