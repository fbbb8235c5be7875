// axe-core (WCAG 2.1 A and AA rules) on every page and state of the h5 build, in the light and the dark
// theme (prefers-color-scheme): any serious or critical violation fails, and disabled zoom. AXE_REPORT=<file>
// writes the counts per page (AXE_ALL=1: of every impact), so a change can be measured before → after.
import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { mobileEndingIn, person } from '../support/people';
import { fillForm, sessionForSuite, submitWhenEnabled, type BrowserSession } from './browserSession';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);
// axe rates disabled zoom "moderate", but it fails WCAG 1.4.4 for anyone who needs to enlarge the page.
const ALWAYS_BLOCKING = new Set(['meta-viewport']);
const counts: Record<string, Record<string, number>> = {};

/** The serious and critical violations on what is on screen now, as `rule: nodes` lines. */
async function audit(s: BrowserSession, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page: s.page }).withTags(WCAG_TAGS).analyze();
  const blocking = results.violations.filter((v) => process.env.AXE_ALL || BLOCKING.has(v.impact ?? '') || ALWAYS_BLOCKING.has(v.id));
  counts[label] = Object.fromEntries(blocking.map((v) => [v.id, v.nodes.length]));
  return blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openResult(s: BrowserSession, digit: number): Promise<void> {
  await fillForm(s.page, { ...person, mobile: mobileEndingIn(digit) });
  await submitWhenEnabled(s.page);
  await s.arrive('#result-trace-id');
}

async function backToForm(s: BrowserSession): Promise<void> {
  await s.page.click('#check-again');
  await s.arrive('#name input');
}

afterAll(() => {
  if (process.env.AXE_REPORT) writeFileSync(process.env.AXE_REPORT, `${JSON.stringify(counts, null, 2)}\n`);
});

describe.each(['light', 'dark'] as const)('every page in the %s theme', (theme) => {
  // A fresh product and browser per theme: the first page depends on what was checked before.
  const session = sessionForSuite({ MOBILECHECK_DAILY_BUDGET: '50', MOBILECHECK_QUOTA_TOTAL: '1000' });
  beforeAll(async () => {
    await session().page.emulateMedia({ colorScheme: theme });
  });

  test('the agreement has no serious or critical axe violation', async () => {
    await session().relaunch();
    await session().arrive('#agree-checkbox');
    expect(await audit(session(), `${theme} agreement`)).toEqual([]);
  });

  test('the form showing a complaint under each field has none', async () => {
    await session().page.click('#agree-checkbox');
    await session().page.click('#agree-button');
    await session().arrive('#name input');
    await fillForm(session().page, { name: 'Zhang San', idCard: '110105194912310021', mobile: '1380013800' });
    await session().page.locator('#mobile-error').waitFor();
    expect(await audit(session(), `${theme} form with errors`)).toEqual([]);
  });

  test.each([
    ['pass (01)', 0],
    ['fail (02)', 1],
    ['cannot verify (203)', 3],
    ['a wrong field (204)', 4],
  ])('the result page for %s has none', async (kind, digit) => {
    if (await session().page.locator('#check-again').isVisible()) await backToForm(session());
    await fillForm(session().page, { name: '', idCard: '', mobile: '' });
    await openResult(session(), digit);
    expect(await audit(session(), `${theme} result ${kind}`)).toEqual([]);
  });

  test('我的核验记录 has none', async () => {
    await session().page.click('#records-link');
    await session().arrive('#record-0');
    expect(await audit(session(), `${theme} records`)).toEqual([]);
  });

  test('the operators’ console with its charts has none', async () => {
    await session().page.goBack();
    await backToForm(session());
    await session().arrive('#console-entry');
    await session().page.click('#console-entry');
    await session().arrive('#summary');
    await session().page.waitForTimeout(500); // the charts draw after layout
    expect(await audit(session(), `${theme} console`)).toEqual([]);
  });

  test('the first page of a verified person has none', async () => {
    await session().relaunch();
    await session().arrive('#verified-title');
    expect(await audit(session(), `${theme} home, verified`)).toEqual([]);
  });
});
