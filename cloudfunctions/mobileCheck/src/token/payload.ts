// Pure: no clock, no key. The handler passes `now`, so a cached 01 gets a fresh token too.
import type { MaskedFields, PhoneSource, ProviderId } from '../../../../src/domain';

/** Exactly what a token says (design.md, "Signed result"). Times in seconds since the epoch. */
export interface TokenClaims {
  iss: string;
  /** The caller's OPENID: the operator's backend compares it with the OPENID of its own session. */
  sub: string;
  iat: number;
  exp: number;
  /** The trace id of the answer: unique per token, for replay protection. */
  jti: string;
  verified: true;
  code: '01';
  masked: MaskedFields;
  agreementVersion: string;
  phone: PhoneSource;
  /** The data provider that answered the `01`. */
  provider: ProviderId;
}

export interface ClaimsInput {
  issuer: string;
  ttlSeconds: number;
  caller: string;
  traceId: string;
  /** Already masked: the token is readable by anyone who holds it. */
  masked: MaskedFields;
  agreementVersion: string;
  phone: PhoneSource;
  provider: ProviderId;
  /** ms since the epoch. */
  now: number;
}

export function buildClaims(input: ClaimsInput): TokenClaims {
  const iat = Math.floor(input.now / 1000);
  const { name, idCard, mobile } = input.masked;
  return {
    iss: input.issuer,
    sub: input.caller,
    iat,
    exp: iat + input.ttlSeconds,
    jti: input.traceId,
    verified: true,
    code: '01',
    // Copied field by field, so nothing else riding on the object reaches the token.
    masked: { name, idCard, mobile },
    agreementVersion: input.agreementVersion,
    phone: input.phone,
    provider: input.provider,
  };
}
