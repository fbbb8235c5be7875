import { ERROR_MESSAGES } from './messages';

/** Why a check did not complete. Each code has one meaning and one default message for a person (messages.ts). */
export type ErrorCode =
  | 'INVALID_REQUEST'
  | 'INVALID_NAME'
  | 'INVALID_ID_CARD'
  | 'INVALID_MOBILE'
  | 'CONSENT_REQUIRED'
  | 'MINOR_NEEDS_GUARDIAN'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'SERVICE_MISCONFIGURED'
  | 'VENDOR_QUOTA_EXHAUSTED'
  | 'VENDOR_THROTTLED'
  | 'VENDOR_TIMEOUT'
  | 'VENDOR_UNAVAILABLE'
  | 'VENDOR_BAD_RESPONSE'
  | 'INTERNAL'
  | 'FORBIDDEN'
  | 'BUDGET_EXHAUSTED'
  | 'PHONE_CODE_INVALID'
  | 'PHONE_QUOTA_EXHAUSTED'
  | 'PHONE_UNAVAILABLE';

/** Produced by the mini-program's own client when the function cannot be reached; never by the function. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR';

/** The codes the function answers (NETWORK_ERROR is the client's own): the message table's keys, so none lacks a message. */
export const ERROR_CODES = (Object.keys(ERROR_MESSAGES) as ClientErrorCode[]).filter(
  (code): code is ErrorCode => code !== 'NETWORK_ERROR',
);

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as string[]).includes(value);
