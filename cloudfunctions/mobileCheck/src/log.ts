import type { MaskedFields } from '../../../src/domain';
import type { Billing } from './vendor/VendorError';

/** One structured line per call. Only masked fields: raw personal data and the appCode never get here. */
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
  billing?: Billing;
  cached?: boolean;
  /** A short, data-free reason for failures (e.g. "gateway 403 Quota Exhausted"). */
  detail?: string;
}

export type Logger = (line: CheckLogLine) => void;

export const jsonLogger: Logger = (line) => {
  console.log(JSON.stringify(line));
};
