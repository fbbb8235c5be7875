// The whole product in Debian's Chromium: the h5 build served by the local host, sandbox vendor.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startProduct, type RunningProduct } from '../../local-host/product';
import { mobileEndingIn, person } from '../support/people';

const root = path.resolve(__dirname, '../..');
// `npm run screenshots` refreshes the committed ones in docs/screenshots; plain test runs write to a temp dir.
const shots = process.env.SCREENSHOT_DIR ? path.resolve(process.env.SCREENSHOT_DIR) : mkdtempSync(path.join(tmpdir(), 'screenshots-'));
const FUNCTION_PATH = '/api/functions/mobileCheck';

let product: RunningProduct;
let browser: Browser;
let page: Page;
const functionCalls: string[] = [];

jest.setTimeout(60_000);

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist-h5/index.html'))) throw new Error('dist-h5/ is missing: run `npm run build:h5` first');
  product = await startProduct({ env: { MOBILECHECK_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'e2e-')) }, port: 0, log: () => undefined });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === FUNCTION_PATH) functionCalls.push(request.postData() ?? '');
  });
});
afterAll(async () => {
  await browser?.close();
  await product?.close();
});

const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`) });
const text = (selector: string) => page.locator(selector).first().innerText();
// Taro's h5 button keeps a `disabled="false"` attribute when enabled.
const isDisabled = (selector: string) =>
  page.locator(selector).first().evaluate((el) => el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false');

async function fillForm(values: { name: string; idCard: string; mobile: string }) {
  for (const [field, value] of Object.entries(values)) {
    await page.fill(`#${field} input`, value);
    await page.locator(`#${field} input`).blur();
  }
}

/** From the result page back to an empty form. */
async function checkAgain() {
  await page.click('#check-again');
  await page.locator('#name input').waitFor();
  await page.waitForTimeout(400); // page transition
  for (const field of ['name', 'idCard', 'mobile']) expect(await page.inputValue(`#${field} input`)).toBe('');
}

async function checkAndWaitForResult(mobile: string, expectedTitle: string) {
  await fillForm({ ...person, mobile });
  await page.waitForFunction(() => {
    const button = document.querySelector('#submit');
    return button !== null && (!button.hasAttribute('disabled') || button.getAttribute('disabled') === 'false');
  });
  await page.click('#submit');
  await page.locator('#result-title', { hasText: expectedTitle }).waitFor();
  await page.waitForTimeout(400); // page transition
}

describe('a person in the browser', () => {
  test('sees the agreement with the sandbox banner and a disabled button until they tick the box', async () => {
    await page.goto(product.url);
    await page.locator('#agreement-body').waitFor();
    expect(await text('#sandbox-banner')).toContain('沙箱模式');
    expect(await text('#agreement-body')).toContain('个人信息');
    expect(await isDisabled('#agree-button')).toBe(true);
    await shot('1-agreement');
    await page.click('#agree-checkbox');
    expect(await isDisabled('#agree-button')).toBe(false);
    await shot('1b-agreement-ticked');
  });

  test('gets a message per field for invalid input, and no request is sent', async () => {
    await page.click('#agree-button');
    await page.locator('#name input').waitFor();
    await page.waitForTimeout(400);
    await fillForm({ name: 'Zhang San', idCard: '110105194912310021', mobile: '1380013800' });
    expect(await text('#name-error')).toMatch(/汉字/);
    expect(await text('#idCard-error')).toMatch(/校验位/);
    expect(await text('#mobile-error')).toMatch(/11位/);
    expect(await isDisabled('#submit')).toBe(true);
    await page.locator('#submit').click({ force: true });
    await shot('2-form-invalid');
    expect(functionCalls).toHaveLength(0);
  });

  test('sees a pass with masked fields and carrier for a matching triple (01)', async () => {
    await checkAndWaitForResult(person.mobile, '核验通过');
    expect(await text('#result-masked-name')).toContain('张*');
    expect(await text('#result-masked-idCard')).toContain('11**************2X');
    expect(await text('#result-masked-mobile')).toContain('138****8000');
    expect(await text('#result-carrier')).toContain('移动');
    expect(await text('#result-trace-id')).toMatch(/[0-9a-f]{32}/);
    await shot('3-result-pass');
    expect(functionCalls).toHaveLength(1);
    expect(JSON.parse(functionCalls[0])).toMatchObject({ ...person, consent: { accepted: true } });
  });

  test('checks again and sees a fail for a mismatch (02)', async () => {
    await checkAgain();
    await checkAndWaitForResult(mobileEndingIn(1), '核验未通过');
    expect(await text('#result-message')).toContain('不一致');
    await shot('4-result-fail');
  });

  test('sees cannot-verify with what to do next (203)', async () => {
    await checkAgain();
    await checkAndWaitForResult(mobileEndingIn(3), '暂时无法核验');
    expect(await text('#result-message')).toContain('24小时后再试');
    await shot('5-result-unverifiable');
    expect(functionCalls).toHaveLength(3);
  });

  test('sends nothing personal in the page URL', () => {
    expect(page.url()).not.toMatch(new RegExp([person.name, person.idCard, person.mobile].map(encodeURIComponent).join('|')));
  });
});
