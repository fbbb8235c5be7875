// Short Chinese names and colours for what the console shows: vendor statuses and refusal codes.
import { VENDOR_STATUS_CODES, type ErrorCode, type VendorStatusCode } from '../../domain';

/** 01, 02, 202…207: numeric order (the domain's list puts 202–207 first, as object keys do). */
export const STATUS_ORDER: readonly VendorStatusCode[] = [...VENDOR_STATUS_CODES].sort((a, b) => Number(a) - Number(b));

/** Legend names: short, since up to eight share one line on a phone. */
export const STATUS_LABELS: Record<VendorStatusCode, string> = {
  '01': '01 一致',
  '02': '02 不一致',
  '202': '202 无法验证',
  '203': '203 无法核验',
  '204': '204 姓名有误',
  '205': '205 证号有误',
  '206': '206 号码有误',
  '207': '207 号段不支持',
};

/**
 * Green for a pass, red for a mismatch, warm colours for "cannot verify now", cool ones for a wrong
 * field. Each at least 3:1 on both cards (WCAG 1.4.11): WeChat's own green, yellow and orange are
 * darkened until they reach it on white.
 */
export const STATUS_COLORS: Record<VendorStatusCode, string> = {
  '01': '#06a552',
  '02': '#fa5151',
  '202': '#b48900',
  '203': '#e17000',
  '204': '#6467f0',
  '205': '#1485ee',
  '206': '#bb6bd9',
  '207': '#8f8f8f',
};

export const OTHER_LABEL = '其他';
/** Darker than 207's grey, which it stands beside. */
export const OTHER_COLOR = '#6e6e6e';

/** What each refusal code means, for the operator (the person-facing messages live in the domain). */
export const REFUSAL_LABELS: Record<ErrorCode, string> = {
  INVALID_REQUEST: '请求格式不正确',
  INVALID_NAME: '姓名无效',
  INVALID_ID_CARD: '身份证件号码无效',
  INVALID_MOBILE: '手机号码无效',
  CONSENT_REQUIRED: '未同意授权书',
  MINOR_NEEDS_GUARDIAN: '未满14周岁',
  UNAUTHENTICATED: '无法确认微信身份',
  RATE_LIMITED: '超过次数限制',
  SERVICE_MISCONFIGURED: '服务配置有误',
  VENDOR_QUOTA_EXHAUSTED: '服务商额度用完',
  VENDOR_THROTTLED: '服务商限流',
  VENDOR_TIMEOUT: '服务商超时',
  VENDOR_UNAVAILABLE: '服务商不可用',
  VENDOR_BAD_RESPONSE: '服务商应答无法识别',
  INTERNAL: '内部错误',
  FORBIDDEN: '无权限',
  BUDGET_EXHAUSTED: '预算或额度用完',
  PHONE_CODE_INVALID: '手机号授权无效',
  PHONE_QUOTA_EXHAUSTED: '微信手机号额度用完',
  PHONE_UNAVAILABLE: '无法获取微信手机号',
};
