// `npm start` reuses dist-h5/ when nothing it is built from changed since the last successful build.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../support/files';

/** What the h5 build is made from (paths relative to the repository root; missing ones are skipped). */
const H5_INPUTS = [
  'src', 'config', 'types', 'babel.config.js', 'tsconfig.json', 'package.json', 'package-lock.json',
  '.env', '.env.production',
];
/** Written after a successful build; outside dist-h5/ so the client files stay exactly what Taro wrote. */
export const H5_STAMP = '.h5-build.json';

/** sha256 over every input file's path and bytes, and the TARO_APP_* variables the build inlines. */
export function h5Fingerprint(root: string, env: Record<string, string | undefined>): string {
  const hash = createHash('sha256');
  for (const file of H5_INPUTS.flatMap((input) => listFiles(path.join(root, input)))) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const name of Object.keys(env).filter((key) => key.startsWith('TARO_APP_')).sort()) {
    hash.update(`${name}=${env[name] ?? ''}\0`);
  }
  return hash.digest('hex');
}

/** True when dist-h5/ exists and was built from exactly the current inputs. */
export function h5BuildIsFresh(root: string, fingerprint: string): boolean {
  if (!existsSync(path.join(root, 'dist-h5/index.html'))) return false;
  try {
    return (JSON.parse(readFileSync(path.join(root, H5_STAMP), 'utf8')) as { fingerprint?: unknown }).fingerprint === fingerprint;
  } catch {
    return false;
  }
}

/**
 * Runs `build` unless the build is fresh; answers whether it built. The fingerprint is taken before
 * building, so a source edited during the build makes the next start build again.
 */
export function ensureH5Build(root: string, env: Record<string, string | undefined>, build: () => void): boolean {
  const fingerprint = h5Fingerprint(root, env);
  if (h5BuildIsFresh(root, fingerprint)) return false;
  rmSync(path.join(root, H5_STAMP), { force: true });
  build();
  writeH5Stamp(root, fingerprint);
  return true;
}

/** Records that dist-h5/ was built from the inputs that had `fingerprint` when the build began. */
export function writeH5Stamp(root: string, fingerprint: string): void {
  writeFileSync(path.join(root, H5_STAMP), `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() })}\n`);
}
