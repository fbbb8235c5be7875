import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore, type SqliteStore } from '../../local-host/sqliteStore';
import { consent, describeStoreContract, plan, verification, NOON } from './storeContract';

let dir: string;
let opened: SqliteStore[] = [];
const open = (file = path.join(dir, 'store.sqlite')) => {
  const store = openSqliteStore(file);
  opened.push(store);
  return store;
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mobilecheck-store-'));
});
afterEach(() => {
  opened.forEach((store) => store.close());
  opened = [];
  rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('sqlite', async () => {
  const store = open();
  return { store, rows: () => Object.values(store.dump()).flat() };
});

describe('the sqlite store on disk', () => {
  test('keeps consents, verifications, limits and the billed count after the file is reopened', async () => {
    const file = path.join(dir, 'nested', 'data.sqlite');
    const first = open(file);
    await first.recordConsent(consent());
    await first.recordVerification(verification());
    await first.reserveAttempt(plan({}, { caller: 1, mobile: 5 }));
    first.close();
    opened = opened.filter((s) => s !== first);

    const again = open(file);
    expect(again.dump().consents).toHaveLength(1);
    await expect(again.countBilled()).resolves.toBe(1);
    await expect(again.findReusableAnswer({ caller: 'caller-hash-a', tripleHash: 'triple-hash-1', since: NOON - 1 }))
      .resolves.toMatchObject({ code: '01' });
    await expect(again.reserveAttempt(plan({ mobile: 'other' }, { caller: 1, mobile: 5 }))).resolves.toMatchObject({ ok: false, limit: 'caller' });
  });

  test('shares limits between two connections to the same file, as two local hosts would', async () => {
    const file = path.join(dir, 'shared.sqlite');
    const a = open(file);
    const b = open(file);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_unused, i) => (i % 2 ? a : b).reserveAttempt(plan({ mobile: `m-${i}` }, { caller: 5, mobile: 5 }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
  });
});
