import type { MaskedFields } from '../../../src/domain';
import type { PurgeReport } from './store/types';
import type { Billing } from './mobileCheckApi/VendorError';

/**
 * One structured line per call. Only masked fields: raw personal data, their hashes and the appCode
 * never get here (hashes stay in the store).
 */
export interface CheckLogLine {
  level: 'info' | 'warn' | 'error';
  event: 'mobileCheck';
  traceId: string;
  /** The vendor status, or the error code answered. */
  outcome: string;
  latencyMs: number;
  masked?: MaskedFields;
  vendorHttpStatus?: number;
  vendorTraceId?: string;
  /** Whether this call may have cost money: only calls that reached the vendor have it. */
  billing?: Billing;
  /** True when the answer came from an earlier call (store or a concurrent identical request). */
  cached?: boolean;
  /** For a cached answer from the store: the trace id of the call that paid for it. */
  cachedFrom?: string;
  /** Which limit refused the call (RATE_LIMITED). */
  limit?: 'caller' | 'mobile';
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

export type LogLine = CheckLogLine | QuotaWarningLine | PurgeLogLine;

export type Logger = (line: LogLine) => void;

export const jsonLogger: Logger = (line) => {
  console.log(JSON.stringify(line));
};
