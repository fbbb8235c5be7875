// What a person waits for on h5: the JavaScript the first page loads, measured in Debian's Chromium
// against `npm start`'s host (sandbox mode). Chunks loaded later (other pages) do not count.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startProduct } from '../../local-host/product';

export const H5_FIRST_PAGE_GOAL_BYTES = 400 * 1024;

export interface FirstPageRow {
  /** Bytes of every JavaScript response until the first page is rendered and the network is idle. */
  jsBytes: number;
  scripts: { path: string; bytes: number }[];
}

export async function measureH5FirstPage(): Promise<FirstPageRow> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-h5-'));
  const product = await startProduct({ env: { MOBILECHECK_DATA_DIR: dataDir }, port: 0, log: () => undefined });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const pending: Promise<{ path: string; bytes: number }>[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (response.request().resourceType() === 'script' || url.pathname.endsWith('.js')) {
        pending.push(response.body().then((body) => ({ path: url.pathname, bytes: body.length })));
      }
    });
    await page.goto(product.url, { waitUntil: 'networkidle' });
    await page.locator('#agreement-body').waitFor();
    const scripts = await Promise.all(pending);
    return { jsBytes: scripts.reduce((sum, script) => sum + script.bytes, 0), scripts };
  } finally {
    await browser.close();
    await product.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
