import type { MaskedFields, PhoneSource } from '../../../../src/domain';
import { buildClaims } from './claims';
import { signToken, type SignedToken } from './signToken';
import type { TokenSettings } from './tokenSettings';

export interface TokenIssueInput {
  /** The caller's OPENID (the token's `sub`). */
  caller: string;
  /** The answer's trace id (the token's `jti`). */
  traceId: string;
  masked: MaskedFields;
  agreementVersion: string;
  phone: PhoneSource;
  /** ms since the epoch, from the handler's clock. */
  now: number;
}

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
