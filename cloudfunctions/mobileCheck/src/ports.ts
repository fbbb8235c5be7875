// The function's edges: everything with I/O, time or randomness comes in through these interfaces,
// so the handler's steps can be tested with stand-ins and the pure parts never reach out.
import type { ErrorCode, MaskedFields, PhoneSource } from '../../../src/domain';

export type { Hasher } from './hash';
export type { Logger } from './log';
export type { VendorClient } from './mobileCheckApi/client';
export type { Store } from './store/types';

export interface Clock {
  now(): number;
}

export type Sleep = (ms: number) => Promise<void>;

/** Signs a `01` for the operator's backend (see token/). */
export interface TokenIssuer {
  issue(input: { caller: string; traceId: string; masked: MaskedFields; agreementVersion: string; phone: PhoneSource; now: number }): {
    token: string;
    expiresAt: number;
  };
}

export type PhoneExchangeResult =
  | { ok: true; mobile: string }
  | { ok: false; code: Extract<ErrorCode, 'PHONE_CODE_INVALID' | 'PHONE_QUOTA_EXHAUSTED' | 'PHONE_UNAVAILABLE'>; detail: string };

/** Turns the one-time code of WeChat's phone number component into the number WeChat verified. */
export interface PhoneExchange {
  exchange(code: string): Promise<PhoneExchangeResult>;
}
