import { MINOR_MESSAGE } from './fields/guardian';

/** Why a check did not complete. Each code has one meaning and one default message for a person. */
export type ErrorCode =
  | 'INVALID_REQUEST'
  | 'INVALID_NAME'
  | 'INVALID_ID_CARD'
  | 'INVALID_MOBILE'
  | 'CONSENT_REQUIRED'
  | 'MINOR_NEEDS_GUARDIAN'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'SERVICE_MISCONFIGURED'
  | 'VENDOR_QUOTA_EXHAUSTED'
  | 'VENDOR_THROTTLED'
  | 'VENDOR_TIMEOUT'
  | 'VENDOR_UNAVAILABLE'
  | 'VENDOR_BAD_RESPONSE'
  | 'INTERNAL'
  | 'FORBIDDEN'
  | 'BUDGET_EXHAUSTED'
  | 'PHONE_CODE_INVALID'
  | 'PHONE_QUOTA_EXHAUSTED'
  | 'PHONE_UNAVAILABLE';

/** Produced by the mini-program's own client when the function cannot be reached; never by the function. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR';

export const ERROR_MESSAGES: Record<ClientErrorCode, string> = {
  INVALID_REQUEST: '请求格式不正确，请返回重新填写后再试。',
  INVALID_NAME: '姓名填写有误，请核对后再试。',
  INVALID_ID_CARD: '身份证号码填写有误，请核对后再试。',
  INVALID_MOBILE: '手机号码填写有误，请核对后再试。',
  CONSENT_REQUIRED: '核验前需要您阅读并同意《个人信息授权书》。',
  MINOR_NEEDS_GUARDIAN: MINOR_MESSAGE,
  UNAUTHENTICATED: '无法确认您的微信身份，请重新打开小程序后再试。',
  RATE_LIMITED: '核验次数过多，请稍后再试。',
  SERVICE_MISCONFIGURED: '核验服务暂未配置好，请联系小程序运营方。本次未产生核验。',
  VENDOR_QUOTA_EXHAUSTED: '核验服务的额度已用完，请联系小程序运营方。本次未产生核验。',
  VENDOR_THROTTLED: '核验服务当前繁忙，请一分钟后再试。',
  VENDOR_TIMEOUT: '核验服务响应超时，结果未知。为避免重复扣费，请稍等片刻再试。',
  VENDOR_UNAVAILABLE: '核验服务暂时不可用，请稍后再试。',
  VENDOR_BAD_RESPONSE: '核验服务返回了无法识别的结果，请稍后再试。',
  INTERNAL: '系统出了点问题，请稍后再试。',
  FORBIDDEN: '您没有查看此页面的权限。',
  BUDGET_EXHAUSTED: '今日核验名额已用完，请明天再试。本次未产生核验。',
  PHONE_CODE_INVALID: '手机号授权已过期或已使用，请重新点击获取手机号。',
  PHONE_QUOTA_EXHAUSTED: '微信手机号验证额度已用完，请联系小程序运营方。本次未产生核验。',
  PHONE_UNAVAILABLE: '暂时无法获取您的微信手机号，请稍后再试。本次未产生核验。',
  NETWORK_ERROR: '网络连接失败，请检查网络后再试。',
};

/** The codes the function answers (NETWORK_ERROR is the client's own). */
export const ERROR_CODES = (Object.keys(ERROR_MESSAGES) as ClientErrorCode[]).filter(
  (code): code is ErrorCode => code !== 'NETWORK_ERROR',
);

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as string[]).includes(value);
