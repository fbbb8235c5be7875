import { act, fireEvent } from '@testing-library/react';
import Taro, { router, storage } from './stubs/taro';
import { $, actionCalls, resetPages, serve, show, storeConsent } from './helpers';
import { SEPARATE_CONSENT_LABELS } from '../../src/domain';
import { operatorSettings } from '../../src/operator/settings';
import AgreementPage from '../../src/pages/agreement/index';
import { currentAgreement } from '../../src/services/agreement';
import { CONSENT_STORAGE_KEY } from '../../src/services/consentStore';

const agreement = currentAgreement();

beforeEach(() => {
  resetPages();
});

const ACCEPTED = { ok: true, consentId: 'abcdefabcdefabcdefabcdefabcdef12', acceptedAt: Date.UTC(2026, 11, 4, 2, 0), agreementVersion: agreement.version, edition: '2026-12-04 第2版', traceId: 't-accept' };
const box = (container: HTMLElement, tick: 'idCard' | 'provision') => $(container, `#agree-${tick}`) as HTMLInputElement;
const agreeButton = (container: HTMLElement) => $(container, '#agree-button') as HTMLButtonElement;
const tap = (element: HTMLElement) => act(async () => {
  fireEvent.click(element);
});

describe('agreement page', () => {
  test('shows the notice, the whole agreement body, two separate unticked consents with the text\'s own words, and 不同意', async () => {
    const { container } = await show(<AgreementPage />);
    expect($(container, '#agreement-notice')!.textContent).toContain('为什么需要这些信息');
    for (const section of agreement.body) {
      for (const paragraph of section.paragraphs) expect(container.textContent).toContain(paragraph);
    }
    for (const tick of ['idCard', 'provision'] as const) {
      expect(box(container, tick).checked).toBe(false);
      expect($(container, `#agree-${tick}-label`)!.textContent).toBe(SEPARATE_CONSENT_LABELS[tick]);
      expect(container.textContent).toContain(`本人勾选“${SEPARATE_CONSENT_LABELS[tick]}”`);
    }
    expect($(container, '#decline-button')!.textContent).toBe('不同意');
    expect(agreeButton(container).textContent).toBe('同意');
  });

  test('keeps 同意 disabled until both separate consents are ticked, each on its own', async () => {
    const { container } = await show(<AgreementPage />);
    expect(agreeButton(container).disabled).toBe(true);
    fireEvent.click(box(container, 'idCard'));
    expect(agreeButton(container).disabled).toBe(true);
    expect(box(container, 'provision').checked).toBe(false);
    fireEvent.click(box(container, 'provision'));
    expect(box(container, 'idCard').checked).toBe(true);
    expect(agreeButton(container).disabled).toBe(false);
    fireEvent.click(box(container, 'idCard'));
    expect(agreeButton(container).disabled).toBe(true);
    fireEvent.click(agreeButton(container));
    expect(actionCalls('acceptAgreement')).toHaveLength(0);
    expect(storage.has(CONSENT_STORAGE_KEY)).toBe(false);
  });

  test('on 同意 registers the consent with the function and keeps what it answered (its time, not the phone\'s), then opens the form', async () => {
    serve({ actions: { acceptAgreement: () => ACCEPTED } });
    const { container } = await show(<AgreementPage />);
    fireEvent.click(box(container, 'idCard'));
    fireEvent.click(box(container, 'provision'));
    await tap(agreeButton(container));
    expect(actionCalls('acceptAgreement')[0].data).toEqual({ action: 'acceptAgreement', agreementVersion: agreement.version, separate: { idCard: true, provision: true } });
    expect(storage.get(CONSENT_STORAGE_KEY)).toEqual({ consentId: ACCEPTED.consentId, version: agreement.version, acceptedAt: ACCEPTED.acceptedAt, edition: ACCEPTED.edition });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/form/index' });
  });

  test('stays, saying why, when the function does not register the consent', async () => {
    serve({ actions: { acceptAgreement: () => ({ ok: false, code: 'RATE_LIMITED', message: '请求过多', traceId: 't' }) } });
    const { container } = await show(<AgreementPage />);
    fireEvent.click(box(container, 'idCard'));
    fireEvent.click(box(container, 'provision'));
    await tap(agreeButton(container));
    expect(storage.has(CONSENT_STORAGE_KEY)).toBe(false);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect($(container, '#agree-error')!.textContent).toContain('请求过多');
  });

  test('on 不同意 says what that means (section 八): nothing collected, no check, whom to ask; nothing is sent', async () => {
    const { container } = await show(<AgreementPage />);
    fireEvent.click(box(container, 'idCard'));
    await tap($(container, '#decline-button')!);
    expect($(container, '#declined')!.textContent).toContain('不能为您进行手机号实名核验');
    expect($(container, '#declined')!.textContent).toContain(operatorSettings.contact);
    expect(box(container, 'idCard').checked).toBe(false);
    expect(actionCalls('acceptAgreement')).toHaveLength(0);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('goes straight to the form when the current version was already agreed', async () => {
    storeConsent(agreement.version, 1);
    const { container } = await show(<AgreementPage />);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/form/index' });
    expect($(container, '#agree-button')).toBeNull();
  });

  test('asks again, with a note, when another version was agreed', async () => {
    storeConsent('older-version', 1);
    const { container } = await show(<AgreementPage />);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect($(container, '#agreement-changed')!.textContent).toContain('内容已更新');
    expect(agreeButton(container).disabled).toBe(true);
    expect(box(container, 'idCard').checked).toBe(false);
  });

  test('opens read-only from the form when reviewing an agreement already agreed', async () => {
    storeConsent(agreement.version, Date.UTC(2026, 0, 2, 3, 4));
    router.params = { review: '1' };
    const { container } = await show(<AgreementPage />);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect($(container, '#agree-button')).toBeNull();
    expect($(container, '#agreement-accepted')!.textContent).toContain('您已于2026-01-02 11:04（北京时间）同意本授权书（2026-12-04 第2版）');
    expect($(container, '#agreement-accepted')!.textContent).toContain('“撤回同意”');
    fireEvent.click($(container, '#back-button')!);
    expect(Taro.navigateBack).toHaveBeenCalledTimes(1);
  });

  test('shows the 沙箱模式 banner when the local host runs the sandbox vendor', async () => {
    serve({ mode: 'sandbox' });
    const { container } = await show(<AgreementPage />);
    expect($(container, '#sandbox-banner')!.textContent).toContain('沙箱模式');
  });

  test('shows no banner when the local host calls the live vendor', async () => {
    const { container } = await show(<AgreementPage />);
    expect(Taro.request).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/status' }));
    expect($(container, '#sandbox-banner')).toBeNull();
  });

  test('neither shows a banner nor asks for the status in the mini-program', async () => {
    process.env.TARO_ENV = 'weapp';
    serve({ mode: 'sandbox' });
    const { container } = await show(<AgreementPage />);
    expect(Taro.request).not.toHaveBeenCalled();
    expect($(container, '#sandbox-banner')).toBeNull();
  });
});
