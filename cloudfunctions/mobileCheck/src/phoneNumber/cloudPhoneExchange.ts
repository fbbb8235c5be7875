import type { PhoneExchange, PhoneExchangeFailure, PhoneExchangeResult } from '../ports';

/** phonenumber.getPhoneNumber's answer as wx-server-sdk returns it (snake_case turned camelCase). */
export interface GetPhoneNumberResponse {
  errCode?: number | string;
  errMsg?: string;
  phoneInfo?: {
    phoneNumber?: string;
    /** Without the country code. */
    purePhoneNumber?: string;
    /** Documented as a string; the documented example shows the number 86. */
    countryCode?: string | number;
    watermark?: { timestamp?: number; appid?: string };
  };
}

/** The part of wx-server-sdk's `cloud.openapi` this needs; tests pass a stand-in. */
export interface PhoneNumberOpenApi {
  phonenumber: { getPhoneNumber(data: { code: string }): Promise<GetPhoneNumberResponse> };
}

// errcodes of phonenumber.getPhoneNumber (WeChat's server API doc "获取手机号": -1 system busy,
// 40029 invalid code, 45011 frequency limit, 40013 invalid appid; each code works once, for 5
// minutes), WeChat's global codes (40163 code already used, 48001 API not authorized) and
// wx-server-sdk's own (-604101: the function lacks the permission in config.json). 1400001 ("quota
// used up") is documented for the page's component (e.detail.errno), not for this API: mapped
// in case the server passes it on.
const KNOWN_ERRORS: Record<number, [PhoneExchangeFailure, string]> = {
  40029: ['PHONE_CODE_INVALID', 'code invalid or expired'],
  40163: ['PHONE_CODE_INVALID', 'code already used'],
  1400001: ['PHONE_QUOTA_EXHAUSTED', 'paid phone-number quota used up'],
  45011: ['PHONE_UNAVAILABLE', 'frequency limit'],
  [-1]: ['PHONE_UNAVAILABLE', 'WeChat system busy'],
  40013: ['PHONE_UNAVAILABLE', 'invalid appid'],
  48001: ['PHONE_UNAVAILABLE', 'API not authorized: verified non-personal mini-programs only'],
  [-604101]: ['PHONE_UNAVAILABLE', 'no permission: declare phonenumber.getPhoneNumber in config.json permissions.openapi'],
};

const MAINLAND = '86';
const ELEVEN_DIGITS = /^\d{11}$/;

const failure = (code: PhoneExchangeFailure, detail: string): PhoneExchangeResult => ({ ok: false, code, detail });

function fromErrCode(errCode: number): PhoneExchangeResult {
  const [code, reason] = KNOWN_ERRORS[errCode] ?? ['PHONE_UNAVAILABLE', 'unexpected error'];
  return failure(code, `getPhoneNumber errCode ${errCode}: ${reason}`);
}

const errCodeOf = (value: unknown): number | undefined => {
  const errCode = typeof value === 'object' && value !== null ? Number((value as { errCode?: unknown }).errCode) : NaN;
  return Number.isInteger(errCode) ? errCode : undefined;
};

function fromResponse(response: GetPhoneNumberResponse): PhoneExchangeResult {
  const errCode = errCodeOf(response);
  if (errCode !== undefined && errCode !== 0) return fromErrCode(errCode);
  const info = response.phoneInfo;
  if (typeof info?.purePhoneNumber !== 'string') return failure('PHONE_UNAVAILABLE', 'getPhoneNumber answered without phoneInfo');
  if (String(info.countryCode) !== MAINLAND) return failure('PHONE_UNAVAILABLE', 'not a mainland China number (countryCode is not 86)');
  if (!ELEVEN_DIGITS.test(info.purePhoneNumber)) return failure('PHONE_UNAVAILABLE', 'not an 11-digit number');
  return { ok: true, mobile: info.purePhoneNumber };
}

/** The real exchange, over `cloud.openapi` (declared in config.json `permissions.openapi`). */
export function cloudPhoneExchange(openapi: PhoneNumberOpenApi): PhoneExchange {
  return {
    async exchange(code) {
      if (!code) return failure('PHONE_CODE_INVALID', 'empty code');
      let response: GetPhoneNumberResponse;
      try {
        response = await openapi.phonenumber.getPhoneNumber({ code });
      } catch (error) {
        // wx-server-sdk throws for every non-zero errcode, with the errcode on the error.
        const errCode = errCodeOf(error);
        return errCode === undefined ? failure('PHONE_UNAVAILABLE', 'getPhoneNumber call failed without errCode') : fromErrCode(errCode);
      }
      return fromResponse(response);
    },
  };
}
