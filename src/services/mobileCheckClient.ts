import Taro from '@tarojs/taro';
import { ERROR_MESSAGES, type CheckRefused, type CheckRequest, type CheckResponse, type ErrorCode } from '../domain';

/** How long the h5 page waits for the local host before giving up. */
export const REQUEST_TIMEOUT_MS = 15_000;
export const FUNCTION_NAME = 'mobileCheck';
export const H5_FUNCTION_URL = `/api/functions/${FUNCTION_NAME}`;
export const H5_STATUS_URL = '/api/status';

export type VendorMode = 'sandbox' | 'live';

const refused = (code: ErrorCode): CheckRefused => ({ ok: false, code, message: ERROR_MESSAGES[code], traceId: '' });

/** Accepts only something shaped like the function's output; anything else is treated as unreachable. */
function asResponse(value: unknown): CheckResponse | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<CheckResponse>;
  if (v.ok === true && typeof v.code === 'string' && typeof v.message === 'string' && v.masked) return v as CheckResponse;
  if (v.ok === false && typeof v.code === 'string') {
    const code = v.code as ErrorCode;
    const message = typeof v.message === 'string' && v.message ? v.message : (ERROR_MESSAGES[code] ?? ERROR_MESSAGES.INTERNAL);
    return { ...(v as CheckRefused), message, traceId: typeof v.traceId === 'string' ? v.traceId : '' };
  }
  return null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Asks the `mobileCheck` function. Never throws: a network failure, a timeout or an unreadable
 * answer becomes `{ ok: false, code: 'NETWORK_ERROR' }`.
 * weapp: `Taro.cloud.callFunction`; h5: `POST /api/functions/mobileCheck` on the local host.
 */
export async function callMobileCheck(request: CheckRequest): Promise<CheckResponse> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await withTimeout(
        Taro.cloud.callFunction({ name: FUNCTION_NAME, data: { ...request } }),
        REQUEST_TIMEOUT_MS + 5_000,
      );
      return asResponse(res.result) ?? refused('NETWORK_ERROR');
    }
    const res = await Taro.request<unknown>({
      url: H5_FUNCTION_URL,
      method: 'POST',
      data: request,
      header: { 'content-type': 'application/json' },
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    });
    return asResponse(res.data) ?? refused('NETWORK_ERROR');
  } catch {
    return refused('NETWORK_ERROR');
  }
}

let modePromise: Promise<VendorMode | null> | null = null;

/** h5 only: whether the local host uses the sandbox vendor. Asked once per page load; null when unknown. */
export function fetchVendorMode(): Promise<VendorMode | null> {
  if (process.env.TARO_ENV !== 'h5') return Promise.resolve(null);
  if (!modePromise) {
    modePromise = Taro.request<{ mode?: unknown }>({ url: H5_STATUS_URL, method: 'GET', dataType: 'json', timeout: REQUEST_TIMEOUT_MS })
      .then((res) => {
        const mode = res.data && typeof res.data === 'object' ? res.data.mode : undefined;
        return mode === 'sandbox' || mode === 'live' ? mode : null;
      })
      .catch(() => null);
  }
  return modePromise;
}

/** For tests: forget the cached mode. */
export function resetVendorModeForTests(): void {
  modePromise = null;
}
