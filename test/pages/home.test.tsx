import { act, fireEvent } from '@testing-library/react';
import Taro from './stubs/taro';
import { $, actionCalls, deferred, resetPages, serve, show, storeConsent } from './helpers';
import HomePage, { STATUS_WAIT_MS } from '../../src/pages/home/index';
import type { StatusAnswer } from '../../src/domain';
import { currentAgreement } from '../../src/services/agreement';

// 2026-11-28 17:30 UTC is already 2026-11-29 in Beijing.
const VERIFIED: StatusAnswer = {
  ok: true,
  verified: true,
  verifiedAt: Date.UTC(2026, 10, 28, 17, 30),
  masked: { name: '张*', idCard: '11**************2X', mobile: '138****8000' },
  traceId: 'trace-status',
};

beforeEach(() => {
  resetPages();
});
afterEach(() => {
  jest.useRealTimers();
});

const agree = () => storeConsent(currentAgreement().version, 1);
const text = (container: HTMLElement, selector: string) => $(container, selector)?.textContent ?? null;

describe('home page on launch', () => {
  test('asks status once and shows a verified person their verified state instead of the form', async () => {
    serve({ actions: { status: () => VERIFIED } });
    const { container } = await show(<HomePage />);
    expect(actionCalls('status')).toHaveLength(1);
    expect(text(container, '#verified-title')).toBe('已完成实名核验');
    expect(text(container, '#verified-name')).toBe('张*');
    expect(text(container, '#verified-idCard')).toBe('11**************2X');
    expect(text(container, '#verified-mobile')).toBe('138****8000');
    expect(text(container, '#verified-date')).toBe('核验日期：2026年11月29日');
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('leads 核验其他号码 to the agreement when nothing was agreed on this device', async () => {
    serve({ actions: { status: () => VERIFIED } });
    const { container } = await show(<HomePage />);
    fireEvent.click($(container, '#check-other')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/agreement/index' });
  });

  test('leads 核验其他号码 straight to the form when the current agreement was agreed', async () => {
    agree();
    serve({ actions: { status: () => VERIFIED } });
    const { container } = await show(<HomePage />);
    fireEvent.click($(container, '#check-other')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/form/index' });
  });

  test('opens 我的核验记录 from the verified state', async () => {
    serve({ actions: { status: () => VERIFIED } });
    const { container } = await show(<HomePage />);
    fireEvent.click($(container, '#records-link')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/records/pages/index' });
  });

  test('opens the agreement for a person not verified', async () => {
    await show(<HomePage />);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/agreement/index' });
  });

  test('opens the form for a person not verified who agreed to the current text', async () => {
    agree();
    await show(<HomePage />);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/form/index' });
  });

  test('falls back to the normal flow when the function refuses status (an older function)', async () => {
    serve({ actions: { status: () => ({ ok: false, code: 'INVALID_REQUEST', message: 'm', traceId: '' }) } });
    await show(<HomePage />);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/agreement/index' });
  });

  test('falls back to the normal flow when the network fails', async () => {
    Taro.request.mockImplementation(async () => {
      throw new Error('Failed to fetch');
    });
    await show(<HomePage />);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/agreement/index' });
  });

  test('treats a verified answer without masked fields as not verified', async () => {
    serve({ actions: { status: () => ({ ...VERIFIED, masked: undefined }) } });
    await show(<HomePage />);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/agreement/index' });
  });

  test('does not wait longer than the launch limit for a slow status', async () => {
    jest.useFakeTimers();
    const slow = deferred<StatusAnswer>();
    serve({ actions: { status: () => slow.promise } });
    const { container } = await show(<HomePage />);
    expect(text(container, '#home-loading')).toBe('正在加载…');
    await act(async () => {
      jest.advanceTimersByTime(STATUS_WAIT_MS - 1);
    });
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/agreement/index' });
    await act(async () => slow.resolve(VERIFIED));
    expect($(container, '#verified-title')).toBeNull();
  });
});
