// Cold load: fresh Node processes requiring the built index.js, against ones requiring wx-server-sdk
// alone (the conventional layout's unavoidable part), alternating so load on the machine hits both.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../support/files';
import { median, round } from './stats';

const root = REPO_ROOT;

export function loadMs(target: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});` +
    'process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))';
  return Number(execFileSync(process.execPath, ['-e', script], { cwd: root, env: { PATH: process.env.PATH ?? '' } }).toString());
}

export interface ColdLoadRow {
  runs: number;
  bundleMedianMs: number;
  sdkMedianMs: number;
  ratio: number;
}

export function measureColdLoad(runs: number): ColdLoadRow {
  const bundle = path.join(root, 'cloudfunctions/mobileCheck/index.js');
  const sdk = require.resolve('wx-server-sdk', { paths: [root] });
  const bundleMs: number[] = [];
  const sdkMs: number[] = [];
  loadMs(bundle); // fill the OS file cache for both before measuring
  loadMs(sdk);
  for (let i = 0; i < runs; i += 1) {
    bundleMs.push(loadMs(bundle));
    sdkMs.push(loadMs(sdk));
  }
  return { runs, bundleMedianMs: round(median(bundleMs)), sdkMedianMs: round(median(sdkMs)), ratio: round(median(bundleMs) / median(sdkMs), 3) };
}
