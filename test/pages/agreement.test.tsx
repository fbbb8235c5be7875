import { fireEvent } from '@testing-library/react';
import Taro, { router, storage } from './stubs/taro';
import { $, resetPages, serve, show } from './helpers';
import AgreementPage from '../../src/pages/agreement/index';
import { currentAgreement } from '../../src/services/agreement';
import { CONSENT_STORAGE_KEY } from '../../src/services/consentStore';

const agreement = currentAgreement();

beforeEach(() => {
  resetPages();
});

describe('agreement page', () => {
  test('shows the notice, the whole agreement body and an unticked box', async () => {
    const { container } = await show(<AgreementPage />);
    expect($(container, '#agreement-notice')!.textContent).toContain('为什么需要这些信息');
    for (const section of agreement.body) {
      for (const paragraph of section.paragraphs) expect(container.textContent).toContain(paragraph);
    }
    expect(($(container, '#agree-checkbox') as HTMLInputElement).checked).toBe(false);
    expect(container.textContent).toContain('我已阅读并同意《个人信息授权书》');
  });

  test('keeps the button disabled when the box is not ticked', async () => {
    const { container } = await show(<AgreementPage />);
    const button = $(container, '#agree-button') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(storage.has(CONSENT_STORAGE_KEY)).toBe(false);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('enables the button when the box is ticked', async () => {
    const { container } = await show(<AgreementPage />);
    fireEvent.click($(container, '#agree-checkbox')!);
    expect(($(container, '#agree-button') as HTMLButtonElement).disabled).toBe(false);
  });

  test('disables the button again when the box is unticked', async () => {
    const { container } = await show(<AgreementPage />);
    fireEvent.click($(container, '#agree-checkbox')!);
    fireEvent.click($(container, '#agree-checkbox')!);
    expect(($(container, '#agree-button') as HTMLButtonElement).disabled).toBe(true);
  });

  test('stores the agreed version and time and goes to the form on agreeing', async () => {
    const before = Date.now();
    const { container } = await show(<AgreementPage />);
    fireEvent.click($(container, '#agree-checkbox')!);
    fireEvent.click($(container, '#agree-button')!);
    const stored = storage.get(CONSENT_STORAGE_KEY) as { version: string; acceptedAt: number };
    expect(stored.version).toBe(agreement.version);
    expect(stored.acceptedAt).toBeGreaterThanOrEqual(before);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/form/index' });
  });

  test('goes straight to the form when the current version was already agreed', async () => {
    storage.set(CONSENT_STORAGE_KEY, { version: agreement.version, acceptedAt: 1 });
    const { container } = await show(<AgreementPage />);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/form/index' });
    expect($(container, '#agree-button')).toBeNull();
  });

  test('asks again, with a note, when another version was agreed', async () => {
    storage.set(CONSENT_STORAGE_KEY, { version: 'older-version', acceptedAt: 1 });
    const { container } = await show(<AgreementPage />);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect($(container, '#agreement-changed')!.textContent).toContain('内容已更新');
    expect(($(container, '#agree-button') as HTMLButtonElement).disabled).toBe(true);
    expect(($(container, '#agree-checkbox') as HTMLInputElement).checked).toBe(false);
  });

  test('opens read-only from the form when reviewing an agreement already agreed', async () => {
    storage.set(CONSENT_STORAGE_KEY, { version: agreement.version, acceptedAt: Date.UTC(2026, 0, 2, 3, 4) });
    router.params = { review: '1' };
    const { container } = await show(<AgreementPage />);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect($(container, '#agree-button')).toBeNull();
    expect($(container, '#agreement-accepted')!.textContent).toContain('您已于');
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
