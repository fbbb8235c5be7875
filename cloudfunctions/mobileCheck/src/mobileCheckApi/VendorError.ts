import type { ErrorCode } from '../../../../src/domain';

/** Whether the vendor may have charged for the call: only an HTTP 200 is billed. */
export type Billing = 'billed' | 'not-billed' | 'unknown';

/** The codes a vendor call can end with when it produced no status. */
export type VendorErrorCode = Extract<ErrorCode,
  'SERVICE_MISCONFIGURED' | 'VENDOR_QUOTA_EXHAUSTED' | 'VENDOR_THROTTLED' | 'VENDOR_TIMEOUT' | 'VENDOR_UNAVAILABLE' | 'VENDOR_BAD_RESPONSE'>;

/** Vendor failures only the operator can fix (the appCode, the bought package): logged as errors. */
export const OPERATOR_FAULTS: ReadonlySet<VendorErrorCode> = new Set(['SERVICE_MISCONFIGURED', 'VENDOR_QUOTA_EXHAUSTED']);

/** A vendor call that produced no status. Carries only facts safe to log: never the URL or body. */
export class VendorError extends Error {
  readonly code: VendorErrorCode;
  readonly httpStatus: number | undefined;
  readonly billing: Billing;

  constructor(code: VendorErrorCode, options: { httpStatus?: number; billing: Billing; detail: string }) {
    super(`${code}: ${options.detail}`);
    this.name = 'VendorError';
    this.code = code;
    this.httpStatus = options.httpStatus;
    this.billing = options.billing;
  }
}
