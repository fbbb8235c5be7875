import { isVendorStatusCode, type VendorStatusCode } from '../../../../../src/domain';
import type { RawResponse } from '../httpExchange';
import { parseJson } from '../json';
import { VendorError } from './VendorError';

/** A vendor answer with a status: the only part of the vendor's body the function keeps. */
export interface VendorAnswer {
  status: VendorStatusCode;
  carrier: string;
  vendorTraceId: string;
  httpStatus: number;
}

// Carrier names are short Chinese words (移动, 联通, 电信, 广电); anything else is dropped.
const CARRIER = /^[\p{Script=Han}]{1,8}$/u;
const TRACE_ID = /^[\w.:-]{1,64}$/;

const contains = (text: string, ...needles: string[]): boolean =>
  needles.some((needle) => text.toLowerCase().includes(needle.toLowerCase()));

/**
 * Errors made by Aliyun's API gateway carry X-Ca-Error-Code; match the message by status plus
 * substring. Only the gateway's code goes into the log detail, never its free text.
 */
function gatewayError(httpStatus: number, gatewayCode: string, message: string): VendorError {
  const fail = (code: ConstructorParameters<typeof VendorError>[0]) =>
    new VendorError(code, { httpStatus, billing: 'not-billed', detail: `gateway ${httpStatus} ${gatewayCode}`.trim().slice(0, 80) });
  if (httpStatus >= 500) return fail('VENDOR_UNAVAILABLE');
  if (contains(message, 'Quota Exhausted', 'Quota Expired', 'Arrears')) return fail('VENDOR_QUOTA_EXHAUSTED');
  if (httpStatus === 429 || contains(message, 'Throttled', 'Flow Control')) return fail('VENDOR_THROTTLED');
  if (httpStatus === 401 || httpStatus === 403 || contains(message, 'AppCode', 'Invalid Url', 'Unauthorized')) {
    return fail('SERVICE_MISCONFIGURED');
  }
  return fail('VENDOR_BAD_RESPONSE');
}

/** Turns what came back over HTTP into an answer, or the one error code that describes it. */
export function classifyResponse(response: RawResponse): VendorAnswer {
  const { httpStatus, headers } = response;
  const gatewayCode = headers['x-ca-error-code'];
  if (gatewayCode !== undefined || (httpStatus !== 200 && headers['x-ca-error-message'] !== undefined)) {
    throw gatewayError(httpStatus, (gatewayCode ?? '').replace(/[^\w.-]/g, ''), headers['x-ca-error-message'] ?? '');
  }
  const detail = `backend ${httpStatus}`;
  if (httpStatus >= 500) throw new VendorError('VENDOR_UNAVAILABLE', { httpStatus, billing: 'not-billed', detail });
  if (httpStatus === 429) throw new VendorError('VENDOR_THROTTLED', { httpStatus, billing: 'not-billed', detail });
  if (httpStatus !== 200) throw new VendorError('VENDOR_BAD_RESPONSE', { httpStatus, billing: 'not-billed', detail });

  const parsed = parseJson(response.body);
  if (typeof parsed !== 'object' || parsed === null) {
    throw new VendorError('VENDOR_BAD_RESPONSE', { httpStatus, billing: 'billed', detail: 'body is not a JSON object' });
  }
  const { status, mobileType, traceId } = parsed as Record<string, unknown>;
  if (!isVendorStatusCode(status)) {
    throw new VendorError('VENDOR_BAD_RESPONSE', { httpStatus, billing: 'billed', detail: 'unknown status' });
  }
  return {
    status,
    carrier: typeof mobileType === 'string' && CARRIER.test(mobileType) ? mobileType : '',
    vendorTraceId: typeof traceId === 'string' && TRACE_ID.test(traceId) ? traceId : '',
    httpStatus,
  };
}
