import { ERROR_MESSAGES, MINOR_MESSAGE, parseAcceptance, parseConsent, parseFields, parseGuardian, parseShape } from '../../src/domain';
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
  consent: { consentId: '0123456789abcdef0123456789abcdef', thisCheck: true },
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

const ID = '0123456789abcdef0123456789abcdef';

describe('parseConsent', () => {
  test('accepts a registered consent id confirmed for this check', () => {
    expect(parseConsent(event())).toEqual({ ok: true, value: { consentId: ID } });
  });

  test('accepts a consent object with a null prototype', () => {
    const consent = Object.assign(Object.create(null) as Record<string, unknown>, { consentId: ID, thisCheck: true });
    expect(parseConsent(event({ consent })).ok).toBe(true);
  });

  test.each([
    ['missing', undefined],
    ['null', null],
    ['true instead of an object', true],
    ['a string', ID],
    ['an array', [{ consentId: ID, thisCheck: true }]],
    ['the old shape: version, accepted and the device\'s time', { agreementVersion: VERSION, accepted: true, acceptedAt: AT }],
    ['the old shape with a consent id beside it but no confirmation', { consentId: ID, agreementVersion: VERSION, accepted: true, acceptedAt: AT }],
    ['not confirmed for this check', { consentId: ID }],
    ['thisCheck false', { consentId: ID, thisCheck: false }],
    ["thisCheck 'true'", { consentId: ID, thisCheck: 'true' }],
    ['thisCheck 1', { consentId: ID, thisCheck: 1 }],
    ['without an id', { thisCheck: true }],
    ['an id in upper case', { consentId: ID.toUpperCase(), thisCheck: true }],
    ['an id too short', { consentId: ID.slice(1), thisCheck: true }],
    ['an id with dashes', { consentId: '01234567-89ab-cdef-0123-456789abcdef', thisCheck: true }],
    ['an id as a number', { consentId: 123, thisCheck: true }],
    ['a class instance', Object.assign(new Request(), { consentId: ID, thisCheck: true })],
  ])('refuses a consent that is %s with CONSENT_REQUIRED', (_what, consent) => {
    expect(parseConsent(event({ consent }))).toEqual({ ok: false, code: 'CONSENT_REQUIRED' });
  });

  test('refuses a consent whose fields are only inherited', () => {
    const consent = Object.create({ consentId: ID, thisCheck: true });
    expect(parseConsent(event({ consent }))).toEqual({ ok: false, code: 'CONSENT_REQUIRED' });
  });

  test('refuses a consent smuggled in through __proto__ in JSON', () => {
    const consent = JSON.parse(`{"__proto__": {"thisCheck": true, "consentId": "${ID}"}}`);
    expect(parseConsent(event({ consent }))).toEqual({ ok: false, code: 'CONSENT_REQUIRED' });
  });

  test('refuses a whole event whose consent sits under __proto__ in JSON', () => {
    const parsed = JSON.parse(`{"name":"张三","__proto__":{"consent":{"thisCheck":true,"consentId":"${ID}"}}}`) as Record<string, unknown>;
    expect(parseConsent(parsed)).toEqual({ ok: false, code: 'CONSENT_REQUIRED' });
  });

  test('returns only the id, not whatever else the consent carried', () => {
    expect(parseConsent(event({ consent: { consentId: ID, thisCheck: true, acceptedAt: AT, extra: 'x' } }))).toEqual({ ok: true, value: { consentId: ID } });
  });

  test('has a Chinese message for CONSENT_REQUIRED', () => {
    expect(ERROR_MESSAGES.CONSENT_REQUIRED).toMatch(HAN);
  });
});

describe('parseAcceptance', () => {
  const accept = (overrides: Record<string, unknown> = {}) => ({ agreementVersion: VERSION, separate: { idCard: true, provision: true }, ...overrides });

  test('accepts both separate consents to the version in force', () => {
    expect(parseAcceptance(accept(), VERSION)).toEqual({ ok: true, value: { agreementVersion: VERSION } });
  });

  test.each([
    ['without separate consents', { separate: undefined }],
    ['with one tick only (the ID number)', { separate: { idCard: true } }],
    ['with one tick only (providing the fields)', { separate: { provision: true } }],
    ['with a tick that is the string true', { separate: { idCard: 'true', provision: true } }],
    ['with the ticks inherited', { separate: Object.create({ idCard: true, provision: true }) }],
    ['for another version', { agreementVersion: 'fedcba9876543210' }],
    ['without a version', { agreementVersion: undefined }],
  ])('refuses an acceptance %s with CONSENT_REQUIRED', (_what, overrides) => {
    expect(parseAcceptance(accept(overrides), VERSION)).toEqual({ ok: false, code: 'CONSENT_REQUIRED' });
  });
});

describe('parseGuardian (PIPL art. 31)', () => {
  const born = (ymd: string) => withCheckChar(`110105${ymd}001`);
  const DAY: CalendarDate = { year: 2026, month: 12, day: 4 };

  test.each([
    ['turned 14 today', '20121204', true],
    ['turns 14 tomorrow', '20121205', false],
    ['is 13 and a half', '20130601', false],
    ['is 40', '19861204', true],
  ])('on 2026-12-04 someone who %s is %s checked', (_what, ymd, allowed) => {
    const result = parseGuardian(born(ymd), DAY);
    if (allowed) expect(result).toEqual({ ok: true, value: born(ymd) });
    else expect(result).toEqual({ ok: false, code: 'MINOR_NEEDS_GUARDIAN', field: 'idCard', message: MINOR_MESSAGE });
  });

  test('someone born on 29 February turns 14 on 1 March of a common year', () => {
    expect(parseGuardian(born('20120229'), { year: 2026, month: 2, day: 28 }).ok).toBe(false);
    expect(parseGuardian(born('20120229'), { year: 2026, month: 3, day: 1 }).ok).toBe(true);
  });

  test('says why and what to do, in Chinese', () => {
    expect(ERROR_MESSAGES.MINOR_NEEDS_GUARDIAN).toBe(MINOR_MESSAGE);
    expect(MINOR_MESSAGE).toMatch(/未满14周岁/);
    expect(MINOR_MESSAGE).toMatch(/监护人/);
  });
});
