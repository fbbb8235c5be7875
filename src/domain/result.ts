import type { ErrorCode } from './errorCodes';
import type { MaskedFields } from './masking';
import type { VendorStatusCode } from './vendorStatus';

export type FieldName = 'name' | 'idCard' | 'mobile';

/** What the mini-program sends to `mobileCheck`. */
export interface CheckRequest {
  name: string;
  idCard: string;
  mobile: string;
  consent: { agreementVersion: string; accepted: boolean };
}

/** The vendor answered with a status. */
export interface CheckCompleted {
  ok: true;
  verified: boolean;
  code: VendorStatusCode;
  message: string;
  carrier: string;
  masked: MaskedFields;
  traceId: string;
  cached: boolean;
}

/** No completed check. Only the fields that apply to the code are present. */
export interface CheckRefused {
  ok: false;
  code: ErrorCode;
  message: string;
  traceId: string;
  field?: FieldName;
  agreementVersion?: string;
  retryAfterSeconds?: number;
}

export type CheckResponse = CheckCompleted | CheckRefused;
