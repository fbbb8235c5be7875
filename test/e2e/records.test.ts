// 我的核验记录 in Chromium against the local host: agreement → check → records → delete → empty.
// Needs the function's myRecords / deleteMyRecords actions (docs/contract.md "Actions").
import { person } from '../support/people';
import { agreeAndOpenForm, confirmModal, fillForm, sessionForSuite, submitWhenEnabled } from './browserSession';

const session = sessionForSuite();

describe('a person’s own records in the browser', () => {
  test('checks once, then finds that check and the consent in 我的核验记录', async () => {
    await agreeAndOpenForm(session());
    await fillForm(session().page, person);
    await submitWhenEnabled(session().page);
    await session().arrive('#result-trace-id');
    const traceId = (await session().text('#result-trace-id')).trim();
    await session().page.click('#records-link');
    await session().arrive('#record-0');
    const record = await session().text('#record-0');
    expect(record).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await session().text('#record-0-outcome')).toContain('核验通过');
    expect(record).toContain('张*');
    expect(record).toContain('11**************2X');
    expect(record).toContain('138****8000');
    expect(record).toContain(traceId);
    expect(record).not.toContain(person.idCard);
    expect(await session().text('#consent-0')).toContain('授权书版本');
    await session().shot('6-records', { fullPage: true });
  });

  test('deletes everything after a confirmation saying limits are not reset, and the list is empty', async () => {
    await session().page.click('#delete-all');
    const confirmation = await confirmModal(session().page);
    expect(confirmation).toContain('核验记录和授权记录');
    expect(confirmation).toContain('限制不会因删除而重置');
    await session().arrive('#records-empty');
    expect(await session().page.locator('#record-0').count()).toBe(0);
    await session().shot('7-records-deleted');
    expect(session().events.filter((e) => e.action === 'deleteMyRecords')).toHaveLength(1);
  });

  test('still finds nothing when the page is opened again', async () => {
    await session().page.reload();
    await session().arrive('#records-empty');
  });
});
