import { act, fireEvent } from '@testing-library/react';
import Taro, { router, storage } from './stubs/taro';
import { $, actionCalls, deferred, NO_RECORDS, resetPages, serve, settle, show, storeConsent } from './helpers';
import RecordsPage from '../../src/packages/records/pages/index';
import EditionPage from '../../src/packages/records/pages/edition';
import type { MyRecordsAnswer } from '../../src/domain';
import { DELETE_CONFIRMATION } from '../../src/packages/records/useMyRecords';
import { CONSENT_STORAGE_KEY } from '../../src/services/consentStore';
import { currentAgreement } from '../../src/services/agreement';
import { operatorSettings } from '../../src/operator/settings';
import { recordsText } from '../../src/packages/records/recordsText';
import { WITHDRAW_CONFIRMATION } from '../../src/hooks/useWithdrawConsent';
import { loadStatus } from '../../src/services/launchStatus';

const masked = { name: '张*', idCard: '11**************2X', mobile: '138****8000' };
const current = currentAgreement();
const record = { carrier: '移动', phone: 'typed' as const, provider: 'aliyun-market' as const, edition: '2026-12-04 第2版' };
const LIMITS = { keptUntil: Date.UTC(2026, 11, 28, 3, 0), checksToday: 2, identities30Days: 1 };
// 16:05 UTC is 00:05 the next day in Beijing.
const RECORDS: MyRecordsAnswer = {
  ok: true,
  records: [
    { at: Date.UTC(2026, 10, 28, 16, 5), code: '01', verified: true, masked, traceId: 'trace-a', ...record, provider: 'tencent-faceid' },
    { at: Date.UTC(2026, 10, 28, 3, 0), code: '02', verified: false, masked: { ...masked, mobile: '139****0001' }, traceId: 'trace-b', ...record, phone: 'wechat', carrier: '联通' },
    { at: Date.UTC(2026, 10, 27, 3, 0), code: 'VENDOR_TIMEOUT', verified: false, masked, traceId: 'trace-c', ...record, carrier: '' },
  ],
  consents: [
    { consentId: 'c'.repeat(32), acceptedAt: Date.UTC(2026, 10, 28, 2, 59), edition: '2026-12-04 第2版', agreementVersion: current.version, withdrawnAt: Date.UTC(2026, 10, 28, 4, 0) },
    { consentId: 'd'.repeat(32), acceptedAt: Date.UTC(2026, 10, 27, 2, 59), edition: '2026-11-29 第1版', agreementVersion: '84c834e11219c35e' },
  ],
  limits: LIMITS,
  traceId: 'trace-records',
};

beforeEach(() => {
  resetPages();
  storeConsent('v-current', 1);
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

  test('lists each check with every field the function keeps: time, outcome, carrier, phone source, provider, masked fields, trace id, edition', async () => {
    serve({ actions: { myRecords: () => RECORDS } });
    const { container } = await show(<RecordsPage />);
    const first = text(container, '#record-0')!;
    expect(first).toContain('2026-11-29 00:05');
    expect(first).toContain('核验通过');
    expect(first).toContain('张*');
    expect(first).toContain('11**************2X');
    expect(first).toContain('138****8000');
    expect(first).toContain('trace-a');
    expect(text(container, '#record-0-carrier')).toBe('移动');
    expect(text(container, '#record-0-phone')).toBe('本人填写');
    expect(text(container, '#record-1-phone')).toBe('微信提供');
    expect(text(container, '#record-0-provider')).toBe('腾讯云计算（北京）有限责任公司（腾讯云人脸核身）');
    expect(text(container, '#record-1-provider')).toBe('四川涪擎大数据技术有限公司（阿里云云市场）');
    expect(text(container, '#record-0-edition')).toBe('2026-12-04 第2版');
    expect(text(container, '#record-1')).toContain('核验未通过');
    expect(text(container, '#record-1')).toContain('139****0001');
    expect(text(container, '#record-2-outcome')).toBe('未完成核验');
  });

  test('lists each consent with the time the function registered it, the edition label (opening that edition), its id and the withdrawal time', async () => {
    serve({ actions: { myRecords: () => RECORDS } });
    const { container } = await show(<RecordsPage />);
    expect(text(container, '#consent-0-at')).toBe('2026-11-28 10:59');
    expect(text(container, '#consent-0-edition')).toBe('2026-12-04 第2版（查看）');
    expect(text(container, '#consent-0')).toContain('c'.repeat(32));
    expect(text(container, '#consent-0-withdrawn')).toContain('2026-11-28 12:00');
    expect(text(container, '#consent-1-edition')).toBe('2026-11-29 第1版（查看）');
    expect($(container, '#consent-1-withdrawn')).toBeNull();
    await tap(container, '#consent-1-edition');
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/records/pages/edition?version=84c834e11219c35e' });
  });

  test('says what the limits record holds, in counts, and until when', async () => {
    serve({ actions: { myRecords: () => RECORDS } });
    const { container } = await show(<RecordsPage />);
    expect(text(container, '#records-limits-text')).toBe(
      '次数计数：今天核验 2 次；30 天内核验过的不同证件号码 1 个（只以哈希值保存）。如无新的核验，这些计数最迟于 2026-12-28 11:00（北京时间）全部删除。',
    );
  });

  test('says there is nothing when nothing is kept, with delete unavailable', async () => {
    serve({ actions: { myRecords: () => NO_RECORDS } });
    const { container } = await show(<RecordsPage />);
    expect(text(container, '#records-empty')).toContain('没有保存任何');
    expect(text(container, '#records-remaining')).toContain('次数计数：没有。');
    expect(($(container, '#delete-all') as HTMLButtonElement).disabled).toBe(true);
  });

  test('states how to ask for correction or explanation and when the answer comes, with WeChat\'s customer service in the mini-program', async () => {
    serve({ actions: { myRecords: () => RECORDS } });
    const h5 = await show(<RecordsPage />);
    expect(text(h5.container, '#records-requests')).toContain(`${operatorSettings.contact}，我们在 ${operatorSettings.responseDays} 个工作日内答复`);
    expect($(h5.container, '#contact')).toBeNull();
    h5.unmount();
    process.env.TARO_ENV = 'weapp';
    const weapp = await show(<RecordsPage />);
    expect($(weapp.container, '#contact')!.getAttribute('data-open-type')).toBe('contact');
    expect(text(weapp.container, '#contact')).toBe('联系客服');
  });
});

describe('我的核验记录: copy and export (PIPL art. 45)', () => {
  test('复制全部 puts every field, in readable Chinese, on the clipboard', async () => {
    serve({ actions: { myRecords: () => RECORDS } });
    const { container } = await show(<RecordsPage />);
    await tap(container, '#copy-all');
    const copied = (Taro.setClipboardData.mock.calls[0][0] as { data: string }).data;
    expect(copied).toBe(recordsText(RECORDS));
    for (const piece of ['2026-11-29 00:05', '核验通过（01）', '运营商：移动', '手机号码来源：微信提供', '四川涪擎大数据技术有限公司', 'trace-c', '授权书版本：2026-12-04 第2版',
      '同意编号：' + 'c'.repeat(32), '撤回时间：2026-11-28 12:00', '今天核验 2 次']) {
      expect(copied).toContain(piece);
    }
    expect(text(container, '#records-notice')).toBe('已复制全部记录。');
  });

  test('导出 gives the same content as JSON: in the mini-program a file to send on', async () => {
    process.env.TARO_ENV = 'weapp';
    serve({ actions: { myRecords: () => RECORDS } });
    const writes: unknown[][] = [];
    Taro.getFileSystemManager.mockImplementation(() => ({ writeFileSync: jest.fn((...args: unknown[]) => writes.push(args)) }));
    const { container } = await show(<RecordsPage />);
    await tap(container, '#export-all');
    expect(writes).toEqual([['wxfile://usr/my-records.json', expect.any(String), 'utf8']]);
    expect(JSON.parse(writes[0][1] as string)).toEqual({ records: RECORDS.records, consents: RECORDS.consents, limits: RECORDS.limits });
    expect(Taro.shareFileMessage).toHaveBeenCalledWith({ filePath: 'wxfile://usr/my-records.json', fileName: 'my-records.json' });
    expect(text(container, '#records-notice')).toBe('已导出全部记录（JSON）。');
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
  test('asks first, saying what is deleted and that limits are not reset, then says exactly what remains and until when', async () => {
    let held: MyRecordsAnswer = RECORDS;
    serve({
      actions: {
        myRecords: () => held,
        deleteMyRecords: () => {
          held = { ...NO_RECORDS, limits: LIMITS };
          return { ok: true, deleted: { consents: 2, verifications: 3 }, traceId: 't-d' };
        },
      },
    });
    const { container } = await show(<RecordsPage />);
    await loadStatus(); // launch asked status before
    await tap(container, '#delete-all');
    const modal = Taro.showModal.mock.calls[0][0] as { content: string };
    expect(modal.content).toBe(DELETE_CONFIRMATION);
    expect(modal.content).toContain('核验记录和同意记录');
    expect(modal.content).toContain('次数计数不会因删除而重置');
    expect(actionCalls('deleteMyRecords')).toHaveLength(1);
    expect($(container, '#record-0')).toBeNull();
    expect(text(container, '#records-empty')).toContain('已删除您的核验记录和同意记录。');
    expect(text(container, '#records-remaining')).toContain('仍保留的：次数计数：今天核验 2 次；30 天内核验过的不同证件号码 1 个');
    expect(text(container, '#records-remaining')).toContain('最迟于 2026-12-28 11:00（北京时间）全部删除');
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
  test('records the withdrawal on the server after confirming what it deletes, forgets the consent and the verified state here and opens the agreement', async () => {
    serve({ actions: { myRecords: () => RECORDS, withdrawConsent: () => ({ ok: true, withdrawnAt: 9, deleted: { verifications: 3, claims: 1 }, traceId: 't-w' }) } });
    const { container } = await show(<RecordsPage />);
    await loadStatus();
    expect(text(container, '#withdraw-consent')).toBe('撤回同意');
    await tap(container, '#withdraw-consent');
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
    expect((Taro.showModal.mock.calls[0][0] as { title: string; content: string })).toMatchObject({ title: '撤回同意', content: WITHDRAW_CONFIRMATION });
    expect(WITHDRAW_CONFIRMATION).toContain('立即删除您的核验记录');
    await loadStatus();
    expect(actionCalls('status')).toHaveLength(2);
    expect(actionCalls('withdrawConsent')).toHaveLength(1);
    expect(storage.has(CONSENT_STORAGE_KEY)).toBe(false);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/agreement/index' });
  });
});

describe('an edition of the agreement, opened from 我的核验记录', () => {
  test('shows the full text of the edition agreed to, an earlier one from the archive with its label', async () => {
    router.params = { version: '84c834e11219c35e' };
    const { container } = await show(<EditionPage />);
    expect(text(container, '#agreement-label')).toBe('版本：2026-11-29 第1版');
    expect(container.textContent).toContain('撤回本身不删除已有记录');
    expect(text(container, '#agreement-version')).toContain('84c834e11219c35e');
  });

  test('shows the current edition for each phone source', async () => {
    for (const source of ['typed', 'wechat'] as const) {
      const agreement = currentAgreement(source);
      router.params = { version: agreement.version };
      const view = await show(<EditionPage />);
      expect(text(view.container, '#agreement-label')).toBe(`版本：${agreement.label}`);
      view.unmount();
    }
  });

  test('says so when the version is unknown', async () => {
    router.params = { version: '0000000000000000' };
    const { container } = await show(<EditionPage />);
    expect(text(container, '#edition-missing')).toContain('0000000000000000');
  });
});
