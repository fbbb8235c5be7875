import type { ErrorCode } from '../../../../src/domain';

/** Whether the vendor may have charged for the call: only an HTTP 200 is billed. */
export type Billing = 'billed' | 'not-billed' | 'unknown';

/** A vendor call that produced no status. Carries only facts safe to log: never the URL or body. */
export class VendorError extends Error {
  readonly code: ErrorCode;
  readonly httpStatus: number | undefined;
  readonly billing: Billing;

  constructor(code: ErrorCode, options: { httpStatus?: number; billing: Billing; detail: string }) {
    super(`${code}: ${options.detail}`);
    this.name = 'VendorError';
    this.code = code;
    this.httpStatus = options.httpStatus;
    this.billing = options.billing;
  }
}
