// The function's actions beyond the check (docs/contract.md "Actions"): what each takes and answers.
import type { CheckRefused, CheckRequest, CheckResponse, PhoneSource } from './result';
import type { MaskedFields } from './masking';
import type { ProviderId } from './providers';
import type { CheckOutcome } from './result';

export const ACTIONS = ['check', 'status', 'withdrawConsent', 'myRecords', 'deleteMyRecords', 'stats'] as const;
export type Action = (typeof ACTIONS)[number];

export const isAction = (value: unknown): value is Action =>
  typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);

/** Days `stats` may cover. */
export const STATS_MIN_DAYS = 1;
export const STATS_MAX_DAYS = 90;

export type ActionRequest =
  | CheckRequest
  | { action: 'status' }
  | { action: 'withdrawConsent' }
  | { action: 'myRecords' }
  | { action: 'deleteMyRecords' }
  | { action: 'stats'; days?: number };

/** `status`: whether this caller holds a `01` that still counts. */
export interface StatusAnswer {
  ok: true;
  verified: boolean;
  /** When the `01` was answered (ms); only when verified. */
  verifiedAt?: number;
  masked?: MaskedFields;
  token?: string;
  tokenExpiresAt?: number;
  /** How the form must obtain the mobile (MOBILECHECK_PHONE_SOURCE); absent from older functions: typed. */
  phoneSource?: PhoneSource;
  traceId: string;
}

export interface WithdrawAnswer {
  ok: true;
  withdrawnAt: number;
  traceId: string;
}

/** One of the caller's own verifications, as `myRecords` lists it. */
export interface OwnVerification {
  at: number;
  /** The vendor status, or the error code answered. */
  code: CheckOutcome;
  verified: boolean;
  cached: boolean;
  masked: MaskedFields;
  traceId: string;
  /** The data provider that answered (or refused) this check. */
  provider: ProviderId;
}

export interface OwnConsent {
  at: number;
  agreementVersion: string;
  withdrawnAt?: number;
}

export interface MyRecordsAnswer {
  ok: true;
  records: OwnVerification[];
  consents: OwnConsent[];
  traceId: string;
}

export interface DeleteAnswer {
  ok: true;
  deleted: { consents: number; verifications: number };
  traceId: string;
}

/** One Beijing day of aggregates; no personal data. */
export interface DayStats {
  /** YYYY-MM-DD, Beijing time. */
  day: string;
  requests: number;
  refused: Record<string, number>;
  vendorCalls: number;
  billed: number;
  /** Timeouts and resets: the vendor may have billed them. */
  maybeBilled: number;
  cached: number;
  outcomes: Record<string, number>;
  /** Provider id → its calls and billed calls that day. */
  byProvider: Record<string, { vendorCalls: number; billed: number }>;
  latencyMs: { p50: number | null; p95: number | null };
}

export interface StatsAnswer {
  ok: true;
  /** Newest first, one per day of the period, days without activity included. */
  days: DayStats[];
  quota: { total: number | null; used: number | null; remaining: number | null };
  budget: { daily: number | null; usedToday: number };
  /** Price of one billed call per provider in use, in fen; null when not set. */
  pricesFen: Record<string, number | null>;
  traceId: string;
}

export type ActionAnswer = CheckResponse | StatusAnswer | WithdrawAnswer | MyRecordsAnswer | DeleteAnswer | StatsAnswer | CheckRefused;
