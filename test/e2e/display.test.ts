// How the pages look to people who zoom text to 200 % or keep their phone in dark mode: every page
// and state, in Chromium over the h5 build. At 200 % (the viewport half as wide, each CSS pixel four
// device pixels) no text may be cut off, clipped by its box, or lie on other text, and nothing may
// need sideways scrolling; the same at WeChat's largest font size. Screenshots: large-text-*.png,
// large-text-wechat-*.png and dark-*.png (SCREENSHOT_DIR, as in `npm run screenshots`).
import type { Page } from 'playwright-core';
import { mobileEndingIn, person } from '../support/people';
import { fillForm, submitWhenEnabled, sessionForSuite, type BrowserSession } from './browserSession';

/** Text cut off or covered on what is on screen now, one line per problem (empty: none). */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && el.closest('.taro_page')?.getAttribute('style')?.includes('display: none') !== true;
    };
    const current = Array.from(document.querySelectorAll('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none').pop();
    if (!current) return ['no page is shown'];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}: “${(el.textContent ?? '').trim().slice(0, 20)}”`;
    const problems: string[] = [];
    if (current.scrollWidth > current.clientWidth + 1) problems.push(`the page scrolls sideways: ${current.scrollWidth} > ${current.clientWidth}`);
    // Leaf text: elements with their own text nodes.
    const texts = Array.from(current.querySelectorAll('*')).filter(
      (el) => visible(el) && Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''),
    );
    for (const el of texts) {
      const style = getComputedStyle(el);
      const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) problems.push(`clipped: ${name(el)}`);
      if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) problems.push(`cut off: ${name(el)}`);
      const r = el.getBoundingClientRect();
      if (r.right > current.getBoundingClientRect().right + 1) problems.push(`beyond the right edge: ${name(el)}`);
    }
    // Text on text: the boxes of two text elements, neither inside the other, may not overlap.
    const boxes = texts.map((el) => ({ el, r: el.getBoundingClientRect() }));
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 2 && h > 2) problems.push(`overlap: ${name(a.el)} and ${name(b.el)}`);
      }
    }
    return problems;
  });
}

/** Goes through every page and state, calling `look` on each. */
async function everyPage(s: BrowserSession, look: (label: string) => Promise<void>): Promise<void> {
  await s.relaunch();
  await s.arrive('#agree-checkbox');
  await look('1-agreement');
  await s.page.click('#agree-checkbox');
  await s.page.click('#agree-button');
  await s.arrive('#name input');
  await fillForm(s.page, { name: 'Zhang San', idCard: '110105194912310021', mobile: '1380013800' });
  await s.page.locator('#mobile-error').waitFor();
  await look('2-form-errors');
  for (const [label, digit] of [['3-result-pass', 0], ['4-result-fail', 1], ['5-result-unverifiable', 3]] as const) {
    await fillForm(s.page, { ...person, mobile: mobileEndingIn(digit) });
    await submitWhenEnabled(s.page);
    await s.arrive('#result-trace-id');
    await look(label);
    await s.page.click('#check-again');
    await s.arrive('#name input');
  }
  await s.page.click('#records-link');
  await s.arrive('#record-0');
  await look('6-records');
  await s.page.goBack();
  await s.arrive('#console-entry');
  await s.page.click('#console-entry');
  await s.arrive('#summary');
  await s.page.waitForTimeout(500); // the charts draw after layout
  await look('7-console');
}

// The states whose screenshots are kept (docs/screenshots via `npm run screenshots`); every state is checked.
const SHOWN = new Set(['2-form-errors', '3-result-pass', '7-console']);
const shoot = async (s: BrowserSession, name: string, label: string) => {
  if (SHOWN.has(label)) await s.shot(`${name}-${label}`, { fullPage: true });
};

const STATS_ENV = { MOBILECHECK_DAILY_BUDGET: '50', MOBILECHECK_QUOTA_TOTAL: '1000' };

/** Every page and state free of layout problems (each listed by state), with screenshots named `shots-…`. */
async function expectNoLayoutProblems(s: BrowserSession, shots: string): Promise<void> {
  const problems: Record<string, string[]> = {};
  await everyPage(s, async (label) => {
    problems[label] = await layoutProblems(s.page);
    await shoot(s, shots, label);
  });
  expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((label) => [label, []])));
}

describe('text zoomed to 200 %', () => {
  const session = sessionForSuite(STATS_ENV);

  test('cuts off, clips or overlaps no text on any page, and nothing scrolls sideways', async () => {
    // Browser zoom 200 % on a 390-pixel-wide phone: 195 CSS pixels, each four device pixels.
    await session().page.setViewportSize({ width: 195, height: 422 });
    await expectNoLayoutProblems(session(), 'large-text');
  });
});

describe('WeChat’s largest font size (关怀模式): --text-scale 2, as useTextScale sets it on weapp', () => {
  const session = sessionForSuite(STATS_ENV);

  test('finds clipped and overlapping text when there is some, so the checks here can fail', async () => {
    await session().relaunch();
    await session().arrive('#agree-checkbox');
    await session().page.click('#agree-checkbox');
    await session().page.click('#agree-button');
    await session().arrive('#name input');
    await session().page.addStyleTag({
      content: '.page-title { white-space: nowrap; overflow: hidden; width: 40px; } .page-desc { margin-top: -60px !important; }',
    });
    const problems = await layoutProblems(session().page);
    expect(problems.some((p) => p.startsWith('clipped:') && p.includes('page-title'))).toBe(true);
    expect(problems.some((p) => p.startsWith('overlap:'))).toBe(true);
  });

  test('cuts off, clips or overlaps no text on any page of a 390-pixel-wide phone, and nothing scrolls sideways', async () => {
    await session().page.evaluate(() => localStorage.clear()); // from the agreement again
    // The same app.scss the weapp build uses, with the page style WeChat's largest setting gives.
    await session().page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = 'body { --text-scale: 2 !important; }';
        document.head.append(style);
      });
    });
    await expectNoLayoutProblems(session(), 'large-text-wechat');
  });
});

describe('dark mode', () => {
  const session = sessionForSuite(STATS_ENV);

  test('gives every page a dark background, with its own dark colours rather than the light ones', async () => {
    await session().page.emulateMedia({ colorScheme: 'dark' });
    const backgrounds: Record<string, string> = {};
    await everyPage(session(), async (label) => {
      backgrounds[label] = await session().page.evaluate(() => {
        const current = Array.from(document.querySelectorAll('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none').pop()!;
        return getComputedStyle(current.querySelector('.page') ?? current).backgroundColor;
      });
      await shoot(session(), 'dark', label);
    });
    expect(Object.values(backgrounds)).toEqual(Object.keys(backgrounds).map(() => 'rgb(17, 17, 17)'));
  });
});
