// A stand-in for wx-server-sdk's `cloud.openapi.phonenumber.getPhoneNumber`, answering as the SDK
// does over WeChat's documented shape: on errcode 0 the camelCased body plus `errCode: 0`; on any
// other errcode a thrown error carrying `errCode` and `errMsg` (the SDK's CloudSDKError). Each code
// works once, like WeChat's (5 minutes, single use).
import type { GetPhoneNumberResponse, PhoneNumberOpenApi } from '../../cloudfunctions/mobileCheck/src/host';

const API = 'openapi.phonenumber.getPhoneNumber';

/** What a code stands for: a phone (country code "86" unless given) or a WeChat error. */
export type StandInAnswer = { purePhoneNumber: string; countryCode?: string | number } | { errcode: number; errmsg: string };

/** WeChat's errors as they arrive through the SDK, for tests of each one. */
export const WECHAT_ERRORS = {
  invalidCode: { errcode: 40029, errmsg: 'invalid code hint: [standin] rid: 0' },
  codeUsed: { errcode: 40163, errmsg: 'code been used, hint: [standin] rid: 0' },
  quotaUsedUp: { errcode: 1400001, errmsg: 'quota used up' },
  frequencyLimit: { errcode: 45011, errmsg: 'api minute-quota reach limit  mustslower  retry next minute' },
  systemBusy: { errcode: -1, errmsg: 'system error' },
  apiUnauthorized: { errcode: 48001, errmsg: 'api unauthorized' },
  functionWithoutPermission: { errcode: -604101, errmsg: 'function has no permission to call this API' },
  somethingElse: { errcode: 61450, errmsg: 'system error' },
} as const;

export function sdkError(errcode: number, errmsg: string): Error & { errCode: number; errMsg: string } {
  const errMsg = `${API}:fail ${errmsg}`;
  return Object.assign(new Error(`errCode: ${errcode} | errMsg: ${errMsg}`), { errCode: errcode, errMsg });
}

export function phoneOpenapiStandIn(answers: Record<string, StandInAnswer>): { openapi: PhoneNumberOpenApi; calls: () => number } {
  const used = new Set<string>();
  let calls = 0;
  const openapi: PhoneNumberOpenApi = {
    phonenumber: {
      async getPhoneNumber({ code }): Promise<GetPhoneNumberResponse> {
        calls += 1;
        const answer = answers[code];
        if (!answer) throw sdkError(WECHAT_ERRORS.invalidCode.errcode, WECHAT_ERRORS.invalidCode.errmsg);
        if ('errcode' in answer) throw sdkError(answer.errcode, answer.errmsg);
        if (used.has(code)) throw sdkError(WECHAT_ERRORS.codeUsed.errcode, WECHAT_ERRORS.codeUsed.errmsg);
        used.add(code);
        const countryCode = answer.countryCode ?? '86';
        return {
          phoneInfo: {
            phoneNumber: String(countryCode) === '86' ? answer.purePhoneNumber : `+${countryCode}${answer.purePhoneNumber}`,
            purePhoneNumber: answer.purePhoneNumber,
            countryCode,
            watermark: { timestamp: 1_764_400_000, appid: 'wx0000000000000000' },
          },
          errMsg: `${API}:ok`,
          errCode: 0,
        };
      },
    },
  };
  return { openapi, calls: () => calls };
}
