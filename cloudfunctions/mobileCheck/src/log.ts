import type { MaskedFields, ProviderId, RateLimit } from '../../../src/domain';
import type { DayStats } from '../../../src/domain';
import type { Billing } from './providers/port';
import type { PurgeReport } from './store/types';

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

/** Written by the daily timer: yesterday's totals, for log-based alarms and a glance in the console. */
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

export type Logger = (line: LogLine) => void;

export const jsonLogger: Logger = (line) => {
  console.log(JSON.stringify(line));
};
