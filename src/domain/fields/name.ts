import { accept, reject, type FieldResult } from './fieldResult';
import { NAME_MESSAGES as SAY } from '../messages';
import { removeInvisible } from './pasted';

export type NameReason = 'empty' | 'tooShort' | 'tooLong' | 'characters' | 'separator';

export const NAME_MIN_LENGTH = 2;
// The name on a resident ID card is at most 15 characters: the card's machine-readable 姓名 item is
// 30 bytes of UCS-2 (GA/T 490《居民身份证机读信息规范》, the Ministry of Public Security's standard for
// the card's chip; its table of items is reproduced at wiki.nfc.im, 二代居民身份证, 机读信息). The
// `·` of a minority name is one of them. A longer name cannot be the one registered, and would cost
// a paid mismatch.
export const NAME_MAX_LENGTH = 15;

// Exactly Unicode 17's unified ideographs (the basic block, Extensions A–J and the twelve unified
// ones of the compatibility block such as 﨑 U+FA11) and 〇. Not the radicals, iteration marks or
// non-unified compatibility ideographs that \p{Script=Han} also admits (⼈ looks like 人 but is
// another code point); explicit ranges so that phones and the cloud agree whatever their Unicode.
const HAN =
  '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uFA0E\\uFA0F\\uFA11\\uFA13\\uFA14\\uFA1F\\uFA21\\uFA23\\uFA24\\uFA27-\\uFA29' +
  '\\u{20000}-\\u{2A6DF}\\u{2A700}-\\u{2B81D}\\u{2B820}-\\u{2CEAD}\\u{2CEB0}-\\u{2EBE0}\\u{2EBF0}-\\u{2EE5D}' +
  '\\u{30000}-\\u{3134A}\\u{31350}-\\u{33479}〇';
// ID cards print U+00B7; these look the same and are what input methods and fonts offer: bullet,
// hyphenation point, katakana middle dots, dot and bullet operators, the full-width full stop ．
// (U+FF0E), the Greek ano teleia · (U+0387, which NFC turns U+00B7 into), and 丶 (U+4E36, the
// "dot" stroke that pinyin input methods offer for "dian"). 丶 is a Han character, but no registered
// name uses it; at either end it stays a misplaced dot and is refused as such.
const DOT = '·';
const DOT_VARIANTS = /[\u2022\u2027\u30FB\uFF65\u22C5\u2219\uFF0E\u0387\u4E36]/gu;
const NAME_PATTERN = new RegExp(`^[${HAN}]+(?:${DOT}[${HAN}]+)*$`, 'u');
const ALLOWED = new RegExp(`^[${HAN}${DOT}]+$`, 'u');

/**
 * The name without invisible characters and with every middle-dot variant written U+00B7, so hashing
 * and the vendor see one spelling.
 */
export const normalizeName = (text: string): string => removeInvisible(text).trim().replace(DOT_VARIANTS, DOT);

export function checkName(input: unknown): FieldResult<NameReason> {
  const typed = typeof input === 'string' ? input : '';
  const value = normalizeName(typed);
  if (value === '') return reject('empty', SAY.empty);
  if (!ALLOWED.test(value)) return reject('characters', SAY.characters);
  if (!NAME_PATTERN.test(value)) return reject('separator', SAY.separator);
  const length = [...value].length;
  if (length < NAME_MIN_LENGTH) return reject('tooShort', SAY.tooShort(NAME_MIN_LENGTH));
  if (length > NAME_MAX_LENGTH) return reject('tooLong', SAY.tooLong(NAME_MAX_LENGTH));
  return accept(value, typed);
}

export const isName = (value: unknown): value is string => checkName(value).ok;
