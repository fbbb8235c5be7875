// The weapp and h5 builds go to every phone and browser: the appCode and the hash secret set in the
// environment at build time must be in none of their files. `npm test` builds with marker values
// (scripts/build-for-test.ts) and stamps which markers and which client files that build produced.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listFiles, REPO_ROOT } from '../../support/files';
import { clientDigest, CLIENT_DIRS, FUNCTION_BUNDLE, MARKERS, STAMP_FILE, type BuildStamp } from '../../support/leakMarkers';

const REBUILD = 'run npm test (it builds with leak markers)';
const SECRET_NAMES = Object.keys(MARKERS);

/** The forms a secret could take in a bundle: as is (JSON/JS escaping leaves [a-z0-9] alone), base64, hex. */
function forms(secret: string): Buffer[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [bytes, Buffer.from(bytes.toString('base64')), Buffer.from(bytes.toString('base64').replace(/=+$/, '')), Buffer.from(bytes.toString('hex')), Buffer.from(secret, 'utf16le')];
}

/** Every file among `files` holding any of `needles` in any form, as "file: needle". */
function findIn(files: string[], needles: string[]): string[] {
  const hits: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const needle of needles) {
      if (forms(needle).some((form) => bytes.includes(form))) hits.push(`${path.relative(REPO_ROOT, file)}: ${needle}`);
    }
  }
  return hits;
}

function readStamp(): BuildStamp {
  let stamp: BuildStamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP_FILE, 'utf8')) as BuildStamp;
  } catch {
    throw new Error(`no ${path.basename(STAMP_FILE)}: the client builds were not made with leak markers — ${REBUILD}`);
  }
  if (JSON.stringify(stamp.markers) !== JSON.stringify(MARKERS)) throw new Error(`the last build used other markers — ${REBUILD}`);
  const current = clientDigest();
  if (current.digest !== stamp.clientDigest) {
    throw new Error(`dist/ or dist-h5/ changed since the build with leak markers (${current.files} files now, ${stamp.files} then) — ${REBUILD}`);
  }
  return stamp;
}

const clientFiles = () => CLIENT_DIRS.flatMap(listFiles);

describe('the client builds', () => {
  test('were made by the build with leak markers, and are the files that build produced', () => {
    const stamp = readStamp();
    expect(stamp.files).toBeGreaterThan(10);
    for (const dir of CLIENT_DIRS) expect(listFiles(dir).some((file) => file.endsWith('.js'))).toBe(true);
  });

  test('hold neither the marker appCode nor the marker hash secret in any file, in any form', () => {
    readStamp();
    expect(findIn(clientFiles(), Object.values(MARKERS))).toEqual([]);
  });

  test('do not even name the function\'s secret settings', () => {
    readStamp();
    expect(findIn(clientFiles(), SECRET_NAMES)).toEqual([]);
  });
});

describe('the function bundle built alongside', () => {
  // bundle.test.ts rebuilds this file while jest runs; the build is deterministic and does not depend
  // on the environment, so any complete copy read here is what `npm test`'s build produced.
  test('reads the secrets from the environment at run time instead of holding their values', () => {
    readStamp();
    const text = readFileSync(FUNCTION_BUNDLE, 'utf8');
    for (const name of SECRET_NAMES) expect(text).toContain(name);
    expect(findIn([FUNCTION_BUNDLE], Object.values(MARKERS))).toEqual([]);
  });
});

describe('the scan itself', () => {
  test('finds a marker written plainly, JSON-escaped, base64, hex or UTF-16, and nothing in a clean file', () => {
    const secret = MARKERS.ALIYUN_APPCODE;
    const dir = mkdtempSync(path.join(tmpdir(), 'leak-scan-'));
    const planted: Record<string, Buffer> = {
      'plain.js': Buffer.from(`var a="${secret}";`),
      'escaped.json': Buffer.from(JSON.stringify({ env: { ALIYUN: `"${secret}"` } })),
      'base64.js': Buffer.from(`atob("${Buffer.from(secret).toString('base64')}")`),
      'hex.js': Buffer.from(`h("${Buffer.from(secret).toString('hex')}")`),
      'utf16.bin': Buffer.from(`x${secret}y`, 'utf16le'),
      'clean.js': Buffer.from('console.log("nothing here")'),
    };
    try {
      for (const [name, bytes] of Object.entries(planted)) writeFileSync(path.join(dir, name), bytes);
      const hits = findIn(listFiles(dir), [secret]).map((hit) => path.basename(hit.split(':')[0]));
      expect(hits.sort()).toEqual(['base64.js', 'escaped.json', 'hex.js', 'plain.js', 'utf16.bin']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
