// `npm test`'s build step: `npm run build` (function bundle, weapp, h5) with marker secrets in the
// environment, then a stamp (.build-markers.json) naming the markers and fingerprinting the client
// build, so test/hardening/clientLeak.test.ts can prove the markers reached no client file.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { H5_STAMP, h5Fingerprint, writeH5Stamp } from '../local-host/h5Build';
import { REPO_ROOT } from '../support/files';
import { clientDigest, MARKERS, STAMP_FILE, type BuildStamp } from '../support/leakMarkers';

// A failed or interrupted build must not leave an old stamp that still matches.
for (const stamp of [STAMP_FILE, path.join(REPO_ROOT, H5_STAMP)]) rmSync(stamp, { force: true });

const h5Inputs = h5Fingerprint(REPO_ROOT, process.env);
const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, ...MARKERS } });
if (result.status !== 0) {
  console.error(`build-for-test: npm run build failed (${result.status ?? result.signal})`);
  process.exit(result.status || 1);
}

// The same h5 build serves `npm start` afterwards (the markers are no TARO_APP_ variables, so they change nothing in it).
writeH5Stamp(REPO_ROOT, h5Inputs);
const { digest, files } = clientDigest();
const stamp: BuildStamp = { markers: { ...MARKERS }, clientDigest: digest, files, builtAt: new Date().toISOString() };
writeFileSync(STAMP_FILE, `${JSON.stringify(stamp, null, 2)}\n`);
console.log(`build-for-test: built with leak markers (${files} client files), stamp ${STAMP_FILE}`);
