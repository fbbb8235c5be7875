import { checkMobile, isMobile, MOBILE_LENGTH, VIRTUAL_OPERATOR_PREFIXES } from '../../src/domain';
import { expectDistinctReasons } from './fieldReasons';


describe('checkMobile', () => {
  test.each(['13800138000', '14512345678', '15012345678', '16612345678', '17712345678', '18612345678', '19912345678'])(
    'accepts the mainland mobile %s',
    (mobile) => {
      expect(checkMobile(mobile)).toEqual({ ok: true, value: mobile });
    },
  );

  test.each(['160', '161', '163', '164', '166', '168', '169', '172', '173', '175', '176', '178'])(
    'accepts the non-virtual range %s next to the virtual ones',
    (prefix) => {
      const mobile = `${prefix}12345678`;
      expect(checkMobile(mobile)).toEqual({ ok: true, value: mobile });
    },
  );

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
    ['the country code in front', '8613800138000', 13],
  ])('rejects %s with reason length and states the count', (_what, mobile, count) => {
    const result = checkMobile(mobile);
    expect(result).toMatchObject({ ok: false, reason: 'length' });
    expect(!result.ok && result.message).toContain(`${MOBILE_LENGTH}`);
    expect(!result.ok && result.message).toContain(`${count}`);
  });

  test.each([
    ['a letter', '1380013800a'],
    ['inner spaces', '138 0013 8000'],
    ['hyphens', '138-0013-8000'],
    ['a plus sign', '+8613800138000'],
    ['full-width digits', '１３８００１３８０００'],
    ['a decimal point', '1380013800.0'],
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
  ])('trims %s', (_what, input) => {
    expect(checkMobile(input)).toEqual({ ok: true, value: '13800138000' });
  });

  test.each([
    ['an empty string', ''],
    ['only spaces', '    '],
    ['undefined', undefined],
    ['null', null],
    ['a number', 13800138000],
  ])('rejects %s with reason empty', (_what, input) => {
    expect(checkMobile(input)).toMatchObject({ ok: false, reason: 'empty' });
  });

  test('gives each failure its own reason and a Chinese message', () => {
    const cases: Record<string, string> = {
      empty: '',
      characters: '1380013800a',
      length: '1380013800',
      prefix: '12012345678',
      virtualOperator: '17012345678',
    };
    expectDistinctReasons(checkMobile, cases);
  });

  test('isMobile agrees with checkMobile', () => {
    expect(isMobile('13800138000')).toBe(true);
    expect(isMobile('17012345678')).toBe(false);
    expect(isMobile(13800138000)).toBe(false);
  });
});
