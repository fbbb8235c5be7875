// 我的核验记录 in the compiled mini-program: every stored field, copy and export, deleting after a
// confirmation and what remains, withdrawing (the verified state goes with it), the edition viewer.
import { requireFreshDist } from './dist';
import { attrOf, findById } from './miniProgram';
import { COMPLETED, el, mp, sent, start, STORED, tap, text, VERSION } from './session';

beforeAll(() => requireFreshDist());

jest.setTimeout(30_000);

afterEach(async () => {
  await mp?.settle();
});

const LIMITS = { keptUntil: Date.UTC(2026, 11, 28, 3, 0), checksToday: 1, identities30Days: 1 };
const RECORDS = {
  ok: true,
  records: [{
    at: Date.UTC(2026, 10, 28, 16, 5), code: '01', verified: true, masked: COMPLETED.masked, traceId: 'trace-r1',
    carrier: '移动', phone: 'typed', provider: 'aliyun-market', edition: '2026-12-04 第2版',
  }],
  consents: [
    { consentId: STORED.consentId, acceptedAt: Date.UTC(2026, 10, 28, 16, 0), edition: '2026-12-04 第2版', agreementVersion: VERSION },
    { consentId: 'e'.repeat(32), acceptedAt: Date.UTC(2026, 10, 20, 2, 0), edition: '2026-11-29 第1版', agreementVersion: '84c834e11219c35e', withdrawnAt: Date.UTC(2026, 10, 21, 2, 0) },
  ],
  limits: LIMITS,
  traceId: 't',
};
const EMPTY = { ok: true, records: [], consents: [], limits: LIMITS, traceId: 't' };
const VERIFIED = { ok: true, verified: true, verifiedAt: Date.UTC(2026, 10, 28, 16, 5), masked: COMPLETED.masked, traceId: 't' };

async function openRecords(options: { modalConfirm?: boolean } = {}) {
  let held: typeof RECORDS | typeof EMPTY = RECORDS;
  let verified = true;
  await start({
    consent: STORED,
    modalConfirm: options.modalConfirm,
    answers: {
      status: () => (verified ? VERIFIED : { ok: true, verified: false, traceId: 't' }),
      myRecords: () => held,
      deleteMyRecords: () => {
        held = EMPTY;
        return { ok: true, deleted: { consents: 2, verifications: 1 }, traceId: 't' };
      },
      withdrawConsent: () => {
        verified = false;
        held = { ...RECORDS, records: [] } as typeof RECORDS;
        return { ok: true, withdrawnAt: 2, deleted: { verifications: 1, claims: 1 }, traceId: 't' };
      },
    },
  }).launch();
  expect(mp.current().route).toBe('pages/home/index');
  await tap('records-link');
  expect(mp.current().route).toBe('packages/records/pages/index');
}

describe('weapp build: 我的核验记录', () => {
  test('is reached from the verified state and lists every stored field of the checks and consents, and the limits in counts', async () => {
    await openRecords();
    const page = mp.current();
    expect(text(page, 'record-0')).toContain('2026-11-29 00:05');
    expect(text(page, 'record-0-outcome')).toBe('核验通过');
    expect(text(page, 'record-0')).toContain('trace-r1');
    expect(text(page, 'record-0-carrier')).toBe('移动');
    expect(text(page, 'record-0-phone')).toBe('本人填写');
    expect(text(page, 'record-0-edition')).toBe('2026-12-04 第2版');
    expect(text(page, 'consent-0-at')).toBe('2026-11-29 00:00');
    expect(text(page, 'consent-1-withdrawn')).toContain('2026-11-21 10:00');
    expect(text(page, 'records-limits-text')).toContain('今天核验 1 次');
    expect(attrOf(mp, el(page, 'contact'), 'open-type')).toBe('contact');
    expect(text(page, 'records-requests')).toContain('15 个工作日内答复');
  });

  test('copies everything to the clipboard and exports it as a JSON file to send on', async () => {
    await openRecords();
    await tap('copy-all');
    expect(mp.device.clipboard).toContain('核验编号：trace-r1');
    expect(mp.device.clipboard).toContain('授权书版本：2026-11-29 第1版');
    await tap('export-all');
    expect(mp.device.sharedFiles).toEqual([{ filePath: 'wxfile://usr/my-records.json', fileName: 'my-records.json' }]);
    expect(JSON.parse(mp.device.files.get('wxfile://usr/my-records.json')!)).toEqual({ records: RECORDS.records, consents: RECORDS.consents, limits: LIMITS });
  });

  test('opens the edition a consent was given for, in full', async () => {
    await openRecords();
    await tap('consent-1-edition');
    expect(mp.current().route).toBe('packages/records/pages/edition');
    expect(text(mp.current(), 'agreement-label')).toBe('版本：2026-11-29 第1版');
    expect(text(mp.current(), 'agreement-version')).toContain('84c834e11219c35e');
  });

  test('deletes everything after the confirmation, then says what remains and until when', async () => {
    await openRecords();
    await tap('delete-all');
    expect(sent('deleteMyRecords')).toHaveLength(1);
    expect(findById(mp.current(), 'record-0')).toBeUndefined();
    expect(text(mp.current(), 'records-empty')).toContain('已删除您的核验记录和同意记录。');
    expect(text(mp.current(), 'records-remaining')).toContain('2026-12-28 11:00');
  });

  test('deletes nothing when the confirmation is cancelled', async () => {
    await openRecords({ modalConfirm: false });
    await tap('delete-all');
    expect(sent('deleteMyRecords')).toHaveLength(0);
    expect(text(mp.current(), 'record-0')).toContain('trace-r1');
  });

  test('withdraws on the server, forgets the consent on the phone, opens the agreement, and the verified state is gone', async () => {
    await openRecords();
    await tap('withdraw-consent');
    expect(sent('withdrawConsent')).toHaveLength(1);
    expect(mp.storage.has('mobileCheck.consent')).toBe(false);
    expect(mp.current().route).toBe('pages/agreement/index');
    const statusBefore = sent('status').length;
    mp.wx.reLaunch({ url: '/pages/home/index' });
    await mp.settle();
    expect(sent('status').length).toBe(statusBefore + 1);
    expect(mp.current().route).toBe('pages/agreement/index');
  });
});
