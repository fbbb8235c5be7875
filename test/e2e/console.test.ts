// The operators' console in Chromium with real sandbox data: the local developer is an admin in
// sandbox mode, so a few checks later the console shows them (docs/contract.md "Actions": stats).
import { mobileEndingIn, person } from '../support/people';
import { agreeAndOpenForm, fillForm, sessionForSuite, submitWhenEnabled } from './browserSession';

const session = sessionForSuite({ MOBILECHECK_DAILY_BUDGET: '50', MOBILECHECK_QUOTA_TOTAL: '1000' });

async function checkMobileEndingIn(digit: number): Promise<void> {
  await fillForm(session().page, { ...person, mobile: mobileEndingIn(digit) });
  await submitWhenEnabled(session().page);
  await session().arrive('#result-trace-id');
  await session().page.click('#check-again');
  await session().arrive('#name input');
}

describe('the operators’ console in the browser', () => {
  test('shows the day’s checks, billing, quota and budget after a few sandbox checks', async () => {
    await agreeAndOpenForm(session());
    for (const digit of [0, 1, 3, 0]) await checkMobileEndingIn(digit); // 01, 02, 203, then 01 again (cached)
    await session().arrive('#console-entry');
    await session().page.click('#console-entry');
    await session().arrive('#summary');
    expect(session().events.filter((e) => e.action === 'stats').length).toBeGreaterThanOrEqual(2);
    const summary = await session().text('#summary');
    expect(summary).toMatch(/4/); // four check requests today
    expect(await session().text('#quota')).toContain('1000');
    expect(await session().text('#budget')).toContain('50');
    await session().page.waitForTimeout(500); // the charts draw after layout
    await session().shot('10-console', { fullPage: true });
  });
});
