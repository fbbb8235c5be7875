import { checkMobile, isMobile, MOBILE_LENGTH, normalizeMobile, VIRTUAL_OPERATOR_PREFIXES } from '../../src/domain';
import { accepted, expectDistinctReasons } from './fieldReasons';

const RANGE_MESSAGE = '该号码不属于中国大陆已分配的手机号段，请核对';

describe('checkMobile', () => {
  test.each([
    '13800138000', '13012345678', '14512345678', '14712345678', '15012345678', '15912345678', '16101234567',
    '16612345678', '17212345678', '17712345678', '18612345678', '19012345678', '19912345678',
  ])('accepts the mainland mobile %s', (mobile) => {
    expect(checkMobile(mobile)).toEqual(accepted(mobile));
  });

  // Accepted by the old `1[3-9]` pattern; not mobile ranges in libphonenumber's China metadata.
  test.each([
    '142', '143', '154', '160', '1611', '1619', '163', '164', '168', '169',
    '17406', '17409', '1741', '1745', '1749', '179', '194',
  ])('refuses the range %s, which is no mainland mobile range, with reason range', (prefix) => {
    const mobile = prefix.padEnd(MOBILE_LENGTH, '5');
    expect(checkMobile(mobile)).toEqual({ ok: false, reason: 'range', message: RANGE_MESSAGE });
  });

  test.each([
    ['a data-only (上网卡) range', '14912345678', 'dataOnly', /上网卡.*无法进行手机号实名核验/],
    ['an IoT range', '14012345678', 'iot', /物联网.*无法/],
    ['an IoT range', '14112345678', 'iot', /物联网.*无法/],
    ['an IoT range', '14412345678', 'iot', /物联网.*无法/],
    ['an IoT range', '14612345678', 'iot', /物联网.*无法/],
    ['an IoT range', '14812345678', 'iot', /物联网.*无法/],
    ['a satellite range', '13491234567', 'satellite', /卫星.*无法/],
    ['a satellite range', '17400123456', 'satellite', /卫星.*无法/],
    ['a satellite range', '17405123456', 'satellite', /卫星.*无法/],
    ['a virtual-operator range', '17012345678', 'virtualOperator', /虚拟运营商.*无法/],
  ])('says that %s (%s) cannot be checked, not that it is not Chinese', (_what, mobile, reason, message) => {
    const result = checkMobile(mobile);
    expect(result).toMatchObject({ ok: false, reason, message: expect.stringMatching(message) });
    expect(!result.ok && result.message).not.toContain('不属于');
  });

  test.each([
    ['bidi marks around it, as iOS Contacts copies', '\u202D138 0013 8000\u202C'],
    ['a zero-width space', '138\u200B00138000'],
    ['a byte-order mark and a word joiner', '\uFEFF+86\u2060 13800138000'],
    ['marks and isolates', '\u200E\u2066138-0013-8000\u2069\u200F'],
    ['a soft hyphen and joiners', '138\u00AD0013\u200C8000\u200D'],
  ])('removes %s before checking', (_what, typed) => {
    expect(checkMobile(typed)).toEqual(accepted('13800138000', true));
  });

  test.each(['12012345678', '12812345678', '11012345678', '10012345678', '23800138000', '03800138000', '93800138000'])(
    'rejects %s, which does not start with 13 to 19, with reason prefix',
    (mobile) => {
      expect(checkMobile(mobile)).toMatchObject({ ok: false, reason: 'prefix' });
    },
  );

  test.each([
    ['10 digits', '1380013800', 10],
    ['12 digits', '138001380001', 12],
    ['1 digit', '1', 1],
    ['86 before 10 digits', '861380013800', 12],
    ['86 before 12 digits', '86138001380001', 14],
  ])('rejects %s with reason length and states the count', (_what, mobile, count) => {
    const result = checkMobile(mobile);
    expect(result).toMatchObject({ ok: false, reason: 'length' });
    expect(!result.ok && result.message).toContain(`${MOBILE_LENGTH}`);
    expect(!result.ok && result.message).toContain(`${count}`);
  });

  test.each([
    ['+86 and dashes', '+86 138-0013-8000'],
    ['full-width digits', '１３８００１３８０００'],
    ['inner spaces', '138 0013 8000'],
    ['hyphens', '138-0013-8000'],
    ['+86 without spaces', '+8613800138000'],
    ['a full-width plus and ideographic spaces', '＋８６\u3000１３８\u3000００１３\u3000８０００'],
    ['0086', '0086 138 0013 8000'],
    ['86 in front of 11 digits', '8613800138000'],
    ['86 and spaces', '86 138 0013 8000'],
    ['en dashes', '138–0013–8000'],
    ['a full-width hyphen', '138－0013－8000'],
  ])('accepts a pasted number with %s and returns the 11 digits', (_what, input) => {
    expect(checkMobile(input)).toEqual(accepted('13800138000', true));
  });

  test.each([
    ['+852 9123 4567', '+852 9123 4567'],
    ['+1 415 555 0100', '+1 415 555 0100'],
    ['00852 9123 4567', '00852 9123 4567'],
  ])('rejects the foreign number %s with reason countryCode', (_what, input) => {
    expect(checkMobile(input)).toMatchObject({ ok: false, reason: 'countryCode' });
  });

  test.each([
    ['a letter', '1380013800a'],
    ['a decimal point', '1380013800.0'],
    ['parentheses', '(138)00138000'],
    ['a plus sign in the middle', '138+00138000'],
    ['a circled digit', '①3800138000'],
  ])('rejects %s with reason characters', (_what, mobile) => {
    expect(checkMobile(mobile)).toMatchObject({ ok: false, reason: 'characters' });
  });

  test.each(VIRTUAL_OPERATOR_PREFIXES.map((prefix) => [prefix]))(
    'rejects the virtual-operator range %s with reason virtualOperator',
    (prefix) => {
      const result = checkMobile(`${prefix}12345678`);
      expect(result).toMatchObject({ ok: false, reason: 'virtualOperator' });
      expect(!result.ok && result.message).toContain(prefix);
    },
  );

  test('lists exactly the virtual-operator ranges 162, 165, 167, 170 and 171', () => {
    expect([...VIRTUAL_OPERATOR_PREFIXES].sort()).toEqual(['162', '165', '167', '170', '171']);
  });

  test.each([
    ['surrounding spaces', '  13800138000  '],
    ['a tab and a newline', '\t13800138000\n'],
    ['an ideographic space', '\u300013800138000\u3000'],
  ])('trims %s and does not call that a change', (_what, input) => {
    expect(checkMobile(input)).toEqual(accepted('13800138000'));
  });

  test.each([
    ['an empty string', ''],
    ['only spaces', '    '],
    ['only dashes', '---'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 13800138000],
  ])('rejects %s with reason empty', (_what, input) => {
    expect(checkMobile(input)).toMatchObject({ ok: false, reason: 'empty' });
  });

  test('gives each failure its own reason and a Chinese message', () => {
    const cases: Record<string, string> = {
      empty: '',
      countryCode: '+85291234567',
      characters: '1380013800a',
      length: '1380013800',
      prefix: '12012345678',
      virtualOperator: '17012345678',
      range: '14212345678',
      dataOnly: '14912345678',
      iot: '14812345678',
      satellite: '13491234567',
    };
    expectDistinctReasons(checkMobile, cases);
  });

  test('isMobile agrees with checkMobile', () => {
    expect(isMobile('13800138000')).toBe(true);
    expect(isMobile('+86 138 0013 8000')).toBe(true);
    expect(isMobile('17012345678')).toBe(false);
    expect(isMobile('14212345678')).toBe(false);
    expect(isMobile(13800138000)).toBe(false);
  });
});

describe('normalizeMobile', () => {
  test.each([
    ['+86 138-0013-8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['0086-13800138000', '13800138000'],
    ['861380013800', '861380013800'],
    ['+852 9123 4567', '+85291234567'],
    ['１３８ａ', '138a'],
  ])('turns %s into %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });
});
