import { act, fireEvent } from '@testing-library/react';
import Taro from './stubs/taro';
import { $, FUNCTION_URL, deferred, actionCalls, resetPages, show } from './helpers';
import { ConsoleEntry } from '../../src/components/ConsoleEntry';
import { isAdmin } from '../../src/hooks/useIsAdmin';
import { busyWeek } from '../console/statsFixtures';

function serveStats(answer: () => unknown) {
  Taro.request.mockImplementation(async (req) => (req.url === FUNCTION_URL ? { statusCode: 200, data: await answer() } : { statusCode: 404, data: null }));
}

beforeEach(() => {
  resetPages();
});

test('shows 运营数据 to an admin and opens the console subpackage when tapped', async () => {
  serveStats(() => busyWeek());
  const { container } = await show(<ConsoleEntry />);
  expect($(container, '#console-entry')?.textContent).toBe('运营数据');
  fireEvent.click($(container, '#console-entry')!);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/console/pages/index' });
});

test('does not show 运营数据 when the function answers FORBIDDEN', async () => {
  serveStats(() => ({ ok: false, code: 'FORBIDDEN', message: '您没有查看此页面的权限。', traceId: 't' }));
  const { container } = await show(<ConsoleEntry />);
  expect($(container, '#console-entry')).toBeNull();
});

test('does not show 运营数据 when the function cannot be reached', async () => {
  serveStats(() => {
    throw new Error('offline');
  });
  const { container } = await show(<ConsoleEntry />);
  expect($(container, '#console-entry')).toBeNull();
});

test('does not show 运营数据 while the answer is on its way', async () => {
  const pending = deferred<unknown>();
  serveStats(() => pending.promise);
  const { container } = await show(<ConsoleEntry />);
  expect($(container, '#console-entry')).toBeNull();
  await act(async () => pending.resolve(busyWeek()));
  expect($(container, '#console-entry')).not.toBeNull();
});

test('asks stats once per launch, however often the entry is shown', async () => {
  serveStats(() => busyWeek());
  const first = await show(<ConsoleEntry />);
  first.unmount();
  await show(<ConsoleEntry />);
  expect(await isAdmin()).toBe(true);
  expect(actionCalls('stats').map((c) => c.data)).toEqual([{ action: 'stats', days: 1 }]);
});
