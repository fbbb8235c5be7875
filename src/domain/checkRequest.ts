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
  accepted: boolean;
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

/** Step 1: the event is an object whose fields, where present, are strings of sane length. */
export function parseShape(event: unknown): Parsed<Record<string, unknown>> {
  if (!isPlainObject(event)) return { ok: false, code: 'INVALID_REQUEST' };
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

/** Step 2: each field on its own, first failing field first, with the reason a person can act on. */
export function parseFields(event: Record<string, unknown>, today: CalendarDate): Parsed<PersonFields> {
  const results: [FieldName, FieldResult<string>][] = [
    ['name', checkName(own(event, 'name'))],
    ['idCard', checkIdCard(own(event, 'idCard'), today)],
    ['mobile', checkMobile(own(event, 'mobile'))],
  ];
  const values: Partial<PersonFields> = {};
  for (const [field, result] of results) {
    if (!result.ok) return { ok: false, code: FIELD_CODES[field], message: result.message, field };
    values[field] = result.value;
  }
  return { ok: true, value: values as PersonFields };
}

/** Step 3: an explicit acceptance of exactly the current agreement version. */
export function parseConsent(event: Record<string, unknown>, currentVersion: string): Parsed<Consent> {
  const consent = own(event, 'consent');
  const accepted = isPlainObject(consent) && own(consent, 'accepted') === true &&
    own(consent, 'agreementVersion') === currentVersion;
  if (!accepted) return { ok: false, code: 'CONSENT_REQUIRED' };
  return { ok: true, value: { agreementVersion: currentVersion, accepted: true } };
}
