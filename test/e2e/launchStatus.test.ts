// The verified state on launch in Chromium: after a sandbox 01, the next launch shows 已完成实名核验.
// Needs the function's status action (docs/contract.md "Actions").
import { person } from '../support/people';
import { agreeAndOpenForm, confirmModal, fillForm, sessionForSuite, submitWhenEnabled } from './browserSession';

const session = sessionForSuite();

describe('launching the app in the browser', () => {
  test('opens the agreement for a person never verified', async () => {
    await session().relaunch();
    await session().arrive('#agreement-body');
    expect(session().events[0]).toEqual({ action: 'status' });
  });

  test('shows 已完成实名核验 with the masked fields and today’s date on the launch after a 01', async () => {
    await agreeAndOpenForm(session());
    await fillForm(session().page, person);
    await submitWhenEnabled(session().page);
    await session().page.locator('#result-title', { hasText: '核验通过' }).waitFor();
    await session().relaunch();
    await session().arrive('#verified-title');
    expect(await session().text('#verified-title')).toBe('已完成实名核验');
    expect(await session().text('#verified-name')).toBe('张*');
    expect(await session().text('#verified-idCard')).toBe('11**************2X');
    expect(await session().text('#verified-mobile')).toBe('138****8000');
    const today = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' })
      .formatToParts(new Date())
      .reduce((out, p) => out + (p.type === 'year' ? `${p.value}年` : p.type === 'month' ? `${p.value}月` : p.type === 'day' ? `${p.value}日` : ''), '');
    expect(await session().text('#verified-date')).toContain(today);
    await session().shot('8-verified-on-launch');
  });

  test('leads 核验其他号码 to the form', async () => {
    await session().page.click('#check-other');
    await session().arrive('#name input');
    expect(await session().page.inputValue('#name input')).toBe('');
  });
});

describe('withdrawing in the browser', () => {
  test('takes the verified state away: after 撤回同意 the next launch opens the agreement, not 已完成实名核验', async () => {
    await session().relaunch();
    await session().arrive('#verified-title');
    await session().page.click('#records-link');
    await session().arrive('#record-0');
    await session().page.click('#withdraw-consent');
    const confirmation = await confirmModal(session().page);
    expect(confirmation).toContain('立即删除您的核验记录');
    await session().arrive('#agreement-body');
    expect(session().events.filter((e) => e.action === 'withdrawConsent')).toHaveLength(1);
    await session().relaunch();
    await session().arrive('#agree-idCard');
    expect(await session().page.locator('#verified-title').count()).toBe(0);
    // What is kept now: no verification, the consent marked withdrawn, the counts.
    await session().page.goto(`${session().product.url}#/packages/records/pages/index`);
    await session().arrive('#consent-0-withdrawn');
    expect(await session().text('#records-verifications')).toContain('核验记录（0）');
    await session().shot('8b-after-withdrawal', { fullPage: true });
  });
});
