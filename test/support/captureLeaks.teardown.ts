// jest globalTeardown of the 'node' project: scans everything captureLeaks.ts collected during the run
// for raw names, ID numbers and mobiles, and fails the run (throws) naming the suite and the source,
// with a redacted excerpt. Prints what it scanned, so an empty capture is visible too.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findRawData, redactedExcerpt } from './captureLeaks.scan';

interface Item {
  source: string;
  test: string;
  text: string;
}

export default function teardown(): void {
  const dir = process.env.LEAK_CAPTURE_DIR;
  if (!dir) return;
  const counts: Record<string, number> = {};
  const problems: string[] = [];
  try {
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ndjson'))) {
      for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
        if (!line) continue;
        const item = JSON.parse(line) as Item;
        counts[item.source] = (counts[item.source] ?? 0) + 1;
        for (const finding of findRawData(item.text).slice(0, 3)) {
          problems.push(`${item.test} (${item.source}): raw ${finding.kind} in «${redactedExcerpt(item.text, finding)}»`);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const summary = Object.entries(counts).map(([source, n]) => `${n} ${source}`).join(', ') || 'nothing';
  if (problems.length) {
    throw new Error(`leak scan: ${problems.length} finding(s) of raw personal data:\n${problems.slice(0, 20).join('\n')}`);
  }
  process.stdout.write(`\nleak scan: no raw name, ID or mobile in ${summary} captured by the node suites\n`);
}
