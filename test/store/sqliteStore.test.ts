import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beijingDay } from '../../cloudfunctions/mobileCheck/src/host';
import { openSqliteStore, type SqliteStore } from '../../local-host/sqliteStore';
import { describeStoreContract } from './storeContract';
import { answerOf, billedCheck, keys, NOON, openAndReserve, openFor, prepare, reserveInput } from './storeFixtures';

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

// Product bug: reserve() takes a claim another request finished after this one's open (it checks
// only pending claims), so two local hosts on one file can pay twice for one check.
describeStoreContract('sqlite', () => open());

describe('the sqlite store on disk', () => {
  test('keeps consents, verifications, answers, limits and spend after the file is reopened', async () => {
    const file = path.join(dir, 'nested', 'data.sqlite');
    const first = open(file);
    const reservation = await billedCheck(first, { guards: { callerDailyLimit: 1 } });
    first.close();
    opened = opened.filter((s) => s !== first);

    const again = open(file);
    const own = await again.ownRecords(keys().caller);
    expect([own.consents.length, own.verifications.length]).toEqual([1, 1]);
    await expect(again.readClaim(keys())).resolves.toMatchObject({ state: 'done', answer: answerOf(reservation) });
    await expect(again.readSpend(beijingDay(NOON))).resolves.toEqual({ today: 1, total: 1 });
    await expect(openAndReserve(again, { guards: { callerDailyLimit: 1 }, keys: { triple: 'triple-hash-2' } }))
      .resolves.toMatchObject({ ok: false, reason: 'limits', refusal: { limit: 'caller' } });
  });

  test('shares claims and limits between two connections to the same file, as two local hosts would', async () => {
    const file = path.join(dir, 'shared.sqlite');
    const [a, b] = [open(file), open(file)];
    const guards = { callerDailyLimit: 5 };
    const results = await Promise.all(
      Array.from({ length: 8 }, (_unused, i) => openAndReserve(i % 2 ? a : b, { guards, keys: { triple: `t-${i}`, mobile: `m-${i}` } })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const same = { keys: { caller: 'caller-hash-c' } };
    const stale = await openFor(b, prepare(same));
    await expect(openAndReserve(a, same)).resolves.toMatchObject({ ok: true });
    await expect(b.reserve(reserveInput(prepare(same), stale))).resolves.toEqual({ ok: false, reason: 'claimed' });
  });
});
