/** Why a check did not complete. Each code has one meaning and one default message for a person (messages.ts). */
const CODES = [
  'INVALID_REQUEST',
  'INVALID_NAME',
  'INVALID_ID_CARD',
  'INVALID_MOBILE',
  'CONSENT_REQUIRED',
  'MINOR_NEEDS_GUARDIAN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'SERVICE_MISCONFIGURED',
  'VENDOR_QUOTA_EXHAUSTED',
  'VENDOR_THROTTLED',
  'VENDOR_TIMEOUT',
  'VENDOR_UNAVAILABLE',
  'VENDOR_BAD_RESPONSE',
  'INTERNAL',
  'FORBIDDEN',
  'BUDGET_EXHAUSTED',
  'PHONE_CODE_INVALID',
  'PHONE_QUOTA_EXHAUSTED',
  'PHONE_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof CODES)[number];

/** The codes the function answers (NETWORK_ERROR is the client's own). */
export const ERROR_CODES: ErrorCode[] = [...CODES];

/** Produced by the mini-program's own client when the function cannot be reached; never by the function. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR';

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (CODES as readonly string[]).includes(value);
