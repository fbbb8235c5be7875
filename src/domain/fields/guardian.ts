import type { CalendarDate } from './calendarDate';
import { GUARDIAN_AGE } from '../agreement/text';

/**
 * Whether the holder of a valid 18-character ID number is under 14 on `today` (a Beijing date, passed
 * in: PIPL art. 31). Someone born on 29 February turns 14 on 1 March of a common year.
 */
export function isUnderGuardianAge(idCard: string, today: CalendarDate): boolean {
  const birth = { year: Number(idCard.slice(6, 10)), month: Number(idCard.slice(10, 12)), day: Number(idCard.slice(12, 14)) };
  const adult = { year: birth.year + GUARDIAN_AGE, month: birth.month, day: birth.day };
  return adult.year > today.year || (adult.year === today.year && (adult.month > today.month || (adult.month === today.month && adult.day > today.day)));
}
