// Pure cost-guard policy: every function takes the clock value as an argument and reads no clock,
// environment or randomness, so each rule can be tested with plain numbers.
import { CHINA_OFFSET_MS, chinaDate, WITHDRAWAL_KEPT_DAYS } from '../../../src/domain';
import type { Billing, CallerLimits, LimitRefusal, Reservation, VendorErrorCode } from './ports';

/** Cost guards: limits, the answer cache, the budget and the bought quota. Every limit is per caller. */
export interface GuardSettings {
  /** Vendor calls one caller may cause per Beijing calendar day (00:00–24:00 UTC+8). */
  callerDailyLimit: number;
  /** Vendor calls one caller may cause for one mobile per Beijing day. */
  mobileDailyLimit: number;
  /** Distinct ID numbers one caller may check per 30 days: a person checks themself, not others. */
  callerIdentityLimit: number;
  /** Requests per caller per Beijing day that reach the store, refused ones included. */
  requestDailyLimit: number;
  /** Billed vendor calls per Beijing day, all callers together; undefined means none. */
  dailyBudget: number | undefined;
  /** How long a final answer for the same caller and the same three fields is reused; 0 turns reuse off. */
  cacheSeconds: number;
  /** Calls bought from the vendor; undefined means no quota warning and no stop. */
  quotaTotal: number | undefined;
}

const SECOND_MS = 1_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** The identities limit counts distinct ID numbers per caller in this rolling window. */
export const IDENTITY_WINDOW_MS = 30 * DAY_MS;
/** Warn once billed calls reach this share of the bought quota (the vendor alerts at 20 % left). */
const QUOTA_WARNING_PERCENT = 80;

/** The Beijing calendar day of an instant, as YYYYMMDD. */
export function beijingDay(now: number): string {
  const { year, month, day } = chinaDate(now);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/** The instant the next Beijing calendar day starts. */
export function nextBeijingMidnight(now: number): number {
  return (Math.floor((now + CHINA_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - CHINA_OFFSET_MS;
}

/** The instant a Beijing day given as YYYYMMDD starts. */
export const beijingDayStart = (day: string): number =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))) - CHINA_OFFSET_MS;

/** The `count` Beijing days ending with the one holding `now`, newest first, as YYYYMMDD. */
export const lastBeijingDays = (now: number, count: number): string[] =>
  Array.from({ length: count }, (_unused, i) => beijingDay(now - i * DAY_MS));

export interface CallPlan {
  now: number;
  mobile: string;
  person: string;
  /** When the check's consent was given: a later withdrawal refuses the call. */
  acceptedAt?: number;
}

/** The caller's limits as they stand at `now`: day counts reset at Beijing midnight, expired people dropped. */
export function currentLimits(stored: CallerLimits | undefined, now: number): CallerLimits {
  const day = beijingDay(now);
  const sameDay = stored?.day === day;
  const identities = Object.fromEntries(Object.entries(stored?.identities ?? {}).filter(([, until]) => until > now));
  return {
    day,
    calls: sameDay ? stored.calls : 0,
    mobiles: sameDay ? { ...stored.mobiles } : {},
    identities,
    ...(stored?.withdrawnAt !== undefined && { withdrawnAt: stored.withdrawnAt }),
    ...(stored?.erasedAt !== undefined && { erasedAt: stored.erasedAt }),
    version: stored?.version ?? 0,
  };
}

/** Whether one more vendor call is allowed for this caller, and the limits after it. */
export function admitCall(
  stored: CallerLimits | undefined,
  plan: CallPlan,
  guards: GuardSettings,
): { ok: true; next: CallerLimits } | { ok: false; refusal: LimitRefusal } | { ok: false; withdrawn: true } {
  const limits = currentLimits(stored, plan.now);
  // Checked again here, not only after round trip 1: a withdrawal may land between the two.
  if (plan.acceptedAt !== undefined && limits.withdrawnAt !== undefined && plan.acceptedAt <= limits.withdrawnAt) return { ok: false, withdrawn: true };
  // The caller erased their records after this check began: it must not leave new ones.
  if (limits.erasedAt !== undefined && plan.now < limits.erasedAt) return { ok: false, withdrawn: true };
  const midnight = nextBeijingMidnight(plan.now);
  if (limits.calls >= guards.callerDailyLimit) return { ok: false, refusal: { limit: 'caller', retryAt: midnight } };
  if ((limits.mobiles[plan.mobile] ?? 0) >= guards.mobileDailyLimit) return { ok: false, refusal: { limit: 'mobile', retryAt: midnight } };
  const people = Object.values(limits.identities);
  if (!(plan.person in limits.identities) && people.length >= guards.callerIdentityLimit) {
    return { ok: false, refusal: { limit: 'identities', retryAt: Math.min(...people) } };
  }
  return {
    ok: true,
    next: {
      ...limits,
      calls: limits.calls + 1,
      mobiles: { ...limits.mobiles, [plan.mobile]: (limits.mobiles[plan.mobile] ?? 0) + 1 },
      identities: { ...limits.identities, [plan.person]: plan.now + IDENTITY_WINDOW_MS },
      version: limits.version + 1,
    },
  };
}

/**
 * Giving back one call the vendor did not bill: on the reservation's day only (a new day's counts
 * started from zero anyway), while each count is above zero, each count down by one and the version
 * up by one. The person stays counted: the caller did ask about them, and giving it back would let
 * retries probe people for free. Both store adapters apply this one rule: the cloud as one
 * conditional update (`counts` are dotted field names), the SQLite store through `applyGiveBack`.
 */
export const limitsGiveBack = ({ day, keys }: Pick<Reservation, 'day' | 'keys'>) => ({ day, mobile: keys.mobile, counts: ['calls', `mobiles.${keys.mobile}`] });

/**
 * What stamps found after a check reserved undo of it. An erasure after it began (deleteMyRecords)
 * removes its record, claim and consent; a withdrawal covering its consent (given by then, whatever
 * the check's own start: the stamp may land late) removes its record and claim and marks the consent,
 * kept as evidence, as withdraw() does. Undefined: nothing to undo.
 */
export function undoneCheck(
  limits: CallerLimits | undefined,
  { now, acceptedAt }: Pick<Reservation, 'now' | 'acceptedAt'>,
): { consent: 'remove' } | { consent: 'mark'; withdrawnAt: number } | undefined {
  const withdrawnAt = limits?.withdrawnAt;
  const erasedAt = limits?.erasedAt ?? 0;
  // withdraw() stamps both at one time: only a later erasure is a deletion of its own.
  if (erasedAt > now && erasedAt > (withdrawnAt ?? 0)) return { consent: 'remove' };
  if (withdrawnAt !== undefined && withdrawnAt >= acceptedAt) return { consent: 'mark', withdrawnAt };
  return undefined;
}

/** `limitsGiveBack` applied to limits read from the store: unchanged when it does not apply. */
export function applyGiveBack(limits: CallerLimits, giveBack: ReturnType<typeof limitsGiveBack>): CallerLimits {
  const mobileCalls = limits.mobiles[giveBack.mobile] ?? 0;
  if (limits.day !== giveBack.day || limits.calls <= 0 || mobileCalls <= 0) return limits;
  return { ...limits, calls: limits.calls - 1, mobiles: { ...limits.mobiles, [giveBack.mobile]: mobileCalls - 1 }, version: limits.version + 1 };
}

/** How long the time of a caller's last withdrawal stays in the limits record. */
const WITHDRAWAL_KEPT_MS = WITHDRAWAL_KEPT_DAYS * DAY_MS;

/** When each entry of the limits record ends: the day's counts at Beijing midnight, each person and each stamp at their own time. */
function entryEnds(limits: CallerLimits, now: number): number[] {
  const dayCounts = limits.day === beijingDay(now) && (limits.calls > 0 || Object.keys(limits.mobiles).length > 0);
  return [
    ...(dayCounts ? [nextBeijingMidnight(now)] : []),
    ...Object.values(limits.identities),
    ...[limits.withdrawnAt, limits.erasedAt].flatMap((stamp) => (stamp !== undefined ? [stamp + WITHDRAWAL_KEPT_MS] : [])),
  ];
}

/**
 * The limits record with every entry whose own window has ended taken out (PIPL art. 19: each hash
 * kept no longer than its purpose needs), or undefined when nothing is left. The withdrawal and
 * erasure stamps are kept a window: long enough for any check begun before them to find them.
 */
export function prunedLimits(stored: CallerLimits, now: number): CallerLimits | undefined {
  const { withdrawnAt, erasedAt, ...current } = currentLimits(stored, now);
  const inForce = (stamp: number | undefined) => stamp !== undefined && stamp + WITHDRAWAL_KEPT_MS > now;
  const pruned = { ...current, ...(inForce(withdrawnAt) && { withdrawnAt }), ...(inForce(erasedAt) && { erasedAt }) };
  return entryEnds(pruned, now).length > 0 ? pruned : undefined;
}

/** When the purge must look at the record again: the first moment one of its entries ends (now when none is left). */
export function limitsUntil(limits: CallerLimits, now: number): number {
  const ahead = entryEnds(limits, now).filter((end) => end > now);
  return ahead.length > 0 ? Math.min(...ahead) : now;
}

/** When the record is gone if nothing more happens: its last entry's end. */
export const limitsKeptUntil = (limits: CallerLimits, now: number): number => Math.max(now, ...entryEnds(limits, now));

/** The three fields as one unambiguous string to hash (no separator can be forged inside a field). */
export const tripleValue = (fields: { name: string; idCard: string; mobile: string }): string =>
  JSON.stringify([fields.name, fields.idCard, fields.mobile]);

/** Whole seconds until `retryAt`, at least 1 so a client never retries immediately. */
export function retryAfterSeconds(retryAt: number, now: number): number {
  return Math.max(1, Math.ceil((retryAt - now) / SECOND_MS));
}

/** The oldest answer time that may still be reused; undefined when reuse is off. */
export function reusableSince(now: number, guards: GuardSettings): number | undefined {
  return guards.cacheSeconds > 0 ? now - guards.cacheSeconds * SECOND_MS : undefined;
}

/** Whether billed calls have reached the operator's daily budget or the bought quota. */
export function spendExhausted(spend: { today: number; total: number }, guards: Pick<GuardSettings, 'dailyBudget' | 'quotaTotal'>): boolean {
  return (guards.dailyBudget !== undefined && spend.today >= guards.dailyBudget) ||
    (guards.quotaTotal !== undefined && spend.total >= guards.quotaTotal);
}

/** Whether `billed` calls have used at least 80 % of the bought quota. */
export function quotaWarningDue(billed: number, total: number | undefined): boolean {
  return total !== undefined && total > 0 && billed * 100 >= total * QUOTA_WARNING_PERCENT;
}

export const percentUsed = (billed: number, total: number): number => Math.round((billed * 1000) / total) / 10;

/** Yesterday's digest is written by the first purge run at or after 03:00 Beijing time. */
const DIGEST_HOUR = 3;

/**
 * The hour a timer run belongs to: the nearest whole hour, so a run a few hundred milliseconds
 * early or late (timer jitter) still falls in its own slot, once.
 */
export const hourSlot = (now: number): number => Math.round(now / HOUR_MS) * HOUR_MS;
export const isDigestDue = (slot: number): boolean => Math.floor(((slot + CHINA_OFFSET_MS) % DAY_MS) / HOUR_MS) >= DIGEST_HOUR;

/** Records at or after this instant are kept. */
export const retentionCutoff = (now: number, retentionDays: number): number => now - retentionDays * DAY_MS;

/** Provider failures only the operator can fix (the credentials, the bought package): logged as errors. */
export const OPERATOR_FAULTS: ReadonlySet<VendorErrorCode> = new Set(['SERVICE_MISCONFIGURED', 'VENDOR_QUOTA_EXHAUSTED']);

/** Refusals that say the provider is out of service (down, throttled, out of package, not set up), not that the request was bad. */
const PROVIDER_OUT: ReadonlySet<string> = new Set(['VENDOR_UNAVAILABLE', 'VENDOR_THROTTLED', 'VENDOR_QUOTA_EXHAUSTED', 'SERVICE_MISCONFIGURED']);

/**
 * Whether the next provider may be asked: only when this one certainly did not bill and did not
 * answer. Never after a timeout or an unreadable answer (billing unknown): that call may have cost money.
 */
export function mayFailOver(answer: { kind: 'status' | 'refusal'; code?: string; billing: Billing }): boolean {
  return answer.kind === 'refusal' && answer.billing === 'not-billed' && PROVIDER_OUT.has(answer.code ?? '');
}

/** What a check's calls cost together: billed if one was, maybe if one may have been. */
export function billingOf(calls: readonly { billing: Billing }[]): Billing {
  if (calls.some((call) => call.billing === 'billed')) return 'billed';
  return calls.some((call) => call.billing === 'unknown') ? 'unknown' : 'not-billed';
}

/**
 * The call that answers the check: the last one, unless it too was out of service; then the
 * first (the primary's code tells the operator what to fix first).
 */
export function decidingCall<C extends { answer: Parameters<typeof mayFailOver>[0] }>(calls: readonly [C, ...C[]]): C {
  const last = calls[calls.length - 1];
  return mayFailOver(last.answer) ? calls[0] : last;
}
