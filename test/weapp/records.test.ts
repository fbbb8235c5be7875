// 我的核验记录 in the compiled mini-program: listing, deleting after a confirmation, withdrawing.
import { requireFreshDist } from './dist';
import { findById } from './miniProgram';
import { COMPLETED, mp, sent, start, tap, text, VERSION } from './session';

beforeAll(() => requireFreshDist());

jest.setTimeout(30_000);

afterEach(async () => {
  await mp?.settle();
});

const agreed = { version: VERSION, acceptedAt: 1 };
const RECORDS = {
  ok: true,
  records: [{ at: Date.UTC(2026, 10, 28, 16, 5), code: '01', verified: true, cached: true, masked: COMPLETED.masked, traceId: 'trace-r1' }],
  consents: [{ at: Date.UTC(2026, 10, 28, 16, 0), agreementVersion: VERSION }],
  traceId: 't',
};
const EMPTY = { ok: true, records: [], consents: [], traceId: 't' };

async function openRecords(options: { modalConfirm?: boolean } = {}) {
  let held: typeof RECORDS | typeof EMPTY = RECORDS;
  await start({
    consent: agreed,
    modalConfirm: options.modalConfirm,
    answers: {
      myRecords: () => held,
      deleteMyRecords: () => {
        held = EMPTY;
        return { ok: true, deleted: { consents: 1, verifications: 1 }, traceId: 't' };
      },
      withdrawConsent: () => ({ ok: true, withdrawnAt: 2, traceId: 't' }),
    },
  }).launch();
  await tap('records-link');
  expect(mp.current().route).toBe('packages/records/pages/index');
}

describe('weapp build: 我的核验记录', () => {
  test('is reached from the form and lists the person’s checks and consents', async () => {
    await openRecords();
    const page = mp.current();
    expect(text(page, 'record-0')).toContain('2026-11-29 00:05');
    expect(text(page, 'record-0-outcome')).toBe('核验通过缓存');
    expect(text(page, 'record-0')).toContain('trace-r1');
    expect(text(page, 'consent-0')).toContain(VERSION);
  });

  test('deletes everything after the confirmation, then shows the list empty', async () => {
    await openRecords();
    await tap('delete-all');
    expect(sent('deleteMyRecords')).toHaveLength(1);
    expect(findById(mp.current(), 'record-0')).toBeUndefined();
    expect(text(mp.current(), 'records-empty')).toContain('没有保存任何');
  });

  test('deletes nothing when the confirmation is cancelled', async () => {
    await openRecords({ modalConfirm: false });
    await tap('delete-all');
    expect(sent('deleteMyRecords')).toHaveLength(0);
    expect(text(mp.current(), 'record-0')).toContain('trace-r1');
  });

  test('withdraws on the server, forgets the consent on the phone and opens the agreement', async () => {
    await openRecords();
    await tap('withdraw-consent');
    expect(sent('withdrawConsent')).toHaveLength(1);
    expect(mp.storage.has('mobileCheck.consent')).toBe(false);
    expect(mp.current().route).toBe('pages/agreement/index');
  });
});
