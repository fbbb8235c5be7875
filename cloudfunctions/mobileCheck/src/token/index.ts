// Signed result tokens: what the handler needs, in one place.
export { createTokenIssuer } from './issuer';
export type { TokenIssueInput, TokenIssuer } from './issuer';
export { readTokenSettings } from './tokenSettings';
export type { TokenSettings } from './tokenSettings';
export type { SignedToken } from './signToken';
export type { TokenClaims } from './claims';
