// The function's memory: consent evidence, the audit trail and the counters behind the cost guards.
// Records hold keyed hashes (see ../hash.ts), never a raw name, ID number, mobile or OPENID.
import type { VendorStatusCode } from '../../../../src/domain';
import type { Billing } from '../mobileCheckApi/VendorError';

/** Written before the vendor is called: no record, no call. */
export interface ConsentRecord {
  /** Our trace id of the check; the verification record of the same check carries it too. */
  traceId: string;
  caller: string;
  agreementVersion: string;
  /** Hash of the person checked (their ID number). */
  personHash: string;
  at: number;
}

/** One vendor call and what came of it. */
export interface VerificationRecord {
  traceId: string;
  caller: string;
  tripleHash: string;
  mobileHash: string;
  /** The vendor status, or the error code answered. */
  outcome: string;
  /** Whether this answer may be reused (vendorStatus(code).final); always false for errors. */
  final: boolean;
  /** The carrier word the vendor gave (移动, 联通 …), kept to answer a reused check. */
  carrier: string;
  billing: Billing;
  vendorTraceId: string;
  latencyMs: number;
  at: number;
}

export interface ReusableAnswer {
  code: VendorStatusCode;
  carrier: string;
  traceId: string;
  at: number;
}

/** Everything a reservation checks, computed by the pure policy (../policy.ts). */
export interface AttemptPlan {
  /** Unique per check (our trace id): lets a release undo exactly this reservation. */
  reservationId: string;
  now: number;
  /** Caller hash; the caller limit counts per Beijing calendar day. */
  caller: string;
  callerDay: string;
  callerLimit: number;
  callerResetAt: number;
  /** Mobile hash; the mobile limit counts in a rolling window, across callers. */
  mobile: string;
  mobileLimit: number;
  mobileWindowMs: number;
}

export interface Reservation {
  reservationId: string;
  /** Adapter-specific keys of what was taken, for releaseAttempt. */
  callerKey: string;
  mobileKey: string;
}

export type ReserveResult =
  | { ok: true; reservation: Reservation }
  | { ok: false; limit: 'caller' | 'mobile'; retryAt: number };

export interface PurgeReport {
  consents: number;
  verifications: number;
  counters: number;
}

export interface Store {
  recordConsent(record: ConsentRecord): Promise<void>;
  /** The newest final answer for this caller and triple at or after `since`. */
  findReusableAnswer(query: { caller: string; tripleHash: string; since: number }): Promise<ReusableAnswer | undefined>;
  /** Atomically: if both limits allow one more call, count it and return the reservation. */
  reserveAttempt(plan: AttemptPlan): Promise<ReserveResult>;
  /** Gives back a reservation the vendor did not bill. */
  releaseAttempt(reservation: Reservation): Promise<void>;
  /** Adds the record; a billed one also counts towards the bought quota. */
  recordVerification(record: VerificationRecord): Promise<void>;
  /** Billed calls recorded so far (kept across retention purges). */
  countBilled(): Promise<number>;
  /** True for exactly one caller per quota total: the one that should log the warning. */
  claimQuotaWarning(total: number): Promise<boolean>;
  /** Deletes consents and verifications older than `cutoff`, and counters no longer in force at `now`. */
  purgeOlderThan(cutoff: number, now: number): Promise<PurgeReport>;
}
