/** A date without time of day, in China Standard Time, as ID numbers record birth dates. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** China Standard Time is UTC+8 all year (no daylight saving). */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in Beijing at the instant `epochMs` (China has no daylight saving). */
export function chinaDate(epochMs: number): CalendarDate {
  const shifted = new Date(epochMs + CHINA_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
