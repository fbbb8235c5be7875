import { checkName, isName, NAME_MAX_LENGTH, NAME_MIN_LENGTH } from '../../src/domain';
import { expectDistinctReasons } from './fieldReasons';

const RARE = '\u{20BB7}'; // 𠮷, outside the BMP (a surrogate pair in UTF-16)

describe('checkName', () => {
  test.each([
    ['a two-character name', '张三'],
    ['a four-character compound surname', '欧阳娜娜'],
    ['an ethnic-minority name with ·', '买买提·艾力'],
    ['an ethnic-minority name with •', '买买提•艾力'],
    ['an ethnic-minority name with ・', '买买提・艾力'],
    ['an ethnic-minority name with ‧', '买买提‧艾力'],
    ['several separated parts', '阿卜杜拉·买买提·艾力'],
    ['a name containing 〇', '李〇'],
    ['a rare character outside the BMP', `${RARE}三`],
    ['a rare character at the end', `张${RARE}`],
    ['a name made of two rare characters', `${RARE}${RARE}`],
    ['a rare character next to a separator', `买买提·${RARE}`],
  ])('accepts %s', (_what, name) => {
    expect(checkName(name)).toEqual({ ok: true, value: name });
  });

  test('keeps the separator as typed and does not rewrite it to ·', () => {
    expect(checkName('买买提•艾力')).toEqual({ ok: true, value: '买买提•艾力' });
  });

  test.each([
    ['spaces', '  张三  ', '张三'],
    ['a tab and a newline', '\t欧阳娜娜\n', '欧阳娜娜'],
    ['ideographic spaces', '\u3000张三\u3000', '张三'],
  ])('trims surrounding %s', (_what, input, expected) => {
    expect(checkName(input)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['a single character', '张'],
    ['a single rare character (two UTF-16 units)', RARE],
    ['a single character with spaces around it', ' 张 '],
  ])('rejects %s with reason tooShort', (_what, name) => {
    expect(checkName(name)).toMatchObject({ ok: false, reason: 'tooShort' });
  });

  test(`accepts exactly ${NAME_MAX_LENGTH} characters`, () => {
    const name = '张'.repeat(NAME_MAX_LENGTH);
    expect(checkName(name)).toEqual({ ok: true, value: name });
  });

  test(`accepts ${NAME_MAX_LENGTH} rare characters, counting code points rather than UTF-16 units`, () => {
    const name = RARE.repeat(NAME_MAX_LENGTH);
    expect(name.length).toBe(2 * NAME_MAX_LENGTH);
    expect(checkName(name)).toEqual({ ok: true, value: name });
  });

  test.each([
    ['21 characters', '张'.repeat(21)],
    ['21 characters including separators', '阿卜杜拉·买买提·艾力·阿卜杜拉·买买提艾'],
  ])('rejects %s with reason tooLong', (_what, name) => {
    expect([...name]).toHaveLength(21);
    expect(checkName(name)).toMatchObject({ ok: false, reason: 'tooLong' });
  });

  test('uses 2 and 20 as the length limits', () => {
    expect(NAME_MIN_LENGTH).toBe(2);
    expect(NAME_MAX_LENGTH).toBe(20);
  });

  test.each([
    ['latin letters', 'Zhang San'],
    ['latin letters mixed with Han', '张San'],
    ['digits', '张三1'],
    ['an emoji', '张三😀'],
    ['an inner space', '张 三'],
    ['an inner ideographic space', '张\u3000三'],
    ['a full stop as separator', '买买提.艾力'],
    ['a hyphen as separator', '买买提-艾力'],
    ['a hiragana character', '张さん'],
    ['a Hangul syllable', '김철수'],
  ])('rejects %s with reason characters', (_what, name) => {
    expect(checkName(name)).toMatchObject({ ok: false, reason: 'characters' });
  });

  test.each([
    ['a leading dot', '·买买提艾力'],
    ['a trailing dot', '买买提艾力·'],
    ['a doubled dot', '买买提··艾力'],
    ['two different dots together', '买买提·•艾力'],
    ['only dots', '··'],
  ])('rejects %s with reason separator', (_what, name) => {
    expect(checkName(name)).toMatchObject({ ok: false, reason: 'separator' });
  });

  test.each([
    ['an empty string', ''],
    ['only spaces', '   '],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an array', ['张三']],
  ])('rejects %s with reason empty', (_what, input) => {
    expect(checkName(input)).toMatchObject({ ok: false, reason: 'empty' });
  });

  test('gives each failure its own reason and a Chinese message', () => {
    const cases: Record<string, string> = {
      empty: '',
      tooShort: '张',
      tooLong: '张'.repeat(21),
      characters: 'Zhang',
      separator: '·张三',
    };
    expectDistinctReasons(checkName, cases);
  });

  test.each([
    ['Kangxi radicals that look like 人口', '\u2F08\u2F1D'],
    ['an iteration mark', '张々'],
    ['Hangzhou numerals', '〡〢'],
  ])('rejects %s, which are Han script but not ideographs', (_label, name) => {
    expect(checkName(name)).toMatchObject({ ok: false, reason: 'characters' });
  });

  test('isName agrees with checkName', () => {
    expect(isName('张三')).toBe(true);
    expect(isName('张')).toBe(false);
    expect(isName(undefined)).toBe(false);
  });
});
