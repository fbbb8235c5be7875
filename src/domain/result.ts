import type { ErrorCode } from './errorCodes';
import type { MaskedFields } from './masking';
import type { ProviderId } from './providers';
import type { VendorStatusCode } from './vendorStatus';

export type FieldName = 'name' | 'idCard' | 'mobile';

/** The consent `acceptAgreement` registered, and the person's confirmation of this one check. */
export interface ConsentInput {
  consentId: string;
  thisCheck: true;
}

/** What the mini-program sends to `mobileCheck` for a check (`action` absent or "check"). */
export interface CheckRequest {
  action?: 'check';
  name: string;
  idCard: string;
  /** Absent when the mobile comes from WeChat's phone number component (`phoneCode`). */
  mobile?: string;
  /** One-time code from `<Button openType="getRealtimePhoneNumber">`; in sandbox mode "sandbox:<11 digits>". */
  phoneCode?: string;
  consent: ConsentInput;
}

/** What a check that reached the vendor came to: its status, or the error code answered. */
export type CheckOutcome = VendorStatusCode | ErrorCode;

/** How the mobile was obtained: typed into the form, or proven by WeChat. */
export type PhoneSource = 'typed' | 'wechat';

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
  /** The data provider that answered (docs/providers.md). */
  provider: ProviderId;
  /** Only on a `01` when a signing key is set: a compact JWS (EdDSA) the operator's backend verifies. */
  token?: string;
  tokenExpiresAt?: number;
}

/** Which limit refused a request (RATE_LIMITED). */
export type RateLimit = 'caller' | 'mobile' | 'identities' | 'requests';

/** No completed check. Only the fields that apply to the code are present. */
export interface CheckRefused {
  ok: false;
  code: ErrorCode;
  message: string;
  traceId: string;
  field?: FieldName;
  agreementVersion?: string;
  retryAfterSeconds?: number;
  limit?: RateLimit;
}

export type CheckResponse = CheckCompleted | CheckRefused;
