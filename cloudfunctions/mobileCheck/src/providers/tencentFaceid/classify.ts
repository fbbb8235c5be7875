// Pure: what Tencent's EncryptedPhoneVerification answered → the product's answer (API document 1007/55050).
import type { RawResponse } from '../httpExchange';
import { parseJson } from '../json';
import type { VendorStatusCode } from '../../../../../src/domain';
import type { Billing, ProviderAnswer, VendorErrorCode } from '../../ports';

/** Result → product status; only `0` and `-4` are billed. */
const STATUSES: ReadonlyMap<string, { status: VendorStatusCode; billing: Billing }> = new Map([
  ['0', { status: '01', billing: 'billed' }],
  ['-4', { status: '02', billing: 'billed' }],
  ['-7', { status: '205', billing: 'not-billed' }],
  ['-9', { status: '202', billing: 'not-billed' }],
]);

/** Result → refusal: not billed. `-11` (验证中心服务繁忙) lets the next provider answer. */
const REFUSALS: ReadonlyMap<string, VendorErrorCode> = new Map([
  ['-8', 'VENDOR_BAD_RESPONSE'],
  ['-11', 'VENDOR_UNAVAILABLE'],
]);

const CARRIER = /^[\p{Script=Han}]{1,8}$/u;
const REQUEST_ID = /^[\w-]{1,64}$/;
const ERROR_CODE = /^[\w.]{1,80}$/;

/** `Response.Error.Code` → refusal, by the documented families (common error codes of API 3.0). */
export function errorCodeOf(code: string): VendorErrorCode {
  if (code.startsWith('AuthFailure')) return 'SERVICE_MISCONFIGURED';
  if (code.startsWith('RequestLimitExceeded')) return 'VENDOR_THROTTLED';
  if (code.startsWith('InternalError')) return 'VENDOR_UNAVAILABLE';
  // 账号已欠费 / 超过配额限制: the account or the bought package ran out.
  if (code.endsWith('.Arrears') || code.startsWith('LimitExceeded')) return 'VENDOR_QUOTA_EXHAUSTED';
  // 未开通 / 无权限: the account is not set up for this API.
  if (code.startsWith('UnauthorizedOperation')) return 'SERVICE_MISCONFIGURED';
  return 'VENDOR_BAD_RESPONSE';
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

export function classifyTencent(response: RawResponse): ProviderAnswer {
  const { httpStatus } = response;
  // Tencent answers every API error inside an HTTP 200; anything else came from before the API, with no Result.
  if (httpStatus >= 500) return { kind: 'refusal', code: 'VENDOR_UNAVAILABLE', billing: 'not-billed', httpStatus, detail: `HTTP ${httpStatus}` };
  if (httpStatus !== 200) return { kind: 'refusal', code: 'VENDOR_BAD_RESPONSE', billing: 'not-billed', httpStatus, detail: `HTTP ${httpStatus}` };
  const answer = record(record(parseJson(response.body))?.Response);
  if (!answer) return { kind: 'refusal', code: 'VENDOR_BAD_RESPONSE', billing: 'unknown', httpStatus, detail: 'no Response object' };

  const error = record(answer.Error);
  if (error) {
    const code = typeof error.Code === 'string' && ERROR_CODE.test(error.Code) ? error.Code : 'unreadable';
    return { kind: 'refusal', code: errorCodeOf(code), billing: 'not-billed', httpStatus, detail: `error ${code}` };
  }
  const result = typeof answer.Result === 'string' ? answer.Result : '';
  const status = STATUSES.get(result);
  if (status) {
    return {
      kind: 'status', ...status, httpStatus,
      carrier: typeof answer.ISP === 'string' && CARRIER.test(answer.ISP) ? answer.ISP : '',
      providerTraceId: typeof answer.RequestId === 'string' && REQUEST_ID.test(answer.RequestId) ? answer.RequestId : '',
    };
  }
  const refusal = REFUSALS.get(result);
  if (refusal) return { kind: 'refusal', code: refusal, billing: 'not-billed', httpStatus, detail: `Result ${result}` };
  return { kind: 'refusal', code: 'VENDOR_BAD_RESPONSE', billing: 'unknown', httpStatus, detail: 'unknown Result' };
}
