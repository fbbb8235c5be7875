import type { ErrorCode } from '../../../../src/domain';

export type PhoneExchangeFailure = Extract<ErrorCode, 'PHONE_CODE_INVALID' | 'PHONE_QUOTA_EXHAUSTED' | 'PHONE_UNAVAILABLE'>;

/**
 * The mobile WeChat proved, or why not. `detail` is a short reason for the log: it never holds the
 * code or the number.
 */
export type PhoneExchangeResult =
  | { ok: true; mobile: string }
  | { ok: false; code: PhoneExchangeFailure; detail: string };

/** Turns the one-time code of `<Button openType="getRealtimePhoneNumber">` into the mobile. */
export interface PhoneExchange {
  exchange(code: string): Promise<PhoneExchangeResult>;
}
