// 我的核验记录 in Chromium against the local host: agreement → check → records → delete → empty.
// Needs the function's myRecords / deleteMyRecords actions (docs/contract.md "Actions").
import { readFileSync } from 'node:fs';
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
    expect(await session().text('#record-0-carrier')).toBe('移动');
    expect(await session().text('#record-0-phone')).toBe('本人填写');
    expect(await session().text('#record-0-edition')).toMatch(/第2版/);
    expect(await session().text('#consent-0-edition')).toMatch(/第2版（查看）/);
    expect(await session().text('#records-limits-text')).toContain('今天核验 1 次');
    expect(await session().text('#records-requests')).toContain('个工作日内答复');
    await session().shot('6-records', { fullPage: true });
  });

  test('exports everything as JSON with the same content the page shows, and copies it as text', async () => {
    const [download] = await Promise.all([session().page.waitForEvent('download'), session().page.click('#export-all')]);
    expect(download.suggestedFilename()).toBe('my-records.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { records: { traceId: string }[]; consents: unknown[]; limits: unknown };
    expect(exported.records[0].traceId).toBe((await session().text('#record-0')).match(/[0-9a-f]{32}/)?.[0]);
    expect(exported.consents).toHaveLength(1);
    expect(exported.limits).toMatchObject({ checksToday: 1, identities30Days: 1 });
    await session().page.click('#copy-all');
    await session().page.locator('#records-notice', { hasText: '已复制全部记录' }).waitFor();
    expect(await session().page.evaluate(() => navigator.clipboard.readText())).toContain('核验编号：');
    await session().shot('6b-records-copied');
  });

  test('opens the edition of the agreement the consent was given for', async () => {
    await session().page.click('#consent-0-edition');
    await session().arrive('#agreement-label');
    expect(await session().text('#agreement-label')).toMatch(/第2版/);
    expect(await session().text('#agreement-body')).toContain('十、本人授权');
    // An earlier edition opens the same way, from the text kept in full.
    await session().page.goto(`${session().product.url}#/packages/records/pages/edition?version=84c834e11219c35e`);
    await session().arrive('#agreement-label >> text=2026-11-29 第1版');
    expect(await session().text('#agreement-body')).toContain('撤回本身不删除已有记录');
    await session().shot('6c-edition');
    await session().page.goto(`${session().product.url}#/packages/records/pages/index`);
    await session().arrive('#record-0');
  });

  test('deletes everything after a confirmation saying limits are not reset, then says what remains and until when', async () => {
    await session().page.click('#delete-all');
    const confirmation = await confirmModal(session().page);
    expect(confirmation).toContain('核验记录和同意记录');
    expect(confirmation).toContain('次数计数不会因删除而重置');
    await session().arrive('#records-empty');
    expect(await session().page.locator('#record-0').count()).toBe(0);
    expect(await session().text('#records-remaining')).toMatch(/今天核验 1 次.*最迟于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）全部删除/);
    await session().shot('7-records-deleted');
    expect(session().events.filter((e) => e.action === 'deleteMyRecords')).toHaveLength(1);
  });

  test('still finds nothing but the counts when the page is opened again', async () => {
    await session().page.reload();
    await session().arrive('#records-empty');
  });
});
