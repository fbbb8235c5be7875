import { ERROR_MESSAGES, parseConsent, parseFields, parseShape } from '../../src/domain';
import type { CalendarDate } from '../../src/domain';
import { withCheckChar } from '../support/gb11643';
import { HAN } from './fieldReasons';

const TODAY: CalendarDate = { year: 2025, month: 6, day: 15 };
const VERSION = '0123456789abcdef';
const NOW = Date.UTC(2025, 2, 10);
const AT = NOW - 60_000;

const VALID = { name: '张三', idCard: '11010519491231002X', mobile: '13800138000' };
const event = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...VALID,
  consent: { agreementVersion: VERSION, accepted: true, acceptedAt: AT },
  ...overrides,
});

class Request {
  name = '张三';
  idCard = '11010519491231002X';
  mobile = '13800138000';
}

describe('parseShape', () => {
  test('accepts a plain object with the three string fields and returns it', () => {
    const input = event();
    expect(parseShape(input)).toEqual({ ok: true, value: input });
  });

  test('accepts a plain object with a null prototype', () => {
    const input = Object.assign(Object.create(null) as Record<string, unknown>, VALID);
    const result = parseShape(input);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toBe(input);
  });

  test('accepts an object from JSON.parse', () => {
    expect(parseShape(JSON.parse(JSON.stringify(event()))).ok).toBe(true);
  });

  test('accepts an object where the fields are missing, leaving them to the field checks', () => {
    expect(parseShape({}).ok).toBe(true);
  });

  test.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', '{"name":"张三"}'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [VALID]],
    ['an empty array', []],
    ['a class instance', new Request()],
    ['an object with a custom prototype', Object.create({ name: '张三' })],
    ['a Date', new Date()],
    ['a Map', new Map(Object.entries(VALID))],
    ['a function', () => VALID],
  ])('rejects %s with INVALID_REQUEST', (_what, input) => {
    expect(parseShape(input)).toEqual({ ok: false, code: 'INVALID_REQUEST' });
  });

  test.each(['name', 'idCard', 'mobile'])('rejects a non-string %s with INVALID_REQUEST', (field) => {
    for (const value of [123, true, null, ['x'], { value: 'x' }]) {
      expect(parseShape(event({ [field]: value }))).toEqual({ ok: false, code: 'INVALID_REQUEST' });
    }
  });

  test.each(['name', 'idCard', 'mobile'])('accepts a %s of exactly 64 characters', (field) => {
    expect(parseShape(event({ [field]: 'a'.repeat(64) })).ok).toBe(true);
  });

  test.each(['name', 'idCard', 'mobile'])('rejects a %s of 65 characters with INVALID_REQUEST', (field) => {
    expect(parseShape(event({ [field]: 'a'.repeat(65) }))).toEqual({ ok: false, code: 'INVALID_REQUEST' });
  });

  test('rejects a very long string with INVALID_REQUEST', () => {
    expect(parseShape(event({ idCard: '1'.repeat(1_000_000) }))).toEqual({ ok: false, code: 'INVALID_REQUEST' });
  });

  test('ignores fields it does not know about', () => {
    expect(parseShape(event({ openid: 123, extra: { deep: true } })).ok).toBe(true);
  });

  test('has a Chinese message for the code it returns', () => {
    expect(ERROR_MESSAGES.INVALID_REQUEST).toMatch(HAN);
  });
});

describe('parseFields', () => {
  test('returns the three normalized fields when all are valid', () => {
    expect(parseFields({ name: ' 张三 ', idCard: '11010519491231002x', mobile: ' 13800138000 ' }, TODAY)).toEqual({
      ok: true,
      value: { name: '张三', idCard: '11010519491231002X', mobile: '13800138000' },
    });
  });

  test('returns the canonical spelling of pasted fields, so the function hashes and sends one spelling', () => {
    expect(parseFields({ name: '阿卜杜•热合曼', idCard: '110105 19491231 002x', mobile: '+86 138-0013-8000' }, TODAY)).toEqual({
      ok: true,
      value: { name: '阿卜杜·热合曼', idCard: '11010519491231002X', mobile: '13800138000' },
    });
  });

  test('returns the pasted fields without invisible characters and with 丶 ． and U+0387 as ·, the spelling that is hashed and sent', () => {
    const pasted = { name: '买买提丶艾力\u200B', idCard: '\uFEFF11010519491231002X', mobile: '\u202D+86 138 0013 8000\u202C' };
    expect(parseFields(pasted, TODAY)).toEqual({
      ok: true,
      value: { name: '买买提·艾力', idCard: '11010519491231002X', mobile: '13800138000' },
    });
    expect(parseFields({ ...pasted, name: '买买提．艾力' }, TODAY)).toMatchObject({ ok: true, value: { name: '买买提·艾力' } });
    expect(parseFields({ ...pasted, name: '买买提\u0387艾力' }, TODAY)).toMatchObject({ ok: true, value: { name: '买买提·艾力' } });
  });

  test('returns only name, idCard and mobile, not other event fields', () => {
    const result = parseFields(event({ openid: 'someone' }), TODAY);
    expect(result.ok && Object.keys(result.value).sort()).toEqual(['idCard', 'mobile', 'name']);
  });

  test.each([
    ['name', { name: '张' }, 'INVALID_NAME'],
    ['idCard', { idCard: '110105194912310021' }, 'INVALID_ID_CARD'],
    ['mobile', { mobile: '17012345678' }, 'INVALID_MOBILE'],
  ])('rejects an invalid %s with its code, field and the field message', (field, overrides, code) => {
    const result = parseFields(event(overrides), TODAY);
    expect(result).toMatchObject({ ok: false, code, field });
    expect(!result.ok && result.message).toMatch(HAN);
  });

  test.each([
    ['all three are wrong', { name: 'x', idCard: 'x', mobile: 'x' }, 'name', 'INVALID_NAME'],
    ['name and mobile are wrong', { name: 'x', mobile: 'x' }, 'name', 'INVALID_NAME'],
    ['idCard and mobile are wrong', { idCard: 'x', mobile: 'x' }, 'idCard', 'INVALID_ID_CARD'],
    ['only mobile is wrong', { mobile: 'x' }, 'mobile', 'INVALID_MOBILE'],
  ])('reports the first failing field in the order name, idCard, mobile when %s', (_what, overrides, field, code) => {
    expect(parseFields(event(overrides), TODAY)).toMatchObject({ ok: false, field, code });
  });

  test('passes the field check message through', () => {
    expect(parseFields(event({ name: '张' }), TODAY)).toMatchObject({ message: '姓名至少2个字' });
  });

  test('rejects missing fields as empty', () => {
    expect(parseFields({}, TODAY)).toMatchObject({ ok: false, code: 'INVALID_NAME', field: 'name', message: '请输入姓名' });
  });

  test('uses the passed today for the birth date', () => {
    const bornToday = withCheckChar('11010520250615123');
    expect(parseFields(event({ idCard: bornToday }), TODAY).ok).toBe(true);
    expect(parseFields(event({ idCard: bornToday }), { year: 2025, month: 6, day: 14 })).toMatchObject({
      ok: false,
      field: 'idCard',
    });
  });

  test('ignores inherited fields', () => {
    const inherited = Object.create(VALID) as Record<string, unknown>;
    expect(parseFields(inherited, TODAY)).toMatchObject({ ok: false, field: 'name' });
  });
});

describe('parseConsent', () => {
  test('accepts accepted === true with the exact current version', () => {
    expect(parseConsent(event(), VERSION, NOW)).toEqual({
      ok: true,
      value: { agreementVersion: VERSION, acceptedAt: AT },
    });
  });

  test('accepts a consent object with a null prototype', () => {
    const consent = Object.assign(Object.create(null) as Record<string, unknown>, { agreementVersion: VERSION, accepted: true, acceptedAt: AT });
    expect(parseConsent(event({ consent }), VERSION, NOW).ok).toBe(true);
  });

  test.each([
    ['missing', undefined],
    ['null', null],
    ['true instead of an object', true],
    ['a string', 'accepted'],
    ['an array', [{ agreementVersion: VERSION, accepted: true }]],
    ['accepted false', { agreementVersion: VERSION, accepted: false }],
    ["accepted 'true'", { agreementVersion: VERSION, accepted: 'true' }],
    ['accepted 1', { agreementVersion: VERSION, accepted: 1 }],
    ['accepted missing', { agreementVersion: VERSION }],
    ['version missing', { accepted: true }],
    ['an older version', { agreementVersion: 'fedcba9876543210', accepted: true }],
    ['the version in upper case', { agreementVersion: VERSION.toUpperCase(), accepted: true }],
    ['the version with spaces', { agreementVersion: ` ${VERSION} `, accepted: true }],
    ['a version prefix', { agreementVersion: VERSION.slice(0, 8), accepted: true }],
    ['an empty version', { agreementVersion: '', accepted: true }],
    ['a class instance', Object.assign(new Request(), { agreementVersion: VERSION, accepted: true })],
    ['without acceptedAt', { agreementVersion: VERSION, accepted: true }],
    ['acceptedAt as a string', { agreementVersion: VERSION, accepted: true, acceptedAt: String(AT) }],
    ['acceptedAt zero', { agreementVersion: VERSION, accepted: true, acceptedAt: 0 }],
    ['acceptedAt a fraction', { agreementVersion: VERSION, accepted: true, acceptedAt: AT + 0.5 }],
    ['acceptedAt an hour in the future', { agreementVersion: VERSION, accepted: true, acceptedAt: NOW + 3_600_000 }],
  ])('refuses a consent that is %s with CONSENT_REQUIRED', (_what, consent) => {
    expect(parseConsent(event({ consent }), VERSION, NOW)).toEqual({ ok: false, code: 'CONSENT_REQUIRED' });
  });

  test('refuses a consent whose fields are only inherited', () => {
    const consent = Object.create({ agreementVersion: VERSION, accepted: true });
    expect(parseConsent(event({ consent }), VERSION, NOW)).toEqual({ ok: false, code: 'CONSENT_REQUIRED' });
  });

  test('refuses a consent smuggled in through __proto__ in JSON', () => {
    const consent = JSON.parse(`{"__proto__": {"accepted": true, "agreementVersion": "${VERSION}"}}`);
    expect(parseConsent(event({ consent }), VERSION, NOW)).toEqual({ ok: false, code: 'CONSENT_REQUIRED' });
  });

  test('refuses a whole event whose consent sits under __proto__ in JSON', () => {
    const parsed = JSON.parse(
      `{"name":"张三","__proto__":{"consent":{"accepted":true,"agreementVersion":"${VERSION}"}}}`,
    ) as Record<string, unknown>;
    expect(parseConsent(parsed, VERSION, NOW)).toEqual({ ok: false, code: 'CONSENT_REQUIRED' });
  });

  test("refuses JSON.parse('{\"__proto__\": {\"accepted\": true}}') as the consent", () => {
    const consent = JSON.parse('{"__proto__": {"accepted": true}}');
    expect(parseConsent(event({ consent }), VERSION, NOW)).toEqual({ ok: false, code: 'CONSENT_REQUIRED' });
  });

  test('refuses a consent inherited from the event prototype', () => {
    const inherited = Object.create({ consent: { agreementVersion: VERSION, accepted: true } }) as Record<string, unknown>;
    expect(parseConsent(inherited, VERSION, NOW)).toEqual({ ok: false, code: 'CONSENT_REQUIRED' });
  });

  test('returns the current version, not whatever else the consent carried', () => {
    const result = parseConsent(event({ consent: { agreementVersion: VERSION, accepted: true, acceptedAt: AT, extra: 'x' } }), VERSION, NOW);
    expect(result).toEqual({ ok: true, value: { agreementVersion: VERSION, acceptedAt: AT } });
  });

  test('has a Chinese message for CONSENT_REQUIRED', () => {
    expect(ERROR_MESSAGES.CONSENT_REQUIRED).toMatch(HAN);
  });
});
