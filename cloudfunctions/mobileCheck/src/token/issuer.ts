import type { TokenIssuer } from '../ports';
import { buildPayload } from './payload';
import { signToken } from './signToken';
import type { TokenSettings } from './tokenSettings';

/** Undefined when no signing key is set: answers then carry no token. */
export function createTokenIssuer(settings: TokenSettings): TokenIssuer | undefined {
  const { signingKey, issuer, ttlSeconds } = settings;
  if (!signingKey) return undefined;
  return {
    issue: (input) => signToken(buildPayload({ ...input, issuer, ttlSeconds }), signingKey),
  };
}
