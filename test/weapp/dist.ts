import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');

function newestMtime(dir: string): { file: string; mtime: number } {
  let best = { file: '', mtime: 0 };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const candidate = entry.isDirectory() ? newestMtime(full) : { file: full, mtime: fs.statSync(full).mtimeMs };
    if (candidate.mtime > best.mtime) best = candidate;
  }
  return best;
}

/** The weapp tests read the production build; they never build it themselves. */
export function requireFreshDist(): void {
  const appJs = path.join(DIST, 'app.js');
  if (!fs.existsSync(appJs) || !fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error('dist/ has no weapp build: run npm run build:weapp first (npm test does it)');
  }
  const built = fs.statSync(appJs).mtimeMs;
  const newest = [newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'config'))].sort((a, b) => b.mtime - a.mtime)[0];
  if (newest.mtime > built) {
    throw new Error(`dist/ is older than ${path.relative(ROOT, newest.file)}: run npm run build:weapp first`);
  }
}

export function listFiles(dir: string, ext?: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, ext));
    else if (!ext || entry.name.endsWith(ext)) out.push(full);
  }
  return out.sort();
}
