// The function's public surface: the one module that the local host, the scripts and the tests import
// (a dependency-cruiser rule, `function-only-through-host`, keeps them out of everything else).
// index.ts never imports it, so nothing here reaches the deployed bundle that index.ts does not.

/** The function wired from environment variables, with parts swapped (a store, a phone exchange, a log). */
export { handlerFromEnv, partsFromEnv } from './compose';
export { createEntry, createHandler, type Entry, type Handler, type Parts } from './entry';
export { createRetentionJob } from './retention';

/** Reading the settings (environment variables) as the function does, and their defaults. */
export {
  DEFAULT_ENDPOINT, DEFAULT_GUARDS, DEFAULT_TIMEOUT_MS, hashSecretSetting, missingProviderSecret, readSettings,
  unknownSettings,
} from './settings';
export { readTokenSettings } from './token';
export { DEFAULT_TOKEN_ISSUER, DEFAULT_TOKEN_TTL_SECONDS } from './token/tokenSettings';

/** The log sink and the lines it receives. */
export type { CheckLogLine, Logger, LogLine } from './ports';

/**
 * The store port and its cloud adapter; the database shape the adapter talks to (which stand-ins
 * implement); the document encoding, calendar and limit rules another adapter must share.
 */
export type {
  Aggregates, CallerLimits, CheckKeys, Claim, ClaimAnswer, ConsentRecord, Opened, Reservation, Reserved, ReserveInput, Store,
  VerificationRecord,
} from './ports';
export { cloudStore, COLLECTIONS } from './store/cloudStore';
export { settle, type CollectionLike, type CommandLike, type DatabaseLike, type QueryLike } from './store/cloudDatabase';
export { fromDoc, ids, limitsDoc } from './store/documents';
export { delta, emptyAggregates, mergeAggregates } from './aggregates';
export {
  admitCall, applyGiveBack, beijingDay, beijingDayStart, currentLimits, DAY_MS, HOUR_MS, IDENTITY_WINDOW_MS, limitsGiveBack, limitsUntil,
  nextBeijingMidnight, prunedLimits, spendExhausted, tripleValue, undoneCheck, type GuardSettings,
} from './policy';

/** Keyed hashes of callers and people. */
export { createHasher } from './hash';

/** The provider clients (and the TC3-signed request the bench weighs against the official SDK). */
export type { Provider } from './ports';
export { createVendorClient } from './providers/aliyunMarket/client';
export { VendorError } from './providers/aliyunMarket/VendorError';
export { requestBody, TENCENT_ACTION, TENCENT_VERSION, tencentFaceidProvider } from './providers/tencentFaceid';
export { tc3Authorization, tc3Date } from './providers/tencentFaceid/tc3';

/** The phone-number exchange port and its cloud adapter (over WeChat's openapi). */
export { cloudPhoneExchange, type GetPhoneNumberResponse, type PhoneNumberOpenApi } from './phoneNumber';
export type { PhoneExchange, PhoneExchangeResult } from './ports';

/** Verification tokens: issuing them, and the public key (JWK) a relying party checks them with. */
export { createTokenIssuer } from './token';
export type { TokenIssueInput } from './ports';
export { ed25519PublicJwk, jwkThumbprint } from './token/publicKey';
