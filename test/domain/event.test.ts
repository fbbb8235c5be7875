import { DEFAULT_STATS_DAYS, isTimerEvent, readEvent, validateCheck } from '../../src/domain/event';

const CONSENT = { consentId: '0123456789abcdef0123456789abcdef', thisCheck: true };
const CHECK = { name: '张三', idCard: '11010519491231002X', mobile: '13800138000', consent: CONSENT };
const CONTEXT = { caller: 'openid-1', now: Date.UTC(2025, 2, 10), agreementVersion: 'v1', phoneSource: 'typed' as const };

describe('readEvent: the function reads an event once', () => {
  test('an event without an action is a check, whatever its shape, and carries the event on', () => {
    for (const event of [CHECK, null, 'text', [1], {}]) expect(readEvent(event)).toEqual({ action: 'check', event });
    expect(readEvent({ ...CHECK, action: 'check' })).toEqual({ action: 'check', event: { ...CHECK, action: 'check' } });
  });

  test('an action nobody knows, or an action that is not a string, is unknown', () => {
    for (const action of ['purge', 'Stats', 1, null, {}]) expect(readEvent({ action })).toEqual({ action: 'unknown' });
  });

  test('an inherited action does not count: only the event\'s own field does', () => {
    expect(readEvent(Object.create({ action: 'stats' }) as object)).toMatchObject({ action: 'check' });
  });

  test('stats reads its days: absent (or null) is 7, a whole number from 1 to 90 is kept, anything else is undefined', () => {
    expect(DEFAULT_STATS_DAYS).toBe(7);
    expect(readEvent({ action: 'stats' })).toEqual({ action: 'stats', days: 7 });
    expect(readEvent({ action: 'stats', days: null })).toEqual({ action: 'stats', days: 7 });
    expect(readEvent({ action: 'stats', days: 1 })).toEqual({ action: 'stats', days: 1 });
    expect(readEvent({ action: 'stats', days: 90 })).toEqual({ action: 'stats', days: 90 });
    for (const days of [0, 91, 1.5, '7', -1]) expect(readEvent({ action: 'stats', days })).toEqual({ action: 'stats', days: undefined });
  });

  test('acceptAgreement carries the event to parseAcceptance; the rights without inputs carry nothing', () => {
    const accept = { action: 'acceptAgreement', agreementVersion: 'v1', separate: { idCard: true, provision: true } };
    expect(readEvent(accept)).toEqual({ action: 'acceptAgreement', event: accept });
    for (const action of ['status', 'withdrawConsent', 'myRecords', 'deleteMyRecords']) expect(readEvent({ action, extra: 1 })).toEqual({ action });
  });
});

describe('isTimerEvent', () => {
  test('takes only a plain object with Type "Timer" and a trigger name as a timer event', () => {
    expect(isTimerEvent({ Type: 'Timer', TriggerName: 'retentionPurge', Time: '2025-01-01T03:00:00Z' })).toBe(true);
    for (const other of [{ Type: 'Timer' }, { TriggerName: 'x' }, { Type: 'timer', TriggerName: 'x' }, [], [{ Type: 'Timer', TriggerName: 'x' }], null, 'Timer']) {
      expect(isTimerEvent(other)).toBe(false);
    }
  });
});

describe('validateCheck', () => {
  test('names the caller it validated, and refuses a request without one before reading the event', () => {
    expect(validateCheck(CHECK, CONTEXT)).toMatchObject({ ok: true, caller: 'openid-1', value: { name: '张三', consent: { consentId: CONSENT.consentId } } });
    expect(validateCheck(null, { ...CONTEXT, caller: undefined })).toEqual({ ok: false, refusal: { code: 'UNAUTHENTICATED' } });
  });
});
