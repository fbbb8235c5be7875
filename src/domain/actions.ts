// The function's actions beyond the check (docs/contract.md "Actions"): what each takes and answers.
import type { CheckRefused, CheckRequest, CheckResponse, PhoneSource } from './result';
import type { MaskedFields } from './masking';
import type { ProviderId } from './providers';
import type { CheckOutcome } from './result';

export const ACTIONS = ['check', 'acceptAgreement', 'status', 'withdrawConsent', 'myRecords', 'deleteMyRecords', 'stats'] as const;
export type Action = (typeof ACTIONS)[number];

export const isAction = (value: unknown): value is Action =>
  typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);

/** Days `stats` may cover. */
export const STATS_MIN_DAYS = 1;
export const STATS_MAX_DAYS = 90;

export type ActionRequest =
  | CheckRequest
  | { action: 'acceptAgreement'; agreementVersion: string; separate: { idCard: boolean; provision: boolean } }
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

/** `acceptAgreement`: the consent as the function registered it, on its own clock. */
export interface AcceptAnswer {
  ok: true;
  consentId: string;
  acceptedAt: number;
  agreementVersion: string;
  /** The edition's readable label, e.g. `2026-12-04 第2版`. */
  edition: string;
  traceId: string;
}

export interface WithdrawAnswer {
  ok: true;
  withdrawnAt: number;
  /** What the withdrawal deleted (PIPL art. 47(1)(3)); consents are kept, marked withdrawn, as evidence. */
  deleted: { verifications: number; claims: number };
  traceId: string;
}

/** One of the caller's own verifications, as `myRecords` lists it. */
export interface OwnVerification {
  at: number;
  /** The vendor status, or the error code answered. */
  code: CheckOutcome;
  verified: boolean;
  masked: MaskedFields;
  traceId: string;
  /** The carrier word the vendor answered; empty when none. */
  carrier: string;
  /** How the mobile was obtained. */
  phone: PhoneSource;
  /** The data provider that answered (or refused) this check. */
  provider: ProviderId;
  /** The label of the agreement edition the check ran under. */
  edition: string;
}

export interface OwnConsent {
  consentId: string;
  acceptedAt: number;
  edition: string;
  agreementVersion: string;
  withdrawnAt?: number;
}

/** What the limits record holds about the caller, in counts (never hashes). */
export interface OwnLimits {
  /** When the record will be gone if nothing more happens (ms). */
  keptUntil: number;
  checksToday: number;
  identities30Days: number;
}

export interface MyRecordsAnswer {
  ok: true;
  records: OwnVerification[];
  consents: OwnConsent[];
  limits: OwnLimits | null;
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

export type ActionAnswer = CheckResponse | AcceptAnswer | StatusAnswer | WithdrawAnswer | MyRecordsAnswer | DeleteAnswer | StatsAnswer | CheckRefused;
