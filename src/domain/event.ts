// The function's event, read once, here: which action it asks for and that action's own inputs.
// Pure: the caller, the time and the settings come in as arguments. Not in index.ts: only the cloud
// function reads events, so the mini-program's bundle never carries this.
import { isAction, STATS_MAX_DAYS, STATS_MIN_DAYS, type Action } from './actions';
import { parseConsent, parseFields, parseGuardian, parsePhoneCode, parseShape, type Consent, type PersonFields, type Refusal } from './checkRequest';
import { chinaDate } from './fields/calendarDate';
import type { PhoneSource } from './result';

/** `stats` without `days`. */
export const DEFAULT_STATS_DAYS = 7;

/** What an event asks for; `unknown` for an action nobody knows (refused INVALID_REQUEST). */
export type EventRequest =
  | { action: 'check'; event: unknown }
  | { action: 'acceptAgreement'; event: Record<string, unknown> }
  /** `days` undefined: not a whole number 1–90 (INVALID_REQUEST, once the caller may ask at all). */
  | { action: 'stats'; days: number | undefined }
  | { action: Exclude<Action, 'check' | 'acceptAgreement' | 'stats'> }
  | { action: 'unknown' };

const isRecord = (event: unknown): event is Record<string, unknown> => typeof event === 'object' && event !== null && !Array.isArray(event);

/** The event's action: absent means a check (whatever the event is); anything unknown is refused. */
export function readEvent(event: unknown): EventRequest {
  const action = isRecord(event) && Object.prototype.hasOwnProperty.call(event, 'action') ? event.action : undefined;
  if (action === undefined) return { action: 'check', event };
  if (!isAction(action)) return { action: 'unknown' };
  const record = event as Record<string, unknown>;
  if (action === 'check') return { action, event };
  if (action === 'acceptAgreement') return { action, event: record };
  if (action === 'stats') return { action, days: statsDays(record) };
  return { action };
}

/** `days` of `stats`: absent → 7; a whole number 1–90, else undefined. */
function statsDays(event: Record<string, unknown>): number | undefined {
  const days = event.days ?? DEFAULT_STATS_DAYS;
  return typeof days === 'number' && Number.isInteger(days) && days >= STATS_MIN_DAYS && days <= STATS_MAX_DAYS ? days : undefined;
}

/** The event a timer trigger sends. Only trusted together with the absence of a caller. */
export function isTimerEvent(event: unknown): boolean {
  if (!isRecord(event)) return false;
  const { Type, TriggerName } = event;
  return Type === 'Timer' && typeof TriggerName === 'string';
}

export interface ValidCheck {
  name: string;
  idCard: string;
  /** Typed mobile; absent when WeChat proves the number (then `phoneCode`). */
  mobile?: string;
  phoneCode?: string;
  consent: Consent;
}

export type Validated = { ok: true; caller: string; value: ValidCheck } | { ok: false; refusal: Refusal; agreementVersion?: string };

/**
 * A check's event, first steps: identity, shape, fields, age, the consent's shape. What is refused
 * here costs nothing (no database call, no vendor call).
 */
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
    caller: context.caller,
    value: { ...(fields.value as Partial<PersonFields> & Pick<PersonFields, 'name' | 'idCard'>), ...(phoneCode && { phoneCode: phoneCode.value }), consent: consent.value },
  };
}
