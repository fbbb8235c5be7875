// Pure last step: what a check came to → the answer for the caller and the log line for the operator.
import {
  refusalMessage,
  vendorStatus,
  type CheckCompleted,
  type CheckRefused,
  type CheckResponse,
  type ErrorCode,
  type FieldName,
  type MaskedFields,
  type ProviderId,
  type RateLimit,
} from '../../../../src/domain';
import { retryAfterSeconds } from '../policy';
import type { Billing, CheckLogLine, ClaimAnswer } from '../ports';

export type Outcome =
  | {
    kind: 'answer';
    answer: ClaimAnswer;
    cached: boolean;
    cachedFrom?: string;
    billing?: Billing;
    vendorHttpStatus?: number;
    vendorTraceId?: string;
    /** The vendor answered but the record could not be written. */
    unrecorded?: boolean;
    /** Provider calls this check made: 2 after a failover. */
    calls?: number;
  }
  | {
    kind: 'refused';
    code: ErrorCode;
    message?: string;
    field?: FieldName;
    agreementVersion?: string;
    limit?: RateLimit;
    retryAt?: number;
    billing?: Billing;
    vendorHttpStatus?: number;
    cached?: boolean;
    detail?: string;
    level?: CheckLogLine['level'];
    /** The provider whose refusal this is, when one was called. */
    provider?: ProviderId;
    calls?: number;
  };

export type Presented = { response: CheckResponse; line: Omit<CheckLogLine, 'latencyMs'> };

export function present(
  outcome: Outcome,
  context: { traceId: string; now: number; masked?: MaskedFields; token?: { token: string; expiresAt: number } },
): Presented {
  const { traceId, masked } = context;
  if (outcome.kind === 'answer') {
    const status = vendorStatus(outcome.answer.code);
    const response: CheckCompleted = {
      ok: true, verified: status.verdict === 'pass', code: status.code, message: status.message, carrier: outcome.answer.carrier,
      masked: masked ?? { name: '', idCard: '', mobile: '' }, traceId, cached: outcome.cached, provider: outcome.answer.provider,
      ...(context.token && { token: context.token.token, tokenExpiresAt: context.token.expiresAt }),
    };
    const line: Presented['line'] = {
      level: outcome.unrecorded ? 'error' : 'info', event: 'mobileCheck', traceId, outcome: status.code, masked, cached: outcome.cached,
      billing: outcome.billing ?? 'not-billed', provider: outcome.answer.provider,
      ...(outcome.calls !== undefined && { providerCalls: outcome.calls }),
      ...(outcome.cachedFrom && { cachedFrom: outcome.cachedFrom }),
      ...(outcome.vendorHttpStatus !== undefined && { vendorHttpStatus: outcome.vendorHttpStatus }),
      ...(outcome.vendorTraceId && { vendorTraceId: outcome.vendorTraceId }),
      ...(outcome.unrecorded && { detail: 'verification record not written' }),
    };
    return { response, line };
  }
  const seconds = outcome.retryAt === undefined ? undefined : retryAfterSeconds(outcome.retryAt, context.now);
  const message = refusalMessage({ code: outcome.code, message: outcome.message, limit: outcome.limit, waitSeconds: seconds });
  const response: CheckRefused = {
    ok: false, code: outcome.code, message, traceId,
    ...(outcome.field && { field: outcome.field }),
    ...(outcome.agreementVersion && { agreementVersion: outcome.agreementVersion }),
    ...(seconds !== undefined && { retryAfterSeconds: seconds }),
    ...(outcome.limit && { limit: outcome.limit }),
  };
  const line: Presented['line'] = {
    level: outcome.level ?? 'info', event: 'mobileCheck', traceId, outcome: outcome.code,
    // Someone without a valid consent (never given, or withdrawn) leaves not even masked fields.
    ...(masked && outcome.code !== 'CONSENT_REQUIRED' && { masked }),
    ...(outcome.limit && { limit: outcome.limit }),
    ...(seconds !== undefined && { retryAfterSeconds: seconds }),
    ...(outcome.billing && { billing: outcome.billing }),
    ...(outcome.provider && { provider: outcome.provider }),
    ...(outcome.calls !== undefined && { providerCalls: outcome.calls }),
    ...(outcome.vendorHttpStatus !== undefined && { vendorHttpStatus: outcome.vendorHttpStatus }),
    ...(outcome.cached && { cached: true }),
    ...(outcome.detail && { detail: outcome.detail }),
  };
  return { response, line };
}
