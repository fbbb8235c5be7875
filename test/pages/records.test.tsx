import { act, fireEvent } from '@testing-library/react';
import Taro, { storage } from './stubs/taro';
import { $, actionCalls, deferred, NO_RECORDS, resetPages, serve, settle, show } from './helpers';
import RecordsPage from '../../src/packages/records/pages/index';
import type { MyRecordsAnswer } from '../../src/domain';
import { DELETE_CONFIRMATION } from '../../src/packages/records/useMyRecords';
import { CONSENT_STORAGE_KEY } from '../../src/services/consentStore';
import { loadStatus } from '../../src/services/launchStatus';

const masked = { name: '张*', idCard: '11**************2X', mobile: '138****8000' };
// 16:05 UTC is 00:05 the next day in Beijing.
const RECORDS: MyRecordsAnswer = {
  ok: true,
  records: [
    { at: Date.UTC(2026, 10, 28, 16, 5), code: '01', verified: true, cached: true, masked, traceId: 'trace-a', provider: 'tencent-faceid' },
    { at: Date.UTC(2026, 10, 28, 3, 0), code: '02', verified: false, cached: false, masked: { ...masked, mobile: '139****0001' }, traceId: 'trace-b', provider: 'aliyun-market' },
    { at: Date.UTC(2026, 10, 27, 3, 0), code: 'VENDOR_TIMEOUT', verified: false, cached: false, masked, traceId: 'trace-c', provider: 'aliyun-market' },
  ],
  consents: [
    { at: Date.UTC(2026, 10, 28, 2, 59), agreementVersion: 'v-current', withdrawnAt: Date.UTC(2026, 10, 28, 4, 0) },
    { at: Date.UTC(2026, 10, 27, 2, 59), agreementVersion: 'v-older' },
  ],
  traceId: 'trace-records',
};

beforeEach(() => {
  resetPages();
  storage.set(CONSENT_STORAGE_KEY, { version: 'v-current', acceptedAt: 1 });
});

const text = (container: HTMLElement, selector: string) => $(container, selector)?.textContent ?? null;
const tap = async (container: HTMLElement, selector: string) => {
  await act(async () => {
    fireEvent.click($(container, selector)!);
  });
  await settle();
};

describe('我的核验记录: showing', () => {
  test('says it is loading until the records come', async () => {
    const pending = deferred<MyRecordsAnswer>();
    serve({ actions: { myRecords: () => pending.promise } });
    const { container } = await show(<RecordsPage />);
    expect(text(container, '#records-loading')).toBe('正在加载…');
    await act(async () => pending.resolve(NO_RECORDS));
    expect($(container, '#records-loading')).toBeNull();
  });

  test('lists each check with Beijing time, the outcome in words, masked fields and trace id', async () => {
    serve({ actions: { myRecords: () => RECORDS } });
    const { container } = await show(<RecordsPage />);
    const first = text(container, '#record-0')!;
    expect(first).toContain('2026-11-29 00:05');
    expect(first).toContain('核验通过');
    expect(first).toContain('张*');
    expect(first).toContain('11**************2X');
    expect(first).toContain('138****8000');
    expect(first).toContain('trace-a');
    expect(first).toContain('核验服务商腾讯云人脸核身');
    expect(text(container, '#record-1')).toContain('核验未通过');
    expect(text(container, '#record-1')).toContain('139****0001');
    expect(text(container, '#record-2-outcome')).toBe('未完成核验');
  });

  test('marks a cached answer as 缓存, and only that one', async () => {
    serve({ actions: { myRecords: () => RECORDS } });
    const { container } = await show(<RecordsPage />);
    expect(text(container, '#record-0-outcome')).toBe('核验通过缓存');
    expect(text(container, '#record-1-outcome')).toBe('核验未通过');
  });

  test('lists each consent with its time, agreement version and withdrawal time', async () => {
    serve({ actions: { myRecords: () => RECORDS } });
    const { container } = await show(<RecordsPage />);
    expect(text(container, '#consent-0')).toContain('2026-11-28 10:59');
    expect(text(container, '#consent-0')).toContain('v-current');
    expect(text(container, '#consent-0-withdrawn')).toContain('2026-11-28 12:00');
    expect(text(container, '#consent-1')).toContain('v-older');
    expect($(container, '#consent-1-withdrawn')).toBeNull();
  });

  test('says there is nothing when nothing is kept, with delete unavailable', async () => {
    serve({ actions: { myRecords: () => NO_RECORDS } });
    const { container } = await show(<RecordsPage />);
    expect(text(container, '#records-empty')).toContain('没有保存任何');
    expect(($(container, '#delete-all') as HTMLButtonElement).disabled).toBe(true);
  });

  test('shows the function’s message on failure and loads again on 重试', async () => {
    let answer: unknown = { ok: false, code: 'INTERNAL', message: '系统出了点问题，请稍后再试。', traceId: 't' };
    serve({ actions: { myRecords: () => answer } });
    const { container } = await show(<RecordsPage />);
    expect(text(container, '#records-error')).toContain('系统出了点问题');
    answer = RECORDS;
    await tap(container, '#records-retry');
    expect($(container, '#records-error')).toBeNull();
    expect($(container, '#record-0')).not.toBeNull();
  });
});

describe('我的核验记录: deleting', () => {
  test('asks first, saying what is deleted and that limits are not reset, then shows the list empty', async () => {
    let held: MyRecordsAnswer = RECORDS;
    serve({
      actions: {
        myRecords: () => held,
        deleteMyRecords: () => {
          held = NO_RECORDS;
          return { ok: true, deleted: { consents: 2, verifications: 3 }, traceId: 't-d' };
        },
      },
    });
    const { container } = await show(<RecordsPage />);
    await loadStatus(); // launch asked status before
    await tap(container, '#delete-all');
    const modal = Taro.showModal.mock.calls[0][0] as { content: string };
    expect(modal.content).toBe(DELETE_CONFIRMATION);
    expect(modal.content).toContain('核验记录和授权记录');
    expect(modal.content).toContain('限制不会因删除而重置');
    expect(actionCalls('deleteMyRecords')).toHaveLength(1);
    expect($(container, '#record-0')).toBeNull();
    expect(text(container, '#records-empty')).toContain('没有保存任何');
    await loadStatus();
    expect(actionCalls('status')).toHaveLength(2); // what status says changed: asked again
  });

  test('deletes nothing when the confirmation is cancelled', async () => {
    Taro.showModal.mockImplementation(() => Promise.resolve({ confirm: false, cancel: true }));
    serve({ actions: { myRecords: () => RECORDS, deleteMyRecords: () => ({ ok: true, deleted: { consents: 0, verifications: 0 }, traceId: '' }) } });
    const { container } = await show(<RecordsPage />);
    await tap(container, '#delete-all');
    expect(actionCalls('deleteMyRecords')).toHaveLength(0);
    expect($(container, '#record-0')).not.toBeNull();
  });

  test('keeps the list and says why when deleting fails', async () => {
    serve({ actions: { myRecords: () => RECORDS, deleteMyRecords: () => ({ ok: false, code: 'INTERNAL', message: '系统出了点问题', traceId: '' }) } });
    const { container } = await show(<RecordsPage />);
    await tap(container, '#delete-all');
    expect(text(container, '#records-action-error')).toBe('删除未完成：系统出了点问题');
    expect($(container, '#record-0')).not.toBeNull();
  });
});

describe('我的核验记录: withdrawing', () => {
  test('records the withdrawal on the server after confirming, forgets the consent here and opens the agreement', async () => {
    serve({ actions: { myRecords: () => RECORDS, withdrawConsent: () => ({ ok: true, withdrawnAt: 9, traceId: 't-w' }) } });
    const { container } = await show(<RecordsPage />);
    await tap(container, '#withdraw-consent');
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
    expect(actionCalls('withdrawConsent')).toHaveLength(1);
    expect(storage.has(CONSENT_STORAGE_KEY)).toBe(false);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/agreement/index' });
  });
});
