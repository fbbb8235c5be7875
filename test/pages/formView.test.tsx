// The form's pure parts: which message a field shows, the name hint, and what an answer leads to.
import { ERROR_MESSAGES, OUTDATED_AGREEMENT_MESSAGE, PHONE_REFUSED_MESSAGE, type CheckCompleted } from '../../src/domain';
import { formOutcomeOf, phoneCodeOf } from '../../src/pages/form/formOutcome';
import { fieldMessage, nameHint } from '../../src/pages/form/formView';
import type { ClientRefused } from '../../src/services/mobileCheckClient';
import { completed } from './helpers';

const tooShort = { ok: false as const, reason: 'length' as const, message: '身份证件号码应为18位' };
const badCharacter = { ok: false as const, reason: 'characters' as const, message: '只能是数字' };

describe('a field’s message', () => {
  test('waits while an ID typed in groups has fewer than 18 significant characters', () => {
    expect(fieldMessage('idCard', '1101 0519 4912 3100 2', false, tooShort)).toBeUndefined();
  });

  test('counts full-width digits and X toward the 18', () => {
    expect(fieldMessage('idCard', '１１０１０５１９４９１２３１００２Ｘ ', false, tooShort)).toBe(tooShort.message);
  });

  test('waits for the 11 digits of a mobile, not counting +86’s plus and the dashes', () => {
    expect(fieldMessage('mobile', '+86 138-0013', false, { ...tooShort, message: 'm' })).toBeUndefined();
  });

  test('complains at once about a wrong character', () => {
    expect(fieldMessage('mobile', '138a', false, badCharacter)).toBe(badCharacter.message);
  });

  test('complains about anything once the field was left', () => {
    expect(fieldMessage('name', '张', true, { ok: false, reason: 'tooShort', message: '姓名至少2个字' })).toBe('姓名至少2个字');
  });

  test('shows its own complaint before the function’s, and the function’s when the field passes', () => {
    expect(fieldMessage('mobile', '138a', false, badCharacter, 'from the function')).toBe(badCharacter.message);
    expect(fieldMessage('mobile', '13800138000', false, { ok: true, value: '13800138000', canonicalized: false }, 'from the function')).toBe('from the function');
  });
});

describe('the name hint', () => {
  test('shows the canonical name that will be sent when it differs from what was typed', () => {
    expect(nameHint('阿卜杜•热合曼', { ok: true, value: '阿卜杜·热合曼', canonicalized: true })).toBe('将按“阿卜杜·热合曼”提交');
  });

  test('stays away when only surrounding spaces differ, or the name does not pass', () => {
    expect(nameHint(' 张三 ', { ok: true, value: '张三', canonicalized: false })).toBeUndefined();
    expect(nameHint('Zhang', { ok: false, reason: 'characters', message: 'm' })).toBeUndefined();
  });
});

const context = { agreementVersion: 'v1', phoneSource: 'typed' as const };
const refused = (extra: Partial<ClientRefused>): ClientRefused => ({ ok: false, code: 'INTERNAL', message: 'from the function', traceId: 't', ...extra });

describe('what an answer leads to', () => {
  test('a completed check goes to the result page', () => {
    const answer = completed('02') as CheckCompleted;
    expect(formOutcomeOf(answer, context)).toEqual({ kind: 'result', result: answer });
  });

  test('CONSENT_REQUIRED for the version shown goes back to the agreement', () => {
    expect(formOutcomeOf(refused({ code: 'CONSENT_REQUIRED', agreementVersion: 'v1' }), context)).toEqual({ kind: 'agreement' });
    expect(formOutcomeOf(refused({ code: 'CONSENT_REQUIRED' }), context)).toEqual({ kind: 'agreement' });
  });

  test('CONSENT_REQUIRED for a newer version asks for an update instead of a loop', () => {
    expect(formOutcomeOf(refused({ code: 'CONSENT_REQUIRED', agreementVersion: 'v2' }), context)).toMatchObject({
      kind: 'outdated',
      error: { message: OUTDATED_AGREEMENT_MESSAGE, traceId: 't' },
    });
  });

  test('a field complaint goes beside that field with the function’s words', () => {
    expect(formOutcomeOf(refused({ code: 'INVALID_ID_CARD', field: 'idCard' }), context)).toEqual({ kind: 'field', field: 'idCard', message: 'from the function' });
  });

  test('a complaint about a mobile from WeChat goes beside the phone button', () => {
    const answer = refused({ code: 'INVALID_MOBILE', field: 'mobile' });
    expect(formOutcomeOf(answer, { ...context, phoneSource: 'wechat' })).toEqual({ kind: 'phone', message: 'from the function' });
  });

  test.each(['PHONE_CODE_INVALID', 'PHONE_QUOTA_EXHAUSTED', 'PHONE_UNAVAILABLE'] as const)('%s goes beside the phone button with its message', (code) => {
    expect(formOutcomeOf(refused({ code }), { ...context, phoneSource: 'wechat' })).toEqual({ kind: 'phone', message: ERROR_MESSAGES[code] });
  });

  test('RATE_LIMITED keeps the function’s message, which names the limit and the wait', () => {
    expect(formOutcomeOf(refused({ code: 'RATE_LIMITED' }), context)).toMatchObject({ kind: 'form', error: { message: 'from the function' } });
  });

  test('other refusals read the shared table, whatever the function wrote', () => {
    expect(formOutcomeOf(refused({ code: 'VENDOR_TIMEOUT' }), context)).toMatchObject({ kind: 'form', error: { code: 'VENDOR_TIMEOUT', message: ERROR_MESSAGES.VENDOR_TIMEOUT } });
  });
});

describe('the real-time phone number button’s report', () => {
  test('gives the one-time code', () => {
    expect(phoneCodeOf({ code: 'abc', errMsg: 'getRealtimePhoneNumber:ok' })).toEqual({ ok: true, code: 'abc' });
  });

  test('says the person refused when they denied or cancelled', () => {
    expect(phoneCodeOf({ errMsg: 'getRealtimePhoneNumber:fail user deny' })).toEqual({ ok: false, message: PHONE_REFUSED_MESSAGE });
    expect(phoneCodeOf({ errMsg: 'getRealtimePhoneNumber:fail user cancel' })).toEqual({ ok: false, message: PHONE_REFUSED_MESSAGE });
  });

  test('says the quota is used up on errno 1400001', () => {
    expect(phoneCodeOf({ errMsg: 'getRealtimePhoneNumber:fail', errno: 1400001 })).toEqual({ ok: false, message: ERROR_MESSAGES.PHONE_QUOTA_EXHAUSTED });
  });

  test('says the number is unavailable otherwise', () => {
    expect(phoneCodeOf(undefined)).toEqual({ ok: false, message: ERROR_MESSAGES.PHONE_UNAVAILABLE });
  });
});
