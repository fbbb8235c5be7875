import { accept, reject, type FieldResult } from './fieldResult';

export type NameReason = 'empty' | 'tooShort' | 'tooLong' | 'characters' | 'separator';

export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 20;

// CJK unified ideographs (basic block and extensions A–I, incl. surrogate pairs) and 〇; not the
// radicals or iteration marks that \p{Script=Han} also admits (⼈ looks like 人 but is another
// code point). Middle-dot variants used in ethnic-minority names: · U+00B7, • U+2022, ‧ U+2027, ・ U+30FB.
const HAN = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\u{20000}-\\u{2EBEF}\\u{30000}-\\u{323AF}〇';
const DOTS = '·•‧・';
const NAME_PATTERN = new RegExp(`^[${HAN}]+(?:[${DOTS}][${HAN}]+)*$`, 'u');
const ALLOWED = new RegExp(`^[${HAN}${DOTS}]+$`, 'u');

/** Trims surrounding spaces only; what the person typed is otherwise kept as is. */
export function checkName(input: unknown): FieldResult<NameReason> {
  const value = typeof input === 'string' ? input.trim() : '';
  if (value === '') return reject('empty', '请输入姓名');
  if (!ALLOWED.test(value)) return reject('characters', '姓名只能包含汉字，少数民族姓名可用“·”分隔');
  if (!NAME_PATTERN.test(value)) return reject('separator', '“·”只能写在两个汉字之间');
  const length = [...value].length;
  if (length < NAME_MIN_LENGTH) return reject('tooShort', `姓名至少${NAME_MIN_LENGTH}个字`);
  if (length > NAME_MAX_LENGTH) return reject('tooLong', `姓名最多${NAME_MAX_LENGTH}个字`);
  return accept(value);
}

export const isName = (value: unknown): value is string => checkName(value).ok;
