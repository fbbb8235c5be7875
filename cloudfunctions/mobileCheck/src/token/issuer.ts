import { buildClaims, type ClaimsInput } from './claims';
import { signToken, type SignedToken } from './signToken';
import type { TokenSettings } from './tokenSettings';

/** What the handler gives for one token: the claims' inputs without the settings. */
export type TokenIssueInput = Omit<ClaimsInput, 'issuer' | 'ttlSeconds'>;

/** Signs the token of a `01` answer (fresh, cached, or the `status` action's). */
export interface TokenIssuer {
  issue(input: TokenIssueInput): SignedToken;
}

/** Undefined when no signing key is set: answers then carry no token. */
export function createTokenIssuer(settings: TokenSettings): TokenIssuer | undefined {
  const { signingKey, issuer, ttlSeconds } = settings;
  if (!signingKey) return undefined;
  return {
    issue: (input) => signToken(buildClaims({ ...input, issuer, ttlSeconds }), signingKey),
  };
}
