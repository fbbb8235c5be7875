// MOBILECHECK_PHONE_SOURCE=wechat in Chromium: the sandbox stands in for WeChat's phone number
// button and the check completes with `phoneCode: "sandbox:<11 digits>"`. Needs the function's
// status.phoneSource and the sandbox phone-code exchange (docs/contract.md).
import { person } from '../support/people';
import { agreeAndOpenForm, openBrowserSession, submitWhenEnabled, type BrowserSession } from './browserSession';

let s: BrowserSession;

jest.setTimeout(60_000);

beforeAll(async () => {
  s = await openBrowserSession({ MOBILECHECK_PHONE_SOURCE: 'wechat' });
});
afterAll(async () => {
  await s?.close();
});

describe('a mobile from WeChat, sandbox', () => {
  test('offers 使用微信手机号（沙箱） instead of a mobile field', async () => {
    await agreeAndOpenForm(s);
    await s.arrive('#phone-sandbox-button');
    expect(await s.page.locator('#mobile').count()).toBe(0);
    expect(await s.text('#phone-sandbox-button')).toBe('使用微信手机号（沙箱）');
  });

  test('completes a check with the sandbox phone code and shows the masked mobile', async () => {
    await s.page.fill('#name input', person.name);
    await s.page.fill('#idCard input', person.idCard);
    await s.page.click('#phone-sandbox-button');
    await s.page.fill('#sandbox-phone input', person.mobile);
    await s.page.locator('#phone-ready').waitFor();
    await s.shot('9-wechat-phone-sandbox');
    await submitWhenEnabled(s.page);
    await s.page.locator('#result-title', { hasText: '核验通过' }).waitFor();
    expect(await s.text('#result-masked-mobile')).toContain('138****8000');
    const [check] = s.checks();
    expect(check).toMatchObject({ name: person.name, idCard: person.idCard, phoneCode: `sandbox:${person.mobile}` });
    expect(check).not.toHaveProperty('mobile');
  });
});
