// One person in Debian's Chromium against the local host (`npm start`'s product: the h5 build and the
// real handler, sandbox vendor), shared by the e2e suites.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startProduct, type RunningProduct } from '../../local-host/product';

const root = path.resolve(__dirname, '../..');
const FUNCTION_PATH = '/api/functions/mobileCheck';
// Taro's page transition after a navigation.
const TRANSITION_MS = 400;

export interface BrowserSession {
  product: RunningProduct;
  page: Page;
  /** The events sent to the function, in order (status, check, myRecords, …). */
  events: Record<string, unknown>[];
  /** Only the checks. */
  checks(): Record<string, unknown>[];
  /** A screenshot of the viewport, or of the whole page. */
  shot(name: string, options?: { fullPage?: boolean }): Promise<void>;
  text(selector: string): Promise<string>;
  isDisabled(selector: string): Promise<boolean>;
  /** Waits for an element, then for the page transition. */
  arrive(selector: string): Promise<void>;
  /** Reloads the app from its first page, as a new launch. */
  relaunch(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the product with `env` (MOBILECHECK_* settings; a fresh data directory) and a phone-sized
 * Chromium page. Screenshots go to SCREENSHOT_DIR when set (`npm run screenshots`), else a temp dir.
 */
export async function openBrowserSession(env: Record<string, string> = {}): Promise<BrowserSession> {
  if (!existsSync(path.join(root, 'dist-h5/index.html'))) throw new Error('dist-h5/ is missing: run `npm run build:h5` first');
  const shots = process.env.SCREENSHOT_DIR ? path.resolve(process.env.SCREENSHOT_DIR) : mkdtempSync(path.join(tmpdir(), 'screenshots-'));
  const product = await startProduct({
    env: { MOBILECHECK_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'e2e-')), ...env },
    port: 0,
    log: () => undefined,
  });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
        '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
  } catch (error) {
    await product.close();
    throw error;
  }
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  // 复制全部 writes the clipboard; the walk reads it back.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(product.url).origin });
  const page = await context.newPage();
  const events: Record<string, unknown>[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === FUNCTION_PATH) events.push(JSON.parse(request.postData() ?? '{}') as Record<string, unknown>);
  });
  const opened = browser;
  return {
    product,
    page,
    events,
    checks: () => events.filter((e) => (e.action ?? 'check') === 'check'),
    shot: async (name, options = {}) => {
      const file = path.join(shots, `${name}.png`);
      if (!options.fullPage) return void (await page.screenshot({ path: file }));
      // Taro's h5 page scrolls inside its own container, so a full-page shot grows the viewport instead.
      const viewport = page.viewportSize()!;
      const height = await page.evaluate(() => Math.max(0, ...Array.from(document.querySelectorAll('.taro_page'), (el) => el.scrollHeight)));
      await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
      await page.waitForTimeout(100);
      await page.screenshot({ path: file });
      await page.setViewportSize(viewport);
    },
    text: (selector) => page.locator(selector).first().innerText(),
    // Taro's h5 button keeps a `disabled="false"` attribute when enabled.
    isDisabled: (selector) => page.locator(selector).first().evaluate((el) => el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false'),
    arrive: async (selector) => {
      await page.locator(selector).first().waitFor();
      await page.waitForTimeout(TRANSITION_MS);
    },
    relaunch: async () => {
      await page.goto(product.url);
    },
    close: async () => {
      await opened.close();
      await product.close();
    },
  };
}

/** Types into Taro h5 inputs (`<taro-input-core id=…>` wraps the real `<input>`), leaving each field. */
/** A browser session for a whole suite: opened before its tests, closed after; the getter gives it. */
export function sessionForSuite(env: Record<string, string> = {}): () => BrowserSession {
  let session: BrowserSession | undefined;
  jest.setTimeout(60_000);
  beforeAll(async () => {
    session = await openBrowserSession(env);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('the browser session is not open');
    return session;
  };
}

export async function fillForm(page: Page, values: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(values)) {
    await page.fill(`#${field} input`, value);
    await page.locator(`#${field} input`).blur();
  }
}

/** Ticks the confirmation of this one check beside 开始核验 (unticked after every check). */
export async function confirmThisCheck(page: Page): Promise<void> {
  await page.click('#confirm-check');
}

/** Confirms this check, waits until the submit button is enabled, then taps it. */
export async function submitWhenEnabled(page: Page): Promise<void> {
  await confirmThisCheck(page);
  await page.waitForFunction(() => {
    const button = document.querySelector('#submit');
    return button !== null && (!button.hasAttribute('disabled') || button.getAttribute('disabled') === 'false');
  });
  await page.click('#submit');
}

/** Reads Taro h5's confirmation dialog (Taro.showModal), then taps its confirm button. */
export async function confirmModal(page: Page): Promise<string> {
  const text = page.locator('.taro-modal__text').filter({ visible: true });
  await text.waitFor();
  const content = await text.innerText();
  await page.locator('.taro-model__confirm').filter({ visible: true }).click();
  return content;
}

/** From the first page through the agreement to the form. */
export async function agreeAndOpenForm(s: BrowserSession): Promise<void> {
  await s.relaunch();
  await s.arrive('#agree-idCard');
  await s.page.click('#agree-idCard');
  await s.page.click('#agree-provision');
  await s.page.click('#agree-button');
  await s.arrive('#name input');
}
