import type { CalendarDate } from './fields/calendarDate';
import { checkIdCard } from './fields/idCard';
import { checkMobile } from './fields/mobile';
import { checkName } from './fields/name';
import type { FieldResult } from './fields/fieldResult';
import { isUnderGuardianAge } from './fields/guardian';
import { MINOR_MESSAGE } from './messages';
import type { ErrorCode } from './errorCodes';
import type { FieldName } from './result';

/** The three fields, validated and normalized: the only form that may reach the vendor. */
export interface PersonFields {
  name: string;
  idCard: string;
  mobile: string;
}

/** A check's consent: the id `acceptAgreement` answered, confirmed for this one check. */
export interface Consent {
  consentId: string;
}

/** What `acceptAgreement` records: the version agreed to, with both separate consents given. */
export interface Acceptance {
  agreementVersion: string;
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
// The function's consent ids are UUIDs without dashes; anything else is not one.
const CONSENT_ID = /^[0-9a-f]{32}$/;

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

/** After the fields: the holder of the ID number is 14 or older on the Beijing date `today` (PIPL art. 31). */
export function parseGuardian(idCard: string, today: CalendarDate): Parsed<string> {
  if (isUnderGuardianAge(idCard, today)) return { ok: false, code: 'MINOR_NEEDS_GUARDIAN', message: MINOR_MESSAGE, field: 'idCard' };
  return { ok: true, value: idCard };
}

/**
 * Step 3: a consent the function registered, confirmed for this check (`thisCheck: true`). Whether
 * the id is this caller's, current and not withdrawn is the store's to say. The old shape
 * (`agreementVersion`, `accepted`, `acceptedAt` from the device's clock) is refused.
 */
export function parseConsent(event: Record<string, unknown>): Parsed<Consent> {
  const consent = own(event, 'consent');
  if (!isPlainObject(consent)) return { ok: false, code: 'CONSENT_REQUIRED' };
  const consentId = own(consent, 'consentId');
  if (own(consent, 'thisCheck') !== true || typeof consentId !== 'string' || !CONSENT_ID.test(consentId)) return { ok: false, code: 'CONSENT_REQUIRED' };
  return { ok: true, value: { consentId } };
}

/** `acceptAgreement`: exactly the current version, with both separate consents (PIPL art. 23, 29) given. */
export function parseAcceptance(event: Record<string, unknown>, currentVersion: string): Parsed<Acceptance> {
  const separate = own(event, 'separate');
  const both = isPlainObject(separate) && own(separate, 'idCard') === true && own(separate, 'provision') === true;
  if (!both || own(event, 'agreementVersion') !== currentVersion) return { ok: false, code: 'CONSENT_REQUIRED' };
  return { ok: true, value: { agreementVersion: currentVersion } };
}
