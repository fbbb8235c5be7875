// The function's ports: every interface its use cases need from the outside world, defined here
// and nowhere else. Adapters (providers/, store/, token/, phoneNumber/, hash.ts, log.ts) import
// this file and implement it; this file imports only the shared domain. Nothing here does I/O.
import type {
  CheckOutcome, DayStats, ErrorCode, MaskedFields, PersonFields, PhoneSource, ProviderId, RateLimit, VendorStatusCode,
} from '../../../src/domain';

// ---- Time --------------------------------------------------------------------------------------

export interface Clock {
  now(): number;
}

export type Sleep = (ms: number) => Promise<void>;

// ---- Data providers (providers/*) ---------------------------------------------------------------

/** Whether the provider may have charged for the call: yes, no, maybe. */
export type Billing = 'billed' | 'not-billed' | 'unknown';

/** The codes a provider call can end with when it produced no status. */
export type VendorErrorCode = Extract<ErrorCode,
  'SERVICE_MISCONFIGURED' | 'VENDOR_QUOTA_EXHAUSTED' | 'VENDOR_THROTTLED' | 'VENDOR_TIMEOUT' | 'VENDOR_UNAVAILABLE' | 'VENDOR_BAD_RESPONSE'>;

/** What one call to one provider came to. Carries only facts safe to log and store. */
export type ProviderAnswer =
  | { kind: 'status'; status: VendorStatusCode; billing: Billing; carrier: string; providerTraceId: string; httpStatus: number }
  | { kind: 'refusal'; code: VendorErrorCode; billing: Billing; httpStatus?: number; detail: string };

/** One data provider. One call, never retried: any call that reached the provider may have been billed. */
export interface Provider {
  readonly id: ProviderId;
  ask(fields: PersonFields): Promise<ProviderAnswer>;
}

// ---- WeChat phone number (phoneNumber/*) --------------------------------------------------------

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

// ---- Keyed hashes (hash.ts) ---------------------------------------------------------------------

/** What a hash stands for; each kind gets its own domain so equal inputs of different kinds never collide. */
export type HashKind = 'caller' | 'person' | 'triple' | 'mobile';

/** Keyed hashes stored instead of personal data; without the secret they cannot be reversed by guessing. */
export interface Hasher {
  hash(kind: HashKind, value: string): string;
}

// ---- Signed result tokens (token/*) -------------------------------------------------------------

/** What a use case gives for one token. */
export interface TokenIssueInput {
  caller: string;
  traceId: string;
  /** Already masked: the token is readable by anyone who holds it. */
  masked: MaskedFields;
  agreementVersion: string;
  phone: PhoneSource;
  provider: ProviderId;
  /** ms since the epoch. */
  now: number;
}

export interface IssuedToken {
  /** Compact JWS (RFC 7515), EdDSA (RFC 8037). */
  token: string;
  /** `exp` in ms since the epoch, as the answer's `tokenExpiresAt`. */
  expiresAt: number;
}

/** Signs the token of a `01` answer (fresh, cached, or the `status` action's). */
export interface TokenIssuer {
  issue(input: TokenIssueInput): IssuedToken;
}

// ---- Log lines (log.ts writes them) -------------------------------------------------------------

/**
 * One structured line per call. Only masked fields: raw personal data, their hashes and the appCode
 * never get here (hashes stay in the store).
 */
export interface CheckLogLine {
  level: 'info' | 'warn' | 'error';
  event: 'mobileCheck';
  /** Absent for checks. */
  action?: string;
  traceId: string;
  /** The vendor status, or the error code answered, or "ok" for actions. */
  outcome: string;
  latencyMs: number;
  masked?: MaskedFields;
  vendorHttpStatus?: number;
  vendorTraceId?: string;
  /** Whether this call may have cost money: only calls that reached the vendor have it. */
  billing?: Billing;
  /** The provider whose answer (or refusal) this is. */
  provider?: ProviderId;
  /** Provider calls made: 2 after a failover. */
  providerCalls?: number;
  /** True when the answer came from an earlier call (store, another instance, or a concurrent request). */
  cached?: boolean;
  /** For a reused answer: the trace id of the call that paid for it. */
  cachedFrom?: string;
  limit?: RateLimit;
  retryAfterSeconds?: number;
  /** A short, data-free reason for failures (e.g. "gateway 403 Quota Exhausted"). */
  detail?: string;
}

/** Once per quota total: billed calls passed 80 % of what was bought, like the vendor's 20 %-left alert. */
export interface QuotaWarningLine {
  level: 'warn';
  event: 'quotaWarning';
  billed: number;
  total: number;
  percentUsed: number;
}

/** The timer trigger's retention purge. */
export interface PurgeLogLine {
  level: 'info' | 'error';
  event: 'retentionPurge';
  cutoff: string;
  removed?: PurgeReport;
  detail?: string;
}

/** Written by the hourly timer's first run at or after 03:00 Beijing time: yesterday's totals, for log-based alarms and a glance in the console. */
export interface DigestLogLine {
  level: 'info';
  event: 'dailyDigest';
  totals: DayStats;
}

/** The operator's budget or bought quota stopped a check: point a log alarm at this line. */
export interface SpendStopLine {
  level: 'error';
  event: 'spendStopped';
  traceId: string;
  dailyBudget?: number;
  quotaTotal?: number;
  spend: { today: number; total: number };
}

/** At load: a MOBILECHECK_* variable nothing reads (a misspelling); its value is never logged. */
export interface UnknownSettingLine {
  level: 'warn';
  event: 'unknownSetting';
  name: string;
}

export type LogLine = CheckLogLine | QuotaWarningLine | PurgeLogLine | DigestLogLine | SpendStopLine | UnknownSettingLine;

/** Where log lines go. */
export type Logger = (line: LogLine) => void;

// ---- The store (store/*, and local-host's SQLite store) -----------------------------------------
// The function's memory: consent evidence, the audit trail, claims, limits and daily aggregates.
// Records hold keyed hashes and masked fields, never a raw name, ID number, mobile or OPENID. Each
// method is one database round trip in the cloud adapter (calls inside run in parallel), so a
// billed check costs open + reserve + complete = 3 sequential round trips.

/** Counts of one Beijing day; every field adds up, so instances and round trips can merge them (aggregates.ts). */
export interface Aggregates {
  requests: number;
  vendorCalls: number;
  billed: number;
  maybeBilled: number;
  cached: number;
  refused: Record<string, number>;
  outcomes: Record<string, number>;
  /** Bucket index (as a string) → count, see LATENCY_BUCKETS_MS. */
  latency: Record<string, number>;
  /** Provider id → its calls and billed calls (a failover makes two calls for one check). */
  byProvider: Record<string, ProviderCounts>;
}

export interface ProviderCounts {
  vendorCalls: number;
  billed: number;
}

/** The hashes a check is keyed by. */
export interface CheckKeys {
  caller: string;
  /** The three fields together: claims and cached answers are per caller + triple. */
  triple: string;
  /** The ID number: the identities limit counts distinct people per caller. */
  person: string;
  mobile: string;
}

/** Per-caller limit state, one document per caller; its `version` makes updates compare-and-set. */
export interface CallerLimits {
  /** Beijing day (YYYYMMDD) the day counts belong to. */
  day: string;
  /** Vendor calls caused today. */
  calls: number;
  /** Vendor calls today per mobile hash. */
  mobiles: Record<string, number>;
  /** Person hash → until (ms): distinct people checked in the identities window. */
  identities: Record<string, number>;
  /** The caller's last server-side withdrawal of consent. */
  withdrawnAt?: number;
  /**
   * The caller's last erasure of their records: a check begun before it neither reserves nor
   * keeps a record (reserve refuses; complete removes what it wrote). Any right that removes the
   * caller's records sets it (store.stampCaller).
   */
  erasedAt?: number;
  version: number;
}

export interface ClaimAnswer {
  code: VendorStatusCode;
  carrier: string;
  traceId: string;
  at: number;
  /** vendorStatus(code).final: only final answers are reused. */
  final: boolean;
  /** The provider that answered. */
  provider: ProviderId;
}

/**
 * The claim: the billing lock on one check. One vendor call per caller + triple at a time, across
 * instances; when done it holds the answer (reused for the cache period).
 */
export interface Claim {
  state: 'pending' | 'done';
  holder: string;
  /** A pending claim older than this was abandoned (its instance died) and may be taken over. */
  until: number;
  answer?: ClaimAnswer;
  /** The error the holder's call ended with (no answer to share). */
  failed?: ErrorCode;
}

/** What round trip 1 learns. */
export interface Opened {
  /** False when this request is over the caller's daily request cap (it was not counted). */
  requestCounted: boolean;
  claim: Claim | undefined;
  limits: CallerLimits | undefined;
  /** Billed calls reserved today (all callers) and in total. */
  spend: { today: number; total: number };
}

/**
 * Consent evidence. `agreement`: registered by `acceptAgreement` (its id is the consentId, its time the
 * function's clock). `check`: the person's confirmation of one check, written together with the
 * reservation (only when the vendor will be called), naming the agreement it relied on.
 */
export interface ConsentRecord {
  kind: 'agreement' | 'check';
  consentId: string;
  traceId: string;
  caller: string;
  /** The three fields' hash for a `check`; empty for an `agreement`. */
  triple: string;
  agreementVersion: string;
  acceptedAt: number;
  at: number;
  withdrawnAt?: number;
}

export interface ReserveInput {
  traceId: string;
  keys: CheckKeys;
  now: number;
  /** The pure limits policy: the caller's limits after this call, or why not. Re-run on a lost race. */
  admit(current: CallerLimits | undefined): { ok: true; next: CallerLimits } | { ok: false; refusal: LimitRefusal } | { ok: false; withdrawn: true };
  /** The limits as round trip 1 read them: the first compare-and-set expects these. */
  seen: CallerLimits | undefined;
  /** The claim as round trip 1 saw it (taken over when abandoned or not reusable). */
  seenClaim: Claim | undefined;
  claimUntil: number;
  consent: ConsentRecord;
  /** What the verification record says besides the outcome (written as "no answer yet" at reservation, naming the first provider to be asked). */
  record: Pick<VerificationRecord, 'masked' | 'agreementVersion' | 'phone' | 'provider'>;
  day: string;
  dailyBudget: number | undefined;
  quotaTotal: number | undefined;
}

export interface Reservation {
  traceId: string;
  keys: CheckKeys;
  day: string;
  now: number;
  /** When the consent this check relies on was given: a withdrawal stamped at or after it covers the check's consent too. */
  acceptedAt: number;
}

export type Reserved =
  | { ok: true; reservation: Reservation }
  | { ok: false; reason: 'limits'; refusal: LimitRefusal }
  | { ok: false; reason: 'withdrawn' }
  | { ok: false; reason: 'budget' }
  | { ok: false; reason: 'claimed' }
  /** The caller's limits kept changing under this reservation (their own burst): nothing was taken; retry shortly. */
  | { ok: false; reason: 'busy' };

/** One vendor call and what came of it. */
export interface VerificationRecord {
  traceId: string;
  caller: string;
  triple: string;
  /** The vendor status, or the error code answered. */
  outcome: CheckOutcome;
  carrier: string;
  /** The provider whose answer this is: the billed one when a call was billed. */
  provider: ProviderId;
  /** What the check's calls cost together (a failover may make two calls). */
  billing: Billing;
  vendorTraceId: string;
  latencyMs: number;
  at: number;
  masked: MaskedFields;
  agreementVersion: string;
  phone: PhoneSource;
}

export interface CompleteInput {
  reservation: Reservation;
  record: VerificationRecord;
  /** What the claim now holds: the answer, or the error code waiting requests answer with. */
  answer: ClaimAnswer | { failed: ErrorCode };
  /** This check's aggregates plus what the instance held in memory, per Beijing day. */
  aggregates: Map<string, Aggregates>;
}

export interface OwnRecords {
  verifications: VerificationRecord[];
  consents: ConsentRecord[];
  /** The caller's limits record as stored (expired entries may still be in it). */
  limits: CallerLimits | undefined;
}

export interface PurgeReport {
  consents: number;
  verifications: number;
  claims: number;
  counters: number;
  stats: number;
  /** Give-backs that had failed, settled now. */
  debts: number;
}

/** Why a caller's limits refuse a call; retryAt in ms. */
export interface LimitRefusal {
  limit: Exclude<RateLimit, 'requests'>;
  retryAt: number;
}

export interface Store {
  /** Round trip 1: count the request (unless over the cap, or `counted` already) and read claim, limits and spend. */
  open(input: { keys: CheckKeys; day: string; requestLimit: number; now: number; traceId: string; counted?: boolean }): Promise<Opened>;
  /** Counts one request of the caller's (the other actions): false, uncounted, when over the cap. */
  countRequest(input: { caller: string; day: string; requestLimit: number; now: number; traceId: string }): Promise<boolean>;
  /** Round trip 2: claim, consent evidence, caller limits, budget and quota, all or nothing. */
  reserve(input: ReserveInput): Promise<Reserved>;
  /**
   * Round trip 3: the verification record, the claim's answer, the day's aggregates. Each part on
   * its own: a failed record must not re-count aggregates that were written.
   */
  complete(input: CompleteInput): Promise<{ recorded: boolean; aggregatesWritten: boolean }>;
  /**
   * Gives back a reservation the vendor did not bill: the caller's call and mobile count, budget,
   * quota; each at most once. What still fails is written down and settled by the next purge.
   */
  release(reservation: Reservation): Promise<void>;
  readClaim(keys: CheckKeys): Promise<Claim | undefined>;

  /** Registers an agreement consent (`kind: 'agreement'`), keyed by its consentId. */
  recordAgreement(consent: ConsentRecord): Promise<void>;
  /** The caller's agreement consent with this id, withdrawn or not; undefined when there is none. */
  readAgreement(caller: string, consentId: string): Promise<ConsentRecord | undefined>;
  /**
   * Stamps the caller's withdrawal and erasure (later checks refused; a check in flight keeps no
   * record), marks their consents withdrawn (kept as evidence) and deletes the verifications and
   * claims written by then (PIPL art. 47(1)(3)); answered only once in force.
   */
  withdraw(caller: string, at: number): Promise<{ verifications: number; claims: number }>;
  /** Stamps `withdrawnAt` or `erasedAt` in the caller's limits: the marker reserve() and complete() respect. */
  stampCaller(caller: string, at: number, stamp: 'withdrawnAt' | 'erasedAt'): Promise<void>;
  ownRecords(caller: string): Promise<OwnRecords>;
  /** Stamps `erasedAt` first, then deletes: a check in flight cannot bring a record back. */
  deleteOwn(caller: string, at: number): Promise<{ consents: number; verifications: number }>;
  /** The caller's newest `01` at or after `since`. */
  latestPass(caller: string, since: number): Promise<VerificationRecord | undefined>;

  addAggregates(aggregates: Map<string, Aggregates>): Promise<void>;
  /** Billed calls reserved on `day` (all callers) and in total. */
  readSpend(day: string): Promise<{ today: number; total: number }>;
  readAggregates(days: string[]): Promise<Map<string, Aggregates>>;
  /** Run-once flag: true for exactly one caller per quota total, the one that should log the warning. */
  markQuotaWarned(total: number): Promise<boolean>;

  /** Run-once flag: true for exactly one caller per slot (e.g. "purge:<hour>", "digest:<day>"); kept until `until`. */
  markOnce(slot: string, until: number): Promise<boolean>;
  /** Deletes what is older than `cutoff` and counters no longer in force, in batches until `deadline`. */
  purge(cutoff: number, now: number, deadline: () => boolean): Promise<PurgeReport>;
}
