// The whole product in Debian's Chromium: the h5 build served by the local host, sandbox vendor.
import { mobileEndingIn, person } from '../support/people';
import { fillForm, sessionForSuite, submitWhenEnabled } from './browserSession';

const session = sessionForSuite();

/** From the result page back to an empty form. */
async function checkAgain() {
  await session().page.click('#check-again');
  await session().arrive('#name input');
  for (const field of ['name', 'idCard', 'mobile']) expect(await session().page.inputValue(`#${field} input`)).toBe('');
}

async function checkAndWaitForResult(mobile: string, expectedTitle: string) {
  await fillForm(session().page, { ...person, mobile });
  await submitWhenEnabled(session().page);
  await session().page.locator('#result-title', { hasText: expectedTitle }).waitFor();
  await session().page.waitForTimeout(400); // page transition
}

describe('a person in the browser', () => {
  test('sees the agreement with the sandbox banner and a disabled button until they tick the box', async () => {
    await session().page.goto(session().product.url);
    await session().page.locator('#agreement-body').waitFor();
    expect(await session().text('#sandbox-banner')).toContain('沙箱模式');
    expect(await session().text('#agreement-body')).toContain('个人信息');
    expect(await session().isDisabled('#agree-button')).toBe(true);
    await session().shot('1-agreement');
    await session().page.click('#agree-checkbox');
    expect(await session().isDisabled('#agree-button')).toBe(false);
    await session().shot('1b-agreement-ticked');
  });

  test('gets a message per field for invalid input, and no request is sent', async () => {
    await session().page.click('#agree-button');
    await session().arrive('#name input');
    await fillForm(session().page, { name: 'Zhang San', idCard: '110105194912310021', mobile: '1380013800' });
    expect(await session().text('#name-error')).toMatch(/汉字/);
    expect(await session().text('#idCard-error')).toMatch(/校验位/);
    expect(await session().text('#mobile-error')).toMatch(/11位/);
    await session().page.click('#submit');
    // The focus goes to the first field that cannot pass, where a screen reader reads its complaint.
    expect(await session().page.evaluate(() => document.activeElement?.closest('#name') !== null)).toBe(true);
    expect(await session().page.getAttribute('#name input', 'aria-describedby')).toBe('name-error');
    expect(await session().page.getAttribute('#name input', 'aria-invalid')).toBe('true');
    await session().shot('2-form-invalid');
    expect(session().checks()).toHaveLength(0);
  });

  test('sees a pass with masked fields and carrier for a matching triple (01)', async () => {
    await checkAndWaitForResult(person.mobile, '核验通过');
    expect(await session().text('#result-masked-name')).toContain('张*');
    expect(await session().text('#result-masked-idCard')).toContain('11**************2X');
    expect(await session().text('#result-masked-mobile')).toContain('138****8000');
    expect(await session().text('#result-carrier')).toContain('移动');
    expect(await session().text('#result-trace-id')).toMatch(/[0-9a-f]{32}/);
    await session().shot('3-result-pass');
    expect(session().checks()).toHaveLength(1);
    expect(session().checks()[0]).toMatchObject({ ...person, consent: { accepted: true, acceptedAt: expect.any(Number) } });
  });

  test('checks again and sees a fail for a mismatch (02)', async () => {
    await checkAgain();
    await checkAndWaitForResult(mobileEndingIn(1), '核验未通过');
    expect(await session().text('#result-message')).toContain('不一致');
    await session().shot('4-result-fail');
  });

  test('tries another number after the 02 with name and ID kept', async () => {
    await session().page.click('#other-mobile');
    await session().arrive('#mobile input');
    expect(await session().page.inputValue('#name input')).toBe(person.name);
    expect(await session().page.inputValue('#idCard input')).toBe(person.idCard);
    expect(await session().page.inputValue('#mobile input')).toBe('');
    await session().page.fill('#mobile input', mobileEndingIn(3));
    await submitWhenEnabled(session().page);
    await session().page.locator('#result-title', { hasText: '暂时无法核验' }).waitFor();
    await session().page.waitForTimeout(400);
  });

  test('sees cannot-verify with what to do next (203)', async () => {
    expect(await session().text('#result-message')).toContain('24小时后再试');
    await session().shot('5-result-unverifiable');
    expect(session().checks()).toHaveLength(3);
  });

  test('sends nothing personal in the page URL', () => {
    expect(session().page.url()).not.toMatch(new RegExp([person.name, person.idCard, person.mobile].map(encodeURIComponent).join('|')));
  });
});
