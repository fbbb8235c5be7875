import { fireEvent } from '@testing-library/react';
import Taro from './stubs/taro';
import { $, completed, resetPages, show } from './helpers';
import ResultPage from '../../src/pages/result/index';
import { vendorStatus } from '../../src/domain';
import { keepPerson, takeKeptPerson } from '../../src/services/keptPerson';
import { getLastResult, setLastResult } from '../../src/services/resultStore';
import type { CheckCompleted } from '../../src/domain';

beforeEach(() => {
  resetPages();
});

const text = (container: HTMLElement, selector: string) => $(container, selector)?.textContent ?? null;

describe('result page', () => {
  test.each([
    ['01', '核验通过', 'result-icon-pass', '✓'],
    ['02', '核验未通过', 'result-icon-fail', '✕'],
    ['203', '暂时无法核验', 'result-icon-unverifiable', '!'],
  ] as const)('shows code %s as “%s” with the masked fields', async (code, title, iconClass, icon) => {
    const result = completed(code) as CheckCompleted;
    setLastResult(result);
    const { container } = await show(<ResultPage />);
    expect(text(container, '#result-title')).toBe(title);
    expect(vendorStatus(code).title).toBe(title);
    expect($(container, '#result-icon')!.className).toContain(iconClass);
    expect(text(container, '#result-icon')).toBe(icon);
    expect(text(container, '#result-message')).toBe(result.message);
    expect(text(container, '#result-masked-name')).toBe('张*');
    expect(text(container, '#result-masked-idCard')).toBe('11**************2X');
    expect(text(container, '#result-masked-mobile')).toBe('138****8000');
    expect(text(container, '#result-trace-id')).toBe('trace-123');
    expect($(container, '#result-trace-id')!.getAttribute('data-selectable')).toBe('true');
  });

  test('shows the carrier when there is one', async () => {
    setLastResult(completed('01') as CheckCompleted);
    const { container } = await show(<ResultPage />);
    expect(text(container, '#result-carrier')).toBe('联通');
  });

  test('hides the carrier row when the carrier is empty', async () => {
    setLastResult(completed('02', { carrier: '' }) as CheckCompleted);
    const { container } = await show(<ResultPage />);
    expect($(container, '#result-carrier')).toBeNull();
    expect(container.textContent).not.toContain('运营商');
  });

  test('says a cached result was not charged again', async () => {
    setLastResult(completed('01', { cached: true }) as CheckCompleted);
    const { container } = await show(<ResultPage />);
    expect(text(container, '#result-cached')).toContain('这是您近期相同信息的核验结果，未重复扣费');
  });

  test('has no cached note for a fresh result', async () => {
    setLastResult(completed('01') as CheckCompleted);
    const { container } = await show(<ResultPage />);
    expect($(container, '#result-cached')).toBeNull();
  });

  test('goes back to an empty form on 重新核验', async () => {
    setLastResult(completed('01') as CheckCompleted);
    const { container } = await show(<ResultPage />);
    fireEvent.click($(container, '#check-again')!);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/form/index' });
    expect(getLastResult()).toBeNull();
  });

  test.each(['02', '206'] as const)('offers 换一个号码 after %s, back to the form keeping name and ID in memory only', async (code) => {
    setLastResult(completed(code) as CheckCompleted);
    keepPerson({ name: '张三', idCard: '11010519491231002X' });
    const { container } = await show(<ResultPage />);
    expect(takeKeptPerson()).toBeNull(); // taken by the page, not left lying around
    fireEvent.click($(container, '#other-mobile')!);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/form/index' });
    expect(takeKeptPerson()).toEqual({ name: '张三', idCard: '11010519491231002X' });
    expect(Taro.setStorageSync).not.toHaveBeenCalled();
  });

  test('keeps nothing on 重新核验 after a 02', async () => {
    setLastResult(completed('02') as CheckCompleted);
    keepPerson({ name: '张三', idCard: '11010519491231002X' });
    const { container } = await show(<ResultPage />);
    fireEvent.click($(container, '#check-again')!);
    expect(takeKeptPerson()).toBeNull();
  });

  test.each(['01', '203', '204'] as const)('does not offer 换一个号码 after %s', async (code) => {
    setLastResult(completed(code) as CheckCompleted);
    keepPerson({ name: '张三', idCard: '11010519491231002X' });
    const { container } = await show(<ResultPage />);
    expect($(container, '#other-mobile')).toBeNull();
  });

  test('opens 我的核验记录', async () => {
    setLastResult(completed('01') as CheckCompleted);
    const { container } = await show(<ResultPage />);
    fireEvent.click($(container, '#records-link')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/records/pages/index' });
  });

  test('explains, and offers the form, when opened without a result', async () => {
    const { container } = await show(<ResultPage />);
    expect(text(container, '#result-title')).toBe('没有可显示的核验结果');
    expect($(container, '#result-masked-name')).toBeNull();
    fireEvent.click($(container, '#check-again')!);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/form/index' });
  });
});
