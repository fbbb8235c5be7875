// Every sentence a person reads about a check, and the rules for which one is shown: the function's
// answers, the form's complaints and the result page all take their words from here, so one wording
// change is one edit. The ID field is 身份证件号码 throughout, as the agreement names it (four ID
// documents are accepted, not only the resident ID card).
import { GUARDIAN_AGE, IDENTITY_WINDOW_DAYS } from './agreement/text';
import type { ClientErrorCode } from './errorCodes';
import { formatWait } from './formatWait';
import type { IdCardReason } from './fields/idCard';
import type { MobileReason } from './fields/mobile';
import type { NameReason } from './fields/name';
import type { FieldName, RateLimit } from './result';
import type { VendorStatusCode, Verdict } from './vendorStatus';

/** The result page's headline and explanation for each vendor status. */
export const VENDOR_MESSAGES: Record<VendorStatusCode, { title: string; message: string }> = {
  '01': {
    title: '核验通过',
    message: '姓名、身份证件号码与手机号码一致，该号码登记在本人名下。',
  },
  '02': {
    title: '核验未通过',
    message: '该手机号码的实名登记信息与所填姓名、身份证件号码不一致。请确认使用的是本人实名办理的号码，或换一个本人名下的号码再试。',
  },
  '202': {
    title: '暂时无法验证',
    message: '运营商暂时无法验证该号码，可能是号码已停机、销号或刚开户。请稍后再试，或换一个本人名下的号码。',
  },
  '203': {
    title: '暂时无法核验',
    message: '该号码暂时无法核验：可能是虚拟运营商号段，或同一号码24小时内核验次数已达上限。请24小时后再试，或换一个移动、联通、电信的号码。',
  },
  '204': {
    title: '姓名有误',
    message: '运营商认为姓名有误。请核对姓名是否与证件上完全一致（少数民族姓名请包含“·”）后重新核验。',
  },
  '205': {
    title: '身份证件号码有误',
    message: '运营商认为身份证件号码有误。请对照证件逐位核对后重新核验。',
  },
  '206': {
    title: '手机号码有误',
    message: '运营商认为手机号码有误。请核对号码是否正确、是否仍在使用后重新核验。',
  },
  '207': {
    title: '不支持该号段',
    message: '暂不支持该手机号段的核验。请换一个中国移动、中国联通或中国电信的号码。',
  },
};

/** A field's own complaint, by the reason its check (fields/*.ts) found. */
export const NAME_MESSAGES = {
  empty: '请输入姓名',
  characters: '姓名只能包含汉字，少数民族姓名可用“·”分隔',
  separator: '“·”只能写在两个汉字之间',
  tooShort: (min: number) => `姓名至少${min}个字`,
  tooLong: (max: number) => `姓名最多${max}个字`,
} satisfies Record<NameReason, unknown>;

const CHECKABLE_CARDS = '18位的居民身份证、港澳台居民居住证或2023年版外国人永久居留身份证';

export const ID_CARD_MESSAGES = {
  empty: '请输入身份证件号码',
  foreignerCard2017: `这是2017年版外国人永久居留身份证号码，无法用于手机号实名核验；可核验的是${CHECKABLE_CARDS}号码`,
  firstGeneration: '这是15位的第一代身份证号码，已停止使用；请填写第二代居民身份证上的18位号码',
  characters: '身份证件号码只能是数字，最后一位可以是X',
  length: (expected: number, actual: number) => `身份证件号码应为${expected}位，目前是${actual}位`,
  /** The region code that does not exist, by the kind of document the number's first digits name. */
  province: {
    foreigner: '外国人永久居留身份证号码第2、3位的省份代码不存在，请核对',
    residencePermit: '港澳台居民居住证号码应以810000、820000或830000开头，请核对',
    resident: '身份证件号码开头的地区代码不存在，请核对',
  },
  birthDate: '身份证件号码中的出生日期不存在，请核对第7到14位',
  futureBirthDate: '身份证件号码中的出生日期晚于今天，请核对',
  checksum: '身份证件号码校验位不正确，请逐位核对',
} satisfies Record<IdCardReason, unknown>;

export const MOBILE_MESSAGES = {
  empty: '请输入手机号码',
  countryCode: '只能核验中国大陆手机号码（+86）',
  characters: '手机号码只能是数字',
  length: (expected: number, actual: number) => `手机号码应为${expected}位，目前是${actual}位`,
  prefix: '请输入中国大陆手机号码（以13至19开头）',
  virtualOperator: '这是虚拟运营商号段（162、165、167、170、171），无法进行手机号实名核验，请换一个手机号码',
  satellite: '这是卫星电话号码（1349、17400至17405号段），无法进行手机号实名核验，请换一个手机号码',
  dataOnly: '149号段是上网卡（数据卡）号段，无法进行手机号实名核验，请换一个手机号码',
  iot: '这是物联网卡号段（140、141、144、146、148），无法进行手机号实名核验，请换一个手机号码',
  range: '该号码不属于中国大陆已分配的手机号段，请核对',
} satisfies Record<MobileReason, unknown>;

/** Under the guardian age: the form says it before sending, the function refuses with it. */
export const MINOR_MESSAGE = `该证件号码的持有人未满${GUARDIAN_AGE}周岁。未成年人的信息需要父母或其他监护人同意后才能处理，本小程序不能为其在线核验；请由监护人联系我们办理。`;

/** Each refusal code's default message (the function's, plus the client's own NETWORK_ERROR). */
export const ERROR_MESSAGES: Record<ClientErrorCode, string> = {
  INVALID_REQUEST: '请求格式不正确，请返回重新填写后再试。',
  INVALID_NAME: '姓名填写有误，请核对后再试。',
  INVALID_ID_CARD: '身份证件号码填写有误，请核对后再试。',
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

/** RATE_LIMITED names the limit that refused and how long to wait ("5分钟"). */
export const LIMIT_MESSAGES: Record<RateLimit, (wait: string) => string> = {
  caller: (wait) => `今日核验次数已达上限，请${wait}后再试。`,
  mobile: (wait) => `该手机号码今日核验次数已达上限，请${wait}后再试。`,
  identities: (wait) => `本微信账号近${IDENTITY_WINDOW_DAYS}天核验的不同身份证件号码已达上限，请${wait}后再试。`,
  requests: (wait) => `今日请求次数过多，请${wait}后再试。`,
};

/** The function has a newer agreement than this copy of the mini-program: agreeing again here could not help. */
export const OUTDATED_AGREEMENT_MESSAGE = '《个人信息授权书》已更新，请关闭并重新打开小程序，阅读新版授权书后再核验。';

/** 开始核验 tapped without ticking this check's confirmation. */
export const CONFIRM_MISSING_MESSAGE = '请先勾选上面的确认，再开始核验。';

/** The person declined WeChat's phone number prompt. */
export const PHONE_REFUSED_MESSAGE = '您未允许使用微信手机号，无法核验。如需继续，请再次点击并在弹窗中允许。';

/** What did not happen when the function refused one of the person's own actions; its reason follows. */
const ACTION_FAILED = { accept: '同意未能提交', withdraw: '撤回未完成', delete: '删除未完成' } as const;

export const actionFailedMessage = (action: keyof typeof ACTION_FAILED, reason: string): string => `${ACTION_FAILED[action]}：${reason}`;

/** The result page: the verdict icon's spoken label, the cached note, and what it says with no result. */
export const RESULT_TEXT = {
  iconLabels: { pass: '通过', fail: '未通过', unverifiable: '无法核验' } satisfies Record<Verdict, string>,
  cached: '这是您近期相同信息的核验结果，未重复扣费。',
  noResultTitle: '没有可显示的核验结果',
  noResultMessage: '核验结果只在完成核验后显示一次。请返回填写信息并重新核验。',
} as const;

/**
 * The message the function sends with a refusal: the limit and the wait when a limit refused (both
 * known), else the specific words the check gave (a field's complaint), else the code's own.
 */
export function refusalMessage(refusal: { code: ClientErrorCode; message?: string; limit?: RateLimit; waitSeconds?: number }): string {
  if (refusal.limit && refusal.waitSeconds !== undefined) return LIMIT_MESSAGES[refusal.limit](formatWait(refusal.waitSeconds));
  return refusal.message ?? ERROR_MESSAGES[refusal.code];
}

/** A CONSENT_REQUIRED naming another agreement version than the one this page shows. */
export const agreementOutdated = (refusal: { code: ClientErrorCode; agreementVersion?: string }, shownVersion: string): boolean =>
  refusal.code === 'CONSENT_REQUIRED' && !!refusal.agreementVersion && refusal.agreementVersion !== shownVersion;

/**
 * Which words the page shows for a refusal it received: for an outdated agreement, what will help
 * (updating); the function's own when they are more specific than the shared table (a field
 * complaint, RATE_LIMITED naming the limit and the wait); otherwise the shared table, which also
 * covers a function older than this page.
 */
export function shownRefusalMessage(
  refusal: { code: ClientErrorCode; message?: string; field?: FieldName; agreementVersion?: string },
  shownVersion: string,
): string {
  if (agreementOutdated(refusal, shownVersion)) return OUTDATED_AGREEMENT_MESSAGE;
  if (refusal.field || refusal.code === 'RATE_LIMITED') return refusal.message || ERROR_MESSAGES[refusal.code];
  return ERROR_MESSAGES[refusal.code] ?? refusal.message;
}

/** The result page's explanation: the function's words, or this build's for the code when it sent none. */
export const shownResultMessage = (result: { code: VendorStatusCode; message?: string }): string =>
  result.message || VENDOR_MESSAGES[result.code].message;
