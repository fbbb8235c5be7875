// Marker secrets for the client leak scan. `npm test` builds the function bundle, the weapp and the
// h5 app with these in the environment (scripts/build-for-test.ts), and test/hardening/clientLeak
// proves that none of them reaches a client file. Plain [a-z0-9] so that JSON or JS escaping cannot
// hide them; the scan also looks for their base64 and hex forms.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles, REPO_ROOT } from './files';

export const MARKERS = {
  ALIYUN_APPCODE: 'leakmarker0appcode0e1d7c4b9a2f6d3b',
  MOBILECHECK_HASH_SECRET: 'leakmarker0hashsecret07f3a9c2e5b1d',
  MOBILECHECK_TENCENT_SECRET_KEY: 'leakmarker0tencentkey0b8e2d5a1c7f4',
} as const;

/** Written by scripts/build-for-test.ts after a successful build; gitignored. */
export const STAMP_FILE = path.join(REPO_ROOT, '.build-markers.json');
/** What the client receives: the weapp package and the h5 site. */
export const CLIENT_DIRS = ['dist', 'dist-h5'].map((dir) => path.join(REPO_ROOT, dir));
export const FUNCTION_BUNDLE = path.join(REPO_ROOT, 'cloudfunctions/mobileCheck/index.js');

export interface BuildStamp {
  markers: Record<string, string>;
  /** sha256 over every client file's path and bytes, so a later build without markers is noticed. */
  clientDigest: string;
  files: number;
  builtAt: string;
}

export function clientDigest(): { digest: string; files: number } {
  const hash = createHash('sha256');
  let files = 0;
  for (const dir of CLIENT_DIRS) {
    for (const file of listFiles(dir)) {
      hash.update(path.relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
      files += 1;
    }
  }
  return { digest: hash.digest('hex'), files };
}
