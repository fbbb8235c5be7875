// Pure: no clock, no key. The use case passes `now`, so a cached 01 gets a fresh token too.
import type { MaskedFields, PhoneSource, ProviderId } from '../../../../src/domain';
import type { TokenIssueInput } from '../ports';

/** The token's JWT payload: exactly what a token says (docs/contract.md). Times in seconds since the epoch. */
export interface TokenPayload {
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

export interface PayloadInput extends TokenIssueInput {
  issuer: string;
  ttlSeconds: number;
}

export function buildPayload(input: PayloadInput): TokenPayload {
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
