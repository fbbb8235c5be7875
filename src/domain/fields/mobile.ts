import { accept, reject, type FieldResult } from './fieldResult';
import { CHINA_MOBILE_PREFIXES } from './chinaMobileRanges.generated';
import { MOBILE_MESSAGES as SAY } from '../messages';
import { unpaste } from './pasted';

export type MobileReason =
  | 'empty' | 'characters' | 'countryCode' | 'length' | 'prefix' | 'virtualOperator' | 'range'
  | 'dataOnly' | 'iot' | 'satellite';

export const MOBILE_LENGTH = 11;

// Virtual-operator ranges: the vendor answers 203 for them, so checking them would only cost money.
export const VIRTUAL_OPERATOR_PREFIXES = ['162', '165', '167', '170', '171'];

// Real mainland ranges that carry no person's mobile line, so the check cannot answer for them. The
// numbering plan (MIIT《电信网编号计划》) gives them; libphonenumber's metadata does not tell them apart:
// it calls 1349 and 17400–17405 MOBILE and leaves 140–144, 146, 148 and 149 out without a kind.
// 145 and 147, first data-card ranges, are sold as ordinary mobiles today and stay accepted.
export const UNCHECKABLE_RANGES: readonly { reason: 'dataOnly' | 'iot' | 'satellite'; prefixes: readonly string[] }[] = [
  { reason: 'satellite', prefixes: ['1349', '17400', '17401', '17402', '17403', '17404', '17405'] },
  { reason: 'dataOnly', prefixes: ['149'] },
  { reason: 'iot', prefixes: ['140', '141', '144', '146', '148'] },
];

// Mainland mobiles begin with these two digits (13 to 19); other beginnings are not mobiles at all.
const LEADING_DIGITS = new Set(CHINA_MOBILE_PREFIXES.map((prefix) => prefix.slice(0, 2)));
const CHINA_CALLING_CODE = /^(?:\+86|0086|86(?=\d{11}$))/;
const OTHER_CALLING_CODE = /^(?:\+|00)/;

/** The mobile as people paste it (`+86`, `0086`, spaces, dashes, full-width digits) as plain digits. */
export const normalizeMobile = (text: string): string => unpaste(text).replace(CHINA_CALLING_CODE, '');

const startsWithAny = (value: string, prefixes: readonly string[]): boolean => prefixes.some((p) => value.startsWith(p));

export function checkMobile(input: unknown): FieldResult<MobileReason> {
  const typed = typeof input === 'string' ? input : '';
  const value = normalizeMobile(typed);
  if (value === '') return reject('empty', SAY.empty);
  if (OTHER_CALLING_CODE.test(value)) return reject('countryCode', SAY.countryCode);
  if (!/^\d+$/.test(value)) return reject('characters', SAY.characters);
  if (value.length !== MOBILE_LENGTH) {
    return reject('length', SAY.length(MOBILE_LENGTH, value.length));
  }
  if (!LEADING_DIGITS.has(value.slice(0, 2))) return reject('prefix', SAY.prefix);
  if (startsWithAny(value, VIRTUAL_OPERATOR_PREFIXES)) {
    return reject('virtualOperator', SAY.virtualOperator);
  }
  const kind = UNCHECKABLE_RANGES.find((k) => startsWithAny(value, k.prefixes));
  if (kind) return reject(kind.reason, SAY[kind.reason]);
  if (!startsWithAny(value, CHINA_MOBILE_PREFIXES)) return reject('range', SAY.range);
  return accept(value, typed);
}

export const isMobile = (value: unknown): value is string => checkMobile(value).ok;
