import { accept, reject, type FieldResult } from './fieldResult';
import { CHINA_MOBILE_PREFIXES } from './chinaMobileRanges.generated';
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
export const UNCHECKABLE_RANGES: readonly { reason: 'dataOnly' | 'iot' | 'satellite'; prefixes: readonly string[]; message: string }[] = [
  { reason: 'satellite', prefixes: ['1349', '17400', '17401', '17402', '17403', '17404', '17405'],
    message: '这是卫星电话号码（1349、17400至17405号段），无法进行手机号实名核验，请换一个手机号码' },
  { reason: 'dataOnly', prefixes: ['149'], message: '149号段是上网卡（数据卡）号段，无法进行手机号实名核验，请换一个手机号码' },
  { reason: 'iot', prefixes: ['140', '141', '144', '146', '148'],
    message: '这是物联网卡号段（140、141、144、146、148），无法进行手机号实名核验，请换一个手机号码' },
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
  if (value === '') return reject('empty', '请输入手机号码');
  if (OTHER_CALLING_CODE.test(value)) return reject('countryCode', '只能核验中国大陆手机号码（+86）');
  if (!/^\d+$/.test(value)) return reject('characters', '手机号码只能是数字');
  if (value.length !== MOBILE_LENGTH) {
    return reject('length', `手机号码应为${MOBILE_LENGTH}位，目前是${value.length}位`);
  }
  if (!LEADING_DIGITS.has(value.slice(0, 2))) return reject('prefix', '请输入中国大陆手机号码（以13至19开头）');
  if (startsWithAny(value, VIRTUAL_OPERATOR_PREFIXES)) {
    return reject('virtualOperator', '这是虚拟运营商号段（162、165、167、170、171），无法进行手机号实名核验，请换一个手机号码');
  }
  const kind = UNCHECKABLE_RANGES.find((k) => startsWithAny(value, k.prefixes));
  if (kind) return reject(kind.reason, kind.message);
  if (!startsWithAny(value, CHINA_MOBILE_PREFIXES)) return reject('range', '该号码不属于中国大陆已分配的手机号段，请核对');
  return accept(value, typed);
}

export const isMobile = (value: unknown): value is string => checkMobile(value).ok;
