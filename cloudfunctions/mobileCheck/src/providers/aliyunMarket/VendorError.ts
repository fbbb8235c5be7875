import type { Billing, VendorErrorCode } from '../../ports';

/** An Aliyun market call that produced no status. Carries only facts safe to log: never the URL or body. */
export class VendorError extends Error {
  readonly code: VendorErrorCode;
  readonly httpStatus: number | undefined;
  readonly billing: Billing;
  /** Safe to log: the reason without the code. */
  readonly detail: string;

  constructor(code: VendorErrorCode, options: { httpStatus?: number; billing: Billing; detail: string }) {
    super(`${code}: ${options.detail}`);
    this.name = 'VendorError';
    this.code = code;
    this.httpStatus = options.httpStatus;
    this.billing = options.billing;
    this.detail = options.detail;
  }
}
