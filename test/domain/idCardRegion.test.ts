import { checkIdCard } from '../../src/domain';
import type { CalendarDate } from '../../src/domain';
import fc from 'fast-check';
import { first17, MAINLAND_PROVINCES, RESIDENT_PROVINCES, withCheckChar, withWrongCheckChar } from '../support/gb11643';
import { accepted } from './fieldReasons';

const TODAY: CalendarDate = { year: 2025, month: 6, day: 15 };

describe('the region code of an ID', () => {
  test.each([
    ['Beijing', '110105', '19491231', '002'],
    ['Guangdong', '440524', '19800101', '001'],
    ['Shanghai', '310104', '20000101', '345'],
    ['Xinjiang', '650102', '19700615', '678'],
    ['Taiwan', '710000', '19851010', '111'],
    ['Hong Kong', '810000', '19901231', '222'],
    ['Macao', '820000', '19950707', '333'],
    ['Taiwan (residence permit)', '830000', '19880808', '444'],
    ['a foreigner, issued in Beijing, US nationality (840)', '911840', '19600229', '444'],
    ['a foreigner, issued in Guangdong, Japanese nationality (392)', '944392', '19751120', '017'],
    ['Inner Mongolia', '150102', '19000101', '555'],
    ['Ningxia', '640104', '20250615', '999'],
  ])('accepts a valid ID from %s', (_region, region, birth, sequence) => {
    const id = withCheckChar(first17(region, birth, sequence));
    expect(checkIdCard(id, TODAY)).toEqual(accepted(id));
  });

  test('accepts any real ID built from a known region, a past birth date and the right check character', () => {
    const pad = (n: number, width: number): string => String(n).padStart(width, '0');
    const region = fc.oneof(
      fc.tuple(fc.constantFrom(...RESIDENT_PROVINCES), fc.integer({ min: 0, max: 9999 })).map(([p, area]) => `${p}${pad(area, 4)}`),
      fc.constantFrom('810000', '820000', '830000'),
      fc.tuple(fc.constantFrom(...MAINLAND_PROVINCES), fc.integer({ min: 0, max: 999 })).map(([p, nation]) => `9${p}${pad(nation, 3)}`),
    );
    fc.assert(
      fc.property(
        region,
        fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2025, 5, 15)), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (regionCode, birth, sequence) => {
          const birthText = `${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}`;
          const digits = `${regionCode}${birthText}${pad(sequence, 3)}`;
          expect(checkIdCard(withCheckChar(digits), TODAY)).toEqual(accepted(withCheckChar(digits)));
          expect(checkIdCard(withWrongCheckChar(digits), TODAY)).toMatchObject({ ok: false, reason: 'checksum' });
        },
      ),
      { numRuns: 500 },
    );
  });

  test.each(['00', '10', '16', '19', '20', '24', '30', '38', '40', '47', '49', '55', '60', '66', '70', '72', '80', '84', '89'])(
    'rejects the unknown province code %s with reason province',
    (province) => {
      const id = withCheckChar(first17(`${province}0105`, '19800101'));
      expect(checkIdCard(id, TODAY)).toEqual({ ok: false, reason: 'province', message: '身份证件号码开头的地区代码不存在，请核对' });
    },
  );

  test.each(RESIDENT_PROVINCES)('accepts the province code %i', (province) => {
    const id = withCheckChar(first17(`${province}0105`, '19800101'));
    expect(checkIdCard(id, TODAY)).toEqual(accepted(id));
  });

  test.each(['810105', '820001', '831000', '839999'])(
    'rejects the residence permit region %s, which is not 810000, 820000 or 830000, with reason province',
    (region) => {
      const result = checkIdCard(withCheckChar(first17(region, '19800101')), TODAY);
      expect(result).toMatchObject({ ok: false, reason: 'province' });
      expect(!result.ok && result.message).toContain('居住证');
    },
  );

  // The old bare `91` ("overseas") entry is gone: no resident ID has it, and a foreigner's ID
  // starting 91 is accepted only when digits 2-3 are the issuing province (11 to 15).
  test.each([
    ['the old overseas code 910000', '910000'],
    ['issuing province 00', '900840'],
    ['issuing province 10', '910840'],
    ['issuing province 16', '916840'],
    ['Taiwan as issuing province', '971840'],
    ['Hong Kong as issuing province', '981840'],
    ['issuing province 99', '999840'],
  ])("rejects a foreigner's ID with %s with reason province", (_what, region) => {
    const result = checkIdCard(withCheckChar(first17(region, '19800101')), TODAY);
    expect(result).toMatchObject({ ok: false, reason: 'province' });
    expect(!result.ok && result.message).toContain('外国人永久居留身份证');
  });

  test.each(MAINLAND_PROVINCES)("accepts a foreigner's ID issued in province %i", (province) => {
    const id = withCheckChar(first17(`9${province}156`, '19800101'));
    expect(checkIdCard(id, TODAY)).toEqual(accepted(id));
  });

  test("checks a foreigner's ID's birth date and check character like any other", () => {
    expect(checkIdCard(withCheckChar(first17('911840', '19990230')), TODAY)).toMatchObject({ ok: false, reason: 'birthDate' });
    expect(checkIdCard(withWrongCheckChar(first17('911840', '19800101')), TODAY)).toMatchObject({ ok: false, reason: 'checksum' });
  });
});
