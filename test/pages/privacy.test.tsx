// WeChat's privacy authorization before the first field can be typed, with WeChat's privacy API standing in.
import { act, fireEvent } from '@testing-library/react';
import Taro, { privacy } from './stubs/taro';
import { $, resetPages, show, storeConsent } from './helpers';
import FormPage from '../../src/pages/form/index';
import { currentAgreement } from '../../src/services/agreement';

beforeEach(() => {
  resetPages();
  process.env.TARO_ENV = 'weapp';
  storeConsent(currentAgreement().version, 1);
});

const inputsDisabled = (container: HTMLElement) =>
  ['name', 'idCard', 'mobile'].map((f) => ($(container, `#${f}`) as HTMLInputElement).disabled);
const agree = (container: HTMLElement) =>
  act(async () => {
    fireEvent($(container, '#privacy-agree')!, new CustomEvent('agreeprivacyauthorization'));
  });
const tap = (container: HTMLElement, selector: string) =>
  act(async () => {
    fireEvent.click($(container, selector)!);
  });

describe('privacy authorization in the mini-program', () => {
  test('explains and disables every field while the person has not agreed', async () => {
    privacy.needAuthorization = true;
    const { container } = await show(<FormPage />);
    expect($(container, '#privacy-explain')!.textContent).toContain('《测试小程序隐私保护指引》');
    expect($(container, '#privacy-agree')!.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization');
    expect(inputsDisabled(container)).toEqual([true, true, true]);
    expect(($(container, '#submit') as HTMLButtonElement).disabled).toBe(true);
  });

  test('opens the fields once the person taps the agree button', async () => {
    privacy.needAuthorization = true;
    const { container } = await show(<FormPage />);
    await agree(container);
    expect($(container, '#privacy-gate')).toBeNull();
    expect(inputsDisabled(container)).toEqual([false, false, false]);
  });

  test('keeps the fields disabled after a refusal, says why and offers the guide and agreeing again', async () => {
    privacy.needAuthorization = true;
    const { container } = await show(<FormPage />);
    await tap(container, '#privacy-refuse');
    expect($(container, '#privacy-refused')!.textContent).toContain('暂时不能填写信息或核验');
    expect(inputsDisabled(container)).toEqual([true, true, true]);
    await tap(container, '#privacy-open-guide');
    expect(Taro.openPrivacyContract).toHaveBeenCalledTimes(1);
    await agree(container);
    expect(inputsDisabled(container)).toEqual([false, false, false]);
  });

  test('keeps the fields disabled until WeChat has answered', async () => {
    Taro.getPrivacySetting.mockImplementationOnce(() => undefined);
    const { container } = await show(<FormPage />);
    expect(inputsDisabled(container)).toEqual([true, true, true]);
    expect($(container, '#privacy-gate')).toBeNull();
  });

  test('shows no prompt when the person agreed before', async () => {
    const { container } = await show(<FormPage />);
    expect(Taro.getPrivacySetting).toHaveBeenCalledTimes(1);
    expect($(container, '#privacy-gate')).toBeNull();
    expect(inputsDisabled(container)).toEqual([false, false, false]);
  });

  test('keeps the fields locked when the setting cannot be read, with a retry that unlocks them once WeChat answers', async () => {
    privacy.fail = true;
    const { container } = await show(<FormPage />);
    expect(inputsDisabled(container)).toEqual([true, true, true]);
    expect($(container, '#privacy-unknown')!.textContent).toContain('暂时无法确认');
    privacy.fail = false;
    await act(async () => {
      fireEvent.click($(container, '#privacy-retry')!);
    });
    expect(Taro.getPrivacySetting).toHaveBeenCalledTimes(2);
    expect(inputsDisabled(container)).toEqual([false, false, false]);
    expect($(container, '#privacy-gate')).toBeNull();
  });

  test('asks nothing on a base library without the privacy API', async () => {
    Taro.canIUse.mockImplementation(() => false);
    const { container } = await show(<FormPage />);
    expect(Taro.getPrivacySetting).not.toHaveBeenCalled();
    expect(inputsDisabled(container)).toEqual([false, false, false]);
  });

  test('shows the same prompt when an API asks, and lets that API go on with the agree button’s id', async () => {
    const { container } = await show(<FormPage />);
    const resolve = jest.fn();
    await act(async () => privacy.listener!(resolve, { referrer: '' }));
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    expect($(container, '#privacy-explain')).not.toBeNull();
    expect(inputsDisabled(container)).toEqual([true, true, true]);
    await agree(container);
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' });
    expect(inputsDisabled(container)).toEqual([false, false, false]);
  });

  test('fails the waiting API when the person refuses', async () => {
    const { container } = await show(<FormPage />);
    const resolve = jest.fn();
    await act(async () => privacy.listener!(resolve, { referrer: '' }));
    await tap(container, '#privacy-refuse');
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
  });

  test('declines for a form no longer on screen', async () => {
    const { unmount } = await show(<FormPage />);
    unmount();
    const resolve = jest.fn();
    privacy.listener!(resolve, { referrer: '' });
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
  });
});

test('is a no-op in h5: nothing asked, fields open', async () => {
  process.env.TARO_ENV = 'h5';
  const { container } = await show(<FormPage />);
  expect(Taro.getPrivacySetting).not.toHaveBeenCalled();
  expect(Taro.onNeedPrivacyAuthorization).not.toHaveBeenCalled();
  expect(inputsDisabled(container)).toEqual([false, false, false]);
});
