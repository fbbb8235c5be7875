// What the form shows for what was typed: each field's check, which message wins, and the name hint.
import {
  AGREEMENT_FIELDS, checkIdCard, checkMobile, checkName, chinaDate, ID_CARD_LENGTH, isUnderGuardianAge, MINOR_MESSAGE, MOBILE_LENGTH,
  type CalendarDate, type FieldName, type FieldResult, type IdCardReason,
} from '../../domain';

export type Values = Record<FieldName, string>;
export type Flags = Record<FieldName, boolean>;
export type FieldChecks = ReturnType<typeof validate>;

export const FIELDS: FieldName[] = ['name', 'idCard', 'mobile'];
export const EMPTY: Values = { name: '', idCard: '', mobile: '' };
export const UNTOUCHED: Flags = { name: false, idCard: false, mobile: false };
export const ALL_TOUCHED: Flags = { name: true, idCard: true, mobile: true };

export interface FieldSpec {
  name: FieldName;
  label: string;
  type: 'text' | 'idcard' | 'number';
  placeholder: string;
  maxlength: number;
}

// Room for what people paste: the domain drops spaces, dashes and +86 (`+86 138-0013-8000` is 17
// characters, `1101 0519 4912 3100 2X` is 22); the checks below still demand 18 and 11.
const ID_CARD_MAXLENGTH = 24;
const MOBILE_MAXLENGTH = 20;

/**
 * `idcard` and `number` bring up WeChat's ID-number and digit keyboards. In a browser an
 * `<input type="number">` empties a pasted `+86 138-0013-8000`, so h5 asks for text.
 */
export function fieldSpecs(): Record<FieldName, FieldSpec> {
  return {
    // The labels are the agreement's own words for the three fields (what a person agreed to is what they type).
    name: { name: 'name', label: AGREEMENT_FIELDS[0], type: 'text', placeholder: '与证件上一致', maxlength: 40 },
    idCard: { name: 'idCard', label: AGREEMENT_FIELDS[1], type: 'idcard', placeholder: '18位证件号码', maxlength: ID_CARD_MAXLENGTH },
    mobile: {
      name: 'mobile',
      label: AGREEMENT_FIELDS[2],
      type: process.env.TARO_ENV === 'h5' ? 'text' : 'number',
      placeholder: '11位手机号码',
      maxlength: MOBILE_MAXLENGTH,
    },
  };
}

/** A valid ID of someone under 14 is refused as it is typed, as the function would (PIPL art. 31). */
function checkAdultIdCard(value: string, today: CalendarDate): FieldResult<IdCardReason | 'minor'> {
  const result = checkIdCard(value, today);
  return result.ok && isUnderGuardianAge(result.value, today) ? { ok: false, reason: 'minor', message: MINOR_MESSAGE } : result;
}

export function validate(values: Values, now: number) {
  const today = chinaDate(now);
  return {
    name: checkName(values.name),
    idCard: checkAdultIdCard(values.idCard, today),
    mobile: checkMobile(values.mobile),
  };
}

// Digits (ASCII or full-width) and the ID's X: what counts toward the 18 or 11, whatever separates them.
const significantLength = (value: string) => value.replace(/[^0-9０-９xXｘＸ]/g, '').length;

/** A field's own complaint is due once it was left, once it reached full length, or for a wrong character. */
function complaintDue(field: FieldName, value: string, touched: boolean, reason: string): boolean {
  if (touched || reason === 'characters') return true;
  if (field === 'idCard') return significantLength(value) >= ID_CARD_LENGTH;
  if (field === 'mobile') return significantLength(value) >= MOBILE_LENGTH;
  return false;
}

/**
 * The one message under a field. The field's own check, when due, comes first; then what the
 * function said about it (kept until the field is edited).
 */
export function fieldMessage(
  field: FieldName,
  value: string,
  touched: boolean,
  result: FieldChecks[FieldName],
  serverMessage?: string,
): string | undefined {
  if (!result.ok && complaintDue(field, value, touched, result.reason)) return result.message;
  return serverMessage;
}

/** Under the name: the form that will be sent when it differs from what was typed (• ‧ ・ become ·). */
export function nameHint(typed: string, result: FieldChecks['name']): string | undefined {
  if (!result.ok || result.value === typed.trim()) return undefined;
  return `将按“${result.value}”提交`;
}
