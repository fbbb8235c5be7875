import type { CalendarDate } from './fields/calendarDate';
import { checkIdCard } from './fields/idCard';
import { checkMobile } from './fields/mobile';
import { checkName } from './fields/name';
import type { FieldResult } from './fields/fieldResult';
import type { ErrorCode } from './errorCodes';
import type { FieldName } from './result';

/** The three fields, validated and normalized: the only form that may reach the vendor. */
export interface PersonFields {
  name: string;
  idCard: string;
  mobile: string;
}

export interface Consent {
  agreementVersion: string;
  /** When the person ticked the box (ms); a check is refused when it is before their last withdrawal. */
  acceptedAt: number;
}

export type Refusal = { code: ErrorCode; message?: string; field?: FieldName };

export type Parsed<T> = { ok: true; value: T } | ({ ok: false } & Refusal);

// Longer strings are refused before any regular expression sees them.
const MAX_FIELD_LENGTH = 64;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value));

const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

// WeChat's phone codes are short opaque strings; anything longer is not one.
const MAX_PHONE_CODE_LENGTH = 128;
// A device clock slightly ahead of the function's must not refuse an honest consent.
const CONSENT_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Step 1: the event is an object whose fields, where present, are strings of sane length. */
export function parseShape(event: unknown): Parsed<Record<string, unknown>> {
  if (!isPlainObject(event)) return { ok: false, code: 'INVALID_REQUEST' };
  const phoneCode = own(event, 'phoneCode');
  if (phoneCode !== undefined && (typeof phoneCode !== 'string' || phoneCode.length > MAX_PHONE_CODE_LENGTH)) {
    return { ok: false, code: 'INVALID_REQUEST' };
  }
  for (const key of ['name', 'idCard', 'mobile']) {
    const value = own(event, key);
    if (value !== undefined && typeof value !== 'string') return { ok: false, code: 'INVALID_REQUEST' };
    if (typeof value === 'string' && value.length > MAX_FIELD_LENGTH) return { ok: false, code: 'INVALID_REQUEST' };
  }
  return { ok: true, value: event };
}

const FIELD_CODES: Record<FieldName, ErrorCode> = {
  name: 'INVALID_NAME',
  idCard: 'INVALID_ID_CARD',
  mobile: 'INVALID_MOBILE',
};

const CHECKS: Record<FieldName, (value: unknown, today: CalendarDate) => FieldResult<string>> = {
  name: (value) => checkName(value),
  idCard: (value, today) => checkIdCard(value, today),
  mobile: (value) => checkMobile(value),
};

/** Step 2: each field on its own, first failing field first, with the reason a person can act on. */
export function parseFields(event: Record<string, unknown>, today: CalendarDate): Parsed<PersonFields>;
export function parseFields<F extends FieldName>(event: Record<string, unknown>, today: CalendarDate, fields: F[]): Parsed<Pick<PersonFields, F>>;
export function parseFields(event: Record<string, unknown>, today: CalendarDate, fields: FieldName[] = ['name', 'idCard', 'mobile']): Parsed<Partial<PersonFields>> {
  const values: Partial<PersonFields> = {};
  for (const field of fields) {
    const result = CHECKS[field](own(event, field), today);
    if (!result.ok) return { ok: false, code: FIELD_CODES[field], message: result.message, field };
    values[field] = result.value;
  }
  return { ok: true, value: values };
}

/** A phone code from WeChat's phone number component, present and a string. */
export function parsePhoneCode(event: Record<string, unknown>): Parsed<string> {
  const code = own(event, 'phoneCode');
  return typeof code === 'string' && code.trim() ? { ok: true, value: code.trim() } : { ok: false, code: 'PHONE_CODE_INVALID' };
}

/** Step 3: an explicit acceptance of exactly the current agreement version, at a plausible moment. */
export function parseConsent(event: Record<string, unknown>, currentVersion: string, now: number): Parsed<Consent> {
  const consent = own(event, 'consent');
  if (!isPlainObject(consent)) return { ok: false, code: 'CONSENT_REQUIRED' };
  const acceptedAt = own(consent, 'acceptedAt');
  const accepted = own(consent, 'accepted') === true && own(consent, 'agreementVersion') === currentVersion &&
    typeof acceptedAt === 'number' && Number.isInteger(acceptedAt) && acceptedAt > 0 && acceptedAt <= now + CONSENT_CLOCK_SKEW_MS;
  if (!accepted) return { ok: false, code: 'CONSENT_REQUIRED' };
  return { ok: true, value: { agreementVersion: currentVersion, acceptedAt } };
}
