import { accept, reject, type FieldResult } from './fieldResult';
import type { CalendarDate } from './calendarDate';
import { ID_CARD_MESSAGES as SAY } from '../messages';
import { unpaste } from './pasted';

export type IdCardReason =
  | 'empty' | 'length' | 'characters' | 'province' | 'birthDate' | 'futureBirthDate' | 'checksum'
  | 'firstGeneration' | 'foreignerCard2017';

export const ID_CARD_LENGTH = 18;

// GB/T 2260 province-level codes of the mainland; they also name the office that issued a
// foreigner's permanent residence ID.
const MAINLAND_PROVINCES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
];
const RESIDENT_PROVINCES = new Set([...MAINLAND_PROVINCES, 71]);
const ISSUING_PROVINCES = new Set(MAINLAND_PROVINCES);
// Residence permits of Hong Kong, Macao and Taiwan residents carry exactly these region codes.
const RESIDENCE_PERMIT_REGIONS = new Set(['810000', '820000', '830000']);
const RESIDENCE_PERMIT_PROVINCES = new Set(['81', '82', '83']);
const FOREIGNER_PREFIX = '9';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;
// First-generation resident ID cards (15 digits, no check digit) stopped being valid in 2013.
const FIRST_GENERATION = /^\d{15}$/;
// The 2017 foreigner's permanent residence ID card: 3 letters (nationality), then 12 digits. Its number
// is not a GB 11643 number, so the check cannot use it.
const FOREIGNER_CARD_2017 = /^[A-Z]{3}\d{12}$/;

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** The ID as people paste it (spaces, dashes, full-width digits, ｘ) in canonical form: digits and X. */
export const normalizeIdCard = (text: string): string => unpaste(text).toUpperCase();

/** What is wrong with the leading region code, if anything. */
function regionProblem(id: string): string | undefined {
  if (id.startsWith(FOREIGNER_PREFIX)) {
    // 2023 foreigners' permanent residence ID: 9, the issuing province, a nationality code, then as usual.
    if (!ISSUING_PROVINCES.has(Number(id.slice(1, 3)))) return SAY.province.foreigner;
  } else if (RESIDENCE_PERMIT_PROVINCES.has(id.slice(0, 2))) {
    if (!RESIDENCE_PERMIT_REGIONS.has(id.slice(0, 6))) return SAY.province.residencePermit;
  } else if (!RESIDENT_PROVINCES.has(Number(id.slice(0, 2)))) {
    return SAY.province.resident;
  }
  return undefined;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const compareDates = (a: CalendarDate, b: CalendarDate): number =>
  a.year - b.year || a.month - b.month || a.day - b.day;

/**
 * Checks an 18-character GB 11643 ID: resident ID, residence permit or foreigner's permanent
 * residence ID. `today` is passed in so the check stays pure; the value is returned canonical.
 */
export function checkIdCard(input: unknown, today: CalendarDate): FieldResult<IdCardReason> {
  const typed = typeof input === 'string' ? input : '';
  const value = normalizeIdCard(typed);
  if (value === '') return reject('empty', SAY.empty);
  if (FOREIGNER_CARD_2017.test(value)) {
    return reject('foreignerCard2017', SAY.foreignerCard2017);
  }
  if (FIRST_GENERATION.test(value)) {
    return reject('firstGeneration', SAY.firstGeneration);
  }
  if (!/^[0-9X]*$/.test(value) || value.slice(0, 17).includes('X')) {
    return reject('characters', SAY.characters);
  }
  if (value.length !== ID_CARD_LENGTH) {
    return reject('length', SAY.length(ID_CARD_LENGTH, value.length));
  }
  const region = regionProblem(value);
  if (region !== undefined) return reject('province', region);
  const birth = { year: Number(value.slice(6, 10)), month: Number(value.slice(10, 12)), day: Number(value.slice(12, 14)) };
  if (birth.year < EARLIEST_BIRTH_YEAR || !isRealDate(birth.year, birth.month, birth.day)) {
    return reject('birthDate', SAY.birthDate);
  }
  if (compareDates(birth, today) > 0) return reject('futureBirthDate', SAY.futureBirthDate);
  if (idCardCheckChar(value) !== value[17]) return reject('checksum', SAY.checksum);
  return accept(value, typed);
}

export const isIdCard = (value: unknown, today: CalendarDate): value is string => checkIdCard(value, today).ok;
