// Pure first steps of a check: identity, shape, fields, age, the consent's shape. No I/O: what can be refused here
// costs nothing (no database call, no vendor call).
import {
  chinaDate,
  parseConsent,
  parseFields,
  parseGuardian,
  parsePhoneCode,
  parseShape,
  type Consent,
  type PersonFields,
  type PhoneSource,
  type Refusal,
} from '../../../../src/domain';

export interface ValidCheck {
  name: string;
  idCard: string;
  /** Typed mobile; absent when WeChat proves the number (then `phoneCode`). */
  mobile?: string;
  phoneCode?: string;
  consent: Consent;
}

export type Validated = { ok: true; value: ValidCheck } | { ok: false; refusal: Refusal; agreementVersion?: string };

export function validateCheck(
  event: unknown,
  context: { caller: string | undefined; now: number; agreementVersion: string; phoneSource: PhoneSource },
): Validated {
  if (!context.caller) return { ok: false, refusal: { code: 'UNAUTHENTICATED' } };
  const shape = parseShape(event);
  if (!shape.ok) return { ok: false, refusal: shape };
  const today = chinaDate(context.now);
  const typed = context.phoneSource === 'typed';
  const fields = typed ? parseFields(shape.value, today) : parseFields(shape.value, today, ['name', 'idCard']);
  if (!fields.ok) return { ok: false, refusal: fields };
  // Before the store and the vendor: a child's check needs a guardian (PIPL art. 31).
  const adult = parseGuardian(fields.value.idCard, today);
  if (!adult.ok) return { ok: false, refusal: adult };
  const phoneCode = typed ? undefined : parsePhoneCode(shape.value);
  if (phoneCode && !phoneCode.ok) return { ok: false, refusal: phoneCode };
  const consent = parseConsent(shape.value);
  if (!consent.ok) return { ok: false, refusal: consent, agreementVersion: context.agreementVersion };
  return {
    ok: true,
    value: { ...(fields.value as Partial<PersonFields> & Pick<PersonFields, 'name' | 'idCard'>), ...(phoneCode && { phoneCode: phoneCode.value }), consent: consent.value },
  };
}
