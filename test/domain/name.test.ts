import { checkName, isName, NAME_MAX_LENGTH, NAME_MIN_LENGTH, normalizeName } from '../../src/domain';
import { accepted, expectDistinctReasons } from './fieldReasons';

const RARE = '\u{20BB7}'; // 𠮷, outside the BMP (a surrogate pair in UTF-16)

describe('checkName', () => {
  test.each([
    ['a two-character name', '张三'],
    ['a four-character compound surname', '欧阳娜娜'],
    ['an ethnic-minority name with ·', '买买提·艾力'],
    ['several separated parts', '阿卜杜拉·买买提·艾力'],
    ['a name containing 〇', '李〇'],
    ['a rare character outside the BMP', `${RARE}三`],
    ['a rare character at the end', `张${RARE}`],
    ['a name made of two rare characters', `${RARE}${RARE}`],
    ['a rare character next to a separator', `买买提·${RARE}`],
  ])('accepts %s', (_what, name) => {
    expect(checkName(name)).toEqual(accepted(name));
  });

  test.each([
    ['• U+2022', '\u2022'],
    ['‧ U+2027', '\u2027'],
    ['・ U+30FB', '\u30FB'],
    ['･ U+FF65', '\uFF65'],
    ['⋅ U+22C5', '\u22C5'],
    ['∙ U+2219', '\u2219'],
  ])('writes the middle dot %s as · U+00B7 and says the value changed', (_what, dot) => {
    expect(checkName(`买买提${dot}艾力`)).toEqual(accepted('买买提·艾力', true));
  });

  test('gives one value for the three spellings of 阿卜杜·热合曼 in the issue', () => {
    const results = ['阿卜杜·热合曼', '阿卜杜•热合曼', '阿卜杜‧热合曼'].map(checkName);
    expect(results).toEqual([accepted('阿卜杜·热合曼'), accepted('阿卜杜·热合曼', true), accepted('阿卜杜·热合曼', true)]);
  });

  test('rewrites every dot of a name with several parts', () => {
    expect(checkName(' 阿卜杜拉・买买提•艾力 ')).toEqual(accepted('阿卜杜拉·买买提·艾力', true));
  });

  test.each([
    ['spaces', '  张三  ', '张三'],
    ['a tab and a newline', '\t欧阳娜娜\n', '欧阳娜娜'],
    ['ideographic spaces', '\u3000张三\u3000', '张三'],
  ])('trims surrounding %s and does not call that a change', (_what, input, expected) => {
    expect(checkName(input)).toEqual(accepted(expected));
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
    expect(checkName(name)).toEqual(accepted(name));
  });

  test(`accepts ${NAME_MAX_LENGTH} rare characters, counting code points rather than UTF-16 units`, () => {
    const name = RARE.repeat(NAME_MAX_LENGTH);
    expect(name.length).toBe(2 * NAME_MAX_LENGTH);
    expect(checkName(name)).toEqual(accepted(name));
  });

  test.each([
    ['16 characters', '张'.repeat(16)],
    ['16 characters including separators', '阿卜杜拉·买买提·艾力·阿卜杜拉'],
  ])('rejects %s with reason tooLong', (_what, name) => {
    expect([...name]).toHaveLength(16);
    expect(checkName(name)).toMatchObject({ ok: false, reason: 'tooLong' });
  });

  test('uses 2 and 15 (the ID card chip\'s 姓名 item, GA/T 490) as the length limits', () => {
    expect(NAME_MIN_LENGTH).toBe(2);
    expect(NAME_MAX_LENGTH).toBe(15);
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
    ['a dot variant at the start', '・买买提艾力'],
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
      tooLong: '张'.repeat(16),
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

  test.each([
    ['﨑 U+FA11 (as in 山﨑)', '山\uFA11'],
    ['﨎 U+FA0E, the first unified compatibility ideograph', '\uFA0E张'],
    ['﨩 U+FA29, the last unified compatibility ideograph', '张\uFA29'],
    ['the first Extension I ideograph U+2EBF0', '张\u{2EBF0}'],
    ['the last Extension I ideograph U+2EE5D', '\u{2EE5D}三'],
    ['an Extension G ideograph U+30000', '张\u{30000}'],
    ['an Extension J ideograph U+323B0', '张\u{323B0}'],
  ])('accepts %s', (_what, name) => {
    expect(checkName(name)).toEqual(accepted(name));
  });

  test.each([
    ['the non-unified compatibility ideograph 豈 U+F900', '张\uF900'],
    ['the non-unified compatibility ideograph 塚 U+FA10', '张\uFA10'],
    ['a CJK compatibility supplement ideograph U+2F800', '张\u{2F800}'],
    ['a CJK radicals supplement character U+2E80', '张\u2E80'],
    ['an unassigned code point between Extensions B and C, U+2A6E0', '张\u{2A6E0}'],
    ['an unassigned code point after Extension J, U+3347A', '张\u{3347A}'],
  ])('rejects %s with reason characters', (_what, name) => {
    expect(checkName(name)).toMatchObject({ ok: false, reason: 'characters' });
  });

  test('accepts exactly the unified ideographs of Unicode 17 and 〇, whatever Unicode version Node knows', () => {
    // Extension J (Unicode 17) is accepted even where Node's own data is older.
    const isExtensionJ = (cp: number): boolean => cp >= 0x323b0 && cp <= 0x33479;
    const unified = /^\p{Unified_Ideograph}$/u;
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x3ffff; cp += 1) {
      const char = String.fromCodePoint(cp);
      // 丶 (U+4E36) is read as the minority-name dot: 丶丶 is a doubled dot.
      const expected = (unified.test(char) || cp === 0x3007 || isExtensionJ(cp)) && cp !== 0x4e36;
      if (checkName(char + char).ok !== expected) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  test('isName agrees with checkName', () => {
    expect(isName('张三')).toBe(true);
    expect(isName('张')).toBe(false);
    expect(isName(undefined)).toBe(false);
  });
});

describe('normalizeName', () => {
  test('trims and writes middle dots as U+00B7, leaving everything else as typed', () => {
    expect(normalizeName(' 阿卜杜•热合曼 ')).toBe('阿卜杜·热合曼');
    expect(normalizeName('Zhang•三')).toBe('Zhang·三');
  });
});

describe('what people paste into the name', () => {
  test.each([
    ['丶 (U+4E36) between characters', '买买提丶艾力'],
    ['a full-width full stop ．(U+FF0E)', '买买提．艾力'],
    ['a Greek ano teleia (U+0387)', '买买提\u0387艾力'],
    ['a bullet (U+2022)', '买买提•艾力'],
    ['a katakana middle dot (U+30FB)', '买买提・艾力'],
  ])('writes %s as the U+00B7 of the ID card', (_what, typed) => {
    expect(checkName(typed)).toEqual(accepted('买买提·艾力', true));
  });

  test.each([
    ['a zero-width space', '张\u200B三'],
    ['a zero-width non-joiner and joiner', '\u200C张\u200D三'],
    ['a word joiner', '张\u2060三'],
    ['a byte-order mark', '张\uFEFF三'],
    ['a soft hyphen', '张\u00AD三'],
    ['left-to-right and right-to-left marks', '\u200E张三\u200F'],
    ['a bidi override, as iOS Contacts copies', '\u202D张三\u202C'],
    ['bidi embeddings', '\u202A张\u202B三\u202E'],
    ['bidi isolates', '\u2066张\u2067三\u2068\u2069'],
  ])('removes %s, which nobody can see to delete', (_what, typed) => {
    expect(checkName(typed)).toEqual(accepted('张三', true));
  });

  test('refuses 丶 at either end as a misplaced dot, never sending it as a character', () => {
    expect(checkName('丶买买提')).toMatchObject({ ok: false, reason: 'separator' });
    expect(checkName('买买提丶')).toMatchObject({ ok: false, reason: 'separator' });
  });

  test('does not count removed characters toward the length', () => {
    expect(checkName('\u200B'.repeat(10) + '张'.repeat(15))).toEqual(accepted('张'.repeat(15), true));
  });
});
