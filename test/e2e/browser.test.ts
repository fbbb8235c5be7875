// The whole product in Debian's Chromium: the h5 build served by the local host, sandbox vendor.
import { mobileEndingIn, person } from '../support/people';
import { fillForm, openBrowserSession, submitWhenEnabled, type BrowserSession } from './browserSession';

let s: BrowserSession;

jest.setTimeout(60_000);

beforeAll(async () => {
  s = await openBrowserSession();
});
afterAll(async () => {
  await s?.close();
});

/** From the result page back to an empty form. */
async function checkAgain() {
  await s.page.click('#check-again');
  await s.arrive('#name input');
  for (const field of ['name', 'idCard', 'mobile']) expect(await s.page.inputValue(`#${field} input`)).toBe('');
}

async function checkAndWaitForResult(mobile: string, expectedTitle: string) {
  await fillForm(s.page, { ...person, mobile });
  await submitWhenEnabled(s.page);
  await s.page.locator('#result-title', { hasText: expectedTitle }).waitFor();
  await s.page.waitForTimeout(400); // page transition
}

describe('a person in the browser', () => {
  test('sees the agreement with the sandbox banner and a disabled button until they tick the box', async () => {
    await s.page.goto(s.product.url);
    await s.page.locator('#agreement-body').waitFor();
    expect(await s.text('#sandbox-banner')).toContain('沙箱模式');
    expect(await s.text('#agreement-body')).toContain('个人信息');
    expect(await s.isDisabled('#agree-button')).toBe(true);
    await s.shot('1-agreement');
    await s.page.click('#agree-checkbox');
    expect(await s.isDisabled('#agree-button')).toBe(false);
    await s.shot('1b-agreement-ticked');
  });

  test('gets a message per field for invalid input, and no request is sent', async () => {
    await s.page.click('#agree-button');
    await s.arrive('#name input');
    await fillForm(s.page, { name: 'Zhang San', idCard: '110105194912310021', mobile: '1380013800' });
    expect(await s.text('#name-error')).toMatch(/汉字/);
    expect(await s.text('#idCard-error')).toMatch(/校验位/);
    expect(await s.text('#mobile-error')).toMatch(/11位/);
    expect(await s.isDisabled('#submit')).toBe(true);
    await s.page.locator('#submit').click({ force: true });
    await s.shot('2-form-invalid');
    expect(s.checks()).toHaveLength(0);
  });

  test('sees a pass with masked fields and carrier for a matching triple (01)', async () => {
    await checkAndWaitForResult(person.mobile, '核验通过');
    expect(await s.text('#result-masked-name')).toContain('张*');
    expect(await s.text('#result-masked-idCard')).toContain('11**************2X');
    expect(await s.text('#result-masked-mobile')).toContain('138****8000');
    expect(await s.text('#result-carrier')).toContain('移动');
    expect(await s.text('#result-trace-id')).toMatch(/[0-9a-f]{32}/);
    await s.shot('3-result-pass');
    expect(s.checks()).toHaveLength(1);
    expect(s.checks()[0]).toMatchObject({ ...person, consent: { accepted: true, acceptedAt: expect.any(Number) } });
  });

  test('checks again and sees a fail for a mismatch (02)', async () => {
    await checkAgain();
    await checkAndWaitForResult(mobileEndingIn(1), '核验未通过');
    expect(await s.text('#result-message')).toContain('不一致');
    await s.shot('4-result-fail');
  });

  test('tries another number after the 02 with name and ID kept', async () => {
    await s.page.click('#other-mobile');
    await s.arrive('#mobile input');
    expect(await s.page.inputValue('#name input')).toBe(person.name);
    expect(await s.page.inputValue('#idCard input')).toBe(person.idCard);
    expect(await s.page.inputValue('#mobile input')).toBe('');
    await s.page.fill('#mobile input', mobileEndingIn(3));
    await submitWhenEnabled(s.page);
    await s.page.locator('#result-title', { hasText: '暂时无法核验' }).waitFor();
    await s.page.waitForTimeout(400);
  });

  test('sees cannot-verify with what to do next (203)', async () => {
    expect(await s.text('#result-message')).toContain('24小时后再试');
    await s.shot('5-result-unverifiable');
    expect(s.checks()).toHaveLength(3);
  });

  test('sends nothing personal in the page URL', () => {
    expect(s.page.url()).not.toMatch(new RegExp([person.name, person.idCard, person.mobile].map(encodeURIComponent).join('|')));
  });
});
