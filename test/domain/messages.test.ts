// The words a person reads and the rules for which of them is shown (src/domain/messages.ts).
import {
  actionFailedMessage, agreementOutdated, ERROR_MESSAGES, ID_CARD_MESSAGES, LIMIT_MESSAGES, MOBILE_MESSAGES, NAME_MESSAGES, OUTDATED_AGREEMENT_MESSAGE, refusalMessage,
  shownRefusalMessage, shownResultMessage, VENDOR_MESSAGES, vendorStatus, type ClientErrorCode,
} from '../../src/domain';

/** Every string a table holds, with function entries called with sample numbers. */
function textsOf(table: object): string[] {
  return Object.values(table).flatMap((entry: unknown) => {
    if (typeof entry === 'string') return [entry];
    if (typeof entry === 'function') return [(entry as (...n: number[]) => string)(18, 4)];
    return textsOf(entry as object);
  });
}

describe('the messages', () => {
  test('name the ID field 身份证件号码, as the agreement does, and 身份证号码 only as part of one document’s name', () => {
    const all = [ERROR_MESSAGES, LIMIT_MESSAGES, VENDOR_MESSAGES, ID_CARD_MESSAGES, MOBILE_MESSAGES, NAME_MESSAGES].flatMap(textsOf);
    expect(all.filter((text) => /(?<!永久居留|第一代)身份证号码/.test(text))).toEqual([]);
    expect(all.filter((text) => text.includes('身份证件号码')).length).toBeGreaterThan(5);
  });

  test('give the vendor status its title and message from the one table', () => {
    expect(vendorStatus('205')).toMatchObject({ title: '身份证件号码有误', message: VENDOR_MESSAGES['205'].message });
  });
});

describe('the message a refusal carries from the function', () => {
  test('names the limit and the wait when a limit refused', () => {
    expect(refusalMessage({ code: 'RATE_LIMITED', limit: 'identities', waitSeconds: 300 })).toBe('本微信账号近30天核验的不同身份证件号码已达上限，请5分钟后再试。');
  });

  test('keeps the check’s own words (a field’s complaint) when no limit refused', () => {
    expect(refusalMessage({ code: 'INVALID_ID_CARD', message: ID_CARD_MESSAGES.checksum })).toBe(ID_CARD_MESSAGES.checksum);
  });

  test('falls back to the code’s message, also for a limit without a known wait', () => {
    expect(refusalMessage({ code: 'VENDOR_TIMEOUT' })).toBe(ERROR_MESSAGES.VENDOR_TIMEOUT);
    expect(refusalMessage({ code: 'RATE_LIMITED', limit: 'caller' })).toBe(ERROR_MESSAGES.RATE_LIMITED);
  });
});

describe('the message the page shows for a refusal', () => {
  const shown = (code: ClientErrorCode, extra: { message?: string; field?: 'idCard'; agreementVersion?: string } = {}) =>
    shownRefusalMessage({ code, message: 'from the function', ...extra }, 'v1');

  test('is the function’s for a field complaint and for RATE_LIMITED, which name more than the table can', () => {
    expect(shown('INVALID_ID_CARD', { field: 'idCard' })).toBe('from the function');
    expect(shown('RATE_LIMITED')).toBe('from the function');
  });

  test('is the table’s when the function sent no words for them', () => {
    expect(shown('RATE_LIMITED', { message: '' })).toBe(ERROR_MESSAGES.RATE_LIMITED);
  });

  test('is the shared table’s for every other code, whatever the function wrote', () => {
    expect(shown('VENDOR_TIMEOUT')).toBe(ERROR_MESSAGES.VENDOR_TIMEOUT);
  });

  test('says to update when the function asks consent to another agreement version', () => {
    expect(shown('CONSENT_REQUIRED', { agreementVersion: 'v2' })).toBe(OUTDATED_AGREEMENT_MESSAGE);
    expect(shown('CONSENT_REQUIRED', { agreementVersion: 'v1' })).toBe(ERROR_MESSAGES.CONSENT_REQUIRED);
  });
});

describe('an outdated agreement', () => {
  test('is a CONSENT_REQUIRED naming a version other than the one shown', () => {
    expect(agreementOutdated({ code: 'CONSENT_REQUIRED', agreementVersion: 'v2' }, 'v1')).toBe(true);
    expect(agreementOutdated({ code: 'CONSENT_REQUIRED', agreementVersion: 'v1' }, 'v1')).toBe(false);
    expect(agreementOutdated({ code: 'CONSENT_REQUIRED' }, 'v1')).toBe(false);
    expect(agreementOutdated({ code: 'INTERNAL', agreementVersion: 'v2' }, 'v1')).toBe(false);
  });
});

describe('the result page’s explanation', () => {
  test('is the function’s words, or this build’s for the code when it sent none', () => {
    expect(shownResultMessage({ code: '02', message: 'from the function' })).toBe('from the function');
    expect(shownResultMessage({ code: '02', message: '' })).toBe(VENDOR_MESSAGES['02'].message);
  });
});

describe('the message for a refused action of the person’s own', () => {
  test('says what did not happen, then the function’s reason', () => {
    expect(actionFailedMessage('withdraw', '请求过于频繁')).toBe('撤回未完成：请求过于频繁');
    expect(actionFailedMessage('accept', 'x')).toMatch(/^同意未能提交：x$/);
    expect(actionFailedMessage('delete', 'x')).toMatch(/^删除未完成：x$/);
  });
});
