import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildFunction } from '../../scripts/build-function';

/**
 * The function built with the real build options into a private folder (so suites running in
 * parallel never read a half-written index.js), plus the cloud-database stand-in as plain JS.
 */
export async function buildTestBundle(): Promise<{ bundle: string; standInDatabase: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mobilecheck-bundle-'));
  const { outfile } = await buildFunction({ outfile: path.join(dir, 'index.js') });
  const standInDatabase = path.join(dir, 'fakeCloudDatabase.js');
  buildSync({
    entryPoints: [path.join(__dirname, '../../scripts/support/cloudDatabaseStandIn.ts')], outfile: standInDatabase,
    bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning',
  });
  return { bundle: outfile, standInDatabase };
}
