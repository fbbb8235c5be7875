// Signed result tokens: the issuer (implements ports.ts TokenIssuer) and its settings.
export { createTokenIssuer } from './issuer';
export { readTokenSettings } from './tokenSettings';
export type { TokenSettings } from './tokenSettings';
export type { TokenPayload } from './payload';
