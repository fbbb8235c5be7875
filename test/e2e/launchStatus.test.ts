// The verified state on launch in Chromium: after a sandbox 01, the next launch shows 已完成实名核验.
// Needs the function's status action (docs/contract.md "Actions").
import { person } from '../support/people';
import { agreeAndOpenForm, fillForm, openBrowserSession, submitWhenEnabled, type BrowserSession } from './browserSession';

let s: BrowserSession;

jest.setTimeout(60_000);

beforeAll(async () => {
  s = await openBrowserSession();
});
afterAll(async () => {
  await s?.close();
});

describe('launching the app in the browser', () => {
  test('opens the agreement for a person never verified', async () => {
    await s.relaunch();
    await s.arrive('#agreement-body');
    expect(s.events[0]).toEqual({ action: 'status' });
  });

  test('shows 已完成实名核验 with the masked fields and today’s date on the launch after a 01', async () => {
    await agreeAndOpenForm(s);
    await fillForm(s.page, person);
    await submitWhenEnabled(s.page);
    await s.page.locator('#result-title', { hasText: '核验通过' }).waitFor();
    await s.relaunch();
    await s.arrive('#verified-title');
    expect(await s.text('#verified-title')).toBe('已完成实名核验');
    expect(await s.text('#verified-name')).toBe('张*');
    expect(await s.text('#verified-idCard')).toBe('11**************2X');
    expect(await s.text('#verified-mobile')).toBe('138****8000');
    const today = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' })
      .formatToParts(new Date())
      .reduce((out, p) => out + (p.type === 'year' ? `${p.value}年` : p.type === 'month' ? `${p.value}月` : p.type === 'day' ? `${p.value}日` : ''), '');
    expect(await s.text('#verified-date')).toContain(today);
    await s.shot('8-verified-on-launch');
  });

  test('leads 核验其他号码 to the form', async () => {
    await s.page.click('#check-other');
    await s.arrive('#name input');
    expect(await s.page.inputValue('#name input')).toBe('');
  });
});
