// What the official Tencent SDK would cost the function: the bundle built with its FaceID client
// against the bundle as built (our node:crypto TC3 signer), in bytes and in cold-load time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildFunction } from '../build-function';
import { loadMs } from './coldLoad';
import { median, round } from './stats';

export interface SdkWeightRow {
  runs: number;
  withoutSdkBytes: number;
  withSdkBytes: number;
  withoutSdkMedianMs: number;
  withSdkMedianMs: number;
}

export async function measureTencentSdk(runs: number): Promise<SdkWeightRow> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-sdk-'));
  const without = await buildFunction({ outfile: path.join(dir, 'without-sdk.js') });
  const withSdk = await buildFunction({ outfile: path.join(dir, 'with-sdk.js'), entry: path.join(__dirname, 'sdkEntry.ts') });
  const withoutMs: number[] = [];
  const withMs: number[] = [];
  loadMs(without.outfile);
  loadMs(withSdk.outfile);
  for (let i = 0; i < runs; i += 1) {
    withoutMs.push(loadMs(without.outfile));
    withMs.push(loadMs(withSdk.outfile));
  }
  return {
    runs, withoutSdkBytes: without.bytes, withSdkBytes: withSdk.bytes,
    withoutSdkMedianMs: round(median(withoutMs)), withSdkMedianMs: round(median(withMs)),
  };
}
