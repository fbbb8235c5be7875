// An independent GB 11643-1999 check character, written from the standard rather than from the
// code under test: weight of position i (1-based from the left, 18 positions) is 2^(18-i) mod 11,
// and the check value is (12 - sum mod 11) mod 11, written 'X' when it is 10.
export function gbCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`not 17 digits: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const weight = 2 ** (17 - i) % 11;
    sum += Number(first17[i]) * weight;
  }
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** A complete ID number with a correct check character. */
export const withCheckChar = (first17: string): string => first17 + gbCheckChar(first17);

/** The same ID with a check character that is certainly wrong. */
export function withWrongCheckChar(first17: string): string {
  const right = gbCheckChar(first17);
  return first17 + (right === '0' ? '1' : '0');
}

/** 17 digits: a region code, a birth date (YYYYMMDD) and a 3-digit sequence. */
export const first17 = (region: string, birth: string, sequence = '123'): string => `${region}${birth}${sequence}`;

/** GB/T 2260 province-level codes of the mainland (also the offices issuing foreigners' IDs). */
export const MAINLAND_PROVINCES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
];

/** First two digits of a resident ID: the mainland and Taiwan (71). */
export const RESIDENT_PROVINCES = [...MAINLAND_PROVINCES, 71];
