import { act, fireEvent } from '@testing-library/react';
import Taro, { storage } from './stubs/taro';
import { $, actionCalls, completed, confirmCheck, deferred, functionCalls, resetPages, serve, settle, show, VALID, storeConsent, STORED_CONSENT_ID } from './helpers';
import { idCardAged } from '../support/people';
import FormPage from '../../src/pages/form/index';
import { CHECK_CONFIRMATION_LABEL, CONFIRM_MISSING_MESSAGE, ERROR_MESSAGES, MINOR_MESSAGE, type CheckResponse } from '../../src/domain';
import { currentAgreement } from '../../src/services/agreement';
import { CONSENT_STORAGE_KEY } from '../../src/services/consentStore';
import { keepPerson, takeKeptPerson } from '../../src/services/keptPerson';
import { getLastResult } from '../../src/services/resultStore';

const agreement = currentAgreement();

beforeEach(() => {
  resetPages();
  storeConsent(agreement.version, 1);
});

type Field = 'name' | 'idCard' | 'mobile';

function type(container: HTMLElement, field: Field, value: string) {
  fireEvent.change($(container, `#${field}`)!, { target: { value } });
}
function leave(container: HTMLElement, field: Field) {
  fireEvent.blur($(container, `#${field}`)!);
}
/** Three valid fields and this check confirmed. */
function fillValid(container: HTMLElement) {
  type(container, 'name', VALID.name);
  type(container, 'idCard', VALID.idCard);
  type(container, 'mobile', VALID.mobile);
  confirmCheck(container);
}
const submitButton = (container: HTMLElement) => $(container, '#submit') as HTMLButtonElement;
async function submit(container: HTMLElement) {
  await act(async () => {
    fireEvent.click(submitButton(container));
  });
}
const errorOf = (container: HTMLElement, field: Field) => $(container, `#${field}-error`)?.textContent ?? null;

describe('form page: fields', () => {
  test('asks for the ID number with the ID keyboard, and for the mobile as text in a browser, where a number input empties a pasted +86', async () => {
    const { container } = await show(<FormPage />);
    expect($(container, '#idCard')!.getAttribute('data-type')).toBe('idcard');
    expect($(container, '#mobile')!.getAttribute('data-type')).toBe('text');
  });

  test('brings up the digit keyboard for the mobile in the mini-program', async () => {
    process.env.TARO_ENV = 'weapp';
    const { container } = await show(<FormPage />);
    expect($(container, '#mobile')!.getAttribute('data-type')).toBe('number');
  });

  test('lets a mobile with +86, spaces and dashes and an ID in groups be pasted whole', async () => {
    const { container } = await show(<FormPage />);
    const room = (field: Field) => Number($(container, `#${field}`)!.getAttribute('maxlength'));
    expect(room('mobile')).toBeGreaterThanOrEqual('+86 138-0013-8000'.length);
    expect(room('idCard')).toBeGreaterThanOrEqual('1101 0519 4912 3100 2X'.length);
  });

  test('ties each label to its input', async () => {
    const { container } = await show(<FormPage />);
    for (const [field, label] of [['name', '姓名'], ['idCard', '身份证件号码'], ['mobile', '手机号码']]) {
      const el = container.querySelector(`label[for="${field}"]`);
      expect(el?.textContent).toBe(label);
    }
  });

  test('does not complain while the first characters of the ID are typed', async () => {
    const { container } = await show(<FormPage />);
    type(container, 'idCard', '1101');
    expect(errorOf(container, 'idCard')).toBeNull();
  });

  test('complains about a short ID once the field is left', async () => {
    const { container } = await show(<FormPage />);
    type(container, 'idCard', '1101');
    leave(container, 'idCard');
    expect(errorOf(container, 'idCard')).toBe('身份证件号码应为18位，目前是4位');
  });

  test('complains about a full-length ID with a wrong check digit without waiting for the field to be left', async () => {
    const { container } = await show(<FormPage />);
    type(container, 'idCard', '110105194912310021');
    expect(errorOf(container, 'idCard')).toBe('身份证件号码校验位不正确，请逐位核对');
  });

  test('shows each field its own message', async () => {
    const { container } = await show(<FormPage />);
    type(container, 'name', 'Zhang');
    leave(container, 'name');
    type(container, 'mobile', '12345678901');
    expect(errorOf(container, 'name')).toBe('姓名只能包含汉字，少数民族姓名可用“·”分隔');
    expect(errorOf(container, 'mobile')).toBe('请输入中国大陆手机号码（以13至19开头）');
    expect(errorOf(container, 'idCard')).toBeNull();
  });

  test('clears a message once the field becomes valid', async () => {
    const { container } = await show(<FormPage />);
    type(container, 'mobile', '1380013800');
    leave(container, 'mobile');
    expect(errorOf(container, 'mobile')).not.toBeNull();
    type(container, 'mobile', VALID.mobile);
    expect(errorOf(container, 'mobile')).toBeNull();
  });

  test('lets submit be pressed with invalid fields, then shows every complaint, focuses the first invalid field and sends nothing', async () => {
    const { container } = await show(<FormPage />);
    type(container, 'name', VALID.name);
    type(container, 'idCard', '110105194912310021');
    expect(submitButton(container).disabled).toBe(false);
    expect(errorOf(container, 'mobile')).toBeNull();
    await submit(container);
    expect(functionCalls()).toHaveLength(0);
    expect(errorOf(container, 'idCard')).toMatch(/校验位/);
    expect(errorOf(container, 'mobile')).toBe('请输入手机号码');
    expect(['name', 'idCard', 'mobile'].map((f) => $(container, `#${f}`)!.getAttribute('data-focus'))).toEqual([null, 'true', null]);
  });

  test('focuses the name when everything is empty', async () => {
    const { container } = await show(<FormPage />);
    await submit(container);
    expect($(container, '#name')!.getAttribute('data-focus')).toBe('true');
    expect(functionCalls()).toHaveLength(0);
  });

  test('sends once all three fields are valid and this check is confirmed', async () => {
    const { container } = await show(<FormPage />);
    fillValid(container);
    expect(submitButton(container).disabled).toBe(false);
    await submit(container);
    expect(functionCalls()).toHaveLength(1);
  });

  test('refuses an ID number of someone under 14 as it is typed, saying why, and sends nothing', async () => {
    const { container } = await show(<FormPage />);
    fillValid(container);
    type(container, 'idCard', idCardAged(Date.now(), 10));
    expect(errorOf(container, 'idCard')).toBe(MINOR_MESSAGE);
    await submit(container);
    expect(functionCalls()).toHaveLength(0);
  });
});

describe('form page: the confirmation of each check', () => {
  test('starts unticked beside 开始核验, names the agreement with a link to it and pledges the information is one\'s own', async () => {
    const { container } = await show(<FormPage />);
    type(container, 'name', VALID.name);
    type(container, 'idCard', VALID.idCard);
    type(container, 'mobile', VALID.mobile);
    expect(($(container, '#confirm-check') as HTMLInputElement).checked).toBe(false);
    await submit(container);
    expect(functionCalls()).toHaveLength(0);
    expect($(container, '#confirm-error')!.textContent).toBe(CONFIRM_MISSING_MESSAGE);
    confirmCheck(container);
    expect($(container, '#confirm-error')).toBeNull();
    expect($(container, '#confirm-text')!.textContent).toBe(CHECK_CONFIRMATION_LABEL);
    expect(CHECK_CONFIRMATION_LABEL).toContain('这些是我本人的信息');
    fireEvent.click($(container, '#confirm-agreement-link')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/agreement/index?review=1' });
  });

  test('sends the registered consent id confirmed for this check, and is unticked again after the answer', async () => {
    serve({ answer: () => ({ ok: false, code: 'VENDOR_TIMEOUT', message: 'raw', traceId: 'trace-9' }) });
    const { container } = await show(<FormPage />);
    fillValid(container);
    await submit(container);
    expect(functionCalls()[0].data).toMatchObject({ consent: { consentId: STORED_CONSENT_ID, thisCheck: true } });
    expect(($(container, '#confirm-check') as HTMLInputElement).checked).toBe(false);
    await submit(container);
    expect(functionCalls()).toHaveLength(1);
  });

  test('sends to the agreement a consent kept by an older build (no consent id)', async () => {
    storage.set(CONSENT_STORAGE_KEY, { version: agreement.version, acceptedAt: 1 });
    await show(<FormPage />);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/agreement/index' });
  });

  test('sends to the agreement when opened without consent', async () => {
    storage.clear();
    await show(<FormPage />);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/agreement/index' });
  });
});

describe('form page: checking', () => {
  test('sends the fields and the agreed version, then shows the result page', async () => {
    const answer = completed('01');
    serve({ answer: () => answer });
    const { container } = await show(<FormPage />);
    type(container, 'name', ` ${VALID.name} `);
    type(container, 'idCard', VALID.idCard.toLowerCase());
    type(container, 'mobile', VALID.mobile);
    confirmCheck(container);
    await submit(container);
    const calls = functionCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0].method).toBe('POST');
    expect(calls[0].timeout).toBe(15000);
    expect(calls[0].data).toEqual({ ...VALID, action: 'check', consent: { consentId: STORED_CONSENT_ID, thisCheck: true } });
    expect(getLastResult()).toEqual(answer);
    expect(takeKeptPerson()).toEqual({ name: VALID.name, idCard: VALID.idCard });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/result/index' });
    expect(Taro.redirectTo.mock.calls[0][0].url).not.toContain(VALID.mobile);
  });

  test('sends one request when submit is tapped twice', async () => {
    const pending = deferred<CheckResponse>();
    serve({ answer: () => pending.promise });
    const { container } = await show(<FormPage />);
    fillValid(container);
    const button = submitButton(container);
    await act(async () => {
      fireEvent.click(button);
      fireEvent.click(button);
    });
    fireEvent.click(button);
    expect(functionCalls()).toHaveLength(1);
    expect(submitButton(container).disabled).toBe(true);
    expect(submitButton(container).textContent).toBe('正在核验…');
    await act(async () => pending.resolve(completed('01')));
    expect(Taro.redirectTo).toHaveBeenCalledTimes(1);
  });

  test('shows a field error from the function beside that field', async () => {
    serve({
      answer: () => ({ ok: false, code: 'INVALID_ID_CARD', field: 'idCard', message: '身份证件号码填写有误，请核对后再试。', traceId: 't1' }),
    });
    const { container } = await show(<FormPage />);
    fillValid(container);
    await submit(container);
    expect(errorOf(container, 'idCard')).toBe('身份证件号码填写有误，请核对后再试。');
    expect(errorOf(container, 'name')).toBeNull();
    expect($(container, '#form-error')).toBeNull();
  });

  test('puts the focus in the field the function refused, so a screen reader reads it with its complaint, and lets it go on leaving', async () => {
    serve({
      answer: () => ({ ok: false, code: 'INVALID_ID_CARD', field: 'idCard', message: '身份证件号码填写有误，请核对后再试。', traceId: 't1' }),
    });
    const { container } = await show(<FormPage />);
    fillValid(container);
    expect($(container, '#idCard')!.getAttribute('data-focus')).toBeNull();
    await submit(container);
    expect(['name', 'idCard', 'mobile'].map((f) => $(container, `#${f}`)!.getAttribute('data-focus'))).toEqual([null, 'true', null]);
    leave(container, 'idCard');
    expect($(container, '#idCard')!.getAttribute('data-focus')).toBeNull();
  });

  test('removes the function’s field error once that field is edited', async () => {
    serve({ answer: () => ({ ok: false, code: 'INVALID_MOBILE', field: 'mobile', message: '手机号码填写有误，请核对后再试。', traceId: '' }) });
    const { container } = await show(<FormPage />);
    fillValid(container);
    await submit(container);
    expect(errorOf(container, 'mobile')).not.toBeNull();
    type(container, 'mobile', '13900139000');
    expect(errorOf(container, 'mobile')).toBeNull();
  });

  test('shows the function\'s RATE_LIMITED message, which names the limit and the wait', async () => {
    const message = '该手机号码24小时内核验次数已达上限，请10分钟后再试。';
    serve({ answer: () => ({ ok: false, code: 'RATE_LIMITED', message, retryAfterSeconds: 600, traceId: '' }) });
    const { container } = await show(<FormPage />);
    fillValid(container);
    await submit(container);
    expect($(container, '#form-error')!.textContent).toContain(message);
  });

  test('clears the stored consent and returns to the agreement on CONSENT_REQUIRED for the version it shows', async () => {
    serve({
      answer: () => ({ ok: false, code: 'CONSENT_REQUIRED', message: ERROR_MESSAGES.CONSENT_REQUIRED, agreementVersion: agreement.version, traceId: '' }),
    });
    const { container } = await show(<FormPage />);
    fillValid(container);
    await submit(container);
    expect(storage.has(CONSENT_STORAGE_KEY)).toBe(false);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/agreement/index?reason=consent' });
  });

  test('asks for an update instead of looping back to the agreement when the server has a newer version', async () => {
    serve({
      answer: () => ({ ok: false, code: 'CONSENT_REQUIRED', message: ERROR_MESSAGES.CONSENT_REQUIRED, agreementVersion: 'newer', traceId: 't-1' }),
    });
    const { container } = await show(<FormPage />);
    fillValid(container);
    await submit(container);
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect($(container, '#form-error')!.textContent).toContain('已更新');
    expect(Taro.getUpdateManager).not.toHaveBeenCalled(); // h5: a reload brings the new build
  });

  test('asks WeChat for the update in the mini-program when the server has a newer version', async () => {
    process.env.TARO_ENV = 'weapp';
    serve({
      answer: () => ({ ok: false, code: 'CONSENT_REQUIRED', message: ERROR_MESSAGES.CONSENT_REQUIRED, agreementVersion: 'newer', traceId: 't-1' }),
    });
    const { container } = await show(<FormPage />);
    fillValid(container);
    await submit(container);
    expect(Taro.getUpdateManager).toHaveBeenCalledTimes(1);
    expect($(container, '#form-error')!.textContent).toContain('已更新');
  });

  test.each(['VENDOR_TIMEOUT', 'SERVICE_MISCONFIGURED', 'VENDOR_QUOTA_EXHAUSTED'] as const)(
    'shows the %s message in the form error block',
    async (code) => {
      serve({ answer: () => ({ ok: false, code, message: 'raw', traceId: 'trace-9' }) });
      const { container } = await show(<FormPage />);
      fillValid(container);
      await submit(container);
      expect($(container, '#form-error')!.textContent).toContain(ERROR_MESSAGES[code]);
      expect($(container, '#form-error')!.textContent).toContain('trace-9');
      expect(Taro.redirectTo).not.toHaveBeenCalled();
    },
  );

  test('turns a failed connection into the network message and lets the person try again', async () => {
    Taro.request.mockImplementation(async (req) => {
      if (req.url === '/api/status') return { statusCode: 200, data: { mode: 'live' } };
      throw new Error('Failed to fetch');
    });
    const { container } = await show(<FormPage />);
    fillValid(container);
    await submit(container);
    expect($(container, '#form-error')!.textContent).toContain(ERROR_MESSAGES.NETWORK_ERROR);
    confirmCheck(container); // each try is confirmed again
    expect(submitButton(container).disabled).toBe(false);
  });

  test('turns an answer that is not the function’s output into the network message', async () => {
    Taro.request.mockImplementation(async () => ({ statusCode: 502, data: null }));
    const { container } = await show(<FormPage />);
    fillValid(container);
    await submit(container);
    expect($(container, '#form-error')!.textContent).toContain(ERROR_MESSAGES.NETWORK_ERROR);
  });
});

describe('form page: after 换一个号码', () => {
  test('comes back with the name and ID kept and the mobile empty and focused', async () => {
    keepPerson({ name: VALID.name, idCard: VALID.idCard });
    const { container } = await show(<FormPage />);
    expect(($(container, '#name') as HTMLInputElement).value).toBe(VALID.name);
    expect(($(container, '#idCard') as HTMLInputElement).value).toBe(VALID.idCard);
    expect(($(container, '#mobile') as HTMLInputElement).value).toBe('');
    expect($(container, '#mobile')!.getAttribute('data-focus')).toBe('true');
    expect(takeKeptPerson()).toBeNull();
  });

  test('starts empty when nothing was kept', async () => {
    const { container } = await show(<FormPage />);
    expect(($(container, '#name') as HTMLInputElement).value).toBe('');
    expect($(container, '#mobile')!.getAttribute('data-focus')).toBeNull();
  });
});

describe('form page: links', () => {
  test('withdraws consent on the server after confirming, then forgets it here and returns to the agreement', async () => {
    serve({ actions: { withdrawConsent: () => ({ ok: true, withdrawnAt: 5, traceId: 't-w' }) } });
    const { container } = await show(<FormPage />);
    await act(async () => {
      fireEvent.click($(container, '#withdraw')!);
    });
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
    expect(actionCalls('withdrawConsent')).toHaveLength(1);
    expect(storage.has(CONSENT_STORAGE_KEY)).toBe(false);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/agreement/index' });
  });

  test('keeps the consent and says so when the server could not record the withdrawal', async () => {
    serve({ actions: { withdrawConsent: () => ({ ok: false, code: 'VENDOR_UNAVAILABLE', message: '服务暂时不可用', traceId: '' }) } });
    const { container } = await show(<FormPage />);
    await act(async () => {
      fireEvent.click($(container, '#withdraw')!);
    });
    await settle();
    expect(storage.has(CONSENT_STORAGE_KEY)).toBe(true);
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect($(container, '#withdraw-error')!.textContent).toBe('撤回未完成：服务暂时不可用');
  });

  test('opens 我的核验记录', async () => {
    const { container } = await show(<FormPage />);
    fireEvent.click($(container, '#records-link')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/records/pages/index' });
  });

  test('keeps consent when withdrawing is cancelled', async () => {
    Taro.showModal.mockImplementation(() => Promise.resolve({ confirm: false, cancel: true }));
    const { container } = await show(<FormPage />);
    await act(async () => {
      fireEvent.click($(container, '#withdraw')!);
    });
    expect(storage.has(CONSENT_STORAGE_KEY)).toBe(true);
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect(actionCalls('withdrawConsent')).toHaveLength(0);
  });

  test('opens the agreement for review', async () => {
    const { container } = await show(<FormPage />);
    fireEvent.click($(container, '#view-agreement')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/agreement/index?review=1' });
  });
});
