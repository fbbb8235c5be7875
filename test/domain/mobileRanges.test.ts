import { readFileSync } from 'node:fs';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { checkMobile, UNCHECKABLE_RANGES, VIRTUAL_OPERATOR_PREFIXES } from '../../src/domain';
import { CHINA_MOBILE_PREFIXES } from '../../src/domain/fields/chinaMobileRanges.generated';
import { patternPrefixes } from '../../scripts/mobileRanges/patternPrefixes';
import { GENERATED_PATH, renderMobileRanges } from '../../scripts/mobileRanges/render';

// libphonenumber-js itself, through its public API, as the judge of what a mainland mobile is.
const isChinaMobile = (digits: string): boolean =>
  ['MOBILE', 'FIXED_LINE_OR_MOBILE'].includes(parsePhoneNumberFromString(`+86${digits}`)?.getType() ?? '');

describe('the generated mainland mobile ranges', () => {
  test('are exactly what the generator makes from the installed libphonenumber-js (run npm run generate:mobile-ranges after an upgrade)', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(renderMobileRanges());
  });

  test('make checkMobile agree with libphonenumber-js on every five-digit beginning, virtual operators and uncheckable kinds aside', () => {
    const refused = [...VIRTUAL_OPERATOR_PREFIXES, ...UNCHECKABLE_RANGES.flatMap((k) => k.prefixes)];
    const disagreements: string[] = [];
    for (let start = 10_000; start <= 19_999; start += 1) {
      for (const mobile of [`${start}000000`, `${start}999999`]) {
        const expected = isChinaMobile(mobile) && !refused.some((p) => mobile.startsWith(p));
        if (checkMobile(mobile).ok !== expected) disagreements.push(mobile);
      }
    }
    expect(disagreements).toEqual([]);
  });

  test('all begin with 13 to 19, the digits the prefix message names', () => {
    expect([...new Set(CHINA_MOBILE_PREFIXES.map((p) => p.slice(0, 2)))]).toEqual(['13', '14', '15', '16', '17', '18', '19']);
  });
});

describe('patternPrefixes', () => {
  test.each([
    ['1[38]\\d{9}', 11, ['13', '18']],
    ['1(?:4[57]|5[0-35-9])\\d{8}', 11, ['145', '147', '150', '151', '152', '153', '155', '156', '157', '158', '159']],
    ['1(?:740[0-5])\\d{6}', 11, ['17400', '17401', '17402', '17403', '17404', '17405']],
    ['1[0-9]\\d', 3, ['1']],
    ['1(?:[0-4]|[5-9])\\d', 3, ['1']],
    ['1[2-3]{2}', 3, ['122', '123', '132', '133']],
    ['\\d{3}', 3, ['']],
  ])('reads %s as the beginnings of %i-digit numbers', (pattern, length, expected) => {
    expect(patternPrefixes(pattern, length)).toEqual(expected);
  });

  test.each([
    ['a lookahead', '1(?=3)\\d{10}'],
    ['an optional part', '13?\\d{9}'],
    ['a length range', '1\\d{9,10}'],
    ['a letter class', '1\\w\\d{9}'],
    ['a negated class', '1[^2]\\d{9}'],
    ['an unclosed group', '1(?:3\\d{9}'],
    ['a capturing group', '1(3)\\d{9}'],
    ['an alternative of another length', '1\\d{10}|1\\d{9}'],
  ])('refuses a pattern with %s rather than misread it', (_what, pattern) => {
    expect(() => patternPrefixes(pattern, 11)).toThrow();
  });
});
