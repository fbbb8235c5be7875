// MOBILECHECK_PHONE_SOURCE=wechat: the mobile comes from WeChat's real-time phone number button
// (weapp) or the sandbox stand-in (h5), and the check sends `phoneCode` instead of `mobile`.
import { act, fireEvent } from '@testing-library/react';
import { $, cloudCheckEvents, completed, functionCalls, resetPages, serve, show, VALID, storeConsent, confirmCheck } from './helpers';
import FormPage from '../../src/pages/form/index';
import { ERROR_MESSAGES, PHONE_REFUSED_MESSAGE, type CheckResponse, type StatusAnswer } from '../../src/domain';
import { currentAgreement } from '../../src/services/agreement';
import { WECHAT_PHONE_LABEL } from '../../src/domain';

const WECHAT: StatusAnswer = { ok: true, verified: false, phoneSource: 'wechat', traceId: 't' };

beforeEach(() => {
  resetPages();
  storeConsent(currentAgreement().version, 1);
});

const type = (container: HTMLElement, field: string, value: string) => fireEvent.change($(container, `#${field}`)!, { target: { value } });
const tap = (container: HTMLElement, selector: string) =>
  act(async () => {
    fireEvent.click($(container, selector)!);
  });
const submitDisabled = (container: HTMLElement) => ($(container, '#submit') as HTMLButtonElement).disabled;
const text = (container: HTMLElement, selector: string) => $(container, selector)?.textContent ?? null;

async function sandboxForm(answer: (data: unknown) => CheckResponse = () => completed('01')) {
  serve({ mode: 'sandbox', answer, actions: { status: () => WECHAT } });
  storeConsent(currentAgreement('wechat').version, 1); // the wechat edition of the text
  const view = await show(<FormPage />);
  type(view.container, 'name', VALID.name);
  type(view.container, 'idCard', VALID.idCard);
  confirmCheck(view.container);
  return view.container;
}

async function sandboxPhone(container: HTMLElement, mobile: string) {
  await tap(container, '#phone-sandbox-button');
  type(container, 'sandbox-phone', mobile);
}

describe('phone from WeChat, h5 sandbox', () => {
  test('has no mobile input, only “使用微信手机号（沙箱）”', async () => {
    const container = await sandboxForm();
    expect($(container, '#mobile')).toBeNull();
    expect(text(container, '#phone-sandbox-button')).toBe('使用微信手机号（沙箱）');
    expect(submitDisabled(container)).toBe(true);
  });

  test('labels the phone button exactly as the agreement\'s wechat edition quotes it', async () => {
    expect(currentAgreement('wechat').body.map((s) => s.paragraphs.join('')).join('')).toContain(`点击“${WECHAT_PHONE_LABEL}”`);
    process.env.TARO_ENV = 'weapp';
    serve({ actions: { status: () => WECHAT } });
    storeConsent(currentAgreement('wechat').version, 1);
    const { container } = await show(<FormPage />);
    expect(text(container, '#phone-button')).toBe(WECHAT_PHONE_LABEL);
  });

  test('sends phoneCode "sandbox:<11 digits>" and no mobile', async () => {
    const container = await sandboxForm();
    await sandboxPhone(container, VALID.mobile);
    expect(text(container, '#phone-ready')).toContain('沙箱');
    expect(submitDisabled(container)).toBe(false);
    await tap(container, '#submit');
    const [call] = functionCalls();
    expect(call.data).toMatchObject({ name: VALID.name, idCard: VALID.idCard, phoneCode: `sandbox:${VALID.mobile}` });
    expect(call.data).not.toHaveProperty('mobile');
  });

  test('says what is wrong with a sandbox number that cannot pass, and sends nothing', async () => {
    const container = await sandboxForm();
    await sandboxPhone(container, '12345678901');
    expect(text(container, '#sandbox-phone-error')).toBe('请输入中国大陆手机号码（以13至19开头）');
    expect(submitDisabled(container)).toBe(true);
  });

  test.each(['PHONE_CODE_INVALID', 'PHONE_QUOTA_EXHAUSTED', 'PHONE_UNAVAILABLE'] as const)(
    'shows %s beside the phone button and asks for the number again',
    async (code) => {
      const container = await sandboxForm(() => ({ ok: false, code, message: 'raw', traceId: 't' }));
      await sandboxPhone(container, VALID.mobile);
      await tap(container, '#submit');
      expect(text(container, '#phone-error')).toBe(ERROR_MESSAGES[code]);
      expect($(container, '#form-error')).toBeNull();
      expect(submitDisabled(container)).toBe(true); // the code was spent
      expect($(container, '#phone-sandbox-button')).not.toBeNull();
    },
  );

  test('shows the function’s complaint about the WeChat mobile beside the phone button', async () => {
    const container = await sandboxForm(() => ({ ok: false, code: 'INVALID_MOBILE', field: 'mobile', message: '暂不支持虚拟运营商号段', traceId: 't' }));
    await sandboxPhone(container, VALID.mobile);
    await tap(container, '#submit');
    expect(text(container, '#phone-error')).toBe('暂不支持虚拟运营商号段');
  });
});

test('h5 against the real vendor says the number must come from the mini-program', async () => {
  serve({ mode: 'live', actions: { status: () => WECHAT } });
  const { container } = await show(<FormPage />);
  expect(text(container, '#phone-unavailable')).toContain('请在微信小程序中核验');
  expect($(container, '#phone-sandbox-button')).toBeNull();
  expect($(container, '#mobile')).toBeNull();
});

test('keeps the mobile input when status names no phone source', async () => {
  const { container } = await show(<FormPage />);
  expect($(container, '#mobile')).not.toBeNull();
  expect($(container, '#phone-cell')).toBeNull();
});

describe('phone from WeChat, mini-program', () => {
  async function weappForm() {
    process.env.TARO_ENV = 'weapp';
    serve({ answer: () => completed('01'), actions: { status: () => WECHAT } });
    storeConsent(currentAgreement('wechat').version, 1);
    const view = await show(<FormPage />);
    type(view.container, 'name', VALID.name);
    type(view.container, 'idCard', VALID.idCard);
    confirmCheck(view.container);
    return view.container;
  }
  const report = (container: HTMLElement, detail: Record<string, unknown>) =>
    act(async () => {
      fireEvent($(container, '#phone-button')!, new CustomEvent('getrealtimephonenumber', { detail }));
    });

  test('offers WeChat’s real-time phone number button', async () => {
    const container = await weappForm();
    expect($(container, '#phone-button')!.getAttribute('data-open-type')).toBe('getRealtimePhoneNumber');
    expect($(container, '#mobile')).toBeNull();
  });

  test('sends the code WeChat gave instead of a mobile', async () => {
    const container = await weappForm();
    await report(container, { code: 'wx-code-1', errMsg: 'getRealtimePhoneNumber:ok' });
    await tap(container, '#submit');
    const [event] = cloudCheckEvents();
    expect(event).toMatchObject({ phoneCode: 'wx-code-1', name: VALID.name });
    expect(event).not.toHaveProperty('mobile');
  });

  test('says clearly that nothing can be checked when the person refuses', async () => {
    const container = await weappForm();
    await report(container, { errMsg: 'getRealtimePhoneNumber:fail user deny' });
    expect(text(container, '#phone-error')).toBe(PHONE_REFUSED_MESSAGE);
    expect(submitDisabled(container)).toBe(true);
  });

  test('says the quota is used up when WeChat reports errno 1400001', async () => {
    const container = await weappForm();
    await report(container, { errMsg: 'getRealtimePhoneNumber:fail', errno: 1400001 });
    expect(text(container, '#phone-error')).toBe(ERROR_MESSAGES.PHONE_QUOTA_EXHAUSTED);
  });
});
