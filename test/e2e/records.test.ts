// 我的核验记录 in Chromium against the local host: agreement → check → records → delete → empty.
// Needs the function's myRecords / deleteMyRecords actions (docs/contract.md "Actions").
import { person } from '../support/people';
import { agreeAndOpenForm, confirmModal, fillForm, openBrowserSession, submitWhenEnabled, type BrowserSession } from './browserSession';

let s: BrowserSession;

jest.setTimeout(60_000);

beforeAll(async () => {
  s = await openBrowserSession();
});
afterAll(async () => {
  await s?.close();
});

describe('a person’s own records in the browser', () => {
  test('checks once, then finds that check and the consent in 我的核验记录', async () => {
    await agreeAndOpenForm(s);
    await fillForm(s.page, person);
    await submitWhenEnabled(s.page);
    await s.arrive('#result-trace-id');
    const traceId = (await s.text('#result-trace-id')).trim();
    await s.page.click('#records-link');
    await s.arrive('#record-0');
    const record = await s.text('#record-0');
    expect(record).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await s.text('#record-0-outcome')).toContain('核验通过');
    expect(record).toContain('张*');
    expect(record).toContain('11**************2X');
    expect(record).toContain('138****8000');
    expect(record).toContain(traceId);
    expect(record).not.toContain(person.idCard);
    expect(await s.text('#consent-0')).toContain('授权书版本');
    await s.shot('6-records', { fullPage: true });
  });

  test('deletes everything after a confirmation saying limits are not reset, and the list is empty', async () => {
    await s.page.click('#delete-all');
    const confirmation = await confirmModal(s.page);
    expect(confirmation).toContain('核验记录和授权记录');
    expect(confirmation).toContain('限制不会因删除而重置');
    await s.arrive('#records-empty');
    expect(await s.page.locator('#record-0').count()).toBe(0);
    await s.shot('7-records-deleted');
    expect(s.events.filter((e) => e.action === 'deleteMyRecords')).toHaveLength(1);
  });

  test('still finds nothing when the page is opened again', async () => {
    await s.page.reload();
    await s.arrive('#records-empty');
  });
});
