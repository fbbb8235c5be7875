// The provider port: ask one data provider about three fields. Each provider folder turns its own
// protocol into this answer; the handler sees nothing else of it.
import type { ErrorCode, PersonFields, ProviderId, VendorStatusCode } from '../../../../src/domain';

/** Whether the provider may have charged for the call: yes, no, maybe. */
export type Billing = 'billed' | 'not-billed' | 'unknown';

/** The codes a provider call can end with when it produced no status. */
export type VendorErrorCode = Extract<ErrorCode,
  'SERVICE_MISCONFIGURED' | 'VENDOR_QUOTA_EXHAUSTED' | 'VENDOR_THROTTLED' | 'VENDOR_TIMEOUT' | 'VENDOR_UNAVAILABLE' | 'VENDOR_BAD_RESPONSE'>;

/** Provider failures only the operator can fix (the credentials, the bought package): logged as errors. */
export const OPERATOR_FAULTS: ReadonlySet<VendorErrorCode> = new Set(['SERVICE_MISCONFIGURED', 'VENDOR_QUOTA_EXHAUSTED']);

/** What one call to one provider came to. Carries only facts safe to log and store. */
export type ProviderAnswer =
  | { kind: 'status'; status: VendorStatusCode; billing: Billing; carrier: string; providerTraceId: string; httpStatus: number }
  | { kind: 'refusal'; code: VendorErrorCode; billing: Billing; httpStatus?: number; detail: string };

/** One call, never retried: any call that reached the provider may have been billed. */
export interface Provider {
  readonly id: ProviderId;
  ask(fields: PersonFields): Promise<ProviderAnswer>;
}
