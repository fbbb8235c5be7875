// `npm test`'s build step: `npm run build` (function bundle, weapp, h5) with marker secrets in the
// environment, then a stamp (.build-markers.json) naming the markers and fingerprinting the client
// build, so test/hardening/clientLeak.test.ts can prove the markers reached no client file.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { clientDigest, MARKERS, STAMP_FILE, type BuildStamp } from '../test/support/markers';

// A failed or interrupted build must not leave an old stamp that still matches.
rmSync(STAMP_FILE, { force: true });

const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, ...MARKERS } });
if (result.status !== 0) {
  console.error(`build-for-test: npm run build failed (${result.status ?? result.signal})`);
  process.exit(result.status || 1);
}

const { digest, files } = clientDigest();
const stamp: BuildStamp = { markers: { ...MARKERS }, clientDigest: digest, files, builtAt: new Date().toISOString() };
writeFileSync(STAMP_FILE, `${JSON.stringify(stamp, null, 2)}\n`);
console.log(`build-for-test: built with leak markers (${files} client files), stamp ${STAMP_FILE}`);
