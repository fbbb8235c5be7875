// Pure cost-guard policy: every function takes the clock value as an argument and reads no clock,
// environment or randomness, so each rule can be tested with plain numbers.
import { CHINA_OFFSET_MS, chinaDate } from '../../../src/domain';
import type { GuardSettings } from './settings';
import type { AttemptPlan } from './store/types';

export const SECOND_MS = 1_000;
export const DAY_MS = 86_400_000;
/** The per-mobile limit counts calls in any rolling 24 hours, like the vendor's own 203 threshold. */
export const MOBILE_WINDOW_MS = DAY_MS;
/** Warn once billed calls reach this share of the bought quota (the vendor alerts at 20 % left). */
export const QUOTA_WARNING_PERCENT = 80;

/** The Beijing calendar day of an instant, as YYYYMMDD. */
export function beijingDay(now: number): string {
  const { year, month, day } = chinaDate(now);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/** The instant the next Beijing calendar day starts. */
export function nextBeijingMidnight(now: number): number {
  return (Math.floor((now + CHINA_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - CHINA_OFFSET_MS;
}

/** What one reservation of a vendor call must satisfy, for the store to check atomically. */
export function attemptPlan(
  input: { reservationId: string; caller: string; mobile: string; now: number },
  guards: GuardSettings,
): AttemptPlan {
  return {
    reservationId: input.reservationId,
    now: input.now,
    caller: input.caller,
    callerDay: beijingDay(input.now),
    callerLimit: guards.callerDailyLimit,
    callerResetAt: nextBeijingMidnight(input.now),
    mobile: input.mobile,
    mobileLimit: guards.mobileDailyLimit,
    mobileWindowMs: MOBILE_WINDOW_MS,
  };
}

/** Whole seconds until `retryAt`, at least 1 so a client never retries immediately. */
export function retryAfterSeconds(retryAt: number, now: number): number {
  return Math.max(1, Math.ceil((retryAt - now) / SECOND_MS));
}

/** The oldest answer time that may still be reused; undefined when reuse is off. */
export function reusableSince(now: number, guards: GuardSettings): number | undefined {
  return guards.cacheSeconds > 0 ? now - guards.cacheSeconds * SECOND_MS : undefined;
}

/** Whether `billed` calls have used at least 80 % of the bought quota. */
export function quotaWarningDue(billed: number, total: number | undefined): boolean {
  return total !== undefined && total > 0 && billed * 100 >= total * QUOTA_WARNING_PERCENT;
}

export const percentUsed = (billed: number, total: number): number => Math.round((billed * 1000) / total) / 10;

/** Records at or after this instant are kept. */
export const retentionCutoff = (now: number, retentionDays: number): number => now - retentionDays * DAY_MS;

/** The event a timer trigger sends. Only trusted together with the absence of a caller. */
export function isTimerEvent(event: unknown): boolean {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return false;
  const { Type, TriggerName } = event as Record<string, unknown>;
  return Type === 'Timer' && typeof TriggerName === 'string';
}
