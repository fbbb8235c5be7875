import { checkIdCard, ID_CARD_LENGTH, idCardCheckChar, isIdCard, normalizeIdCard } from '../../src/domain';
import type { CalendarDate } from '../../src/domain';
import { first17, gbCheckChar, withCheckChar, withWrongCheckChar } from '../support/gb11643';
import { accepted, expectDistinctReasons } from './fieldReasons';

const TODAY: CalendarDate = { year: 2025, month: 6, day: 15 };

describe('the independent GB 11643 helper', () => {
  test.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
  ])('computes the published check character for %s', (digits, expected) => {
    expect(gbCheckChar(digits)).toBe(expected);
  });
});

describe('checkIdCard', () => {
  test('accepts the well-known sample 11010519491231002X', () => {
    expect(checkIdCard('11010519491231002X', TODAY)).toEqual(accepted('11010519491231002X'));
  });

  test('accepts every check character 0-9 and X when it is the right one', () => {
    const seen = new Set<string>();
    for (let sequence = 0; sequence < 200 && seen.size < 11; sequence += 1) {
      const id = withCheckChar(first17('110105', '19800101', String(sequence).padStart(3, '0')));
      expect(checkIdCard(id, TODAY)).toEqual(accepted(id));
      seen.add(id[17]);
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  test('idCardCheckChar agrees with the independent helper', () => {
    for (let sequence = 0; sequence < 100; sequence += 1) {
      const digits = first17('320102', '19881120', String(sequence).padStart(3, '0'));
      expect(idCardCheckChar(digits)).toBe(gbCheckChar(digits));
    }
  });

  test('accepts a lower-case x as the check character and returns it upper-case', () => {
    expect(checkIdCard('11010519491231002x', TODAY)).toEqual(accepted('11010519491231002X', true));
  });

  test('trims surrounding spaces before checking and does not call that a change', () => {
    expect(checkIdCard('  11010519491231002X\t', TODAY)).toEqual(accepted('11010519491231002X'));
  });

  test.each([
    ['spaces and a lower-case x', '110105 19491231 002x'],
    ['full-width digits and Ｘ', '１１０１０５１９４９１２３１００２Ｘ'],
    ['a full-width ｘ', '11010519491231002ｘ'],
    ['dashes', '110105-19491231-002X'],
    ['ideographic spaces', '110105\u300019491231\u3000002X'],
    ['groups of four', '1101 0519 4912 3100 2X'],
  ])('accepts a pasted ID with %s and returns it canonical', (_what, input) => {
    expect(checkIdCard(input, TODAY)).toEqual(accepted('11010519491231002X', true));
  });

  test.each([
    ['a wrong digit', '110105194912310021'],
    ['X where a digit belongs', withWrongCheckChar('44052419800101001').slice(0, 17) + 'X'],
    ['a wrong digit for an otherwise valid ID', withWrongCheckChar(first17('310104', '20000101', '345'))],
  ])('rejects a bad check character (%s) with reason checksum', (_what, id) => {
    expect(gbCheckChar(id.slice(0, 17))).not.toBe(id[17]);
    expect(checkIdCard(id, TODAY)).toMatchObject({ ok: false, reason: 'checksum' });
  });

  test('rejects two swapped digits that break the check character', () => {
    // Swapping the 16th and 17th digits ('0' and '2', weights 2 and 1) changes the sum.
    const id = '11010519491231002X';
    const swapped = id.slice(0, 15) + id[16] + id[15] + id.slice(17);
    expect(swapped).not.toBe(id);
    expect(checkIdCard(swapped, TODAY)).toMatchObject({ ok: false, reason: 'checksum' });
  });

  test.each([
    ['19990230', 'February 30th'],
    ['19990229', 'February 29th in a common year'],
    ['19000229', 'February 29th in 1900 (not a leap year)'],
    ['19991301', 'month 13'],
    ['19990001', 'month 00'],
    ['19990100', 'day 00'],
    ['19990431', 'April 31st'],
    ['18991231', 'a year before 1900'],
    ['00000000', 'all zeros'],
  ])('rejects the birth date %s (%s) with reason birthDate', (birth) => {
    const id = withCheckChar(first17('110105', birth));
    expect(checkIdCard(id, TODAY)).toMatchObject({ ok: false, reason: 'birthDate' });
  });

  test.each(['20000229', '19960229', '20240229'])('accepts the leap day %s', (birth) => {
    const id = withCheckChar(first17('110105', birth));
    expect(checkIdCard(id, TODAY)).toEqual(accepted(id));
  });

  test('accepts a birth date equal to today', () => {
    const id = withCheckChar(first17('110105', '20250615'));
    expect(checkIdCard(id, TODAY)).toEqual(accepted(id));
  });

  test.each([
    ['tomorrow', '20250616'],
    ['next month', '20250715'],
    ['next year', '20260101'],
    ['far in the future', '20991231'],
  ])('rejects a birth date %s relative to the passed today with reason futureBirthDate', (_when, birth) => {
    const id = withCheckChar(first17('110105', birth));
    expect(checkIdCard(id, TODAY)).toMatchObject({ ok: false, reason: 'futureBirthDate' });
  });

  test('judges the future by the passed today, not by the clock', () => {
    const id = withCheckChar(first17('110105', '20300101'));
    expect(checkIdCard(id, { year: 2029, month: 12, day: 31 })).toMatchObject({ ok: false, reason: 'futureBirthDate' });
    expect(checkIdCard(id, { year: 2030, month: 1, day: 1 })).toEqual(accepted(id));
  });

  test.each([
    ['17 characters', '11010519491231002', 17],
    ['19 characters', '1101051949123100201', 19],
    ['19 characters ending in X', '110105194912310020X', 19],
    ['a single digit', '1', 1],
  ])('rejects %s with reason length and states the count', (_what, id, count) => {
    const result = checkIdCard(id, TODAY);
    expect(result).toMatchObject({ ok: false, reason: 'length' });
    expect(!result.ok && result.message).toContain(`${ID_CARD_LENGTH}`);
    expect(!result.ok && result.message).toContain(`${count}`);
  });

  test('says a 15-digit first-generation number is no longer in use and which card to use', () => {
    const result = checkIdCard('110105491231002', TODAY);
    expect(result).toMatchObject({ ok: false, reason: 'firstGeneration' });
    expect(!result.ok && result.message).toMatch(/第一代.*第二代居民身份证.*18位/);
  });

  test.each(['USA330077080110', 'can 330077080110', 'ＧＢＲ１１００７７０８０１１０'])(
    'says the 2017 foreigner\'s permanent residence card %s cannot be checked, and which cards can',
    (typed) => {
      const result = checkIdCard(typed, TODAY);
      expect(result).toMatchObject({ ok: false, reason: 'foreignerCard2017' });
      expect(!result.ok && result.message).toMatch(/2017年版外国人永久居留身份证.*无法.*居民身份证.*2023年版/);
    },
  );

  test.each([
    ['a zero-width space', '110105\u200B19491231002X'],
    ['a soft hyphen and a byte-order mark', '\uFEFF110105\u00AD19491231002X'],
    ['bidi marks around it', '\u202D11010519491231002X\u202C'],
    ['an isolate and a word joiner', '\u2066110105194912\u206031002X\u2069'],
  ])('removes %s before checking', (_what, typed) => {
    expect(checkIdCard(typed, TODAY)).toEqual(accepted('11010519491231002X', true));
  });

  test.each([
    ['a letter in the middle', '1101051949A231002X'],
    ['X in the middle', '11010519491X31002X'],
    ['a letter other than X at the end', '11010519491231002Y'],
    ['a full stop', '110105.19491231002X'],
    ['a slash', '110105/19491231002X'],
    ['a circled digit', '①1010519491231002X'],
    ['X in the 17th position', '1101051949123100X2'],
  ])('rejects %s with reason characters', (_what, id) => {
    expect(checkIdCard(id, TODAY)).toMatchObject({ ok: false, reason: 'characters' });
  });

  test.each([
    ['an empty string', ''],
    ['only spaces', '   '],
    ['only dashes', '- -'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 110105194912310020],
    ['an array', ['11010519491231002X']],
    ['an object', { idCard: '11010519491231002X' }],
  ])('rejects %s with reason empty', (_what, input) => {
    expect(checkIdCard(input, TODAY)).toMatchObject({ ok: false, reason: 'empty' });
  });

  test('gives each failure its own reason and a Chinese message', () => {
    const cases: Record<string, string> = {
      empty: '',
      characters: '1101051949A231002X',
      length: '11010519491231002',
      province: withCheckChar(first17('990105', '19800101')),
      birthDate: withCheckChar(first17('110105', '19990230')),
      futureBirthDate: withCheckChar(first17('110105', '20250616')),
      checksum: '110105194912310021',
    };
    expectDistinctReasons((input) => checkIdCard(input, TODAY), cases);
  });

  test('isIdCard agrees with checkIdCard', () => {
    expect(isIdCard('11010519491231002X', TODAY)).toBe(true);
    expect(isIdCard('110105194912310021', TODAY)).toBe(false);
    expect(isIdCard(undefined, TODAY)).toBe(false);
  });
});

describe('normalizeIdCard', () => {
  test.each([
    ['110105 19491231 002x', '11010519491231002X'],
    ['１１０１０５－１９４９', '1101051949'],
    ['11010519491231002ｘ', '11010519491231002X'],
    ['11O105', '11O105'],
  ])('turns %s into %s', (input, expected) => {
    expect(normalizeIdCard(input)).toBe(expected);
  });
});
