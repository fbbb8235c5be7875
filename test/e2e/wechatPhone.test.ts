// MOBILECHECK_PHONE_SOURCE=wechat in Chromium: the sandbox stands in for WeChat's phone number
// button and the check completes with `phoneCode: "sandbox:<11 digits>"`. Needs the function's
// status.phoneSource and the sandbox phone-code exchange (docs/contract.md).
import { person } from '../support/people';
import { agreeAndOpenForm, sessionForSuite, submitWhenEnabled } from './browserSession';

const session = sessionForSuite({ MOBILECHECK_PHONE_SOURCE: 'wechat' });

describe('a mobile from WeChat, sandbox', () => {
  test('offers 使用微信手机号（沙箱） instead of a mobile field', async () => {
    await agreeAndOpenForm(session());
    await session().arrive('#phone-sandbox-button');
    expect(await session().page.locator('#mobile').count()).toBe(0);
    expect(await session().text('#phone-sandbox-button')).toBe('使用微信手机号（沙箱）');
  });

  test('completes a check with the sandbox phone code and shows the masked mobile', async () => {
    await session().page.fill('#name input', person.name);
    await session().page.fill('#idCard input', person.idCard);
    await session().page.click('#phone-sandbox-button');
    await session().page.fill('#sandbox-phone input', person.mobile);
    await session().page.locator('#phone-ready').waitFor();
    await session().shot('9-wechat-phone-sandbox');
    await submitWhenEnabled(session().page);
    await session().page.locator('#result-title', { hasText: '核验通过' }).waitFor();
    expect(await session().text('#result-masked-mobile')).toContain('138****8000');
    const [check] = session().checks();
    expect(check).toMatchObject({ name: person.name, idCard: person.idCard, phoneCode: `sandbox:${person.mobile}` });
    expect(check).not.toHaveProperty('mobile');
  });
});
