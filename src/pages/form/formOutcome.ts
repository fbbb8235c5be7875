// What the form does with the function's answer: where it goes (result page, agreement, beside a field,
// beside the phone button, above the submit button). Which words it shows is src/domain/messages.ts.
import {
  agreementOutdated, ERROR_MESSAGES, PHONE_REFUSED_MESSAGE, shownRefusalMessage, type CheckCompleted, type ClientErrorCode, type FieldName, type PhoneSource,
} from '../../domain';
import type { ClientCheckResponse } from '../../services/mobileCheckClient';

export interface FormError {
  code: ClientErrorCode;
  message: string;
  traceId: string;
}

export type FormOutcome =
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

export function formOutcomeOf(response: ClientCheckResponse, context: { agreementVersion: string; phoneSource: PhoneSource }): FormOutcome {
  if (response.ok) return { kind: 'result', result: response };
  // Which words win is the domain's rule (messages.ts); where they go is the form's.
  const error: FormError = { code: response.code, message: shownRefusalMessage(response, context.agreementVersion), traceId: response.traceId };
  if (response.code === 'CONSENT_REQUIRED') {
    // Another version on the server means this copy of the mini-program is out of date: agreeing
    // again to the text shown here could not help, so say what will.
    return agreementOutdated(response, context.agreementVersion) ? { kind: 'outdated', error } : { kind: 'agreement' };
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

/** The one-time code, or the message for why there is none. */
export function phoneCodeOf(detail: RealtimePhoneDetail | undefined): { ok: true; code: string } | { ok: false; message: string } {
  if (detail?.code) return { ok: true, code: detail.code };
  if (detail?.errno === QUOTA_ERRNO) return { ok: false, message: ERROR_MESSAGES.PHONE_QUOTA_EXHAUSTED };
  if (/deny|cancel/i.test(detail?.errMsg ?? '')) return { ok: false, message: PHONE_REFUSED_MESSAGE };
  return { ok: false, message: ERROR_MESSAGES.PHONE_UNAVAILABLE };
}
