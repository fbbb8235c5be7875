// jest globalSetup of the 'node' project: one capture directory per run, handed to the test workers
// (spawned after this) through the environment. See captureLeaks.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): void {
  process.env.LEAK_CAPTURE_DIR = mkdtempSync(path.join(tmpdir(), 'mobilecheck-leak-capture-'));
}
