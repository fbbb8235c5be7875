// What the form does with the function's answer: one place that decides where it goes and which
// message is shown where.
import { ERROR_MESSAGES, type CheckCompleted, type ClientErrorCode, type FieldName, type PhoneSource } from '../../domain';
import type { ClientCheckResponse, ClientRefused } from '../../services/mobileCheckClient';

export const OUTDATED_AGREEMENT_MESSAGE = '《个人信息授权书》已更新，请关闭并重新打开小程序，阅读新版授权书后再核验。';

export interface FormError {
  code: ClientErrorCode;
  message: string;
  traceId: string;
}

export type CheckOutcome =
  /** Completed: show the result page. */
  | { kind: 'result'; result: CheckCompleted }
  /** The function wants consent to the text this page shows: forget the stored one and agree again. */
  | { kind: 'agreement' }
  /** The function has a newer text than this build: say so, and ask WeChat for the update. */
  | { kind: 'outdated'; error: FormError }
  /** Beside one input. */
  | { kind: 'field'; field: FieldName; message: string }
  /** Beside the WeChat phone button. */
  | { kind: 'phone'; message: string }
  /** In the block above the submit button. */
  | { kind: 'form'; error: FormError };

const PHONE_CODES: ReadonlySet<ClientErrorCode> = new Set(['PHONE_CODE_INVALID', 'PHONE_QUOTA_EXHAUSTED', 'PHONE_UNAVAILABLE']);

/**
 * Which text a refusal shows: the function's own when it is more specific than the shared table
 * (a field complaint, RATE_LIMITED naming the limit and the wait); otherwise the shared table, which
 * also covers a function older than this page.
 */
function messageOf(response: ClientRefused): string {
  if (response.field || response.code === 'RATE_LIMITED') return response.message || ERROR_MESSAGES[response.code];
  return ERROR_MESSAGES[response.code] ?? response.message;
}

export function outcomeOf(response: ClientCheckResponse, context: { agreementVersion: string; phoneSource: PhoneSource }): CheckOutcome {
  if (response.ok) return { kind: 'result', result: response };
  const error: FormError = { code: response.code, message: messageOf(response), traceId: response.traceId };
  if (response.code === 'CONSENT_REQUIRED') {
    // Another version on the server means this copy of the mini-program is out of date: agreeing
    // again to the text shown here could not help, so say what will.
    if (response.agreementVersion && response.agreementVersion !== context.agreementVersion) {
      return { kind: 'outdated', error: { ...error, message: OUTDATED_AGREEMENT_MESSAGE } };
    }
    return { kind: 'agreement' };
  }
  // A mobile from WeChat has no input to show a complaint under: it goes beside the phone button.
  const aboutWechatPhone = context.phoneSource === 'wechat' && (response.field === 'mobile' || PHONE_CODES.has(response.code));
  if (aboutWechatPhone) return { kind: 'phone', message: error.message };
  if (response.field) return { kind: 'field', field: response.field, message: error.message };
  if (PHONE_CODES.has(response.code)) return { kind: 'phone', message: error.message };
  return { kind: 'form', error };
}

/** What `<Button openType="getRealtimePhoneNumber">` reports (WeChat's event detail). */
export interface RealtimePhoneDetail {
  code?: string;
  errMsg?: string;
  errno?: number;
}

/** errno of the phone-number component when the mini-program's bought quota is used up. */
const QUOTA_ERRNO = 1400001;
export const PHONE_REFUSED_MESSAGE = '您未允许使用微信手机号，无法核验。如需继续，请再次点击并在弹窗中允许。';

/** The one-time code, or the message for why there is none. */
export function phoneCodeOf(detail: RealtimePhoneDetail | undefined): { ok: true; code: string } | { ok: false; message: string } {
  if (detail?.code) return { ok: true, code: detail.code };
  if (detail?.errno === QUOTA_ERRNO) return { ok: false, message: ERROR_MESSAGES.PHONE_QUOTA_EXHAUSTED };
  if (/deny|cancel/i.test(detail?.errMsg ?? '')) return { ok: false, message: PHONE_REFUSED_MESSAGE };
  return { ok: false, message: ERROR_MESSAGES.PHONE_UNAVAILABLE };
}
