// The hourly timer through createRetentionJob over the SQLite store: purge at most once an hour,
// yesterday's digest only on the 03:00 (Beijing) run.
import {
  cloudStore, COLLECTIONS, createRetentionJob, emptyAggregates, type LogLine,
} from '../../cloudfunctions/mobileCheck/src/host';
import { openSqliteStore } from '../../local-host/sqliteStore';
import { fakeCloudDatabase, seededRandom } from '../../support/cloudDatabaseStandIn';

const AT_0310_BEIJING = Date.UTC(2026, 10, 29, 19, 10); // 2026-11-30 03:10 in Beijing
const HOUR = 3_600_000;

function job(now: () => number) {
  const store = openSqliteStore(':memory:');
  const lines: LogLine[] = [];
  const run = createRetentionJob({ store, clock: { now }, retentionDays: 30, log: (line) => lines.push(line), purgeBudgetMs: 1_000 });
  return { store, lines, run };
}

test('the 03:00 run purges and logs yesterday\'s totals once', async () => {
  let now = AT_0310_BEIJING;
  const { store, lines, run } = job(() => now);
  await store.addAggregates(new Map([['20261129', { ...emptyAggregates(), requests: 5, billed: 2, outcomes: { '01': 2 } }]]));
  await expect(run()).resolves.toEqual({ ok: true });
  expect(lines.map((line) => line.event)).toEqual(['retentionPurge', 'dailyDigest']);
  expect(lines[1]).toMatchObject({ level: 'info', totals: { day: '2026-11-29', requests: 5, billed: 2, outcomes: { '01': 2 } } });
  now += 10 * 60_000;
  await expect(run()).resolves.toEqual({ ok: true }); // within the hour: nothing runs, nothing is said
  expect(lines).toHaveLength(2);
});

test('the other hours purge without a digest; a day whose 03:00 run was missed gets its digest from the next run', async () => {
  let now = AT_0310_BEIJING - 2 * HOUR;
  const { lines, run } = job(() => now);
  await run(); // 01:10: yesterday's digest is not due yet
  now = AT_0310_BEIJING + HOUR;
  await run(); // 04:10, the 03:00 run never came
  now += HOUR;
  await run();
  expect(lines.map((line) => line.event)).toEqual(['retentionPurge', 'retentionPurge', 'dailyDigest', 'retentionPurge']);
});

describe.each([
  ['sqlite', () => openSqliteStore(':memory:')],
  ['cloud database stand-in', () => cloudStore(fakeCloudDatabase({ collections: Object.values(COLLECTIONS) }))],
])('timer jitter over 60 simulated days with the %s store (issue 16, point 2)', (_adapter, openStore) => {
  test('two instances whose hourly timers fire 0–400 ms early or late purge exactly once per hour and write each day\'s digest once', async () => {
    const store = openStore();
    const random = seededRandom(60);
    let now = 0;
    const lines: LogLine[] = [];
    const instance = () => createRetentionJob({ store, clock: { now: () => now }, retentionDays: 30, log: (line) => lines.push(line), purgeBudgetMs: 1_000 });
    const [a, b] = [instance(), instance()];
    const start = Date.UTC(2026, 0, 1, 16); // 00:00 Beijing
    for (let hour = 0; hour < 60 * 24; hour += 1) {
      for (const run of [a, b]) {
        now = start + hour * HOUR + Math.round((random() * 2 - 1) * 400);
        await run();
      }
    }
    expect(lines.filter((line) => line.event === 'retentionPurge')).toHaveLength(1440);
    const digests = lines.filter((line): line is Extract<LogLine, { event: 'dailyDigest' }> => line.event === 'dailyDigest');
    expect(digests).toHaveLength(60);
    expect(new Set(digests.map((line) => line.totals.day)).size).toBe(60);
  }, 30_000); // 2,880 runs through the store: seconds on a busy machine
});
