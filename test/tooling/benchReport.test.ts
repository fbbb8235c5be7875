// `npm run bench` judges each figure against its own goal: the weapp packages separately, the
// overhead at concurrency 1 only.
import type { RoundTripRow } from '../../scripts/bench/roundTrips';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatReport, type MeasuredOverhead } from '../../scripts/bench/report';
import { subpackageRoots, weappPackages, type SizeRow } from '../../scripts/bench/sizes';

function dist(files: Record<string, number>, appJson: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-dist-'));
  for (const [file, size] of Object.entries({ ...files, 'app.json': 0 })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), 'x'.repeat(size));
  }
  writeFileSync(path.join(dir, 'app.json'), JSON.stringify(appJson));
  return dir;
}

const row = (concurrency: number, vendorLatencyMs: number, medianRatio: number): MeasuredOverhead => ({
  provider: 'aliyun-market', concurrency, vendorLatencyMs, medianRatio, requests: 500, handlerMedianMs: 31, handlerP99Ms: 40, bareMedianMs: 30, bareP99Ms: 38,
  roundRatios: [medianRatio, medianRatio, medianRatio],
});
const sizes: SizeRow = {
  weappMainPackageBytes: 300 * 1024, weappMainBudgetBytes: 360 * 1024, weappSubpackages: [{ root: 'pages/console/', bytes: 200 * 1024 }],
  h5AllJsBytes: 600 * 1024, functionBundleBytes: 1300 * 1024,
};
const roundTrips: RoundTripRow[] = [
  { kind: 'billed, new caller, new day', via: 'stand-in', network: 'steady', roundTrips: 3, databaseCalls: 12, ms: 70 },
  { kind: 'billed, repeat by a known caller', via: 'stand-in', network: 'steady', roundTrips: 3, databaseCalls: 10, ms: 70 },
  { kind: 'cached', via: 'stand-in', network: 'steady', roundTrips: 1, databaseCalls: 3, ms: 21 },
  { kind: 'refused before the store', via: 'stand-in', network: 'steady', roundTrips: 0, databaseCalls: 0, ms: 0 },
  { kind: 'refused by the request cap', via: 'stand-in', network: 'steady', roundTrips: 1, databaseCalls: 3, ms: 21 },
  { kind: 'billed, new caller, new day', via: 'stand-in', network: 'jittery', roundTrips: 3, databaseCalls: 12, ms: 90 },
  { kind: 'billed, new caller, new day', via: 'wire', network: 'steady', roundTrips: 3, databaseCalls: 12, ms: 100 },
];
const report = (overhead: MeasuredOverhead[], firstPageBytes = 390_000) => formatReport({
  overhead, vendorLatencyMs: 30, sizes,
  coldLoad: { runs: 9, bundleMedianMs: 200, sdkMedianMs: 350, ratio: 0.57 },
  h5FirstPage: { jsBytes: firstPageBytes, scripts: [{ path: '/js/app.js', bytes: firstPageBytes }] },
  cost: { attempts: 100, invalidAttempts: 40, distinctValidTriples: 10, vendorRequests: 10, billedCalls: 10, cachedAnswers: 50 },
  roundTrips,
  tencentSdk: { runs: 9, withoutSdkBytes: 1_404_815, withSdkBytes: 1_754_936, withoutSdkMedianMs: 210, withSdkMedianMs: 330 },
});

test('prints the official Tencent SDK\'s weight next to the bundle as built', () => {
  expect(report([])).toContain('bundle 1371.9 KB → 1713.8 KB, cold load 210 ms → 330 ms');
});

test('judges the overhead goal with every provider\'s row at concurrency 1', () => {
  const tencent = { ...row(1, 30, 1.08), provider: 'tencent-faceid' as const };
  expect(report([row(1, 30, 1.01), tencent])).toContain('each provider as primary: NOT met');
  expect(report([row(1, 30, 1.01), { ...tencent, medianRatio: 1.04 }])).toContain('each provider as primary: met');
});

test('prints the database round trips per check with their goal', () => {
  expect(report([])).toMatch(/billed, new caller, new day \(stand-in, steady\)\s+3 round trips\s+12 database calls/);
  expect(report([])).toMatch(/billed, new caller, new day \(stand-in, jittery\)\s+3 round trips/);
  expect(report([])).toMatch(/billed, new caller, new day \(wire, steady\)\s+3 round trips\s+12 database calls\s+100 ms/);
  expect(report([])).toContain('goal: billed <= 3, cached <= 1, refused before the store 0: met');
});

describe('bench sizes', () => {
  test('subpackage roots come from dist/app.json, normalised to end in one slash', () => {
    expect(subpackageRoots(JSON.stringify({ subPackages: [{ root: 'pages/console' }, { root: '/stats/' }] }))).toEqual(['pages/console/', 'stats/']);
    expect(subpackageRoots(JSON.stringify({ subpackages: [{ root: 'old/' }] }))).toEqual(['old/']);
    expect(subpackageRoots('{}')).toEqual([]);
  });

  test('the main package holds everything outside the subpackages; maps and license texts are not uploaded', () => {
    const dir = dist({
      'app.js': 1000, 'taro.js': 500, 'pages/form/index.js': 200, 'app.js.map': 9999, 'vendors.js.LICENSE.txt': 9999,
      'pages/console/index.js': 300, 'pages/console/chart.js': 400, 'pages/consoleOther/index.js': 50,
    }, { pages: ['pages/form/index'], subPackages: [{ root: 'pages/console', pages: ['index'] }] });
    const measured = weappPackages(dir);
    const appJsonBytes = JSON.stringify({ pages: ['pages/form/index'], subPackages: [{ root: 'pages/console', pages: ['index'] }] }).length;
    expect(measured.subpackages).toEqual([{ root: 'pages/console/', bytes: 700 }]);
    expect(measured.main).toBe(1000 + 500 + 200 + 50 + appJsonBytes);
  });
});

describe('bench report', () => {
  test('judges the overhead at concurrency 1 against 1.05 and prints the 50-concurrent rows as information', () => {
    const text = report([row(1, 30, 1.03), row(50, 30, 1.4), row(1, 0, 2.5), row(50, 0, 3)]);
    expect(text).toMatch(/goal: ratio of medians <= 1.05 at concurrency 1 .*: met$/m);
    expect(text).not.toContain('NOT met');
  });

  test('says NOT met when the concurrency-1 ratio passes 1.05', () => {
    expect(report([row(1, 30, 1.06), row(50, 30, 1.0)])).toMatch(/at concurrency 1 .*: NOT met$/m);
  });

  test('judges the h5 first page against 400 KB and the weapp main package against 360 KB', () => {
    expect(report([row(1, 30, 1)])).toMatch(/h5 first page JS, measured in Chromium: 380\.9 KB in 1 scripts — goal < 400\.0 KB: met/);
    expect(report([row(1, 30, 1)], 410_000)).toMatch(/goal < 400\.0 KB: NOT met/);
    expect(report([row(1, 30, 1)])).toMatch(/weapp main package 300\.0 KB — goal <= 360\.0 KB .*: met/);
    expect(report([row(1, 30, 1)])).toContain('weapp subpackages (WeChat\'s limit 2048 KB each): pages/console/ 200.0 KB (met)');
  });
});
