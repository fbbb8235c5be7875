import { hasActivity, meters, periodTotals, providerRows, refusalRows } from '../../src/packages/console/figures';
import { busyWeek, emptyAnswer, statsAnswer } from './statsFixtures';

test('the period totals add up every day of the answer', () => {
  expect(periodTotals(busyWeek())).toEqual({
    requests: 20 + 21 + 22 + 23 + 24 + 25,
    refused: 6 + 5,
    vendorCalls: 72,
    billed: 71,
    maybeBilled: 1,
    cached: 4 + 5 + 6 + 7 + 8 + 9,
  });
});

test('a period shows activity when there were requests or refusals', () => {
  expect(hasActivity(busyWeek())).toBe(true);
  expect(hasActivity(statsAnswer(1, () => ({ refused: { INVALID_NAME: 1 } })))).toBe(true);
});

test('a period does not show activity when nothing happened', () => {
  expect(hasActivity(emptyAnswer())).toBe(false);
});

test('the quota meter shows used, total and remaining, and warns from 80 %', () => {
  expect(meters(busyWeek()).quota).toEqual({ used: 850, limit: 1000, remaining: 150, percent: 85, level: 'warn' });
});

test('the budget meter computes what is left of today and marks a reached budget as full', () => {
  expect(meters(busyWeek()).budget).toEqual({ used: 12, limit: 50, remaining: 38, percent: 24, level: 'ok' });
  const spent = meters(statsAnswer(1, () => ({}), { budget: { daily: 10, usedToday: 12 } })).budget;
  expect(spent).toMatchObject({ percent: 100, remaining: 0, level: 'full' });
});

test('a meter without a limit has no bar', () => {
  const { quota, budget } = meters(emptyAnswer());
  expect(quota).toEqual({ used: 0, limit: null, remaining: null, percent: null, level: 'ok' });
  expect(budget.percent).toBeNull();
});

test('refusals are summed over the period by code, most frequent first, with what each code means', () => {
  expect(refusalRows(busyWeek())).toEqual([
    { code: 'INVALID_ID_CARD', label: '身份证件号码无效', count: 8 },
    { code: 'RATE_LIMITED', label: '超过次数限制', count: 2 },
    { code: 'CONSENT_REQUIRED', label: '未同意授权书', count: 1 },
  ]);
});

test('a refusal code the console does not know is listed as 其他', () => {
  expect(refusalRows(statsAnswer(1, () => ({ refused: { SOMETHING_NEW: 2 } })))).toEqual([{ code: 'SOMETHING_NEW', label: '其他', count: 2 }]);
});

describe('providerRows', () => {
  test('adds up calls and billed calls per provider, and spend in yuan where a price is set', () => {
    expect(providerRows(busyWeek())).toEqual([
      { id: 'tencent-faceid', label: '腾讯云人脸核身', vendorCalls: 60, billed: 59, priceFen: 45, spendYuan: 26.55 },
      { id: 'aliyun-market', label: '阿里云云市场', vendorCalls: 12, billed: 12, priceFen: null, spendYuan: null },
    ]);
  });

  test('lists a provider in use with no calls yet, and one that only appears in the days', () => {
    const answer = statsAnswer(2, (back) => (back === 1 ? { byProvider: { 'old-provider': { vendorCalls: 3, billed: 1 } } } : {}), { pricesFen: { 'tencent-faceid': 0 } });
    expect(providerRows(answer)).toEqual([
      { id: 'tencent-faceid', label: '腾讯云人脸核身', vendorCalls: 0, billed: 0, priceFen: 0, spendYuan: 0 },
      { id: 'old-provider', label: 'old-provider', vendorCalls: 3, billed: 1, priceFen: null, spendYuan: null },
    ]);
  });
});
