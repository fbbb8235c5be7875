import { act, fireEvent } from '@testing-library/react';
import Taro, { usePullDownRefresh } from './stubs/taro';
import { $, FUNCTION_URL, deferred, actionCalls, resetPages, show } from './helpers';
import ConsolePage from '../../src/packages/console/pages/index';
import { busyWeek, emptyAnswer, statsAnswer } from '../console/statsFixtures';

/** Routes the function call: `answer` gets the event the page sent and returns what the function answers. */
function serveStats(answer: (event: { action: string; days?: number }) => unknown) {
  Taro.request.mockImplementation(async (req) => {
    if (req.url === FUNCTION_URL) return { statusCode: 200, data: await answer(req.data as { action: string; days?: number }) };
    return { statusCode: 404, data: null };
  });
}

const text = (container: HTMLElement, selector: string) => $(container, selector)?.textContent ?? null;

beforeEach(() => {
  resetPages();
  usePullDownRefresh.mockClear();
});

test('shows loading until the first answer arrives', async () => {
  const pending = deferred<unknown>();
  serveStats(() => pending.promise);
  const { container } = await show(<ConsolePage />);
  expect(text(container, '#console-loading')).toBe('正在加载…');
  await act(async () => pending.resolve(busyWeek()));
  expect($(container, '#console-loading')).toBeNull();
});

test('asks stats for the last 7 days first', async () => {
  serveStats(() => busyWeek());
  await show(<ConsolePage />);
  expect(actionCalls('stats').map((c) => c.data)).toEqual([{ action: 'stats', days: 7 }]);
});

test('shows totals, meters, three charts and the refusals of a busy week', async () => {
  serveStats(() => busyWeek());
  const { container } = await show(<ConsolePage />);
  expect(text(container, '#total-requests')).toBe(`${20 + 21 + 22 + 23 + 24 + 25}请求`);
  expect(text(container, '#total-billed')).toBe('71计费');
  expect(text(container, '#total-maybeBilled')).toContain('1 次服务商超时');
  expect(text(container, '#quota-used')).toBe('已用 850');
  expect(text(container, '#quota-remaining')).toBe('剩余 150');
  expect(text(container, '#budget-used')).toBe('今日已计费 12');
  expect(text(container, '#budget-limit')).toBe('共 50');
  expect($(container, '#chart-outcomes')?.dataset).toMatchObject({ kind: 'stack', series: '01 一致,02 不一致,203 无法核验' });
  expect($(container, '#chart-billing')?.dataset.kind).toBe('dodge');
  expect($(container, '#chart-latency')?.dataset.days?.split(',')).toHaveLength(7);
  expect(text(container, '#refusal-INVALID_ID_CARD')).toBe('身份证件号码无效INVALID_ID_CARD8');
  expect(text(container, '#refusals-note')).toContain('实例');
  expect(text(container, '#provider-tencent-faceid')).toBe('腾讯云人脸核身调用 60 · 计费 59¥26.55');
  expect(text(container, '#provider-aliyun-market')).toBe('阿里云云市场调用 12 · 计费 12未设单价');
  expect(text(container, '#providers-spend')).toContain('¥26.55');
  expect($(container, '#console-empty')).toBeNull();
});

test('shows the empty state and no charts when nothing happened yet', async () => {
  serveStats(() => emptyAnswer());
  const { container } = await show(<ConsolePage />);
  expect(text(container, '#console-empty')).toContain('还没有核验');
  expect(container.querySelector('[id^="chart-"]')).toBeNull();
  expect(text(container, '#quota-unset')).toContain('MOBILECHECK_QUOTA_TOTAL');
  expect(text(container, '#budget-unset')).toContain('MOBILECHECK_DAILY_BUDGET');
});

test('does not show a chart for a period with refusals only, but says why', async () => {
  serveStats(() => statsAnswer(7, (back) => (back === 0 ? { requests: 2, refused: { INVALID_NAME: 2 } } : {})));
  const { container } = await show(<ConsolePage />);
  expect($(container, '#chart-outcomes')).toBeNull();
  expect(text(container, '#chart-outcomes-empty')).toBe('这段时间没有完成的核验。');
  expect(text(container, '#refusal-INVALID_NAME')).toContain('2');
});

test('says the page is for operators only when the function answers FORBIDDEN', async () => {
  serveStats(() => ({ ok: false, code: 'FORBIDDEN', message: '您没有查看此页面的权限。', traceId: 't' }));
  const { container } = await show(<ConsolePage />);
  expect(text(container, '#console-forbidden')).toContain('仅供运营人员查看');
  expect($(container, '#summary')).toBeNull();
  expect($(container, '#console-retry')).toBeNull();
});

test('shows the error and asks again on 重试 when the function cannot be reached', async () => {
  let fail = true;
  serveStats(() => {
    if (fail) throw new Error('offline');
    return busyWeek();
  });
  const { container } = await show(<ConsolePage />);
  expect(text(container, '#console-error-message')).toBe('网络连接失败，请检查网络后再试。');
  fail = false;
  await act(async () => fireEvent.click($(container, '#console-retry')!));
  expect($(container, '#console-error')).toBeNull();
  expect($(container, '#summary')).not.toBeNull();
  expect(actionCalls('stats')).toHaveLength(2);
});

test('asks again for 30 and 90 days when the switch changes', async () => {
  serveStats((event) => statsAnswer(event.days ?? 7, () => ({ requests: 1, outcomes: { '01': 1 }, billed: 1, vendorCalls: 1 })));
  const { container } = await show(<ConsolePage />);
  await act(async () => fireEvent.click($(container, '#days-30')!));
  expect($(container, '#chart-outcomes')?.dataset.days?.split(',')).toHaveLength(30);
  await act(async () => fireEvent.click($(container, '#days-90')!));
  expect(actionCalls('stats').map((c) => (c.data as { days: number }).days)).toEqual([7, 30, 90]);
  expect($(container, '#days-90')?.className).toContain('days-option-active');
  expect(text(container, '#total-requests')).toBe('90请求');
});

test('shows the newest period only when an older answer arrives late', async () => {
  const slow = deferred<unknown>();
  serveStats((event) => (event.days === 7 ? slow.promise : statsAnswer(30, () => ({ requests: 2 }))));
  const { container } = await show(<ConsolePage />);
  await act(async () => fireEvent.click($(container, '#days-30')!));
  await act(async () => slow.resolve(statsAnswer(7, () => ({ requests: 1 }))));
  expect(text(container, '#total-requests')).toBe('60请求');
});

test('asks again and stops the spinner when pulled down', async () => {
  serveStats(() => busyWeek());
  await show(<ConsolePage />);
  const pull = usePullDownRefresh.mock.calls.at(-1)![0];
  await act(async () => pull());
  expect(actionCalls('stats')).toHaveLength(2);
  expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1);
});
